"""The periodic job that returns idle claims to the queue, safe with several workers.

Workers compete for a short lease (``stories_service.leases``); the one holding it runs the
expiry. The expiry itself is a conditional update per row, so even two runs at once would expire
each claim once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
from collections.abc import AsyncIterator

from moderation.queue import expire_idle_claims
from stories_service.leases import acquire_lease
from stories_service.settings import Settings

log = logging.getLogger("stories_service.claim_expiry")
JOB_NAME = "expire_claims"
INTERVAL_SECONDS = 60
_HOLDER = f"{os.getpid()}-{secrets.token_hex(4)}"


async def run_once(settings: Settings) -> int:
    if not await acquire_lease(JOB_NAME, _HOLDER, INTERVAL_SECONDS * 2):
        return 0
    return await expire_idle_claims(settings.claim_idle_minutes)


async def _loop(settings: Settings) -> None:
    while True:
        try:
            expired = await run_once(settings)
            if expired:
                log.info("returned %d idle claims to the queue", expired)
        except Exception as error:  # a failed run must not stop the next one
            log.warning("claim expiry failed: %s", type(error).__name__)
        await asyncio.sleep(INTERVAL_SECONDS)


@contextlib.asynccontextmanager
async def claim_expiry_job(settings: Settings) -> AsyncIterator[None]:
    """Run the job for the lifetime of the app (when background jobs are enabled)."""
    if not settings.background_jobs:
        yield
        return
    task = asyncio.create_task(_loop(settings))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
