"""Public tombstones: which stories were withdrawn, and when, so copies elsewhere can go too.

``GET /api/v1/withdrawals`` pages through them oldest first with an opaque keyset cursor on
``(withdrawn_at, id)``. At the end of the list the cursor to poll with stays before any
tombstone younger than ``SETTLE_SECONDS``: a withdrawal whose transaction started a moment
before another's but committed after it would otherwise sort before a cursor a poller already
holds, and be missed. Such a young tombstone is listed again on the next poll instead (listing
a withdrawal twice is harmless; missing one leaves a story on a partner site).
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from tortoise.expressions import Q

from stories_service.models import Tombstone
from stories_service.timefmt import rfc3339

MAX_LISTED = 1000  # the default page size too: a client that never pages gets what it always got
SETTLE_SECONDS = 30.0
_CURSOR_PREFIX = "w1."
_MAX_CURSOR_CHARS = 96
_BEGINNING = datetime(1970, 1, 1, tzinfo=UTC)


class BadTimestamp(ValueError):
    """The value is not an ISO 8601 date or date-time."""


class BadWithdrawalCursor(ValueError):
    """The ``after`` cursor is not one this service gave out."""


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


@dataclass(frozen=True, slots=True)
class WithdrawalCursor:
    """A position in the tombstones: after the one withdrawn at ``withdrawn_at`` with ``id``."""

    withdrawn_at: datetime
    id: int

    def encode(self) -> str:
        stamp = self.withdrawn_at.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        raw = f"{_CURSOR_PREFIX}{stamp}.{self.id}".encode("ascii")
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, text: str) -> WithdrawalCursor:
        if not text or len(text) > _MAX_CURSOR_CHARS or not text.isascii():
            raise BadWithdrawalCursor(text)
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("ascii")
            stamp, _, number = raw.removeprefix(_CURSOR_PREFIX).rpartition(".")
            if not raw.startswith(_CURSOR_PREFIX) or not number.isdigit() or len(number) > 10:
                raise ValueError(raw)
            when = datetime.strptime(stamp, "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC)
        except (binascii.Error, ValueError):
            raise BadWithdrawalCursor(text) from None
        cursor = cls(when, int(number))
        if cursor.encode() != text:  # one spelling per position
            raise BadWithdrawalCursor(text)
        return cursor


BEGINNING = WithdrawalCursor(_BEGINNING, 0)


@dataclass(frozen=True, slots=True)
class WithdrawalPage:
    withdrawals: list[dict[str, Any]]
    next_cursor: WithdrawalCursor
    has_more: bool


def _withdrawal_json(row: Tombstone) -> dict[str, Any]:
    return {"id": row.entry_id, "slug": row.slug, "withdrawn_at": rfc3339(row.withdrawn_at)}


async def page_of_withdrawals(
    since: datetime | None,
    after: WithdrawalCursor | None,
    limit: int = MAX_LISTED,
    *,
    now: datetime | None = None,
) -> WithdrawalPage:
    """Tombstones withdrawn at or after ``since`` and after the cursor, oldest first."""
    query = Tombstone.all()
    if since is not None:
        query = query.filter(withdrawn_at__gte=since)
    if after is not None:
        query = query.filter(
            Q(withdrawn_at__gt=after.withdrawn_at)
            | Q(withdrawn_at=after.withdrawn_at, id__gt=after.id)
        )
    rows = list(await query.order_by("withdrawn_at", "id").limit(limit + 1))
    has_more = len(rows) > limit
    rows = rows[:limit]
    start = after or BEGINNING
    if has_more:
        last = rows[-1]
        next_cursor = WithdrawalCursor(last.withdrawn_at, int(last.id))
    else:
        settled_before = (now or datetime.now(UTC)) - timedelta(seconds=SETTLE_SECONDS)
        settled = [row for row in rows if row.withdrawn_at <= settled_before]
        next_cursor = (
            WithdrawalCursor(settled[-1].withdrawn_at, int(settled[-1].id)) if settled else start
        )
    return WithdrawalPage([_withdrawal_json(row) for row in rows], next_cursor, has_more)


def render_withdrawals_page(
    page: WithdrawalPage,
    base_url: str,
    path: str,
    *,
    since: str | None = None,
    limit: int = MAX_LISTED,
) -> bytes:
    """The JSON of one page, as the route answers it and the static export writes it."""
    next_query = {"after": page.next_cursor.encode()}
    if since is not None:
        next_query["since"] = since
    if limit != MAX_LISTED:
        next_query["limit"] = str(limit)
    body = {
        "withdrawals": page.withdrawals,
        "next_cursor": page.next_cursor.encode(),
        "next_url": f"{base_url}{path}?{urlencode(next_query)}",
        "has_more": page.has_more,
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
