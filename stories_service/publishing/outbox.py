"""The durable outbox: webhook events written in the same transaction as the change."""

from __future__ import annotations

import uuid
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from stories_service.models import OutboxEvent

EVENT_TYPES = ("story.published", "story.updated", "story.unpublished", "story.withdrawn")


async def enqueue_event(
    connection: BaseDBAsyncClient, event_type: str, payload: dict[str, Any]
) -> OutboxEvent:
    """Write one event; ``payload`` holds only ids and a time (slug, entry id, when), never story
    text: the webhook data of story.published/story.updated is built when it is sent."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event_type!r}")
    return await OutboxEvent.create(
        using_db=connection,
        event_id="msg_" + uuid.uuid4().hex,
        event_type=event_type,
        payload=payload,
    )
