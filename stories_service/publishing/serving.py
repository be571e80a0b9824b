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
from stories_service.publishing.compression import (
    IDENTITY,
    choose_coding,
    coded_etag,
    compressed_copies,
)
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


def _etag_candidates(header: str) -> list[str]:
    """The entity tags of an If-None-Match header, weak prefixes dropped (weak comparison)."""
    candidates = []
    for candidate in header.split(","):
        candidate = candidate.strip()
        if candidate.startswith("W/"):
            candidate = candidate[2:]
        candidates.append(candidate)
    return candidates


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
    """RFC 9110: If-None-Match decides when present; else If-Modified-Since. For responses
    built outside the page cache (one coding)."""
    if page.status != 200:
        return False
    if if_none_match is not None:
        candidates = _etag_candidates(if_none_match)
        return "*" in candidates or page.etag in candidates
    if not if_modified_since:
        return False
    return _not_modified_since(if_modified_since, page.last_modified)


class _Start(TypedDict):
    type: str
    status: int
    headers: list[tuple[bytes, bytes]]


class _Variant:
    """One coding of a cached page (identity, gzip or br): its body, ETag and the raw ASGI
    start messages of its 200 and its 304, built once so a cache hit only sends them."""

    __slots__ = ("body", "coding", "etag", "full", "not_modified")

    def __init__(self, page: CachedPage, coding: str, body: bytes, vary: bytes | None) -> None:
        self.coding = coding
        self.body = body
        self.etag = coded_etag(page.etag, coding)
        # What a 304 carries (RFC 9110 15.4.5): the ETag, Cache-Control and Vary a 200 would
        # have (a cache must key the answer as it keyed the 200), and no other metadata:
        # Last-Modified only guides a cache that has no ETag, and every answer here has one.
        common = [
            (b"etag", self.etag.encode("latin-1")),
            (b"cache-control", page.cache_control.encode("latin-1")),
        ]
        if vary:
            common.append((b"vary", vary))
        own = [
            (b"content-type", page.media_type.encode("latin-1")),
            (b"content-length", str(len(body)).encode("latin-1")),
            (b"last-modified", page.last_modified.encode("latin-1")),
        ]
        if coding != IDENTITY:
            own.append((b"content-encoding", coding.encode("latin-1")))
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


class _CacheEntry:
    """A cached page with its codings, compressed once here rather than per request."""

    __slots__ = ("by_etag", "page", "variants")

    def __init__(self, page: CachedPage) -> None:
        self.page = page
        copies = compressed_copies(page.body)
        names = list(LANGUAGE_VARY) if page.content_language else []
        if copies:
            names.append("Accept-Encoding")
        vary = ", ".join(names).encode("latin-1") if names else None
        self.variants = {IDENTITY: _Variant(page, IDENTITY, page.body, vary)}
        for coding, body in copies.items():
            self.variants[coding] = _Variant(page, coding, body, vary)
        self.by_etag = {variant.etag: variant for variant in self.variants.values()}

    def revalidated(self, if_none_match: str, chosen: _Variant) -> _Variant | None:
        """The variant a matching If-None-Match names, else None.

        Every coding of the page is the same content, so a tag of any of them matches; the 304
        carries the tag the client holds (the chosen coding's when it holds several), so a
        cache updates the response it has instead of relabelling it as another coding.
        """
        if self.page.status != 200:
            return None
        candidates = _etag_candidates(if_none_match)
        if "*" in candidates or chosen.etag in candidates:
            return chosen
        for candidate in candidates:
            variant = self.by_etag.get(candidate)
            if variant is not None:
                return variant
        return None


async def _send_page(entry: _CacheEntry, scope: Scope, send: Send) -> None:
    if_none_match = if_modified_since = accept_encoding = None
    for name, value in scope["headers"]:
        if name == b"if-none-match":
            if_none_match = value.decode("latin-1")
        elif name == b"if-modified-since":
            if_modified_since = value.decode("latin-1")
        elif name == b"accept-encoding":
            accept_encoding = value
    variant = entry.variants.get(choose_coding(accept_encoding)) or entry.variants[IDENTITY]
    start, body = variant.full, variant.body
    if if_none_match is not None:  # RFC 9110 13.2.2: If-None-Match decides when present
        matched = entry.revalidated(if_none_match, variant)
        if matched is not None:
            start, body = matched.not_modified, b""
    elif (
        if_modified_since
        and entry.page.status == 200
        and _not_modified_since(if_modified_since, entry.page.last_modified)
    ):
        start, body = variant.not_modified, b""
    if scope["method"] == "HEAD":
        body = b""
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
            entry = _CacheEntry(await self.render(Request(scope, receive)))
            cache.put(key, entry, generation)
        await _send_page(entry, scope, send)
