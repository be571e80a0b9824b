"""Periodic jobs inside the service: one loop for all of them, started and stopped with the app.

A job whose work must happen once across workers and hosts takes a job lease
(``stories_service.leases``) inside its step; one that is idempotent and cheap runs everywhere.
A failed run is logged by its exception type (never its message, which could quote survivor
text) and the next run tries again.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass

from stories_service.instruments import job_run

log = logging.getLogger("stories_service.jobs")

WORKER_ID = f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(3)}"
"""This worker's name as a lease holder: host, process and a random part (pids repeat)."""


@dataclass(frozen=True, slots=True)
class PeriodicJob:
    name: str
    interval_seconds: float
    step: Callable[[], Awaitable[object]]
    wake: asyncio.Event | None = None  # set it to run the step now instead of at the next round


async def _pause(job: PeriodicJob) -> None:
    if job.wake is None:
        await asyncio.sleep(job.interval_seconds)
        return
    # asyncio.timeout, not asyncio.wait_for: on Python 3.11, wait_for returns normally when the
    # wake and a cancellation come in the same loop step, so the job ran on and the app's
    # shutdown waited for it forever (CPython gh-86296, fixed in 3.12).
    with suppress(TimeoutError):
        async with asyncio.timeout(job.interval_seconds):
            await job.wake.wait()
    job.wake.clear()


async def _run_every(job: PeriodicJob) -> None:
    while True:
        try:
            with job_run(job.name):
                await job.step()
        except asyncio.CancelledError:
            raise
        except Exception as error:  # keep the loop alive; the next round retries
            log.warning("job %s failed: %s", job.name, type(error).__name__)
        await _pause(job)


@asynccontextmanager
async def running(jobs: Sequence[PeriodicJob]) -> AsyncIterator[None]:
    """Run ``jobs`` in the background while the block runs; cancel them and wait after it."""
    tasks = [asyncio.create_task(_run_every(job), name=job.name) for job in jobs]
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with suppress(asyncio.CancelledError):
                await task
