"""Receiving the site's webhooks: Standard Webhooks signatures checked, then a sync at once.

The site signs ``webhook-id.webhook-timestamp.body`` with HMAC-SHA256 under the endpoint's
``whsec_…`` secret and sends ``webhook-signature: v1,<base64>`` (several, space-separated,
while a secret is being rotated). A webhook is only a reason to read the change log now: its
payload is never applied to the copy (a retried, late ``story.unpublished`` must not delete a
story published again since), so a forged one could at most cause an extra read.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from stories_service.mirror.client import MirrorError

SECRET_PREFIX = "whsec_"  # noqa: S105 (a marker, not a secret)
TOLERANCE_SECONDS = 5 * 60  # Standard Webhooks' default: older or newer is refused (replays)
MAX_BODY_BYTES = 64 * 1024

Message = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[Message], Any]


class BadSignature(ValueError):
    """The webhook's signature headers are missing, stale or do not match the secret."""


@dataclass(frozen=True, slots=True)
class WebhookEvent:
    message_id: str
    type: str
    data: dict[str, Any]


def secret_key(secret: str) -> bytes:
    """The HMAC key of a ``whsec_…`` secret; MirrorError if it is not one."""
    raw = secret.strip().removeprefix(SECRET_PREFIX)
    try:
        key = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise MirrorError("the webhook secret is not a whsec_… secret (base64)") from None
    if len(key) < 16:
        raise MirrorError("the webhook secret is too short (under 16 bytes)")
    return key


def verify_signature(
    key: bytes, headers: Mapping[str, str], body: bytes, *, now: float | None = None
) -> str:
    """Check a delivery's Standard Webhooks signature; the message id, or BadSignature."""
    message_id = headers.get("webhook-id", "")
    stamp = headers.get("webhook-timestamp", "")
    signatures = headers.get("webhook-signature", "")
    if not message_id or not stamp.isdigit() or not signatures:
        raise BadSignature("missing webhook-id, webhook-timestamp or webhook-signature")
    if abs((now if now is not None else time.time()) - int(stamp)) > TOLERANCE_SECONDS:
        raise BadSignature("timestamp too old or too new")
    signed = f"{message_id}.{stamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest())
    for candidate in signatures.split():
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value.encode(), expected):
            return message_id
    raise BadSignature("no signature matches")


class WebhookReceiver:
    """An ASGI app: a POST with a valid signature calls ``on_event`` and answers 204; a bad
    signature 401, anything else 4xx. It holds no state besides the key."""

    def __init__(self, secret: str, on_event: Callable[[WebhookEvent], None]) -> None:
        self._key = secret_key(secret)
        self._on_event = on_event

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        if scope["method"] != "POST":
            await _answer(send, 405, {"allow": "POST"})
            return
        body = await _read_body(receive)
        if body is None:
            await _answer(send, 413)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        try:
            message_id = verify_signature(self._key, headers, body)
            payload = json.loads(body)
            event = WebhookEvent(message_id, str(payload["type"]), dict(payload.get("data") or {}))
        except BadSignature:
            await _answer(send, 401)
            return
        except (ValueError, KeyError, TypeError):
            await _answer(send, 400)
            return
        self._on_event(event)
        await _answer(send, 204)


async def _read_body(receive: Receive) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


async def _answer(send: Send, status: int, extra: dict[str, str] | None = None) -> None:
    headers = [(b"content-length", b"0")]
    headers += [(k.encode(), v.encode()) for k, v in (extra or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
