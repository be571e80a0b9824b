"""The loop of periodic jobs: a job that is woken runs at once, and stopping the loop ends every
job even when a wake comes in the same moment (the app's shutdown waits for its jobs)."""

from __future__ import annotations

import asyncio

from stories_service import periodic


async def test_a_wake_runs_the_job_at_once_and_a_wake_at_shutdown_does_not_keep_it_running():
    wake = asyncio.Event()
    runs = 0
    ran = asyncio.Event()

    async def step() -> None:
        nonlocal runs
        runs += 1
        ran.set()

    job = periodic.PeriodicJob("periodic-test", 600.0, step, wake)
    async with asyncio.timeout(10):  # a failure, not a hang
        async with periodic.running([job]):
            await ran.wait()
            ran.clear()
            wake.set()  # long before the 600 s interval
            await ran.wait()
            assert runs == 2
            await asyncio.sleep(0)  # the job waits for its wake again
            # Woken as the block ends: on Python 3.11, asyncio.wait_for returned normally when
            # its event and the cancellation came in the same step, and the job never ended.
            wake.set()
    assert runs == 2
