"""Sanitising story HTML off the event loop: a small pool of child processes, each call bounded
in time.

bleach (``moderation.sanitize``) is pure Python and holds the GIL while it parses, so a thread
would not keep the loop answering: a story that takes a second to clean would hold every other
request, ``/healthz`` included, for that second. So the work goes to child processes, started
when first needed (``python -m stories_service.sanitizing``, each reading requests on its stdin
and answering on its stdout) and run at a lower CPU priority than the server, so that the event
loop gets the processor first. Markup over the limits of ``moderation.markup_limits`` is refused
here, before any child sees it.

Bounds: a request waits at most ``WAIT_FOR_WORKER`` seconds for a free child; a child may spend
``CPU_SECONDS`` of processor time on one text (a CPU timer in the child: on a loaded machine a
low-priority child waits for the processor, which must not count against the story), and
``SANITIZE_TIMEOUT`` seconds of wall time all told (an ``asyncio`` timeout, for a child that hangs
or starves). A child that overruns either (or dies) is killed and a new one started for the next
request, and the caller gets ``SanitizerUnavailable`` (a 503, nothing saved).

One pool per event loop (a test process runs apps in more than one); the app's lifespan reaps
its pool's children at shutdown (``pool_running``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import struct
import sys
from collections.abc import AsyncIterator
from typing import BinaryIO

from moderation.markup_limits import TooMuchMarkup, check_markup
from moderation.sanitize import sanitize_story_html

log = logging.getLogger("stories_service.sanitizing")

POOL_SIZE = 2
CPU_SECONDS = 5.0  # the worst story within the limits takes under one (docs/benchmarks.md)
SANITIZE_TIMEOUT = 60.0
WAIT_FOR_WORKER = 60.0
WORKER_NICENESS = 10
_LENGTH = struct.Struct(">I")


class SanitizerUnavailable(Exception):
    """No sanitisation this time: the children were all busy for too long, or one overran or
    died. Nothing was saved; the same request can be sent again."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "busy" | "overran" | "failed"


class _Worker:
    """One child process and its pipes."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    @classmethod
    async def start(cls) -> _Worker:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "stories_service.sanitizing",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            # A child's crash would print a traceback in plain text, with whatever its exception
            # says of the text; the parent logs that the child failed instead (a JSON line).
            stderr=asyncio.subprocess.DEVNULL,
        )
        return cls(process)

    async def exchange(self, request: dict[str, object]) -> dict[str, object]:
        assert self.process.stdin is not None and self.process.stdout is not None
        data = json.dumps(request).encode()
        self.process.stdin.write(_LENGTH.pack(len(data)) + data)
        await self.process.stdin.drain()
        (length,) = _LENGTH.unpack(await self.process.stdout.readexactly(_LENGTH.size))
        answer: dict[str, object] = json.loads(await self.process.stdout.readexactly(length))
        return answer

    def kill(self) -> None:
        if self.process.returncode is None:
            self.process.kill()

    async def stop(self) -> None:
        """Ask the child to end (end of its input) and wait until it has; kill it if busy."""
        if self.process.stdin is not None and not self.process.stdin.is_closing():
            self.process.stdin.close()
        await self.process.wait()


class SanitizerPool:
    """At most ``size`` children, started as needed; one text at a time per child."""

    def __init__(
        self,
        size: int = POOL_SIZE,
        *,
        cpu_seconds: float = CPU_SECONDS,
        timeout: float = SANITIZE_TIMEOUT,
        wait_for_worker: float = WAIT_FOR_WORKER,
    ) -> None:
        self.cpu_seconds = cpu_seconds
        self.timeout = timeout
        self.wait_for_worker = wait_for_worker
        self._free_slots = asyncio.Semaphore(size)
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._killed: set[_Worker] = set()  # until reaped

    def worker_pids(self) -> set[int]:
        """The children alive now (tests, the benchmark)."""
        return {worker.process.pid for worker in self._all if worker.process.returncode is None}

    def busy(self) -> bool:
        """Whether a child is cleaning a text now."""
        return len(self._idle) < len(self._all)

    async def sanitize(self, text: str, *, check_limits: bool = True) -> str:
        """Safe HTML for ``text`` (``moderation.sanitize.sanitize_story_html``), cleaned in a
        child; ``TooMuchMarkup`` or ``SanitizerUnavailable`` instead."""
        if check_limits:
            check_markup(text)
        try:
            async with asyncio.timeout(self.wait_for_worker):
                await self._free_slots.acquire()
        except TimeoutError:
            raise SanitizerUnavailable("busy") from None
        try:
            request = {"text": text, "check_limits": check_limits, "cpu_seconds": self.cpu_seconds}
            answer = await self._in_a_worker(request)
        finally:
            self._free_slots.release()
        if "refused" in answer:
            raise TooMuchMarkup(str(answer["refused"]), int(str(answer["allowed"])))
        return str(answer["html"])

    async def _in_a_worker(self, request: dict[str, object]) -> dict[str, object]:
        worker = self._idle.pop() if self._idle else await self._start_worker()
        try:
            async with asyncio.timeout(self.timeout):
                answer = await worker.exchange(request)
        except TimeoutError:
            self._discard(worker)
            log.warning("sanitiser child overran %.0f s and was stopped", self.timeout)
            raise SanitizerUnavailable("overran") from None
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            self._discard(worker)
            log.warning(
                "sanitiser child failed (%s, exit code %s)",
                type(error).__name__,
                worker.process.returncode,
            )
            raise SanitizerUnavailable("failed") from None
        except BaseException:
            # Cancelled (the client went away): the child's answer would be read by the next
            # request, so the child goes.
            self._discard(worker)
            raise
        if "overran" in answer:
            self._discard(worker)
            raise SanitizerUnavailable("overran")
        self._idle.append(worker)
        return answer

    async def _start_worker(self) -> _Worker:
        self._killed = {worker for worker in self._killed if worker.process.returncode is None}
        try:
            worker = await _Worker.start()
        except OSError:
            raise SanitizerUnavailable("failed") from None
        self._all.add(worker)
        return worker

    def _discard(self, worker: _Worker) -> None:
        # Killed at once; asyncio's child watcher collects its exit status, close() waits for it.
        worker.kill()
        self._all.discard(worker)
        self._killed.add(worker)

    async def close(self) -> None:
        """End every child and wait for each (idle ones end with their input, busy ones are
        killed)."""
        for worker in self._all.difference(self._idle):
            worker.kill()
        await asyncio.gather(*(worker.stop() for worker in self._all | self._killed))
        self._all.clear()
        self._idle.clear()
        self._killed.clear()


_pools: dict[asyncio.AbstractEventLoop, SanitizerPool] = {}


def current_pool() -> SanitizerPool:
    """This event loop's pool (made on first use; its children start as needed)."""
    loop = asyncio.get_running_loop()
    if loop not in _pools:
        _pools[loop] = SanitizerPool()
    return _pools[loop]


async def sanitize_story(text: str) -> str:
    """Safe HTML for a story body (plain text or the small HTML subset), cleaned off the event
    loop; ``TooMuchMarkup`` (refused before parsing) or ``SanitizerUnavailable``."""
    return await current_pool().sanitize(text)


async def sanitize_stored_html(html: str) -> str:
    """HTML this service cleaned before (a revision about to be published), cleaned again off
    the event loop, without the limits (see ``sanitize_story_html``); ``SanitizerUnavailable``."""
    return await current_pool().sanitize(html, check_limits=False)


async def close_pool() -> None:
    """Reap this event loop's children, if it started any."""
    pool = _pools.pop(asyncio.get_running_loop(), None)
    if pool is not None:
        await pool.close()


@contextlib.asynccontextmanager
async def pool_running() -> AsyncIterator[None]:
    """The app's lifespan (and the CLI's commands): children are started as needed inside,
    and reaped when it ends."""
    try:
        yield
    finally:
        await close_pool()


# The child's side.


class _CpuTimeSpent(Exception):
    pass


def _stop_sanitising(signum: int, frame: object) -> None:
    raise _CpuTimeSpent


def _answer(request: dict[str, object]) -> dict[str, object]:
    text, check_limits = str(request["text"]), bool(request["check_limits"])
    # ITIMER_VIRTUAL counts this process's own CPU time only: waiting for the processor on a
    # busy machine does not count.
    signal.setitimer(signal.ITIMER_VIRTUAL, float(str(request["cpu_seconds"])))
    try:
        return {"html": sanitize_story_html(text, check_limits=check_limits)}
    except TooMuchMarkup as refused:
        return {"refused": refused.limit, "allowed": refused.allowed}
    except _CpuTimeSpent:
        return {"overran": True}
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)


def _serve(requests: BinaryIO, answers: BinaryIO) -> None:
    """Answer length-prefixed JSON requests until the input ends."""
    signal.signal(signal.SIGVTALRM, _stop_sanitising)
    while header := requests.read(_LENGTH.size):
        (length,) = _LENGTH.unpack(header)
        answer = _answer(json.loads(requests.read(length)))
        data = json.dumps(answer).encode()
        answers.write(_LENGTH.pack(len(data)) + data)
        answers.flush()


if __name__ == "__main__":
    os.nice(WORKER_NICENESS)
    _serve(sys.stdin.buffer, sys.stdout.buffer)
