"""The periodic job that returns idle claims to the queue, safe with several workers.

Workers compete for a short lease (``stories_service.leases``); the one holding it runs the
expiry. The expiry itself is a conditional update per row, so even two runs at once would expire
each claim once.
"""

from __future__ import annotations

import logging

from stories_service.leases import acquire_lease
from stories_service.moderating.queue import expire_idle_claims
from stories_service.periodic import WORKER_ID, PeriodicJob
from stories_service.settings import Settings

log = logging.getLogger("stories_service.claim_expiry")
JOB_NAME = "expire_claims"
INTERVAL_SECONDS = 60


async def run_once(settings: Settings) -> int:
    """Expire idle claims if this worker holds the lease; returns how many it expired."""
    if not await acquire_lease(JOB_NAME, WORKER_ID, INTERVAL_SECONDS * 2):
        return 0
    expired = await expire_idle_claims(settings.claim_idle_minutes)
    if expired:
        log.info("returned %d idle claims to the queue", expired)
    return expired


def claim_expiry_jobs(settings: Settings) -> list[PeriodicJob]:
    return [PeriodicJob(JOB_NAME, INTERVAL_SECONDS, lambda: run_once(settings))]
