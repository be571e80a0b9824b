"""The durable outbox: events written in the same transaction as the change they announce."""

from __future__ import annotations

import uuid
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from stories_service.models import OutboxEvent


async def enqueue_event(
    connection: BaseDBAsyncClient, event_type: str, payload: dict[str, Any]
) -> OutboxEvent:
    """Append one event (its ``event_id`` is the webhook-id receivers deduplicate by)."""
    return await OutboxEvent.create(
        using_db=connection,
        event_id="msg_" + uuid.uuid4().hex,
        event_type=event_type,
        payload=payload,
    )
