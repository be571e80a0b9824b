"""The webhook dispatcher: fans new outbox events out to endpoints and sends what is due, on
one worker at a time (a job lease); each step is also safe if two ran at once."""

from __future__ import annotations

import asyncio

from stories_service.leases import acquire_lease
from stories_service.periodic import WORKER_ID, PeriodicJob
from stories_service.publishing.changes import wake_on_local_change
from stories_service.runtime import Runtime
from stories_service.webhooks.delivery import deliver_due, fan_out

DISPATCHER_JOB = "webhooks"
DISPATCHER_INTERVAL = 2.0


async def run_dispatcher_once(runtime: Runtime) -> int:
    """Fan new outbox events out to endpoints and send what is due; returns attempts made."""
    await fan_out()
    return await deliver_due(
        runtime.cipher,
        base_seconds=runtime.settings.webhook_retry_base_seconds,
        base_url=runtime.settings.base_url,
        allowed_networks=runtime.settings.webhook_allow_networks,
    )


async def _dispatch_if_leased(runtime: Runtime) -> None:
    if await acquire_lease(DISPATCHER_JOB, WORKER_ID, DISPATCHER_INTERVAL * 6):
        await run_dispatcher_once(runtime)


def webhook_jobs(runtime: Runtime) -> list[PeriodicJob]:
    # A public change made here runs the dispatcher at once, not at its next round, so a
    # removal's webhook leaves at once (issue 16: a copy elsewhere drops it within a second).
    wake = asyncio.Event()
    wake_on_local_change(wake)
    return [
        PeriodicJob(
            DISPATCHER_JOB, DISPATCHER_INTERVAL, lambda: _dispatch_if_leased(runtime), wake=wake
        )
    ]
