"""The webhook dispatcher: fans new outbox events out to endpoints and sends what is due, on
one worker at a time (a job lease); each step is also safe if two ran at once."""

from __future__ import annotations

import asyncio
from contextlib import suppress

from stories_service.leases import acquire_lease
from stories_service.periodic import WORKER_ID, PeriodicJob
from stories_service.publishing.changes import add_change_listener
from stories_service.runtime import Runtime
from stories_service.webhooks.delivery import deliver_due, fan_out

DISPATCHER_JOB = "webhooks"
DISPATCHER_INTERVAL = 2.0
WAKE_AGAIN_SECONDS = 0.3


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


def _wake_on_public_change(wake: asyncio.Event) -> None:
    """Run the dispatcher when this worker makes a public change, not at its next round, so a
    removal's webhook leaves at once (issue 16: a copy elsewhere drops it within a second). The
    first notice may come before the change's commit, so it is woken again a moment later."""

    def wake_now_and_after_the_commit() -> None:
        wake.set()
        with suppress(RuntimeError):  # no running loop: the next round sends it
            asyncio.get_running_loop().call_later(WAKE_AGAIN_SECONDS, wake.set)

    add_change_listener(wake_now_and_after_the_commit)


def webhook_jobs(runtime: Runtime) -> list[PeriodicJob]:
    wake = asyncio.Event()
    _wake_on_public_change(wake)
    return [
        PeriodicJob(
            DISPATCHER_JOB, DISPATCHER_INTERVAL, lambda: _dispatch_if_leased(runtime), wake=wake
        )
    ]
