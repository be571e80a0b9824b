"""GET /metrics (issue 18 #3): who may read it, what it counts, and that several workers add up.

The instruments are process-wide counters, so each test compares a scrape before and after what
it does rather than absolute values.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from stories_service import periodic
from stories_service.models import Staff, Submission, WebhookDelivery
from stories_service.webhooks.delivery import fan_out
from stories_service.webhooks.jobs import run_dispatcher_once
from tests.publishing.factories import bearer, publish_story, staff_token
from tests.publishing.test_webhooks import Receiver
from tests.servers import free_port, live_sync_client, local_url, spawned_server
from tests.staffing import make_staff, post, sign_in, submit

METRICS_TOKEN = "metrics-" + "s" * 40
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def parse(text: str) -> Samples:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


async def scrape_text(client: httpx.AsyncClient, token: str) -> str:
    response = await client.get("/metrics", headers=bearer(token))
    assert response.status_code == 200, response.text
    return response.text


async def scrape(client: httpx.AsyncClient, token: str) -> Samples:
    return parse(await scrape_text(client, token))


# Who may read it


async def test_no_bearer_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.get("/metrics")  # as a scraper asks: no Accept header for JSON
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "stories_" not in response.text
    assert response.json()["error"]["code"] == "unauthorized"  # the API error shape, no page


async def test_a_signed_in_admins_session_cookie_opens_nothing(client: httpx.AsyncClient) -> None:
    """Only a bearer token counts, which no browser sends on its own: a page on another site
    cannot make an admin's browser fetch the figures."""
    admin = await make_staff("admin")
    await sign_in(client, admin)
    assert (await client.get("/staff")).status_code == 200  # the session works
    response = await client.get("/metrics")
    assert response.status_code == 401
    assert "stories_" not in response.text


@pytest.mark.parametrize("role", ["moderator", "editor"])
async def test_staff_below_admin_get_403(client: httpx.AsyncClient, role: str) -> None:
    response = await client.get("/metrics", headers=bearer(await staff_token(role)))
    assert response.status_code == 403
    assert "stories_" not in response.text


@pytest.mark.parametrize("token", ["hs_not-a-token", METRICS_TOKEN[:-1], "x" * 64])
async def test_a_wrong_token_is_401(
    client: httpx.AsyncClient, override_settings, token: str
) -> None:
    override_settings(metrics_token=METRICS_TOKEN)
    response = await client.get("/metrics", headers=bearer(token))
    assert response.status_code == 401
    assert "stories_" not in response.text


async def test_only_get(client: httpx.AsyncClient) -> None:
    admin = await staff_token("admin")
    response = await client.post("/metrics", headers=bearer(admin))
    assert response.status_code == 405


async def test_an_admins_token_opens_it(client: httpx.AsyncClient) -> None:
    response = await client.get("/metrics", headers=bearer(await staff_token("admin")))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.headers["cache-control"] == "no-store"
    assert value(parse(response.text), "stories_database_up") == 1.0


async def test_the_metrics_token_opens_it(client: httpx.AsyncClient, override_settings) -> None:
    override_settings(metrics_token=METRICS_TOKEN)
    samples = await scrape(client, METRICS_TOKEN)
    assert value(samples, "stories_database_up") == 1.0


async def test_a_deactivated_admins_token_is_refused(client: httpx.AsyncClient) -> None:
    admin = await make_staff("admin", password=None)
    await Staff.filter(id=admin.id).update(active=False)
    assert (await client.get("/metrics", headers=admin.headers)).status_code == 401


# What it counts


async def test_requests_are_counted_by_route_template_never_by_path(
    client: httpx.AsyncClient,
) -> None:
    admin = await staff_token("admin")
    before = await scrape(client, admin)
    slug = "a-slug-nobody-should-see-" + secrets.token_hex(4)
    missing_id = str(uuid.uuid4())
    stray = "/stray-path-" + secrets.token_hex(4)
    assert (await client.get(f"/stories/{slug}")).status_code == 404
    assert (
        await client.get(f"/api/v1/submissions/{missing_id}", headers=bearer(admin))
    ).status_code == 404
    assert (await client.get(stray)).status_code == 404
    created = await submit(client)
    status = await client.post(
        "/api/v1/receipt/status", json={"receipt_code": created["receipt_code"]}
    )
    assert status.status_code == 200
    text = await scrape_text(client, admin)
    after = parse(text)

    def grew(route: str, method: str, status: str) -> float:
        labels = {"route": route, "method": method, "status": status}
        return value(after, "stories_http_requests_total", **labels) - value(
            before, "stories_http_requests_total", **labels
        )

    assert grew("/stories/{slug}", "GET", "404") == 1
    assert grew("/api/v1/submissions/{submission_id}", "GET", "404") == 1
    assert grew("unmatched", "GET", "404") == 1
    assert grew("/api/v1/submissions", "POST", "201") == 1
    assert grew("/api/v1/receipt/status", "POST", "200") == 1
    timed = value(
        after, "stories_http_request_duration_seconds_count", route="/stories/{slug}", method="GET"
    )
    assert timed >= 1
    for secret in (slug, missing_id, stray, created["id"], created["receipt_code"]):
        assert secret not in text


async def test_queue_length_and_age_by_state_are_read_when_scraped(
    client: httpx.AsyncClient,
) -> None:
    admin = await staff_token("admin")
    empty = await scrape(client, admin)
    assert value(empty, "stories_queue_submissions", state="submitted") == 0
    first = await submit(client)
    await submit(client)
    await Submission.filter(id=first["id"]).update(created_at=_hours_ago(3))
    samples = await scrape(client, admin)
    assert value(samples, "stories_queue_submissions", state="submitted") == 2
    assert value(samples, "stories_queue_submissions", state="published") == 0
    age = value(samples, "stories_queue_oldest_age_seconds", state="submitted")
    assert 3 * 3600 <= age < 4 * 3600
    assert value(samples, "stories_queue_oldest_age_seconds", state="in_review") == 0


def _hours_ago(hours: float) -> datetime:
    return datetime.now(UTC) - timedelta(hours=hours)


async def test_webhook_backlog_failures_and_attempts(client: httpx.AsyncClient, runtime) -> None:
    admin = await staff_token("admin")
    editor = await staff_token("editor")
    with Receiver(refuse=1) as receiver:
        registered = await client.post(
            "/api/v1/webhooks",
            json={"url": receiver.url, "events": ["story.published"]},
            headers=bearer(admin),
        )
        assert registered.status_code == 201, registered.text
        before = await scrape(client, admin)
        await publish_story(client, runtime.cipher, editor)
        published = await scrape(client, admin)
        assert value(published, "stories_outbox_undispatched") == 1
        await fan_out()
        fanned = await scrape(client, admin)
        assert value(fanned, "stories_outbox_undispatched") == 0
        assert value(fanned, "stories_webhook_backlog") == 1
        # The receiver refuses the first attempt (503), then takes the retry.
        assert await run_dispatcher_once(runtime) == 1
        refused = await scrape(client, admin)
        assert value(refused, "stories_webhook_backlog") == 1
        await WebhookDelivery.all().update(next_attempt_at=_hours_ago(1))
        assert await run_dispatcher_once(runtime) == 1
        after = await scrape(client, admin)
    assert len(receiver.requests) == 2
    assert value(after, "stories_webhook_backlog") == 0
    for outcome, count in (("refused", 1), ("delivered", 1), ("unreachable", 0)):
        grew = value(after, "stories_webhook_attempts_total", outcome=outcome) - value(
            before, "stories_webhook_attempts_total", outcome=outcome
        )
        assert grew == count, outcome
    await WebhookDelivery.all().update(status="failed")
    assert value(await scrape(client, admin), "stories_webhook_deliveries_failed") == 1


async def test_page_cache_hits_and_misses(client: httpx.AsyncClient) -> None:
    admin = await staff_token("admin")
    before = await scrape(client, admin)
    assert (await client.get("/feed.json")).status_code == 200
    # A hit needs the cache confirmed by the poller within the last second and a half.
    hits_before = value(before, "stories_page_cache_lookups_total", result="hit")
    give_up = time.monotonic() + 60
    while True:
        assert (await client.get("/feed.json")).status_code == 200
        after = await scrape(client, admin)
        if value(after, "stories_page_cache_lookups_total", result="hit") > hits_before:
            break
        assert time.monotonic() < give_up, "no cache hit"
        await asyncio.sleep(0.1)
    misses = value(after, "stories_page_cache_lookups_total", result="miss") - value(
        before, "stories_page_cache_lookups_total", result="miss"
    )
    assert misses >= 1


async def test_job_runs_and_errors_are_counted_by_job(client: httpx.AsyncClient) -> None:
    admin = await staff_token("admin")
    calls = {"ok": 0, "failing": 0}
    enough = asyncio.Event()

    def count(kind: str) -> None:
        calls[kind] += 1
        if min(calls.values()) >= 3:
            enough.set()

    async def fine() -> None:
        count("ok")

    async def failing() -> None:
        count("failing")
        raise RuntimeError("a message that must not be logged")

    jobs = [
        periodic.PeriodicJob("metrics-test-fine", 0.01, fine),
        periodic.PeriodicJob("metrics-test-failing", 0.01, failing),
    ]
    async with periodic.running(jobs):
        await asyncio.wait_for(enough.wait(), timeout=60)
    samples = await scrape(client, admin)
    assert value(samples, "stories_job_runs_total", job="metrics-test-fine") == calls["ok"]
    assert value(samples, "stories_job_errors_total", job="metrics-test-fine") == 0
    assert value(samples, "stories_job_runs_total", job="metrics-test-failing") == calls["failing"]
    assert (
        value(samples, "stories_job_errors_total", job="metrics-test-failing") == calls["failing"]
    )
    assert (
        value(samples, "stories_job_duration_seconds_count", job="metrics-test-fine") == calls["ok"]
    )


async def test_redaction_time_is_measured(client: httpx.AsyncClient) -> None:
    admin = await staff_token("admin")
    moderator = await make_staff("moderator", password=None)
    created = await submit(client)
    sid = created["id"]
    assert (await post(client, moderator, f"/api/v1/submissions/{sid}/claim")).status_code == 200
    before = value(await scrape(client, admin), "stories_redaction_seconds_count")
    found = await client.get(f"/api/v1/submissions/{sid}/suggestions", headers=moderator.headers)
    assert found.status_code == 200, found.text
    after = await scrape(client, admin)
    assert value(after, "stories_redaction_seconds_count") == before + 1
    assert value(after, "stories_redaction_seconds_sum") > 0


# Several workers


def test_several_workers_report_the_same_sums(tmp_path: Path) -> None:
    """With `serve --workers 2` each worker counts into files under the data folder and any
    worker's /metrics adds them all up: every scrape, whichever worker answers it, sees every
    request."""
    port = free_port()
    env = {
        **os.environ,
        "STORIES_ENV": "test",
        "DATABASE_URL": f"sqlite://{tmp_path / 'stories.sqlite3'}",
        "STORIES_DATA_DIR": str(tmp_path),
        "STORIES_BASE_URL": local_url(port),
        "STORIES_BACKGROUND_JOBS": "false",
        "STORIES_METRICS_TOKEN": METRICS_TOKEN,
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    command = [sys.executable, "-m", "stories_service.cli", "serve", "--port", str(port)]
    shared = tmp_path / "metrics"
    shared.mkdir()
    (shared / "counter_1.db").write_bytes(b"left by an earlier run")  # serve clears it
    with spawned_server([*command, "--workers", "2"], port, env, ready_path="/healthz"):
        _wait_for_two_workers(shared)
        assert not (shared / "counter_1.db").exists()

        def healthz_count() -> float:
            with live_sync_client(base_url=local_url(port), timeout=30) as http:
                text = http.get("/metrics", headers=bearer(METRICS_TOKEN)).text
            labels = {"route": "/healthz", "method": "GET", "status": "200"}
            return value(parse(text), "stories_http_requests_total", **labels)

        before = healthz_count()
        for _ in range(30):  # a new connection each time: the kernel spreads them
            with live_sync_client(base_url=local_url(port), timeout=30) as http:
                assert http.get("/healthz").status_code == 200
        counts = {healthz_count() for _ in range(10)}
    assert counts == {before + 30}


def _wait_for_two_workers(shared: Path) -> None:
    give_up = time.monotonic() + 120
    while time.monotonic() < give_up:
        pids = {path.stem.rsplit("_", 1)[1] for path in shared.glob("*.db")}
        if len(pids) >= 2:
            return
        time.sleep(0.2)
    raise AssertionError(f"two workers never counted: {sorted(shared.iterdir())}")
