"""Intake throughput: accepted submissions per second through a real uvicorn on loopback.

    python -m bench.intake [--seconds 10] [--concurrency 32] [--postgres]

Starts `stories-service serve` as a user runs it (its defaults: one worker, background jobs on,
no access log, encryption on as always) on 127.0.0.1 against a fresh SQLite file (and, with
--postgres, a fresh PostgreSQL database), sends valid JSON submissions for a bounded time, and
prints accepted submissions per second. The one setting changed is the submission throttle
(30 per address per hour by default): all the load comes from one address.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import httpx

from tests.servers import free_port, local_url, spawned_server

PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"

STORY = (
    "When we reached the camp I did not speak for weeks. A teacher there gave me a notebook. "
    "I wrote one line a day, then a page. Now I teach children to write their own stories. "
) * 6


def payload(i: int) -> dict[str, object]:
    return {
        "title": f"A notebook, day {i}",
        "body": STORY,
        "language": "en",
        "consent": {
            "publish": True,
            "attribution": "anonymous",
            "review_before_publish": True,
            "syndicate": True,
            "languages": ["en"],
        },
        "never_appear": ["Samir", "Homs"],
        "contact": "via clinician",
    }


async def load(base: str, seconds: float, concurrency: int) -> tuple[int, int, float]:
    accepted = 0
    other = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:

        async def worker(w: int) -> None:
            nonlocal accepted, other
            i = 0
            while time.monotonic() < deadline:
                i += 1
                response = await http.post("/api/v1/submissions", json=payload(w * 1_000_000 + i))
                if response.status_code == 201:
                    accepted += 1
                else:
                    other += 1

        started = time.monotonic()
        await asyncio.gather(*[worker(w) for w in range(concurrency)])
        elapsed = time.monotonic() - started
    return accepted, other, elapsed


WRK_SCRIPT = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open(os.getenv("BENCH_BODY"), "r")
wrk.body = f:read("*a")
f:close()
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("WRK %d %d %f\\n", summary.requests, non2xx, summary.duration / 1e6))
end
"""


def load_with_wrk(
    base: str, seconds: float, concurrency: int, work_dir: str
) -> tuple[int, int, float]:
    """wrk (Debian package) costs the shared 2 cores far less than a Python client."""
    body = Path(work_dir) / "body.json"
    body.write_text(json.dumps(payload(1)))
    script = Path(work_dir) / "post.lua"
    script.write_text(WRK_SCRIPT)
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{concurrency}",
            f"-d{int(seconds)}s",
            "-s",
            str(script),
            f"{base}/api/v1/submissions",
        ],
        env={**os.environ, "BENCH_BODY": str(body)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("WRK "))
    _, requests, non2xx, elapsed = line.split()
    return int(requests) - int(non2xx), int(non2xx), float(elapsed)


async def run_one(label: str, database_url: str, seconds: float, concurrency: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "STORIES_DATA_DIR": data_dir,
            "DATABASE_URL": database_url.replace("{dir}", data_dir),
            "STORIES_SUBMIT_RATE_PER_HOUR": "100000000",
        }
        env.pop("STORIES_ENV", None)
        port = free_port()
        serve = [sys.executable, "-m", "stories_service.cli", "serve", "--port", str(port)]
        with spawned_server(serve, port, env, deadline=600):
            base = local_url(port)
            await load(base, 1.0, concurrency)  # warm up
            if shutil.which("wrk"):
                client = "wrk"
                accepted, other, elapsed = load_with_wrk(base, seconds, concurrency, data_dir)
            else:
                client = "httpx (install Debian's wrk for a lighter load generator)"
                accepted, other, elapsed = await load(base, seconds, concurrency)
    print(f"{label:<12} client {client}")
    print(
        f"{label:<12} accepted {accepted:>7}  other {other:>4}  in {elapsed:5.1f}s  "
        f"=> {accepted / elapsed:8.1f} submissions/s  (goal on SQLite: >= 500/s)"
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    print(
        f"stories-service serve (defaults: one worker), {args.concurrency} concurrent "
        f"clients, body {len(STORY)} chars, AES-GCM at rest"
    )
    await run_one("sqlite", "sqlite://{dir}/bench.sqlite3", args.seconds, args.concurrency)
    if args.postgres:
        name = f"hs_bench_{uuid.uuid4().hex[:8]}"
        admin = await asyncpg.connect(PG_ADMIN)
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            await run_one(
                "postgres",
                f"postgres://postgres@127.0.0.1:5432/{name}",
                args.seconds,
                args.concurrency,
            )
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
