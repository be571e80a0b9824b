"""The change log consumers sync from: every public change in order (issue 16 #1).

``record_change`` is called in the transaction of every public change (publication, update,
and each way a story leaves the public site). It bumps the public change counter first and then
inserts the row: the counter row stays locked until the commit, so change ids are given out in
commit order and a reader that has seen id N can never later find a committed change below N.

A row holds ids, a kind, a time and, for a removal, a coarse reason: never any text. Published
and updated rows are written for syndicated stories only (the set the feeds and the JSON API
show); a removal is written whenever a story that readers could see leaves the site.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from tortoise.backends.base.client import BaseDBAsyncClient

from stories_service.models import PublicChange
from stories_service.publishing.changes import bump_public_change
from stories_service.publishing.queries import TombstoneRow, recent_tombstones
from stories_service.timefmt import rfc3339

ChangeKind = Literal["published", "updated", "removed"]
RemovalReason = Literal["withdrawn", "unpublished", "taken_down", "consent_changed"]
REMOVAL_REASONS: tuple[RemovalReason, ...] = (
    "withdrawn",
    "unpublished",
    "taken_down",
    "consent_changed",
)
PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
_CURSOR_PREFIX = "c1."


class BadCursor(ValueError):
    """The ``since`` cursor is not one this service gave out."""


@dataclass(frozen=True, slots=True)
class ChangeCursor:
    """A position in the change log: after change ``last_id`` (0 = the beginning)."""

    last_id: int

    def encode(self) -> str:
        raw = f"{_CURSOR_PREFIX}{self.last_id}".encode("ascii")
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, text: str) -> ChangeCursor:
        if not text or len(text) > 64 or not text.isascii():
            raise BadCursor(text)
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("ascii")
        except (binascii.Error, ValueError):
            raise BadCursor(text) from None
        number = raw.removeprefix(_CURSOR_PREFIX)
        if number == raw or not number.isdigit() or len(number) > 19:
            raise BadCursor(text)
        if cls(int(number)).encode() != text:  # one spelling per position
            raise BadCursor(text)
        return cls(int(number))


async def record_change(
    connection: BaseDBAsyncClient,
    kind: ChangeKind,
    *,
    slug: str,
    entry_id: str,
    at: datetime,
    reason: RemovalReason | None = None,
) -> None:
    """Bump the public change counter and append one change (inside the change's transaction)."""
    if (kind == "removed") != (reason is not None):
        raise ValueError("a removal needs a reason, and only a removal has one")
    if reason is not None and reason not in REMOVAL_REASONS:
        raise ValueError(f"unknown removal reason {reason!r}")
    await bump_public_change(connection)  # first: its row lock orders the ids below
    await PublicChange.create(
        using_db=connection,
        kind=kind,
        slug=slug,
        entry_id=entry_id,
        reason=reason,
        changed_at=at,
    )


def change_json(row: PublicChange) -> dict[str, Any]:
    """One change as the API gives it: ids, kind, time and (removals) reason; no text."""
    item: dict[str, Any] = {
        "id": row.entry_id,
        "slug": row.slug,
        "kind": row.kind,
        "changed_at": rfc3339(row.changed_at),
    }
    if row.reason is not None:
        item["reason"] = row.reason
    return item


@dataclass(frozen=True, slots=True)
class ChangePage:
    changes: list[PublicChange]
    next_cursor: ChangeCursor
    has_more: bool


async def changes_after(cursor: ChangeCursor, limit: int) -> ChangePage:
    """Up to ``limit`` changes after ``cursor``, oldest first, and the cursor to go on from."""
    rows = await PublicChange.filter(id__gt=cursor.last_id).order_by("id").limit(limit + 1)
    has_more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1].id if rows else cursor.last_id
    return ChangePage(list(rows), ChangeCursor(int(last)), has_more)


async def recent_removals(limit: int) -> list[PublicChange]:
    """The newest removal of each story that is not public again, newest first (Atom's
    deleted entries)."""
    rows = await PublicChange.filter(kind="removed").order_by("-id").limit(limit * 4)
    seen: set[str] = set()
    newest: list[PublicChange] = []
    for row in rows:
        if row.entry_id in seen:
            continue
        seen.add(row.entry_id)
        newest.append(row)
    if not newest:
        return []
    # A story published or updated again after its removal is back: no deleted entry for it.
    later = await PublicChange.filter(
        entry_id__in=[row.entry_id for row in newest],
        kind__in=("published", "updated"),
        id__gt=min(row.id for row in newest),
    ).values_list("entry_id", "id")
    removed_at = {row.entry_id: row.id for row in newest}
    back = {entry for entry, change_id in later if change_id > removed_at[entry]}
    return [row for row in newest if row.entry_id not in back][:limit]


async def deleted_entries(limit: int = 100) -> list[TombstoneRow]:
    """Atom's deleted entries (RFC 6721): every way a story left the feed (the change log's
    removals of stories not back since) and every tombstone, newest first, one per entry."""
    found: dict[str, TombstoneRow] = {}
    for row in await recent_removals(limit):
        found[row.entry_id] = TombstoneRow(row.slug, row.entry_id, row.changed_at)
    for stone in await recent_tombstones(limit):
        found.setdefault(stone.entry_id, stone)
    newest = sorted(found.values(), key=lambda stone: stone.withdrawn_at, reverse=True)
    return newest[:limit]
