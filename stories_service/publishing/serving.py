"""Serving rendered pages from the per-process cache, with validators and conditional requests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import TypedDict

from starlette.requests import Request
from starlette.types import Receive, Scope, Send

from stories_service.i18n.middleware import LANGUAGE_VARY
from stories_service.publishing.changes import CachedPage, PageCache
from stories_service.publishing.queries import site_last_modified
from stories_service.publishing.render import etag_for, http_date, interface_language
from stories_service.runtime import Runtime

CACHE_KEY = "publishing.cache"


def page_cache(runtime: Runtime) -> PageCache:
    cache = runtime.extensions.get(CACHE_KEY)
    if cache is None:
        cache = runtime.extensions[CACHE_KEY] = PageCache()
    return cache


def public_cache_control(runtime: Runtime) -> str:
    """Short shared caching, and no stale-if-error: a CDN must not keep serving a story that
    was unpublished or withdrawn just because the origin errors."""
    max_age = runtime.settings.public_max_age
    return f"public, max-age={max_age}, s-maxage={max_age}"


async def shared_last_modified(cache: PageCache) -> datetime:
    """Last-Modified of the listing pages: the newest public change, computed once per change."""
    value: datetime | None = cache.shared("last_modified")
    if value is None:
        generation = cache.generation
        value = await site_last_modified()
        cache.put_shared("last_modified", value, generation)
    return value


def make_page(
    body: bytes,
    media_type: str,
    last_modified: datetime,
    cache_control: str,
    status: int = 200,
    language: str | None = None,
) -> CachedPage:
    return CachedPage(
        body=body,
        media_type=media_type,
        etag=etag_for(body),
        last_modified=http_date(last_modified),
        status=status,
        cache_control=cache_control,
        content_language=language,
    )


def _etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    for candidate in header.split(","):
        candidate = candidate.strip()
        if candidate.startswith("W/"):
            candidate = candidate[2:]
        if candidate == etag:
            return True
    return False


def _not_modified_since(header: str, last_modified: str) -> bool:
    try:
        since = parsedate_to_datetime(header)
        modified = parsedate_to_datetime(last_modified)
    except (TypeError, ValueError):
        return False
    if since is None or since.tzinfo is None:
        return False
    return modified <= since


def not_modified(
    page: CachedPage, if_none_match: str | None, if_modified_since: str | None
) -> bool:
    """RFC 9110: If-None-Match decides when present; else If-Modified-Since."""
    if page.status != 200:
        return False
    if if_none_match is not None:
        return _etag_matches(if_none_match, page.etag)
    if not if_modified_since:
        return False
    return _not_modified_since(if_modified_since, page.last_modified)


class _Start(TypedDict):
    type: str
    status: int
    headers: list[tuple[bytes, bytes]]


class _Prepared:
    """A cached page's raw ASGI messages, built once so a cache hit only sends them."""

    __slots__ = ("full", "not_modified")

    def __init__(self, page: CachedPage) -> None:
        common = [
            (b"etag", page.etag.encode("latin-1")),
            (b"last-modified", page.last_modified.encode("latin-1")),
            (b"cache-control", page.cache_control.encode("latin-1")),
        ]
        if page.content_language:
            # On the 304 too (RFC 9110 15.4.5): a cache must key the answer as it keyed the 200.
            common.append((b"vary", ", ".join(LANGUAGE_VARY).encode("latin-1")))
        own = [
            (b"content-type", page.media_type.encode("latin-1")),
            (b"content-length", str(len(page.body)).encode("latin-1")),
        ]
        if page.content_language:
            own.append((b"content-language", page.content_language.encode("latin-1")))
        self.full: _Start = {
            "type": "http.response.start",
            "status": page.status,
            "headers": own + common,
        }
        self.not_modified: _Start = {
            "type": "http.response.start",
            "status": 304,
            "headers": common,
        }


async def _send_page(page: CachedPage, prepared: _Prepared, scope: Scope, send: Send) -> None:
    if_none_match = if_modified_since = None
    for name, value in scope["headers"]:
        if name == b"if-none-match":
            if_none_match = value.decode("latin-1")
        elif name == b"if-modified-since":
            if_modified_since = value.decode("latin-1")
    if (if_none_match is not None or if_modified_since) and not_modified(
        page, if_none_match, if_modified_since
    ):
        start = prepared.not_modified
        body = b""
    else:
        start = prepared.full
        body = page.body if scope["method"] != "HEAD" else b""
    # Fresh message dicts: middleware may add headers to the start message.
    await send(
        {"type": start["type"], "status": start["status"], "headers": list(start["headers"])}
    )
    await send({"type": "http.response.body", "body": body})


Renderer = Callable[[Request], Awaitable[CachedPage]]


class CachedEndpoint:
    """An ASGI endpoint that serves a page from memory and renders it once per change.

    The cache key is the path and the raw query string, so a hit costs no parsing and no
    database round trip; a miss calls ``render`` (which validates the query and may raise).
    """

    def __init__(self, render: Renderer) -> None:
        self.render = render

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        runtime: Runtime = scope["app"].state.runtime
        cache = page_cache(runtime)
        # Per interface language: the page's labels and switcher follow the reader's choice.
        key = (
            interface_language()
            + "|"
            + scope["path"]
            + "?"
            + scope["query_string"].decode("latin-1")
        )
        entry: _CacheEntry | None = cache.get(key)
        if entry is None:
            generation = cache.generation
            page = await self.render(Request(scope, receive))
            entry = _CacheEntry(page, _Prepared(page))
            cache.put(key, entry, generation)
        await _send_page(entry.page, entry.prepared, scope, send)


class _CacheEntry:
    __slots__ = ("page", "prepared")

    def __init__(self, page: CachedPage, prepared: _Prepared) -> None:
        self.page = page
        self.prepared = prepared
