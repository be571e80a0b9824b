"""Webhooks to a real receiver on 127.0.0.1, verified with the `standardwebhooks` package."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from standardwebhooks.webhooks import Webhook
from tortoise.transactions import in_transaction

from stories_service.models import WebhookDelivery, WebhookEndpoint
from stories_service.publishing.outbox import enqueue_event
from stories_service.webhooks.delivery import (
    GIVE_UP_AFTER,
    deliver_due,
    fan_out,
    retry_delay,
)
from stories_service.webhooks.jobs import run_dispatcher_once
from tests.publishing.factories import bearer, publish_story, staff_token


class Receiver:
    """Refuses the first ``refuse`` deliveries of each message, then accepts; records all."""

    def __init__(
        self, refuse: int = 2, status_after: int = 200, location: str | None = None
    ) -> None:
        self.refuse = refuse
        self.status_after = status_after
        self.location = location
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                headers = {k.lower(): v for k, v in self.headers.items()}
                with receiver.lock:
                    receiver.requests.append((headers, body))
                    seen = sum(
                        1 for h, _ in receiver.requests if h["webhook-id"] == headers["webhook-id"]
                    )
                status = 503 if seen <= receiver.refuse else receiver.status_after
                self.send_response(status)
                if receiver.location:
                    self.send_header("location", receiver.location)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks"

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


async def _register(client, url: str, events: list[str]) -> dict:
    admin = await staff_token("admin")
    response = await client.post(
        "/api/v1/webhooks", json={"url": url, "events": events}, headers=bearer(admin)
    )
    assert response.status_code == 201, response.text
    return response.json() | {"admin": admin}


async def _dispatch_until_settled(runtime, rounds: int = 20) -> None:
    for _ in range(rounds):
        await run_dispatcher_once(runtime)
        if not await WebhookDelivery.filter(status="pending").exists():
            return
    raise AssertionError("deliveries still pending")


async def test_every_event_arrives_signed_with_the_same_id_on_retries(
    client, runtime, override_settings, editor_token
):
    override_settings(webhook_retry_base_seconds=0)
    with Receiver(refuse=2) as receiver:
        endpoint = await _register(client, receiver.url, ["*"])
        assert endpoint["secret"].startswith("whsec_")
        await publish_story(client, runtime.cipher, editor_token, title="Signed")
        story = await publish_story(client, runtime.cipher, editor_token, title="Taken down")
        unpublished = await client.post(
            f"/api/v1/stories/{story['slug']}/unpublish", headers=bearer(editor_token)
        )
        assert unpublished.status_code == 200
        async with in_transaction() as connection:
            await enqueue_event(
                connection,
                "story.withdrawn",
                {"slug": story["slug"], "id": "urn:uuid:x", "withdrawn_at": "2026-11-27T00:00:00Z"},
            )
        await _dispatch_until_settled(runtime)

    verifier = Webhook(endpoint["secret"])
    attempts = Counter()
    types = {}
    for headers, body in receiver.requests:
        payload = verifier.verify(body, headers)  # raises on a bad signature or timestamp
        attempts[headers["webhook-id"]] += 1
        assert types.setdefault(headers["webhook-id"], payload["type"]) == payload["type"]
    assert sorted(types.values()) == ["story.published", "story.unpublished", "story.withdrawn"]
    assert all(count == 3 for count in attempts.values()), attempts
    bodies = {}
    for headers, body in receiver.requests:
        assert bodies.setdefault(headers["webhook-id"], body) == body  # same bytes each retry
    deliveries = await WebhookDelivery.all()
    # The taken-down story's story.published is not announced: it is no longer public.
    assert sorted(d.status for d in deliveries) == ["delivered"] * 3 + ["skipped"]
    assert sorted(d.attempts for d in deliveries) == [0, 3, 3, 3]

    detail = await client.get(
        f"/api/v1/webhooks/{endpoint['id']}", headers=bearer(endpoint["admin"])
    )
    assert detail.status_code == 200
    assert detail.json()["deliveries"]["delivered"] == 3
    assert "secret" not in detail.json()
    assert detail.json()["recent_deliveries"][0]["last_status_code"] == 200


async def test_410_disables_the_endpoint(client, runtime, editor_token):
    with Receiver(refuse=0, status_after=410) as receiver:
        endpoint = await _register(client, receiver.url, ["story.published"])
        await publish_story(client, runtime.cipher, editor_token)
        await run_dispatcher_once(runtime)
    row = await WebhookEndpoint.get(id=endpoint["id"])
    assert row.active is False
    assert "410" in row.disabled_reason
    assert (await WebhookDelivery.get(endpoint_id=row.id)).status == "failed"
    await publish_story(client, runtime.cipher, editor_token)
    await fan_out()
    assert await WebhookDelivery.filter(endpoint_id=row.id).count() == 1


async def test_only_subscribed_events_are_delivered(client, runtime, editor_token):
    endpoint = await _register(client, "http://127.0.0.1:9/none", ["story.withdrawn"])
    await publish_story(client, runtime.cipher, editor_token)
    await fan_out()
    assert await WebhookDelivery.filter(endpoint_id=endpoint["id"]).count() == 0


async def test_retries_last_at_least_a_day_then_stop(client, runtime, editor_token):
    endpoint = await _register(client, "http://127.0.0.1:9/unreachable", ["*"])
    await publish_story(client, runtime.cipher, editor_token)
    start = datetime.now(UTC)
    await fan_out(now=start)
    delivery = await WebhookDelivery.get(endpoint_id=endpoint["id"])
    await deliver_due(runtime.cipher, base_seconds=5, now=start)
    delivery = await WebhookDelivery.get(id=delivery.id)
    assert delivery.status == "pending" and delivery.attempts == 1
    assert delivery.last_error and delivery.next_attempt_at > start
    late = delivery.created_at + timedelta(hours=23)
    await WebhookDelivery.filter(id=delivery.id).update(next_attempt_at=late)
    await deliver_due(runtime.cipher, base_seconds=5, now=late)
    assert (await WebhookDelivery.get(id=delivery.id)).status == "pending"
    final = delivery.created_at + GIVE_UP_AFTER
    await WebhookDelivery.filter(id=delivery.id).update(next_attempt_at=final)
    await deliver_due(runtime.cipher, base_seconds=5, now=final)
    failed = await WebhookDelivery.get(id=delivery.id)
    assert failed.status == "failed" and failed.attempts == 3


def test_backoff_grows_exponentially_with_jitter_and_covers_a_day():
    delays = [retry_delay(n, 5) for n in range(1, 12)]
    assert delays[1] > delays[0] * 2 and delays[3] > delays[2] * 2
    assert sum(delays) >= 24 * 3600
    assert len({round(retry_delay(3, 5), 6) for _ in range(20)}) > 1  # jittered
    assert max(retry_delay(50, 5) for _ in range(20)) <= 6 * 3600 * 1.2


@pytest.mark.parametrize("role, status", [("editor", 403), ("moderator", 403)])
async def test_only_admins_manage_webhooks(client, role, status):
    token = await staff_token(role)
    response = await client.get("/api/v1/webhooks", headers=bearer(token))
    assert response.status_code == status
    assert (await client.get("/api/v1/webhooks")).status_code == 401
    bad = await _register_bad(client)
    assert bad.status_code == 422
    admin = await staff_token("admin")
    for url in ("http://[::1/x", "http://h:99999/x", "http://h/\x00"):
        malformed = await client.post(
            "/api/v1/webhooks", json={"url": url, "events": ["*"]}, headers=bearer(admin)
        )
        assert malformed.status_code == 422, url
    missing = await client.get("/api/v1/webhooks/99999999999999999999", headers=bearer(admin))
    assert missing.status_code == 404


async def _register_bad(client):
    admin = await staff_token("admin")
    return await client.post(
        "/api/v1/webhooks",
        json={"url": "ftp://example.org/x", "events": ["story.published"]},
        headers=bearer(admin),
    )
