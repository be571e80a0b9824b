"""Background work of each worker: the cache poller, the scheduler, re-export.

The poller always runs (it keeps the page cache honest). The scheduler runs when
``settings.background_jobs`` is true (``publishing_jobs``); it takes a job lease so that one
worker of many does the work at a time, and each step is also safe if two ran at once. Tests
call ``run_scheduler_once`` directly.

The static export is per host, not per cluster: every worker whose ``STORIES_EXPORT_DIR`` is set
re-exports after the public change counter moves (workers of one host take turns through the
folder's lock, ``static_export``), so every host's copy follows every change, wherever it was
made. A failed export (the database away) is tried again until one succeeds.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from stories_service.leases import acquire_lease
from stories_service.periodic import WORKER_ID, PeriodicJob
from stories_service.publishing.changes import (
    poll_public_changes,
    register_cache,
    unregister_cache,
)
from stories_service.publishing.publisher import publish_due_stories
from stories_service.publishing.serving import page_cache
from stories_service.publishing.static_export import export_static
from stories_service.runtime import Runtime

log = logging.getLogger("stories_service.jobs")

SCHEDULER_JOB = "publish-due"
SCHEDULER_INTERVAL = 5.0
# After a failed export, the next try comes this much later (a withdrawal must reach the copy).
EXPORT_RETRY_SECONDS = 5.0


async def run_scheduler_once(runtime: Runtime) -> list[str]:
    """Publish the stories whose time has come (safe to call from several workers)."""
    return await publish_due_stories(runtime.cipher, runtime.settings.base_url)


async def run_export_once(runtime: Runtime) -> int | None:
    if runtime.settings.export_dir is None:
        return None
    return await export_static(
        runtime.settings.export_dir, runtime.templates.env, runtime.settings.base_url
    )


async def _schedule_if_leased(runtime: Runtime) -> None:
    if await acquire_lease(SCHEDULER_JOB, WORKER_ID, SCHEDULER_INTERVAL * 6):
        await run_scheduler_once(runtime)


def publishing_jobs(runtime: Runtime) -> list[PeriodicJob]:
    return [PeriodicJob(SCHEDULER_JOB, SCHEDULER_INTERVAL, lambda: _schedule_if_leased(runtime))]


class _Exporter:
    """Re-exports after a change; one export at a time, one more if changes came meanwhile,
    and again after a failure until one succeeds."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.wanted = asyncio.Event()

    async def on_change(self) -> None:
        self.wanted.set()

    async def run(self) -> None:
        while True:
            await self.wanted.wait()
            self.wanted.clear()
            try:
                await run_export_once(self.runtime)
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.warning("static export failed: %s", type(error).__name__)
                await asyncio.sleep(EXPORT_RETRY_SECONDS)
                self.wanted.set()


@asynccontextmanager
async def public_cache_watch(runtime: Runtime) -> AsyncIterator[None]:
    """Keep this worker's page cache (and the static export, if any) in step with the public
    change counter for the app's lifespan."""
    cache = page_cache(runtime)
    register_cache(cache)
    exporter = _Exporter(runtime) if runtime.settings.export_dir else None
    tasks = [
        asyncio.create_task(
            poll_public_changes(cache, on_change=exporter.on_change if exporter else None)
        )
    ]
    if exporter is not None:
        tasks.append(asyncio.create_task(exporter.run()))
        exporter.wanted.set()  # export once at start
    try:
        yield
    finally:
        unregister_cache(cache)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with suppress(asyncio.CancelledError):
                await task
