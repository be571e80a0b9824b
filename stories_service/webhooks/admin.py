"""Registering webhook endpoints and reading their deliveries (admins only)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from tortoise.transactions import in_transaction

from moderation.webhook_targets import Network, host_address, refusal
from stories_service.crypto import FieldCipher
from stories_service.models import WebhookDelivery, WebhookEndpoint
from stories_service.publishing.outbox import EVENT_TYPES
from stories_service.timefmt import rfc3339
from stories_service.webhooks.delivery import secret_context
from stories_service.webhooks.signing import new_secret, valid_secret


class EndpointError(ValueError):
    """An endpoint that cannot be registered; ``field`` names the problem."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def check_endpoint(
    url: str, events: list[str], secret: str | None, allowed: tuple[Network, ...] = ()
) -> None:
    """Refuse what could never be delivered, or must not be: a host written as an address that
    webhooks may not reach (names are checked on their addresses at each delivery)."""
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        raise EndpointError("url", "must not hold spaces or control characters")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 (raises on a malformed port)
    except ValueError:
        raise EndpointError("url", "is not a valid address") from None
    if parts.scheme not in {"http", "https"} or not host:
        raise EndpointError("url", "must be an http:// or https:// address")
    if parts.username or parts.password:
        raise EndpointError("url", "must not hold a user name or password")
    try:
        address = host_address(host)
    except ValueError:
        raise EndpointError("url", "is not a valid address") from None
    kind = refusal(address, allowed) if address is not None else None
    if kind is not None:
        raise EndpointError(
            "url",
            f"points at an address webhooks may not reach ({kind});"
            " see STORIES_WEBHOOK_ALLOW_NETWORKS",
        )
    unknown = [e for e in events if e != "*" and e not in EVENT_TYPES]
    if not events or unknown:
        raise EndpointError("events", "choose from " + ", ".join(EVENT_TYPES) + " or *")
    if secret is not None and not valid_secret(secret):
        raise EndpointError("secret", "must be whsec_ followed by base64 of at least 16 bytes")


async def register_endpoint(
    cipher: FieldCipher,
    url: str,
    events: list[str],
    secret: str | None = None,
    *,
    allowed: tuple[Network, ...] = (),
) -> tuple[WebhookEndpoint, str]:
    """Store an endpoint with its secret encrypted; returns it and the secret (shown once).
    Receivers in ``allowed`` networks may be on private addresses."""
    check_endpoint(url, events, secret, allowed)
    secret = secret or new_secret()
    async with in_transaction() as connection:
        endpoint = await WebhookEndpoint.create(
            using_db=connection, url=url, events=sorted(set(events)), secret_enc=b""
        )
        endpoint.secret_enc = cipher.encrypt(secret, secret_context(endpoint.id))
        await endpoint.save(using_db=connection, update_fields=["secret_enc"])
    return endpoint, secret


def endpoint_view(endpoint: WebhookEndpoint, stats: dict[str, int] | None = None) -> dict[str, Any]:
    return {
        "id": endpoint.id,
        "url": endpoint.url,
        "events": list(endpoint.events or []),
        "active": endpoint.active,
        "disabled_reason": endpoint.disabled_reason,
        "created_at": rfc3339(endpoint.created_at),
        "deliveries": stats or {},
    }


def delivery_view(delivery: WebhookDelivery) -> dict[str, Any]:
    event = delivery.event
    return {
        "id": delivery.id,
        "event_id": event.event_id,
        "event_type": event.event_type,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "last_status_code": delivery.last_status_code,
        "last_error": delivery.last_error,
        "next_attempt_at": rfc3339(delivery.next_attempt_at),
        "delivered_at": rfc3339(delivery.delivered_at),
        "created_at": rfc3339(delivery.created_at),
    }


async def endpoint_stats(endpoint_id: int) -> dict[str, int]:
    stats = {}
    for status in ("pending", "delivered", "failed", "skipped"):
        stats[status] = await WebhookDelivery.filter(endpoint_id=endpoint_id, status=status).count()
    return stats


async def list_endpoints() -> list[dict[str, Any]]:
    endpoints = await WebhookEndpoint.all().order_by("id")
    return [endpoint_view(e, await endpoint_stats(e.id)) for e in endpoints]


async def recent_deliveries(
    endpoint_id: int | None = None, *, failed_only: bool = False, limit: int = 100
) -> list[dict[str, Any]]:
    query = WebhookDelivery.all()
    if endpoint_id is not None:
        query = query.filter(endpoint_id=endpoint_id)
    if failed_only:
        query = query.filter(last_error__isnull=False)
    rows = await query.order_by("-id").limit(limit).select_related("event")
    return [delivery_view(d) for d in rows]
