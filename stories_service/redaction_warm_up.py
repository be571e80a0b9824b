"""The redaction engine's warm-up, in the background: the service answers as soon as it starts,
``/readyz`` says when the engine is warm, and whatever needs the engine waits for it without
holding the event loop.

Building the engine's tables takes several seconds of CPU (tens of seconds on a loaded machine or
as plain Python). Done before the port opened, a start took that long and health checks gave up;
done lazily by the first request, it would run on the event loop (every other request waiting)
or inside a publication's transaction (other writers waiting). So the app starts it in a thread
of its own (``start_warm_up``), and code that calls the engine first awaits ``engine_ready()``,
before it opens a transaction: the coroutine waits for that thread, the loop serves others
meanwhile. Once warm, the engine runs where it always has (a call takes milliseconds).

One warm-up per process, however many apps the process builds (the engine's tables are shared).
With ``STORIES_REDACTION_WARM_UP=first_use`` the app only says where the tables are kept
(``defer_warm_up``): the first ``engine_ready()`` starts the thread, and a process that never
redacts never builds them.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import Future
from enum import StrEnum
from pathlib import Path

from moderation.redaction import warm_up
from stories_service.redaction_tables import load_or_build_gazetteer

log = logging.getLogger("stories_service")


class WarmUpState(StrEnum):
    NOT_STARTED = "not_started"
    WARMING = "warming"
    WARM = "warm"
    FAILED = "failed"  # logged; the engine builds what it needs on first use


class _WarmUp:
    """The process's one warm-up: started once, finished once (warm or failed)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._finished: Future[bool] | None = None  # True once warm, False if it failed
        self._cache_dir: Path | None = None  # the app's, for a warm-up it left to first use

    def remember(self, cache_dir: Path | None) -> None:
        with self._lock:
            self._cache_dir = cache_dir

    def start(self, cache_dir: Path | None = None) -> Future[bool]:
        with self._lock:
            if cache_dir is None:
                cache_dir = self._cache_dir
            if self._finished is None:
                finished: Future[bool] = Future()
                # Running from now on, so that a waiter being cancelled (its client gone)
                # cannot cancel it for everyone else.
                finished.set_running_or_notify_cancel()
                self._finished = finished
                threading.Thread(
                    target=_build, args=(finished, cache_dir), name="redaction-warm-up", daemon=True
                ).start()
            return self._finished

    def state(self) -> WarmUpState:
        finished = self._finished
        if finished is None:
            return WarmUpState.NOT_STARTED
        if not finished.done():
            return WarmUpState.WARMING
        return WarmUpState.WARM if finished.result() else WarmUpState.FAILED


def _build(finished: Future[bool], cache_dir: Path | None) -> None:
    """The thread's work. A daemon thread: a service stopped while warming exits at once."""
    warm = False
    try:
        load_or_build_gazetteer(cache_dir)  # most of the work, unless a copy was kept
        warm_up()
        warm = True
    except Exception as exc:
        log.error("redaction warm-up failed: %s", type(exc).__name__)
    finally:
        finished.set_result(warm)


_WARM_UP = _WarmUp()


def start_warm_up(cache_dir: Path | None = None) -> None:
    """Start building the engine's tables in a background thread (the app's start-up calls
    this; later calls, from any app of the process, change nothing). The gazetteer is read
    from ``cache_dir`` when a copy was kept there, and kept there once built."""
    _WARM_UP.start(cache_dir)


def defer_warm_up(cache_dir: Path | None = None) -> None:
    """Leave the warm-up to the first ``engine_ready()`` (``STORIES_REDACTION_WARM_UP=first_use``),
    which then reads or keeps the gazetteer in ``cache_dir``."""
    _WARM_UP.remember(cache_dir)


def warm_up_state() -> WarmUpState:
    return _WARM_UP.state()


async def engine_ready(cache_dir: Path | None = None) -> None:
    """Return once the engine is warm (or its warm-up failed), without blocking the event loop.

    Await it before calling the engine, outside any transaction. Starts the warm-up if nothing
    has (a command run outside the app, which gives its ``cache_dir``, or an app that deferred
    it), so the tables are never built on the event loop.
    """
    await asyncio.wrap_future(_WARM_UP.start(cache_dir))
