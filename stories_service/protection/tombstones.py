"""Public tombstones: which stories were withdrawn, and when, so copies elsewhere can go too."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from stories_service.models import Tombstone
from stories_service.timefmt import rfc3339

MAX_LISTED = 1000


class BadTimestamp(ValueError):
    """The value is not an ISO 8601 date or date-time."""


def parse_since(raw: str) -> datetime:
    """Parse an ISO 8601 date or date-time; a value without an offset is taken as UTC."""
    text = raw.strip()
    if not text or len(text) > 64:
        raise BadTimestamp(raw)
    try:
        value = datetime.fromisoformat(text)
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
    except (ValueError, OverflowError):
        raise BadTimestamp(raw) from None


async def list_withdrawals(since: datetime | None) -> list[dict[str, Any]]:
    """Tombstones withdrawn at or after ``since`` (all if None), oldest first."""
    query = Tombstone.all()
    if since is not None:
        query = query.filter(withdrawn_at__gte=since)
    rows = await query.order_by("withdrawn_at", "id").limit(MAX_LISTED)
    return [
        {
            "id": row.entry_id,
            "slug": row.slug,
            "withdrawn_at": rfc3339(row.withdrawn_at),
        }
        for row in rows
    ]
