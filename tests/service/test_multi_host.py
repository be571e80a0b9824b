"""Several hosts on one PostgreSQL database, no shared disk: the whole lifecycle across them.

Real ``stories-service serve`` processes, each with its own data folder, port and static export
folder, and the test session's app as one more host (same database, same keys from the
environment), take the steps of each story on a host drawn by a seeded random generator: submit
on one, claim on one, revise on another, publish (now or scheduled) on a third, withdraw through
any. Afterwards: every periodic job did each due item once (scheduled publication: one audit
event, one change, one webhook; retention: one purge), a withdrawal left every host's pages, feeds
and export within a bound (measured and printed; the design goal is a second, the poll interval
of the change counter), console sessions and idempotency keys work on every host, nothing was
written to a host's data folder but its export, and the audit chain verifies.

``STORIES_MULTI_HOST_SEED`` replays a run; the soak variant (``-m soak``) takes more stories on
three served hosts.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from stories_service.audit_log import verify_audit_chain
from stories_service.models import AuditEvent, PublicChange, Submission
from stories_service.protection.retention import run_retention
from stories_service.runtime import Runtime
from tests.conftest import Backend, valid_submission
from tests.hosts import Host, new_hosts, wait_for
from tests.publishing.test_webhooks import Receiver
from tests.servers import live_client, spawned_servers
from tests.staffing import REVISION, StaffUser, make_staff, post, sign_in

pytestmark = pytest.mark.postgres_only
CLIENT_TIMEOUT = 60.0
# A loose bound for tests on a loaded machine; the figure itself is printed.
WITHDRAWAL_BOUND_SECONDS = 10.0
EXPORT_BOUND_SECONDS = 60.0


@pytest.fixture
def postgres_backend(backend: Backend) -> Backend:
    if backend.name != "postgres":
        pytest.skip("several hosts share one PostgreSQL database")
    return backend


@dataclass
class Plan:
    """The hosts one story's steps run on (indexes into the cluster), drawn up front."""

    number: int
    steps: dict[str, int]
    scheduled: bool
    withdrawn: bool


STEPS = ("submit", "claim", "revise", "send", "consent", "approve", "publish", "read", "withdraw")


def draw_plans(rng: random.Random, stories: int, hosts: int) -> list[Plan]:
    """Hosts at random; at least one story scheduled and at least one withdrawn."""
    plans = [
        Plan(
            number=n,
            steps={step: rng.randrange(hosts) for step in STEPS},
            scheduled=rng.random() < 0.5,
            withdrawn=rng.random() < 0.5,
        )
        for n in range(stories)
    ]
    plans[0].scheduled = True
    plans[-1].withdrawn = True
    return plans


@dataclass
class Staff:
    moderator: StaffUser
    editor: StaffUser


class Cluster:
    def __init__(self, clients: list[httpx.AsyncClient], served: list[Host]) -> None:
        self.clients = clients
        self.served = served
        self.withdrawal_seconds: list[float] = []

    def on(self, plan: Plan, step: str) -> httpx.AsyncClient:
        return self.clients[plan.steps[step]]

    async def gone_everywhere(self, slug: str) -> float:
        """Seconds from now until every host answers 410 for the story (and its feed omits it)."""
        started = time.monotonic()

        async def all_gone() -> bool:
            # Both on every host: a host renders the story's page afresh (410) while its cached
            # feed may still list the story until its next poll of the change counter.
            pages = await asyncio.gather(*[c.get(f"/stories/{slug}") for c in self.clients])
            feeds = await asyncio.gather(*[c.get("/feed.json") for c in self.clients])
            return all(page.status_code == 410 for page in pages) and not any(
                slug in feed.text for feed in feeds
            )

        await wait_for(all_gone, f"{slug} to leave every host", WITHDRAWAL_BOUND_SECONDS)
        return time.monotonic() - started


async def _ok(response: Awaitable[httpx.Response], status: int = 200) -> httpx.Response:
    answer = await response
    assert answer.status_code == status, answer.text
    return answer


async def run_story(cluster: Cluster, staff: Staff, plan: Plan) -> dict[str, str]:
    """One story's whole life, each step on its planned host; returns its id, code and slug."""
    created = (await _ok(cluster.on(plan, "submit").post(
        "/api/v1/submissions", json=valid_submission()
    ), 201)).json()  # fmt: skip
    sid, code = created["id"], created["receipt_code"]
    path = f"/api/v1/submissions/{sid}"
    moderator, editor = staff.moderator, staff.editor
    await _ok(post(cluster.on(plan, "claim"), moderator, f"{path}/claim"))
    revision = {**REVISION, "title": f"Balcony garden number {plan.number}"}
    await _ok(post(cluster.on(plan, "revise"), moderator, f"{path}/revisions", revision), 201)
    await _ok(post(cluster.on(plan, "send"), moderator, f"{path}/send-for-consent"))
    await _ok(cluster.on(plan, "consent").post(
        "/api/v1/receipt/consent", json={"receipt_code": code, "decision": "approve"}
    ))  # fmt: skip
    await _ok(post(cluster.on(plan, "approve"), editor, f"{path}/approve"))
    body = {"at": (datetime.now(UTC) + timedelta(seconds=2)).isoformat()} if plan.scheduled else {}
    slug = (await _ok(post(cluster.on(plan, "publish"), editor, f"{path}/publish", body))).json()[
        "slug"
    ]
    if plan.scheduled:
        await wait_for(_state_is(sid, "published"), "the scheduler to publish it", 120)
    # Every host reads (and caches) the page: the withdrawal must drop every cache.
    for http in cluster.clients:
        await wait_for(_answers(http, f"/stories/{slug}", 200), "the story on every host")
    if plan.withdrawn:
        await _ok(cluster.on(plan, "withdraw").post(
            "/api/v1/receipt/withdraw", json={"receipt_code": code}
        ))  # fmt: skip
        cluster.withdrawal_seconds.append(await cluster.gone_everywhere(slug))
    return {"id": sid, "code": code, "slug": slug, "title": revision["title"]}


def _state_is(sid: str, state: str) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return (await Submission.get(id=sid)).state == state

    return check


def _answers(http: httpx.AsyncClient, path: str, status: int) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return (await http.get(path)).status_code == status

    return check


def _export_page(host: Host, slug: str) -> str:
    page = host.data_dir / "site" / "stories" / slug  # the export answers the live URL
    return page.read_text(encoding="utf-8") if page.exists() else ""


async def _export_follows(host: Host, story: dict[str, str], withdrawn: bool) -> None:
    async def follows() -> bool:
        page = _export_page(host, story["slug"])
        return bool(page) and ((story["title"] in page) != withdrawn)

    await wait_for(follows, f"{host.name}'s export to follow {story['slug']}", EXPORT_BOUND_SECONDS)


async def _sessions_and_idempotency_are_shared(cluster: Cluster, staff: Staff) -> None:
    """A console session opened on one host is valid on every other; a retried submission
    with the same Idempotency-Key lands on another host and gets the first answer."""
    first, *others = cluster.clients[:-1]  # the served hosts (cookies need a real client)
    await sign_in(first, staff.editor)
    for http in others:
        http.cookies.update(first.cookies)
        queue = await http.get("/staff/approvals", follow_redirects=False)
        assert queue.status_code == 200, queue.status_code
    key = str(uuid.uuid4())
    body = valid_submission()
    answers = [
        await _ok(
            http.post("/api/v1/submissions", json=body, headers={"Idempotency-Key": key}), 201
        )
        for http in cluster.clients[:-1]
    ]
    assert len({a.json()["id"] for a in answers}) == 1


async def _run_cluster(
    client: httpx.AsyncClient,
    runtime: Runtime,
    url: str,
    tmp_path: Path,
    *,
    served: int,
    stories: int,
) -> None:
    seed = int(os.environ.get("STORIES_MULTI_HOST_SEED") or random.SystemRandom().randrange(10**6))
    print(
        f"\nmulti-host run: seed {seed}, {served} served hosts + the test's app, {stories} stories"
    )
    plans = draw_plans(random.Random(seed), stories, served + 1)
    staff = Staff(await make_staff("moderator"), await make_staff("editor"))
    admin = await make_staff("admin")
    hosts = new_hosts(tmp_path, served, runtime)
    with Receiver(refuse=0) as receiver:
        hook = await client.post(
            "/api/v1/webhooks", json={"url": receiver.url, "events": ["*"]}, headers=admin.headers
        )
        assert hook.status_code == 201, hook.text
        envs = [h.env(url, STORIES_EXPORT_DIR=str(h.data_dir / "site")) for h in hosts]
        # Ready as a load balancer sees it (/readyz): the redaction engine is warm.
        with spawned_servers([(h.command(), h.port) for h in hosts], envs=envs):
            clients = [live_client(base_url=h.url, timeout=CLIENT_TIMEOUT) for h in hosts]
            cluster = Cluster([*clients, client], hosts)
            try:
                await _sessions_and_idempotency_are_shared(cluster, staff)
                done = await asyncio.gather(*[run_story(cluster, staff, p) for p in plans])
                for host in hosts:
                    for plan, story in zip(plans, done, strict=True):
                        await _export_follows(host, story, plan.withdrawn)
                await _webhooks_settle(receiver, plans, done)
            finally:
                for http in clients:
                    await http.aclose()
        _each_delivered_once(receiver, plans)
    await _each_job_ran_once(plans, done)
    for host in hosts:
        # No keys, no database: the host's own export, its own withdrawal journal (written
        # by the withdrawals that host made; docs/deploy.md, "Backup and restore") and its own
        # cache of tables built from the installed packages (rebuilt if deleted).
        kept = {p.name for p in host.data_dir.iterdir() if not p.name.startswith(".site.")}
        assert kept <= {"site", "withdrawals.journal", "cache"} and "site" in kept, kept
        assert {p.name.split("-")[0] for p in (host.data_dir / "cache").iterdir()} == {"gazetteer"}
    events, broken = await verify_audit_chain()
    assert events > 0 and broken is None, broken
    figures = sorted(cluster.withdrawal_seconds)
    if figures:
        print(
            f"a withdrawal left every host's pages and feeds in {figures[len(figures) // 2]:.2f} s "
            f"(median), {figures[-1]:.2f} s at most, over {len(figures)} withdrawals"
        )


def _received(receiver: Receiver) -> list[tuple[str, str, str]]:
    """(webhook-id, type, slug) of every delivery so far."""
    with receiver.lock:
        bodies = [(h["webhook-id"], json.loads(body)) for h, body in receiver.requests]
    return [(i, body["type"], body["data"]["slug"]) for i, body in bodies]


async def _webhooks_settle(
    receiver: Receiver, plans: list[Plan], done: list[dict[str, str]]
) -> None:
    """Every kept story announced published, every withdrawn one withdrawn. (A story withdrawn
    before its story.published went out is never announced as published: the withdrawal
    deletes that event from the outbox, and a delivery no longer public is skipped.)"""
    wanted = {
        ("story.withdrawn" if plan.withdrawn else "story.published", story["slug"])
        for plan, story in zip(plans, done, strict=True)
    }

    async def all_there() -> bool:
        return wanted <= {(kind, slug) for _, kind, slug in _received(receiver)}

    await wait_for(all_there, "every webhook", 120)


def _each_delivered_once(receiver: Receiver, plans: list[Plan]) -> None:
    seen = _received(receiver)
    ids = [webhook_id for webhook_id, _, _ in seen]
    assert len(ids) == len(set(ids)), "a webhook was delivered twice"
    kinds = [(kind, slug) for _, kind, slug in seen]
    assert len(kinds) == len(set(kinds)), "an event was announced twice"


async def _each_job_ran_once(plans: list[Plan], done: list[dict[str, str]]) -> None:
    for plan, story in zip(plans, done, strict=True):
        actions = [
            e.action for e in await AuditEvent.filter(submission_id=story["id"]).order_by("id")
        ]
        expected = "submission.publish_due" if plan.scheduled else "submission.publish"
        assert actions.count(expected) == 1, actions
        assert await PublicChange.filter(slug=story["slug"], kind="published").count() == 1
    # Retention, run by two workers at once, purges each published story's originals once.
    kept = [s for p, s in zip(plans, done, strict=True) if not p.withdrawn]
    purged = await asyncio.gather(run_retention(0), run_retention(0))
    assert sum(purged) == len(kept)
    for story in kept:
        purges = await AuditEvent.filter(
            submission_id=story["id"], action="submission.purge_originals"
        ).count()
        assert purges == 1


async def test_the_lifecycle_across_hosts_runs_each_job_once(
    client: httpx.AsyncClient, runtime: Runtime, postgres_backend: Backend, tmp_path: Path
) -> None:
    await _run_cluster(
        client, runtime, postgres_backend.database_url, tmp_path, served=2, stories=4
    )


@pytest.mark.soak
async def test_soak_the_lifecycle_across_three_served_hosts(
    client: httpx.AsyncClient, runtime: Runtime, postgres_backend: Backend, tmp_path: Path
) -> None:
    await _run_cluster(
        client, runtime, postgres_backend.database_url, tmp_path, served=3, stories=24
    )
