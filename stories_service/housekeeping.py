"""Housekeeping every worker may run: deleting expired idempotency records and old throttles.

Both deletions are idempotent and cheap, so no job lease is needed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from stories_service import idempotency, throttle
from stories_service.settings import Settings

log = logging.getLogger("stories_service.housekeeping")
INTERVAL_SECONDS = 600.0


async def run_housekeeping_once() -> tuple[int, int]:
    """Delete expired idempotency records and throttle buckets; returns how many of each."""
    return await idempotency.forget_expired(), await throttle.forget_old_buckets()


async def _loop() -> None:
    while True:
        try:
            await run_housekeeping_once()
        except asyncio.CancelledError:
            raise
        except Exception as error:
            log.warning("housekeeping failed: %s", type(error).__name__)
        await asyncio.sleep(INTERVAL_SECONDS)


@asynccontextmanager
async def housekeeping_job(settings: Settings) -> AsyncIterator[None]:
    if not settings.background_jobs:
        yield
        return
    task = asyncio.create_task(_loop(), name="housekeeping")
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
