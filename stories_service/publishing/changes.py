"""The public change counter and the per-process page cache that follows it.

Every public change (publish, update, unpublish, withdrawal) calls ``bump_public_change`` in the
transaction that makes it. Each worker polls the counter at most once a second in the background
and drops its cached pages when it moves; a change made in this process drops them at once.
The hot path (``PageCache.get``) never touches the database, and refuses to serve from the cache
when the poller has not confirmed the counter recently, so a withdrawn story can never stay
visible for long even if polling stalls.
"""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from stories_service.instruments import count_cache_lookup

log = logging.getLogger("stories_service.publishing")

PUBLIC_COUNTER = "public"
POLL_INTERVAL_SECONDS = 1.0
# A cache not confirmed by a poll within the interval plus this grace is bypassed, so a stalled
# poller can never keep a withdrawn story in memory much beyond a second.
FRESHNESS_GRACE_SECONDS = 0.5
MAX_ENTRIES = 4096


async def bump_public_change(connection: BaseDBAsyncClient) -> None:
    """Increment the ``public`` change counter (call inside the transaction of the change)."""
    param = "$1" if connection.capabilities.dialect == "postgres" else "?"
    await connection.execute_query(
        f"INSERT INTO change_counters (name, value) VALUES ({param}, 1) "  # noqa: S608
        "ON CONFLICT (name) DO UPDATE SET value = change_counters.value + 1",
        [PUBLIC_COUNTER],
    )
    _notify_local_change()


async def read_public_counter(connection: BaseDBAsyncClient | None = None) -> int:
    connection = connection or connections.get("default")
    param = "$1" if connection.capabilities.dialect == "postgres" else "?"
    rows = await connection.execute_query_dict(
        f"SELECT value FROM change_counters WHERE name = {param}",  # noqa: S608 (placeholder only)
        [PUBLIC_COUNTER],
    )
    return int(rows[0]["value"]) if rows else 0


@dataclass(slots=True)
class CachedPage:
    """A rendered response: body, media type, validators and status."""

    body: bytes
    media_type: str
    etag: str
    last_modified: str
    status: int = 200
    cache_control: str = ""
    content_language: str | None = None


class PageCache:
    """Rendered pages of this process, valid for one value of the public change counter."""

    def __init__(self) -> None:
        self._pages: dict[str, Any] = {}
        self._shared: dict[str, Any] = {}
        self.generation = 0  # bumped on every local drop, to refuse racing renders
        self.counter: int | None = None
        self.confirmed_at = 0.0  # monotonic time of the last successful poll

    def fresh(self) -> bool:
        return (
            time.monotonic() - self.confirmed_at <= POLL_INTERVAL_SECONDS + FRESHNESS_GRACE_SECONDS
        )

    def get(self, key: str) -> Any:
        page = self._pages.get(key) if self.fresh() else None
        count_cache_lookup(hit=page is not None)
        return page

    def put(self, key: str, page: Any, generation: int) -> None:
        """Keep ``page`` unless the cache was dropped since its render started."""
        if generation != self.generation or not self.fresh():
            return
        if len(self._pages) >= MAX_ENTRIES:
            self._pages.clear()
        self._pages[key] = page

    def shared(self, key: str) -> Any:
        """A value computed once per change and shared by all pages (e.g. Last-Modified)."""
        return self._shared.get(key) if self.fresh() else None

    def put_shared(self, key: str, value: Any, generation: int) -> None:
        if generation == self.generation:
            self._shared[key] = value

    def drop(self) -> None:
        self.generation += 1
        self._pages.clear()
        self._shared.clear()

    def observe(self, counter: int) -> bool:
        """Record a polled counter value; drop everything if it moved. True if it moved."""
        moved = self.counter is not None and counter != self.counter
        if moved or self.counter is None:
            self.drop()
        self.counter = counter
        self.confirmed_at = time.monotonic()
        return moved

    def __len__(self) -> int:
        return len(self._pages)


# Caches of this process, dropped on a local change. Usually one (one app per process).
_LOCAL_CACHES: list[PageCache] = []
# Events of this process's jobs that run at once on a local public change (the webhook
# dispatcher's). Weak: an app's jobs, and their events, go when the app stops.
_WAKE_ON_CHANGE: weakref.WeakSet[asyncio.Event] = weakref.WeakSet()
# The first notice may come before the change's commit, so each event is set again this much
# later, when the change is visible to the job it wakes.
WAKE_AGAIN_SECONDS = 0.3


def register_cache(cache: PageCache) -> None:
    _LOCAL_CACHES.append(cache)


def unregister_cache(cache: PageCache) -> None:
    if cache in _LOCAL_CACHES:
        _LOCAL_CACHES.remove(cache)


def wake_on_local_change(event: asyncio.Event) -> None:
    """Set ``event`` when this process makes a public change, and again once it has committed;
    held weakly, so it needs no unregistering."""
    _WAKE_ON_CHANGE.add(event)


def drop_local_caches() -> None:
    """Drop this process's cached pages now (after a public change has committed)."""
    _notify_local_change()


def _notify_local_change() -> None:
    # Dropping before the commit is deliberate: a render racing the commit is refused by the
    # generation check, and the poller drops again once the new counter is visible.
    for cache in _LOCAL_CACHES:
        cache.drop()
    for event in list(_WAKE_ON_CHANGE):
        event.set()
        with suppress(RuntimeError):  # no running loop: the job's next round sees the change
            asyncio.get_running_loop().call_later(WAKE_AGAIN_SECONDS, event.set)


async def poll_public_changes(
    cache: PageCache,
    *,
    on_change: Callable[[], Awaitable[None]] | None = None,
    interval: float = POLL_INTERVAL_SECONDS,
) -> None:
    """Run forever: read the counter every ``interval`` seconds and update ``cache``."""
    while True:
        try:
            moved = cache.observe(await read_public_counter())
            if moved and on_change is not None:
                await on_change()
        except asyncio.CancelledError:
            raise
        except Exception as error:  # the database may be briefly away; the cache goes stale
            log.warning("change counter poll failed: %s", type(error).__name__)
        await asyncio.sleep(interval)
