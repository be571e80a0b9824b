"""Serving rendered pages from the per-process cache, with validators and conditional requests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from email.utils import parsedate_to_datetime

from starlette.requests import Request
from starlette.responses import Response

from stories_service.publishing.changes import CachedPage, PageCache
from stories_service.publishing.queries import site_last_modified
from stories_service.publishing.render import etag_for, http_date
from stories_service.runtime import Runtime

CACHE_KEY = "publishing.cache"


def page_cache(runtime: Runtime) -> PageCache:
    cache = runtime.extensions.get(CACHE_KEY)
    if cache is None:
        cache = runtime.extensions[CACHE_KEY] = PageCache()
    return cache


def public_cache_control(runtime: Runtime) -> str:
    max_age = runtime.settings.public_max_age
    return f"public, max-age={max_age}, s-maxage={max_age}, stale-if-error=86400"


async def shared_last_modified(cache: PageCache) -> datetime:
    """Last-Modified of the listing pages: the newest public change, computed once per change."""
    value = cache.shared("last_modified")
    if value is None:
        generation = cache.generation
        value = await site_last_modified()
        cache.put_shared("last_modified", value, generation)
    return value  # type: ignore[no-any-return]


def make_page(
    body: bytes,
    media_type: str,
    last_modified: datetime,
    cache_control: str,
    status: int = 200,
) -> CachedPage:
    return CachedPage(
        body=body,
        media_type=media_type,
        etag=etag_for(body),
        last_modified=http_date(last_modified),
        status=status,
        cache_control=cache_control,
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


def respond(request: Request, page: CachedPage) -> Response:
    """The page, or 304 when the client's validators match (If-None-Match wins, RFC 9110)."""
    headers = {
        "ETag": page.etag,
        "Last-Modified": page.last_modified,
        "Cache-Control": page.cache_control,
        "Vary": "Accept-Encoding",
    }
    if page.status == 200:
        if_none_match = request.headers.get("if-none-match")
        if if_none_match is not None:
            if _etag_matches(if_none_match, page.etag):
                return Response(status_code=304, headers=headers)
        else:
            if_modified_since = request.headers.get("if-modified-since")
            if if_modified_since and _not_modified_since(if_modified_since, page.last_modified):
                return Response(status_code=304, headers=headers)
    return Response(page.body, status_code=page.status, media_type=page.media_type, headers=headers)


async def serve_cached(
    request: Request,
    runtime: Runtime,
    key: str,
    render: Callable[[], Awaitable[CachedPage]],
) -> Response:
    """Serve ``key`` from memory, rendering it once per change (no database on a hit)."""
    cache = page_cache(runtime)
    page = cache.get(key)
    if page is None:
        generation = cache.generation
        page = await render()
        cache.put(key, page, generation)
    return respond(request, page)
