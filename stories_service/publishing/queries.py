"""Reading the public archive: keyset pages of published stories, one story, tombstones.

Pages are keyset-based on ``(published_at, id)`` (the ``state, published_at, id`` index), so
page 5,000 costs what page 1 costs. A cursor is the last row's key, opaque to clients.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
_COLUMNS = (
    "id, slug, entry_id, title, summary, body_html, byline, language, text_direction, tags, "
    "content_notes, syndicate, search_indexing, published_at, updated_at"
)
_TAG_RE = re.compile(r"^[\w \-.]{1,60}$", re.UNICODE)
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


_SLUG_RE = re.compile(r"^[a-z0-9]{1,64}$")


def plausible_slug(slug: str) -> bool:
    """Slugs are lowercase base32; anything else cannot name a story (no database query)."""
    return bool(_SLUG_RE.match(slug))


# The longest cursor we write is about 70 characters; a longer one is not ours (and a long one
# can hold JSON nested deeply enough to exhaust the parser's recursion).
MAX_CURSOR_CHARS = 128


class BadQuery(ValueError):
    """A malformed cursor or filter; the route answers 400."""


@dataclass(frozen=True, slots=True)
class Cursor:
    published_at: str  # the stored value, exactly (text on SQLite, ISO on PostgreSQL)
    id: int

    def encode(self) -> str:
        raw = json.dumps([self.published_at, self.id], separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        if len(token) > MAX_CURSOR_CHARS:
            raise BadQuery("cursor")
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            published_at, row_id = json.loads(raw)
            aware = datetime.fromisoformat(str(published_at)).tzinfo is not None
        except (ValueError, TypeError):
            raise BadQuery("cursor") from None
        if not aware or not isinstance(published_at, str) or not isinstance(row_id, int):
            raise BadQuery("cursor")
        if not 0 <= row_id < 2**31:  # the id column is a 32-bit integer
            raise BadQuery("cursor")
        return cls(published_at, row_id)


@dataclass(frozen=True, slots=True)
class Filters:
    language: str | None = None
    tag: str | None = None
    syndicated_only: bool = False

    @classmethod
    def parse(cls, lang: str | None, tag: str | None, *, syndicated_only: bool) -> Filters:
        lang = (lang or "").strip() or None
        tag = (tag or "").strip() or None
        if lang is not None and not _LANG_RE.match(lang):
            raise BadQuery("lang")
        if tag is not None and not _TAG_RE.match(tag):
            raise BadQuery("tag")
        return cls(lang, tag, syndicated_only)


@dataclass(slots=True)
class StoryRow:
    id: int
    slug: str
    entry_id: str
    title: str
    summary: str
    body_html: str
    byline: str | None
    language: str
    text_direction: str
    tags: list[str]
    content_notes: list[str]
    published_at: datetime
    updated_at: datetime
    syndicate: bool = True
    search_indexing: bool = False
    sort_key: str = ""

    @property
    def cursor(self) -> Cursor:
        return Cursor(self.sort_key, self.id)


@dataclass(slots=True)
class Page:
    stories: list[StoryRow]
    next_cursor: Cursor | None
    prev_cursor: Cursor | None
    is_first: bool
    extra: dict[str, Any] = field(default_factory=dict)


NO_CONTENT_NOTE = "none"  # "checked, nothing to warn about": never shown to readers


def _json_list(value: Any) -> list[str]:
    if isinstance(value, str):
        value = json.loads(value)
    return [str(v) for v in value or []]


def _datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _row(record: dict[str, Any]) -> StoryRow:
    raw_published = record["published_at"]
    sort_key = (
        raw_published.isoformat() if isinstance(raw_published, datetime) else str(raw_published)
    )
    return StoryRow(
        id=int(record["id"]),
        slug=record["slug"],
        entry_id=record["entry_id"],
        title=record["title"],
        summary=record["summary"],
        body_html=record["body_html"],
        byline=record["byline"],
        language=record["language"],
        text_direction=record["text_direction"],
        tags=_json_list(record["tags"]),
        content_notes=[n for n in _json_list(record["content_notes"]) if n != NO_CONTENT_NOTE],
        published_at=_datetime(raw_published),
        updated_at=_datetime(record["updated_at"]),
        syndicate=bool(record["syndicate"]),
        search_indexing=bool(record["search_indexing"]),
        sort_key=sort_key,
    )


class _Sql:
    """Builds one parameterised statement for either dialect."""

    def __init__(self, connection: BaseDBAsyncClient) -> None:
        self.postgres = connection.capabilities.dialect == "postgres"
        self.params: list[Any] = []

    def param(self, value: Any) -> str:
        self.params.append(value)
        return f"${len(self.params)}" if self.postgres else "?"

    def key_value(self, cursor: Cursor) -> Any:
        return datetime.fromisoformat(cursor.published_at) if self.postgres else cursor.published_at


def _where(sql: _Sql, filters: Filters) -> list[str]:
    clauses = [f"state = {sql.param('published')}"]
    if filters.syndicated_only:
        clauses.append(f"syndicate = {sql.param(True)}")
    if filters.language:
        clauses.append(
            f"(lower(language) = lower({sql.param(filters.language)}) "
            f"OR lower(language) LIKE lower({sql.param(filters.language + '-%')}))"
        )
    if filters.tag:
        if sql.postgres:
            clauses.append(f"tags::jsonb @> {sql.param(json.dumps([filters.tag]))}::jsonb")
        else:
            clauses.append(
                "EXISTS (SELECT 1 FROM json_each(published_stories.tags) "  # noqa: S608
                f"WHERE json_each.value = {sql.param(filters.tag)})"
            )
    return clauses


async def page_of_stories(
    filters: Filters,
    *,
    after: Cursor | None = None,
    before: Cursor | None = None,
    limit: int = PAGE_SIZE,
    connection: BaseDBAsyncClient | None = None,
) -> Page:
    """One page, newest first: after ``after`` (older stories) or before ``before`` (newer)."""
    connection = connection or connections.get("default")
    sql = _Sql(connection)
    clauses = _where(sql, filters)
    backwards = before is not None
    cursor = before if backwards else after
    if cursor is not None:
        key = sql.key_value(cursor)
        op, eq = (">", ">=") if backwards else ("<", "<=")
        # The first clause gives the index a range; the second breaks ties on id.
        clauses.append(f"published_at {eq} {sql.param(key)}")
        clauses.append(f"(published_at {op} {sql.param(key)} OR id {op} {sql.param(cursor.id)})")
    order = "ASC" if backwards else "DESC"
    statement = (
        f"SELECT {_COLUMNS} FROM published_stories WHERE {' AND '.join(clauses)} "  # noqa: S608
        f"ORDER BY published_at {order}, id {order} LIMIT {sql.param(limit + 1)}"
    )
    records = await connection.execute_query_dict(statement, sql.params)
    rows = [_row(r) for r in records]
    more = len(rows) > limit
    rows = rows[:limit]
    if backwards:
        rows.reverse()
        return Page(
            stories=rows,
            next_cursor=rows[-1].cursor if rows else before,
            prev_cursor=rows[0].cursor if rows and more else None,
            is_first=not more,
        )
    return Page(
        stories=rows,
        next_cursor=rows[-1].cursor if rows and more else None,
        prev_cursor=rows[0].cursor if rows and cursor is not None else None,
        is_first=cursor is None,
    )


async def story_by_slug(slug: str) -> StoryRow | None:
    connection = connections.get("default")
    sql = _Sql(connection)
    statement = (
        f"SELECT {_COLUMNS} FROM published_stories "  # noqa: S608
        f"WHERE slug = {sql.param(slug)} AND state = {sql.param('published')}"
    )
    records = await connection.execute_query_dict(statement, sql.params)
    return _row(records[0]) if records else None


# A sitemap holds at most 50,000 URLs (sitemaps.org).
SITEMAP_MAX_STORIES = 49_999


async def indexable_stories(limit: int = SITEMAP_MAX_STORIES) -> list[tuple[str, datetime]]:
    """Slug and last change of the published stories whose survivors agreed to search
    indexing, newest first (the sitemap)."""
    connection = connections.get("default")
    sql = _Sql(connection)
    statement = (
        "SELECT slug, updated_at FROM published_stories "  # noqa: S608
        f"WHERE state = {sql.param('published')} AND search_indexing = {sql.param(True)} "
        f"ORDER BY published_at DESC, id DESC LIMIT {sql.param(limit)}"
    )
    records = await connection.execute_query_dict(statement, sql.params)
    return [(r["slug"], _datetime(r["updated_at"])) for r in records]


@dataclass(frozen=True, slots=True)
class TombstoneRow:
    slug: str
    entry_id: str
    withdrawn_at: datetime


async def tombstone_by_slug(slug: str) -> TombstoneRow | None:
    connection = connections.get("default")
    sql = _Sql(connection)
    records = await connection.execute_query_dict(
        f"SELECT slug, entry_id, withdrawn_at FROM tombstones WHERE slug = {sql.param(slug)}",  # noqa: S608
        sql.params,
    )
    if not records:
        return None
    r = records[0]
    return TombstoneRow(r["slug"], r["entry_id"], _datetime(r["withdrawn_at"]))


async def recent_tombstones(limit: int = 100) -> list[TombstoneRow]:
    connection = connections.get("default")
    sql = _Sql(connection)
    records = await connection.execute_query_dict(
        "SELECT slug, entry_id, withdrawn_at FROM tombstones "  # noqa: S608
        f"ORDER BY withdrawn_at DESC, id DESC LIMIT {sql.param(limit)}",
        sql.params,
    )
    return [TombstoneRow(r["slug"], r["entry_id"], _datetime(r["withdrawn_at"])) for r in records]


async def site_last_modified() -> datetime:
    """When anything public last changed (a story or a tombstone); computed once per change."""
    connection = connections.get("default")
    rows = await connection.execute_query_dict(
        "SELECT (SELECT MAX(updated_at) FROM published_stories) AS s, "
        "(SELECT MAX(withdrawn_at) FROM tombstones) AS t"
    )
    values = [_datetime(v) for v in (rows[0]["s"], rows[0]["t"]) if v is not None]
    return max(values) if values else datetime(2026, 1, 1, tzinfo=UTC)
