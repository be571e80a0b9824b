"""From the outbox to the endpoints: fan-out, signed delivery, backoff, giving up, 410.

Only addresses the rule allows are reached (``transport``), and what an admin sees of a failed
attempt is the HTTP status or a short fixed reason (``REFUSED`` and the others below): never an
exception's name or message, which would let the delivery errors map the network.

At least once: a delivery is claimed for a while before it is sent, and a worker that dies
mid-send leaves it to be retried, with the same ``webhook-id``. The data is built at each
attempt from the story as it is then; a story no longer public is not announced (``skipped``).
"""

from __future__ import annotations

import json
import logging
import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from moderation.webhook_targets import Network
from stories_service.crypto import FieldCipher, column_context
from stories_service.instruments import count_webhook_attempt
from stories_service.models import OutboxEvent, WebhookDelivery, WebhookEndpoint
from stories_service.publishing.publisher import event_data_at_send
from stories_service.timefmt import rfc3339
from stories_service.webhooks.signing import sign
from stories_service.webhooks.transport import AddressRefused, webhook_client

log = logging.getLogger("stories_service.webhooks")

GIVE_UP_AFTER = timedelta(hours=25)  # retried for at least 24 hours
MAX_DELAY_SECONDS = 6 * 3600
CLAIM_SECONDS = 120
TIMEOUT_SECONDS = 10.0
BATCH = 50

# Why an attempt got no HTTP answer, as admins see it.
REFUSED = "refused address"
NO_CONNECTION = "could not connect"
TIMED_OUT = "timed out"
BAD_ANSWER = "no valid HTTP answer"


def secret_context(endpoint_id: int) -> str:
    return column_context("webhook_endpoints", "secret", endpoint_id)


def retry_delay(attempts: int, base_seconds: float, rng: random.Random | None = None) -> float:
    """Exponential backoff (x4 per attempt, capped at 6 h) with ±20% jitter."""
    rng = rng or random.Random()  # noqa: S311 (jitter, not security)
    delay: float = min(base_seconds * 4 ** max(attempts - 1, 0), MAX_DELAY_SECONDS)
    return delay * rng.uniform(0.8, 1.2)


def subscribed(endpoint: WebhookEndpoint, event_type: str) -> bool:
    events = endpoint.events or []
    return "*" in events or event_type in events


async def fan_out(now: datetime | None = None) -> int:
    """Create one delivery per active subscribed endpoint for each undispatched event."""
    now = now or datetime.now(UTC)
    events = await OutboxEvent.filter(dispatched_at__isnull=True).order_by("id").limit(BATCH)
    if not events:
        return 0
    endpoints = await WebhookEndpoint.filter(active=True)
    created = 0
    for event in events:
        async with in_transaction() as connection:
            claimed = (
                await OutboxEvent.filter(id=event.id, dispatched_at__isnull=True)
                .using_db(connection)
                .update(dispatched_at=now)
            )
            if not claimed:
                continue  # another worker took it
            for endpoint in endpoints:
                if not subscribed(endpoint, event.event_type):
                    continue
                try:
                    await WebhookDelivery.create(
                        using_db=connection,
                        event_id=event.id,
                        endpoint_id=endpoint.id,
                        status="pending",
                        attempts=0,
                        next_attempt_at=now,
                    )
                except IntegrityError:
                    continue
                created += 1
    return created


async def event_body(event: OutboxEvent, base_url: str | None = None) -> bytes | None:
    """The delivered JSON, built when sent from the story as it is now; None when the story is
    no longer public (the event that took it down is delivered instead)."""
    data = await event_data_at_send(event.event_type, dict(event.payload or {}), base_url)
    if data is None:
        return None
    body = {
        "type": event.event_type,
        "timestamp": rfc3339(event.created_at),
        "data": data,
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True, slots=True)
class Attempt:
    status_code: int | None
    error: str | None


async def _send(
    client: httpx.AsyncClient,
    endpoint: WebhookEndpoint,
    event: OutboxEvent,
    secret: str,
    body: bytes,
) -> Attempt:
    timestamp = int(time.time())  # real time: receivers check it against their clock
    headers = {
        "content-type": "application/json",
        "user-agent": "HealingStories-Webhooks/1",
        "webhook-id": event.event_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret, event.event_id, timestamp, body),
    }
    try:
        # Only the status matters: the answer's body is never read (nor waited for).
        async with client.stream(
            "POST", endpoint.url, content=body, headers=headers, timeout=TIMEOUT_SECONDS
        ) as response:
            return Attempt(response.status_code, None)
    except AddressRefused:
        return Attempt(None, REFUSED)
    except httpx.TimeoutException:
        return Attempt(None, TIMED_OUT)
    except (httpx.ConnectError, httpx.InvalidURL, httpx.UnsupportedProtocol):
        return Attempt(None, NO_CONNECTION)
    except httpx.HTTPError:
        return Attempt(None, BAD_ANSWER)


async def deliver_due(
    cipher: FieldCipher,
    *,
    base_seconds: float,
    base_url: str | None = None,
    allowed_networks: tuple[Network, ...] = (),
    now: datetime | None = None,
) -> int:
    """Send every delivery that is due; returns how many were attempted. Receivers in
    ``allowed_networks`` may be on private addresses (``STORIES_WEBHOOK_ALLOW_NETWORKS``)."""
    now = now or datetime.now(UTC)
    due = (
        await WebhookDelivery.filter(status="pending", next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id")
        .limit(BATCH)
        .select_related("event", "endpoint")
    )
    if not due:
        return 0
    attempted = 0
    async with webhook_client(allowed_networks) as client:
        for delivery in due:
            claimed = await WebhookDelivery.filter(
                id=delivery.id, status="pending", next_attempt_at=delivery.next_attempt_at
            ).update(next_attempt_at=now + timedelta(seconds=CLAIM_SECONDS))
            if not claimed:
                continue
            attempted += 1
            await _attempt(delivery, cipher, client, base_seconds, now, base_url)
    return attempted


async def _attempt(
    delivery: WebhookDelivery,
    cipher: FieldCipher,
    client: httpx.AsyncClient,
    base_seconds: float,
    now: datetime,
    base_url: str | None = None,
) -> None:
    endpoint: WebhookEndpoint = delivery.endpoint
    if not endpoint.active:
        await WebhookDelivery.filter(id=delivery.id).update(
            status="failed", last_error="endpoint disabled"
        )
        return
    body = await event_body(delivery.event, base_url)
    if body is None:
        await WebhookDelivery.filter(id=delivery.id).update(
            status="skipped", last_error="the story is no longer public"
        )
        return
    secret = cipher.decrypt(endpoint.secret_enc, secret_context(endpoint.id))
    attempt = await _send(client, endpoint, delivery.event, secret, body)
    count_webhook_attempt(attempt.status_code)
    attempts = delivery.attempts + 1
    code = attempt.status_code
    if code is not None and 200 <= code < 300:
        await WebhookDelivery.filter(id=delivery.id).update(
            status="delivered",
            attempts=attempts,
            last_status_code=code,
            last_error=None,
            delivered_at=datetime.now(UTC),
        )
        return
    if code == 410:
        await WebhookEndpoint.filter(id=endpoint.id).update(
            active=False, disabled_reason="The endpoint answered 410 Gone."
        )
        await WebhookDelivery.filter(id=delivery.id).update(
            status="failed", attempts=attempts, last_status_code=code, last_error="410 Gone"
        )
        log.info("webhook endpoint %s disabled after 410", endpoint.id)
        return
    error = attempt.error or f"HTTP {code}"
    created = delivery.created_at
    if now - created >= GIVE_UP_AFTER:
        await WebhookDelivery.filter(id=delivery.id).update(
            status="failed", attempts=attempts, last_status_code=code, last_error=error[:300]
        )
        return
    await WebhookDelivery.filter(id=delivery.id).update(
        attempts=attempts,
        last_status_code=code,
        last_error=error[:300],
        next_attempt_at=now + timedelta(seconds=retry_delay(attempts, base_seconds)),
    )
