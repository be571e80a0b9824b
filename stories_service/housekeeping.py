"""Housekeeping every worker may run: deleting expired idempotency records and old throttles.

Both deletions are idempotent and cheap, so no job lease is needed.
"""

from __future__ import annotations

from stories_service import idempotency, throttle
from stories_service.periodic import PeriodicJob

INTERVAL_SECONDS = 600.0


async def run_housekeeping_once() -> tuple[int, int]:
    """Delete expired idempotency records and throttle buckets; returns how many of each."""
    return await idempotency.forget_expired(), await throttle.forget_old_buckets()


def housekeeping_jobs() -> list[PeriodicJob]:
    return [PeriodicJob("housekeeping", INTERVAL_SECONDS, run_housekeeping_once)]
