"""Mixed load: submissions, feed reads and console actions at once, on PostgreSQL, with two and
with four workers (issue 18).

    python -m bench.mixed_load [--seconds 20] [--workers 2 4]

For each worker count, starts `stories-service serve --workers N` as a user runs it (defaults,
background jobs on) on a fresh PostgreSQL database on 127.0.0.1, seeds it (`seed-demo`, one
moderator account and API token per console client), warms it up, then for a bounded time runs:

- survivors submitting stories (`POST /api/v1/submissions`);
- readers and the main website's sync job (`/feed.json`, `/feed.atom`, `/api/v1/stories`,
  `/api/v1/changes`, the index and a story page, gzip accepted);
- moderators in the console, through the staff API: claim the next story, open it, ask for the
  redaction suggestions, release it.

Prints, per kind of request, requests per second and p50/p99 latency, and the statuses other than
the expected ones. The one setting changed from the defaults is the submission throttle: all
the load comes from one address, which the default (30 submissions per address per hour)
would stop at once. The load generator shares the machine's cores with the service.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import asyncpg
import httpx

from bench.intake import payload
from tests.servers import free_port, local_url, spawned_server

PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
READS = ["/feed.json", "/feed.atom", "/api/v1/stories", "/api/v1/changes", "/"]


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    unexpected: dict[str, dict[int, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    measuring: bool = False

    def record(self, kind: str, started: float, status: int, expected: set[int]) -> None:
        if not self.measuring:
            return
        self.latencies[kind].append(time.monotonic() - started)
        if status not in expected:
            self.unexpected[kind][status] += 1


async def survivor(http: httpx.AsyncClient, tally: Tally, n: int, stop: float) -> None:
    i = 0
    while time.monotonic() < stop:
        i += 1
        started = time.monotonic()
        answer = await http.post("/api/v1/submissions", json=payload(n * 1_000_000 + i))
        tally.record("submission", started, answer.status_code, {201})


async def reader(http: httpx.AsyncClient, tally: Tally, n: int, stop: float) -> None:
    listing = (await http.get("/api/v1/stories")).json()
    pages = READS + [f"/stories/{item['slug']}" for item in listing.get("items", [])[:3]]
    i = n
    while time.monotonic() < stop:
        path = pages[i % len(pages)]
        i += 1
        started = time.monotonic()
        answer = await http.get(path, headers={"Accept-Encoding": "gzip"})
        tally.record("feed/public read", started, answer.status_code, {200})


async def moderator(http: httpx.AsyncClient, tally: Tally, token: str, stop: float) -> None:
    auth = {"Authorization": f"Bearer {token}"}

    async def timed(kind: str, call: Awaitable[httpx.Response], ok: set[int]) -> httpx.Response:
        started = time.monotonic()
        answer = await call
        tally.record(kind, started, answer.status_code, ok)
        return answer

    while time.monotonic() < stop:
        claimed = await timed(
            "console: claim next", http.post("/api/v1/queue/claim-next", headers=auth), {200, 404}
        )
        if claimed.status_code != 200:
            await asyncio.sleep(0.2)
            continue
        sid = claimed.json()["id"]
        await timed("console: open", http.get(f"/api/v1/submissions/{sid}", headers=auth), {200})
        await timed(
            "console: suggestions",
            http.get(f"/api/v1/submissions/{sid}/suggestions", headers=auth),
            {200},
        )
        await timed(
            "console: release",
            http.post(f"/api/v1/submissions/{sid}/release", headers=auth, json={}),
            {200, 404},
        )


def cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "stories_service.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return done.stdout


async def run(workers: int, seconds: float, clients: dict[str, int]) -> None:
    name = f"hs_mixed_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(PG_ADMIN)
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        with tempfile.TemporaryDirectory() as data_dir:
            port = free_port()
            env = {
                **os.environ,
                "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
                "STORIES_DATA_DIR": data_dir,
                "STORIES_SUBMIT_RATE_PER_HOUR": "100000000",
            }
            env.pop("STORIES_ENV", None)
            cli(env, "migrate")
            cli(env, "seed-demo")
            tokens = []
            for n in range(clients["moderators"]):
                email = f"bench-moderator-{n}@example.org"
                cli(env, "create-staff", "--email", email, "--role", "moderator")
                tokens.append(cli(env, "create-token", "--email", email).strip().split()[-1])
            command = [
                sys.executable, "-m", "stories_service.cli", "serve",
                "--port", str(port), "--workers", str(workers),
            ]  # fmt: skip
            with spawned_server(command, port, env, deadline=600):
                await measure(local_url(port), seconds, clients, tokens, workers)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def measure(
    base: str, seconds: float, clients: dict[str, int], tokens: list[str], workers: int
) -> None:
    tally = Tally()
    total = sum(clients.values())
    limits = httpx.Limits(max_connections=total, max_keepalive_connections=total)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        warm_up = 5.0
        stop = time.monotonic() + warm_up + seconds
        tasks: list[Callable[[], Awaitable[None]]] = []
        for n in range(clients["survivors"]):
            tasks.append(lambda n=n: survivor(http, tally, n, stop))
        for n in range(clients["readers"]):
            tasks.append(lambda n=n: reader(http, tally, n, stop))
        for token in tokens:
            tasks.append(lambda token=token: moderator(http, tally, token, stop))

        async def start_measuring() -> None:
            await asyncio.sleep(warm_up)
            tally.measuring = True

        await asyncio.gather(start_measuring(), *(task() for task in tasks))
    report(tally, seconds, workers, clients)


def report(tally: Tally, seconds: float, workers: int, clients: dict[str, int]) -> None:
    print(
        f"\n{workers} workers, PostgreSQL, {seconds:.0f} s measured after 5 s of warm-up; "
        f"{clients['survivors']} survivors, {clients['readers']} readers, "
        f"{clients['moderators']} moderators at once"
    )
    print(f"{'kind':<24}{'requests':>9}{'per s':>8}{'p50 ms':>8}{'p99 ms':>8}  unexpected")
    for kind, values in sorted(tally.latencies.items()):
        values.sort()
        p50 = statistics.median(values) * 1000
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))] * 1000
        odd = dict(tally.unexpected.get(kind, {})) or "-"
        print(
            f"{kind:<24}{len(values):>9}{len(values) / seconds:>8.1f}{p50:>8.1f}{p99:>8.1f}  {odd}"
        )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--survivors", type=int, default=8)
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--moderators", type=int, default=4)
    args = parser.parse_args()
    clients = {"survivors": args.survivors, "readers": args.readers, "moderators": args.moderators}
    print(f"load average before: {os.getloadavg()[0]:.1f} (2 cores are shared with the load)")
    for workers in args.workers:
        await run(workers, args.seconds, clients)


if __name__ == "__main__":
    asyncio.run(main())
