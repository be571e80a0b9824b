"""A public change made in this process wakes the jobs that asked for it (the webhook
dispatcher) at once and again after the commit; an app that stopped leaves nothing behind."""

from __future__ import annotations

import asyncio
import gc

from stories_service.publishing import changes


async def test_a_local_change_wakes_at_once_and_again_after_the_commit() -> None:
    wake = asyncio.Event()
    changes.wake_on_local_change(wake)
    changes.drop_local_caches()
    assert wake.is_set()
    wake.clear()  # the job ran before the change committed, and waits again
    await asyncio.wait_for(wake.wait(), timeout=changes.WAKE_AGAIN_SECONDS + 30)


async def test_the_events_of_a_stopped_app_are_not_kept() -> None:
    gc.collect()
    before = len(changes._WAKE_ON_CHANGE)
    for _ in range(5):  # five apps' dispatchers, built and gone, as in a test run
        changes.wake_on_local_change(asyncio.Event())
    gc.collect()
    assert len(changes._WAKE_ON_CHANGE) == before
