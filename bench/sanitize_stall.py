"""Does one hostile submission stall the server? (issue 14 #1)

    python -m bench.sanitize_stall [--rounds 3] [--concurrency 10]

1. Builds the heaviest story bodies we could construct that pass the markup limits
   (``moderation.markup_limits``) and the 100,000-character body limit, and prints what each
   costs bleach here, in this process (CPU time): the worst one is the load.
2. Starts ``stories-service serve`` with its defaults (one worker, background jobs on; SQLite in
   a temporary folder; only the submission throttle raised, as all the load comes from one
   address), and measures ``/healthz`` alone.
3. Sends the worst body ``--concurrency`` at a time for ``--rounds`` rounds, then the review's
   96 KB ``<b>x`` body as often, while polling ``/healthz`` from another connection; prints
   the submissions' statuses and times, and ``/healthz`` p50/p99/max during the load.

Goal: ``/healthz`` p99 under 50 ms while ten such submissions run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from moderation.markup_limits import MAX_ELEMENTS, check_markup, count_markup
from moderation.sanitize import sanitize_story_html
from stories_service.intake.schemas import MAX_BODY_CHARS
from tests.servers import running_service

REVIEW_BODY = "<b>x" * 24_000
FORMATTING = '<p><b><i><em><strong><a href="https://example.org/">x'


def _fill(prefix: str, unit: str) -> str:
    """``prefix``, then ``unit`` repeated up to the body limit."""
    return prefix + unit * ((MAX_BODY_CHARS - len(prefix)) // len(unit))


def candidates() -> dict[str, str]:
    """Heavy bodies within every limit: each stresses another part of html5lib and bleach."""
    chains = FORMATTING * ((MAX_ELEMENTS - 6) // 6)
    return {
        "formatting runs, then '<&' text": _fill(chains, "<&"),
        "formatting once, paragraphs reopening it, '<&'": _fill(
            FORMATTING + "<p>x" * (MAX_ELEMENTS - 6), "<&"
        ),
        "paragraphs reopening bold": _fill("<p><b>x" * (MAX_ELEMENTS // 2), "<&"),
        "'< ' text (no tags)": _fill("", "< "),
        "'&' text": _fill("", "&"),
        "line breaks (uncounted)": _fill(chains, "x<br>"),
        "30 attributes on every tag": _fill(
            "", "<a " + " ".join(f"a{i}=1" for i in range(30)) + ">x</a>"
        )[: MAX_BODY_CHARS - 10],
        "comments between elements": _fill(
            "<em>x</em><!-- a comment -->" * (MAX_ELEMENTS - 1), "<&"
        ),
        "textareas holding tags": _fill("<textarea><b><i></textarea>x" * (MAX_ELEMENTS // 3), "<&"),
        "CDATA in svg holding end tags": _fill("<svg>" + "<g><![CDATA[ > </g> ]]>" * 8, "<&"),
        "unmatched end tags": _fill(chains, "</b>"),
    }


def cpu_seconds(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def worst_body() -> str:
    print("bleach in this process, CPU time (each body passes the limits):")
    costs: dict[str, float] = {}
    for name, body in candidates().items():
        check_markup(body)
        assert len(body) <= MAX_BODY_CHARS, name
        costs[name] = cpu_seconds(lambda body=body: sanitize_story_html(body))
        found = count_markup(body)
        print(
            f"  {costs[name] * 1000:7.0f} ms  {name} ({len(body):,} characters, "
            f"{found.elements} elements, depth {found.depth}, {found.attributes} attributes)"
        )
    worst = max(costs, key=costs.__getitem__)
    print(f"worst case: {worst}: {costs[worst] * 1000:.0f} ms of CPU")
    return candidates()[worst]


def submission(body: str) -> dict[str, object]:
    return {
        "title": "A heavy story",
        "body": body,
        "language": "en",
        "consent": {
            "publish": True,
            "attribution": "anonymous",
            "review_before_publish": True,
            "syndicate": False,
            "languages": ["en"],
        },
    }


class HealthPoller:
    """``GET /healthz`` over and over on its own connection, recording each latency."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.latencies: list[float] = []
        self.failures = 0

    async def run(self, stop: asyncio.Event) -> None:
        async with httpx.AsyncClient(base_url=self.base, timeout=60) as http:
            while not stop.is_set():
                started = time.perf_counter()
                response = await http.get("/healthz")
                self.latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    self.failures += 1
                await asyncio.sleep(0.005)


def report(label: str, latencies: list[float], failures: int = 0) -> None:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    p50 = statistics.median(ordered)
    print(
        f"/healthz {label}: {len(ordered)} requests, p50 {p50 * 1000:.1f} ms, "
        f"p99 {p99 * 1000:.1f} ms, max {ordered[-1] * 1000:.1f} ms"
        + (f", {failures} not 200" if failures else "")
    )


async def during(base: str, work: Callable[[], object]) -> tuple[HealthPoller, object]:
    poller = HealthPoller(base)
    stop = asyncio.Event()
    polling = asyncio.create_task(poller.run(stop))
    try:
        result = await work()  # type: ignore[misc]
    finally:
        stop.set()
        await polling
    return poller, result


async def submissions(
    base: str, body: str, rounds: int, concurrency: int
) -> list[tuple[int, float]]:
    """``concurrency`` submissions at once, ``rounds`` times: (status, seconds) of each."""
    outcomes: list[tuple[int, float]] = []
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as http:

        async def one() -> tuple[int, float]:
            started = time.perf_counter()
            response = await http.post("/api/v1/submissions", json=submission(body))
            return response.status_code, time.perf_counter() - started

        for _ in range(rounds):
            outcomes += await asyncio.gather(*(one() for _ in range(concurrency)))
    return outcomes


def describe(label: str, outcomes: list[tuple[int, float]]) -> None:
    statuses: dict[int, int] = {}
    for status, _ in outcomes:
        statuses[status] = statuses.get(status, 0) + 1
    times = sorted(seconds for _, seconds in outcomes)
    print(
        f"{label}: statuses {statuses}, each answered in {times[0] * 1000:.0f}"
        f" to {times[-1] * 1000:.0f} ms (median {statistics.median(times) * 1000:.0f} ms)"
    )


async def measure(base: str, body: str, rounds: int, concurrency: int) -> None:
    async with httpx.AsyncClient(base_url=base) as http:  # the children start on first use
        await http.post("/api/v1/submissions", json=submission("<p>warm <b>up</b></p>"))
    idle, _ = await during(base, lambda: asyncio.sleep(3))
    report("alone, 3 s", idle.latencies, idle.failures)
    for label, load in (("worst body", body), ("review's 96 KB <b>x body", REVIEW_BODY)):
        poller, outcomes = await during(
            base, lambda load=load: submissions(base, load, rounds, concurrency)
        )
        describe(f"{label}, {concurrency} at once x {rounds}", outcomes)  # type: ignore[arg-type]
        report(f"during the {label} submissions", poller.latencies, poller.failures)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args()
    body = worst_body()
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f}")
    with tempfile.TemporaryDirectory() as data_dir, contextlib.ExitStack() as stack:
        database = Path(data_dir) / "stories.sqlite3"
        # running_service is the tests' launcher: give back the defaults it changes for tests
        # (background jobs, environment, throttles), so the figure is the service as run. The
        # submission throttle stays raised: the 60 submissions come from one address.
        defaults = {
            "STORIES_ENV": "development",
            "STORIES_BACKGROUND_JOBS": "true",
            "STORIES_RECEIPT_RATE_PER_15MIN": "20",
            "STORIES_LOGIN_RATE_PER_15MIN": "10",
        }
        base = stack.enter_context(
            running_service(f"sqlite://{database}", Path(data_dir), **defaults)
        )
        asyncio.run(measure(base, body, args.rounds, args.concurrency))


if __name__ == "__main__":
    main()
