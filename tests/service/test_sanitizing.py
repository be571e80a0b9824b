"""Sanitising off the event loop (issue 14 #1): the server answers while a story is being
cleaned, a child that overruns is killed and replaced, and children are reaped at shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from collections.abc import Iterator

import httpx
import pytest

from stories_service.sanitizing import (
    POOL_SIZE,
    SanitizerPool,
    SanitizerUnavailable,
    current_pool,
)
from tests.conftest import valid_submission
from tests.intake.test_too_much_markup import heavy_story

# A bound for a hung test, not a measurement: polling stops as soon as the condition holds.
HANG = 120.0


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@contextlib.contextmanager
def stopped(pids: set[int]) -> Iterator[None]:
    """The children frozen (SIGSTOP) inside the block, whatever happens in it."""
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)


async def test_healthz_answers_while_a_story_is_being_cleaned(client: httpx.AsyncClient) -> None:
    pool = current_pool()
    # Every child started (cleaning at the same time), then frozen: the submission cannot
    # finish until they go on.
    await asyncio.gather(*(pool.sanitize(f"<p>child {i}</p>") for i in range(POOL_SIZE)))
    assert len(pool.worker_pids()) == POOL_SIZE
    with stopped(pool.worker_pids()):
        submission = asyncio.create_task(
            client.post("/api/v1/submissions", json=valid_submission(body=heavy_story()))
        )
        async with asyncio.timeout(HANG):
            while not pool.busy():  # noqa: ASYNC110 (the pool has no event to wait on)
                await asyncio.sleep(0.01)
        health = await client.get("/healthz")
        assert health.status_code == 200
        assert not submission.done()  # /healthz answered while the story was being cleaned
    response = await submission
    assert response.status_code == 201, response.text


async def test_a_child_that_overruns_is_killed_and_replaced() -> None:
    pool = SanitizerPool(1, timeout=1e-9)
    try:
        with pytest.raises(SanitizerUnavailable) as caught:
            await pool.sanitize(heavy_story())
        assert caught.value.reason == "overran"
        pool.timeout = HANG
        first = pool.worker_pids()
        assert await pool.sanitize("<p>a <b>b</b></p>") == "<p>a <b>b</b></p>"
        second = pool.worker_pids()
        assert len(second) == 1 and not first & second
    finally:
        await pool.close()


async def test_a_child_that_dies_is_replaced() -> None:
    pool = SanitizerPool(1)
    try:
        await pool.sanitize("<p>one</p>")
        [pid] = pool.worker_pids()
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(SanitizerUnavailable) as caught:
            await pool.sanitize("<p>two</p>")
        assert caught.value.reason == "failed"
        assert await pool.sanitize("<p>three</p>") == "<p>three</p>"
        assert pid not in pool.worker_pids()
    finally:
        await pool.close()


async def test_a_child_that_crashes_prints_nothing_and_the_failure_is_logged(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A child's traceback would be plain text on the server's standard error, with whatever its
    exception quotes; the parent logs the failure (by type) instead."""
    pool = SanitizerPool(1)
    try:
        await pool.sanitize("<p>one</p>")
        pool.cpu_seconds = "canary-qz"  # type: ignore[assignment]  # the child's float() fails
        with (
            caplog.at_level(logging.WARNING, logger="stories_service.sanitizing"),
            pytest.raises(SanitizerUnavailable) as caught,
        ):
            await pool.sanitize("<p>two</p>")
        assert caught.value.reason == "failed"
        assert "sanitiser child failed (IncompleteReadError" in caplog.text
    finally:
        await pool.close()
    assert "canary-qz" not in capfd.readouterr().err


async def test_close_reaps_every_child() -> None:
    pool = SanitizerPool(2)
    await asyncio.gather(*(pool.sanitize(f"<p>{i} <em>x</em></p>") for i in range(4)))
    pids = pool.worker_pids()
    assert pids
    await pool.close()
    assert pool.worker_pids() == set()
    for pid in pids:
        assert not process_exists(pid)  # reaped, not a zombie


async def test_a_child_over_its_cpu_time_is_replaced() -> None:
    pool = SanitizerPool(1, cpu_seconds=1e-6)
    # One heavy story (about 45 ms of CPU) once ran to the end in CI without the timer firing:
    # the kernel charges CPU time by the tick, and likely charged those ticks as time the host
    # stole. Ten of them (about 0.6 s, past the markup limits, so these are not checked) leave
    # many ticks to charge.
    long_work = heavy_story() * 10
    try:
        with pytest.raises(SanitizerUnavailable) as caught:
            await pool.sanitize(long_work, check_limits=False)
        assert caught.value.reason == "overran"
        assert pool.worker_pids() == set()  # killed
        pool.cpu_seconds = HANG
        assert await pool.sanitize("<p>a <b>b</b></p>") == "<p>a <b>b</b></p>"
        assert len(pool.worker_pids()) == 1  # replaced
    finally:
        await pool.close()
