"""Periodic jobs run inside the service, once across all workers (a lease in the database)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import Awaitable, Callable

from stories_service.leases import acquire_lease
from stories_service.protection.retention import run_retention
from stories_service.protection.scrub import scrub_deleted_rows
from stories_service.runtime import Runtime
from stories_service.settings import Settings

log = logging.getLogger("stories_service.jobs")

RETENTION_JOB = "retention"
RETENTION_INTERVAL_SECONDS = 600


def worker_name() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


async def retention_job(settings: Settings, holder: str) -> int | None:
    """Run the retention purge if this worker holds the lease; None when another one does."""
    if not await acquire_lease(RETENTION_JOB, holder, RETENTION_INTERVAL_SECONDS):
        return None
    purged = await run_retention(settings.retention_days)
    if purged:
        await scrub_deleted_rows(("submissions",))
        log.info("retention: purged the originals of %d submissions", purged)
    return purged


async def _every(seconds: int, job: Callable[[], Awaitable[object]]) -> None:
    while True:
        try:
            await job()
        except Exception as error:  # keep the loop alive; the next round retries
            log.error("periodic job failed: %s", type(error).__name__)
        await asyncio.sleep(seconds)


def start_protection_jobs(runtime: Runtime) -> list[asyncio.Task[None]]:
    holder = worker_name()
    return [
        asyncio.create_task(
            _every(RETENTION_INTERVAL_SECONDS, lambda: retention_job(runtime.settings, holder)),
            name="retention",
        )
    ]


async def stop_jobs(tasks: list[asyncio.Task[None]]) -> None:
    for task in tasks:
        task.cancel()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError):
            await task
