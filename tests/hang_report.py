"""Where a hung test waits: shortly before pytest-timeout fails a test, print the stack of every
asyncio task of the running event loops to stderr (pytest-timeout itself shows only threads, and
an idle event loop's thread says nothing about which ``await`` never returns).

Loaded by ``tests/conftest.py``; it changes nothing for a test that ends in time."""

from __future__ import annotations

import asyncio
import gc
import io
import sys
import threading
from collections.abc import Generator

import pytest

EARLY_SECONDS = 30.0  # before pytest-timeout's own deadline


def _running_loops() -> list[asyncio.AbstractEventLoop]:
    return [
        o for o in gc.get_objects() if isinstance(o, asyncio.AbstractEventLoop) and o.is_running()
    ]


def _await_chain(task: asyncio.Task[object]) -> list[str]:
    """Each frame from the task's coroutine down to the innermost ``await`` (``Task.get_stack``
    gives only the outermost frame of a suspended coroutine)."""
    lines: list[str] = []
    awaited: object = task.get_coro()
    for _ in range(100):
        frame = getattr(awaited, "cr_frame", None) or getattr(awaited, "gi_frame", None)
        frame = frame or getattr(awaited, "ag_frame", None)
        if frame is None:
            lines.append(f"    awaiting {awaited!r}")
            break
        code = frame.f_code
        lines.append(f"  {code.co_filename}:{frame.f_lineno} in {code.co_name}")
        awaited = (
            getattr(awaited, "cr_await", None)
            or getattr(awaited, "gi_yieldfrom", None)
            or getattr(awaited, "ag_await", None)
        )
        if awaited is None:
            break
    return lines


def _print_tasks(loop: asyncio.AbstractEventLoop, test: str) -> None:
    out = io.StringIO()
    tasks = asyncio.all_tasks(loop)
    print(f"\n+++ {test}: {len(tasks)} asyncio tasks still waiting +++", file=out)
    for task in tasks:
        print(f"--- {task!r}", file=out)
        print("\n".join(_await_chain(task)), file=out)
    sys.stderr.write(out.getvalue())
    sys.stderr.flush()


def _report(test: str) -> None:
    for loop in _running_loops():
        loop.call_soon_threadsafe(_print_tasks, loop, test)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    marker = item.get_closest_marker("timeout")
    timeout = float(marker.args[0]) if marker and marker.args else None
    if timeout is None:
        given = item.config.getoption("timeout", None)  # --timeout, else the ini setting
        timeout = float(given if given is not None else item.config.getini("timeout") or 0)
    if timeout <= EARLY_SECONDS:
        return (yield)
    timer = threading.Timer(timeout - EARLY_SECONDS, _report, args=(item.nodeid,))
    timer.daemon = True
    timer.start()
    try:
        return (yield)
    finally:
        timer.cancel()
