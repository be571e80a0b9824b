"""The mirror's loop: a first full sync, then the change log from the saved cursor, read at
once when a webhook arrives and every ``poll_interval`` seconds anyway."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from stories_service.mirror.client import PublicSite, Unreachable
from stories_service.mirror.store import LocalCopy, SyncState, safe_slug
from stories_service.mirror.webhooks import WebhookEvent

log = logging.getLogger("stories_service.mirror")

Trigger = Literal["start", "webhook", "poll"]
# After a webhook, the change log is read again a few times if it shows nothing new yet: with
# several workers, the one answering may take up to a second or so to see the change.
CATCH_UP_PAUSES = (0.2, 0.4, 0.8, 1.6, 3.2)
MAX_BACKOFF_SECONDS = 300.0


@dataclass(frozen=True, slots=True)
class Applied:
    """One change made to the copy: what, to which story, why it was read, and when."""

    trigger: Trigger
    action: Literal["stored", "removed"]
    slug: str
    reason: str | None
    at: float  # time.monotonic()


class Mirror:
    """Keeps ``LocalCopy(folder)`` equal to the public stories of ``site``."""

    def __init__(
        self,
        site: PublicSite,
        folder: Path | str,
        *,
        poll_interval: float = 60.0,
        on_applied: Callable[[Applied], None] | None = None,
    ) -> None:
        self.site = site
        self.copy = LocalCopy(folder)
        self.poll_interval = poll_interval
        self.applied: deque[Applied] = deque(maxlen=10_000)
        # (time.monotonic(), event type) of each verified webhook, newest last
        self.webhooks: deque[tuple[float, str]] = deque(maxlen=10_000)
        self.completed_syncs = 0  # the copy was up to date with the change log this many times
        self._on_applied = on_applied
        self._state: SyncState | None = None
        self._wake = asyncio.Event()

    # Webhooks

    def webhook_arrived(self, event: WebhookEvent) -> None:
        """A verified webhook: read the change log now (its payload is not applied)."""
        log.info("webhook %s (%s): reading the change log", event.message_id, event.type)
        self.webhooks.append((time.monotonic(), event.type))
        self._wake.set()

    # Syncing

    async def sync(self, trigger: Trigger = "poll") -> int:
        """Bring the copy up to date: a full sync the first time, then the change log.
        Returns the number of changes read."""
        if self._state is None:
            self._state = self.copy.open(self.site.root)
        if self._state.cursor is None:
            await self._full_sync(trigger)
        read = await self._follow(trigger)
        self.completed_syncs += 1
        return read

    async def _full_sync(self, trigger: Trigger) -> None:
        """Where the log ends now, then every listed story; changes after that cursor are
        applied next, so nothing that happens meanwhile is lost."""
        assert self._state is not None
        cursor: str | None = None
        while True:
            page = await self.site.changes(cursor)
            assert page is not None
            cursor = page.next_cursor
            if not page.has_more:
                break
        listed: set[str] = set()
        async for story in self.site.stories():
            listed.add(safe_slug(story.get("slug")))
            if self.copy.put(story):
                self._record(trigger, "stored", story["slug"], None)
        for slug in self.copy.keep_only(listed):
            self._record(trigger, "removed", slug, "not listed")
        self._state = replace(self._state, cursor=cursor, etag=None)
        self.copy.save_state(self._state)
        log.info("full sync: %d stories", len(listed))

    async def _follow(self, trigger: Trigger) -> int:
        assert self._state is not None
        read = 0
        while True:
            state = self._state
            page = await self.site.changes(state.cursor, state.etag)
            if page is None:  # 304: nothing new
                return read
            await self._apply(page.changes, trigger)
            read += len(page.changes)
            same_place = page.next_cursor == state.cursor
            self._state = replace(
                state, cursor=page.next_cursor, etag=page.etag if same_place else None
            )
            self.copy.save_state(self._state)  # after the changes: a crash repeats, never skips
            if not page.has_more:
                return read

    async def _apply(self, changes: list[dict[str, Any]], trigger: Trigger) -> None:
        # Only the last change of each story in a page matters: its state now is what we fetch.
        last: dict[str, dict[str, Any]] = {}
        for change in changes:
            last.pop(str(change.get("id")), None)
            last[str(change.get("id"))] = change
        for entry_id, change in last.items():
            slug = safe_slug(change.get("slug"))
            if change.get("kind") == "removed":
                if self.copy.remove(entry_id, slug):
                    self._record(trigger, "removed", slug, str(change.get("reason") or ""))
                continue
            story = await self.site.story(slug)
            if story is None:  # gone again since: a later change in the log says why
                if self.copy.remove(entry_id, slug):
                    self._record(trigger, "removed", slug, "not public")
            elif self.copy.put(story):
                self._record(trigger, "stored", slug, None)

    def _record(self, trigger: Trigger, action: Any, slug: str, reason: str | None) -> None:
        applied = Applied(trigger, action, slug, reason, time.monotonic())
        self.applied.append(applied)
        why = f" ({reason})" if reason else ""
        log.info("%s %s%s after %s", action, slug, why, trigger)
        if self._on_applied is not None:
            self._on_applied(applied)

    # Running

    async def run(self, *, once: bool = False) -> None:
        """Sync now (errors here are fatal: a wrong URL should stop at once), then follow the
        site until cancelled: at each webhook, and every ``poll_interval`` seconds."""
        await self.sync("start")
        if once:
            return
        failures = 0
        while True:
            trigger = await self._next_trigger(failures)
            try:
                await self._sync_after(trigger)
                failures = 0
            except Unreachable as error:
                failures += 1
                log.warning("sync failed (will retry): %s", error)

    async def _next_trigger(self, failures: int) -> Trigger:
        wait = self.poll_interval
        if failures:
            wait = min(wait, min(MAX_BACKOFF_SECONDS, 2.0**failures))
        try:
            # Not asyncio.wait_for: on Python 3.11 it can swallow a cancellation that comes with
            # a webhook (see stories_service.periodic._pause).
            async with asyncio.timeout(wait):
                await self._wake.wait()
        except TimeoutError:
            return "poll"
        return "webhook"

    async def _sync_after(self, trigger: Trigger) -> None:
        self._wake.clear()
        if await self.sync(trigger) or trigger != "webhook":
            return
        for pause in CATCH_UP_PAUSES:
            await asyncio.sleep(pause)
            self._wake.clear()
            if await self.sync(trigger):
                return
