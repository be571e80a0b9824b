"""The retention purge: run once across all workers (a lease in the database)."""

from __future__ import annotations

import logging

from stories_service.leases import acquire_lease
from stories_service.periodic import WORKER_ID, PeriodicJob
from stories_service.protection.retention import run_retention
from stories_service.protection.scrub import scrub_deleted_rows
from stories_service.settings import Settings

log = logging.getLogger("stories_service.jobs")

RETENTION_JOB = "retention"
RETENTION_INTERVAL_SECONDS = 600


async def retention_job(settings: Settings, holder: str) -> int | None:
    """Run the retention purge if this worker holds the lease; None when another one does."""
    if not await acquire_lease(RETENTION_JOB, holder, RETENTION_INTERVAL_SECONDS):
        return None
    purged = await run_retention(settings.retention_days)
    if purged:
        await scrub_deleted_rows(("submissions",))
        log.info("retention: purged the originals of %d submissions", purged)
    return purged


def protection_jobs(settings: Settings) -> list[PeriodicJob]:
    return [
        PeriodicJob(
            RETENTION_JOB, RETENTION_INTERVAL_SECONDS, lambda: retention_job(settings, WORKER_ID)
        )
    ]
