"""Feed serving: requests/s against a bare Starlette app, and keyset paging at 100,000 stories.

    python -m bench.feeds [--seconds 10] [--connections 16] [--postgres]

Inserts 100,000 published stories with bulk SQL (not through the API) into a fresh SQLite file
(and, with --postgres, a fresh PostgreSQL database), starts the service as a user runs it
(`stories-service serve` with its defaults: one worker, no access log, background jobs on) and,
in the same run, `bench.bare_app` serving the same /feed.json body (as it is, brotli-compressed,
and with the service's headers), loads both with wrk, and prints requests/s for /feed.json and
its 304 revalidation without compression and with the Accept-Encoding that browsers (br) and
feed readers (gzip) send, a story page, and the bare app; then the render latency (query + render,
the cost of a cache miss) of page 1 and page 5,000 of the feed, median of repeated runs, on each
database.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx

from bench.intake import PG_ADMIN
from tests.servers import free_port, local_url, spawned_server, uvicorn_command

# What clients send: a browser, and a feed reader on requests or feedparser.
BROWSER_ENCODINGS = "gzip, deflate, br, zstd"
READER_ENCODINGS = "gzip, deflate"
# The goals (docs/benchmarks.md): share of the bare app serving the same bytes.
GOALS = {"200": 0.70, "304": 0.85}

STORIES = 100_000
BODY = "<p>" + ("I planted mint on the balcony and slept through the night again. " * 8) + "</p>"
COLUMNS = (
    "slug, entry_id, state, title, summary, body_html, byline, language, text_direction, tags, "
    "content_notes, syndicate, revision_number, published_at, updated_at"
)


def story_rows(count: int) -> list[tuple]:
    start = datetime(2020, 1, 1, 0, 0, 0, 123456, tzinfo=UTC)
    rows = []
    for i in range(count):
        when = start + timedelta(minutes=i)
        rows.append(
            (
                f"b{i:09d}",
                f"urn:uuid:{uuid.uuid4()}",
                "published",
                f"Story number {i}",
                "A short summary of a story of recovery.",
                BODY,
                None if i % 3 else "Blue Heron",
                "ar" if i % 10 == 0 else "en",
                "rtl" if i % 10 == 0 else "ltr",
                json.dumps(["hope", "work"] if i % 2 else ["family"]),
                json.dumps(["violence"] if i % 4 == 0 else []),
                True,
                1,
                when,
                when,
            )
        )
    return rows


def fill_sqlite(path: Path, rows: list[tuple]) -> None:
    marks = ", ".join("?" * 15)
    with sqlite3.connect(path) as db:
        db.executemany(
            f"INSERT INTO published_stories ({COLUMNS}) VALUES ({marks})",
            [(*r[:13], str(r[13]), str(r[14])) for r in rows],
        )
        db.execute("INSERT INTO change_counters (name, value) VALUES ('public', 1)")


async def fill_postgres(url: str, rows: list[tuple]) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.copy_records_to_table(
            "published_stories", records=rows, columns=[c.strip() for c in COLUMNS.split(",")]
        )
        await conn.execute("INSERT INTO change_counters (name, value) VALUES ('public', 1)")
        await conn.execute("ANALYZE published_stories")
    finally:
        await conn.close()


def wrk(url: str, seconds: float, connections: int, headers: dict[str, str] | None = None) -> float:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: run `make bench-deps` (Debian's wrk package)")
    command = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not match:
        raise SystemExit("wrk printed no figure:\n" + out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        raise SystemExit(f"{url}: {non_2xx.group(1)} error responses")
    return float(match.group(1))


async def render_latency(database_url: str, runs: int) -> dict[str, float]:
    """Median seconds of a cache miss (keyset query + JSON Feed render), page 1 vs page 5,000."""
    from stories_service.db.lifecycle import close_database, open_database
    from stories_service.publishing.queries import Filters, page_of_stories
    from stories_service.publishing.render import Links, live_site, render_json_feed

    await open_database(database_url)
    try:
        filters = Filters(syndicated_only=True)
        cursor = None
        page = await page_of_stories(filters)
        first_cursor = None
        for _number in range(1, 5000):
            page = await page_of_stories(filters, after=cursor)
            cursor = page.next_cursor
        page_5000_cursor = cursor
        site = live_site("http://127.0.0.1")
        now = datetime.now(UTC)
        figures = {}
        for label, after in (("page 1", first_cursor), ("page 5,000", page_5000_cursor)):
            timings = []
            for _ in range(runs):
                t0 = time.perf_counter()
                page = await page_of_stories(filters, after=after)
                render_json_feed(page, Links("x", "x"), site, filters, now)
                timings.append(time.perf_counter() - t0)
            assert len(page.stories) == 20
            figures[label] = statistics.median(timings)
        return figures
    finally:
        await close_database()


def service_headers(headers: httpx.Headers) -> dict[str, str]:
    """What the service sent with /feed.json beyond what any server sends (Date) and what the
    bare app sets itself (Content-Type, Content-Length): its security headers and validators."""
    own = {"date", "server", "content-type", "content-length"}
    return {name: value for name, value in headers.items() if name not in own}


def serve_command(port: int) -> list[str]:
    """`stories-service serve` with its defaults, as the README tells a user to run it."""
    return [sys.executable, "-m", "stories_service.cli", "serve", "--port", str(port)]


async def hit_and_miss_costs(body: bytes, rounds: int = 20_000) -> dict[str, float]:
    """CPU seconds (process time, so other load on the machine counts less) of compressing a
    page once when it is cached, and of serving a cache hit per coding and as a 304: the
    service's own serving code, without the network, uvicorn and the middleware."""
    from stories_service.publishing.compression import compressed_copies
    from stories_service.publishing.serving import _CacheEntry, _send_page, make_page

    figures = {}
    t0 = time.process_time()
    for _ in range(200):
        compressed_copies(body)
    figures["compress once (gzip + br)"] = (time.process_time() - t0) / 200
    entry = _CacheEntry(make_page(body, "application/feed+json", datetime.now(UTC), "public"))

    async def send(message: dict) -> None:
        pass

    for name, headers in (
        ("hit, identity", []),
        ("hit, br", [(b"accept-encoding", BROWSER_ENCODINGS.encode())]),
        ("hit, gzip", [(b"accept-encoding", READER_ENCODINGS.encode())]),
        (
            "304, br",
            [
                (b"accept-encoding", BROWSER_ENCODINGS.encode()),
                (b"if-none-match", entry.variants["br"].etag.encode()),
            ],
        ),
    ):
        scope = {"method": "GET", "headers": headers}
        t0 = time.process_time()
        for _ in range(rounds):
            await _send_page(entry, scope, send)
        figures[name] = (time.process_time() - t0) / rounds
    return figures


async def run(label: str, database_url: str, args: argparse.Namespace, data_dir: Path) -> None:
    port, bare_port = free_port(), free_port()
    base = local_url(port)
    env = {**os.environ, "STORIES_DATA_DIR": str(data_dir), "DATABASE_URL": database_url}
    for name in ("STORIES_ENV", "STORIES_BASE_URL", "STORIES_BACKGROUND_JOBS"):
        env.pop(name, None)  # the defaults, whatever this shell has
    with spawned_server(serve_command(port), port, env):
        async with httpx.AsyncClient(base_url=base) as http:
            feed = await http.get("/feed.json", headers={"Accept-Encoding": "identity"})
            etag = feed.headers["etag"]
            slug = feed.json()["items"][3]["_healing_stories"]["slug"]
            sizes, etags = {"identity": len(feed.content)}, {"identity": etag}
            for name, accept in (("br", BROWSER_ENCODINGS), ("gzip", READER_ENCODINGS)):
                async with http.stream(
                    "GET", "/feed.json", headers={"Accept-Encoding": accept}
                ) as packed:
                    assert packed.headers["content-encoding"] == name, packed.headers
                    sizes[name] = len(b"".join([c async for c in packed.aiter_raw()]))
                    etags[name] = packed.headers["etag"]
        body_file = data_dir / "bare-body.json"
        body_file.write_bytes(feed.content)
        headers_file = data_dir / "bare-headers.json"
        headers_file.write_text(json.dumps(service_headers(feed.headers)))
        bare_env = {
            **os.environ,
            "BARE_BODY_FILE": str(body_file),
            "BARE_HEADERS_FILE": str(headers_file),
        }
        bare_app = uvicorn_command(bare_port, "--no-access-log", app="bench.bare_app:app")
        with spawned_server(bare_app, bare_port, bare_env, ready_path="/feed.json"):
            s, c = args.seconds, args.connections
            browser = {"Accept-Encoding": BROWSER_ENCODINGS}
            reader = {"Accept-Encoding": READER_ENCODINGS}
            targets = {
                "bare app (same body)": (f"{local_url(bare_port)}/feed.json", None),
                "bare app (same body, br)": (f"{local_url(bare_port)}/feed.br", browser),
                "bare app (same headers)": (f"{local_url(bare_port)}/feed.headers", None),
                "/feed.json": (f"{base}/feed.json", None),
                "/feed.json br": (f"{base}/feed.json", browser),
                "/feed.json gzip": (f"{base}/feed.json", reader),
                "/feed.json 304": (f"{base}/feed.json", {"If-None-Match": etag}),
                "/feed.json 304 br": (
                    f"{base}/feed.json",
                    {**browser, "If-None-Match": etags["br"]},
                ),
                "/stories/{slug} br": (f"{base}/stories/{slug}", browser),
            }
            for url, headers in targets.values():
                wrk(url, 1, c, headers)  # warm-up
            # Rounds interleave the targets, so a busy neighbour on the machine hits them alike.
            samples: dict[str, list[float]] = {name: [] for name in targets}
            for _ in range(args.rounds):
                for name, (url, headers) in targets.items():
                    samples[name].append(wrk(url, s, c, headers))
            figures = {name: statistics.median(values) for name, values in samples.items()}
    print(
        f"\n{label}: /feed.json body {sizes['identity']} bytes (br {sizes['br']}, "
        f"gzip {sizes['gzip']}), {STORIES} stories, "
        f"median of {args.rounds} interleaved rounds of {args.seconds:.0f} s "
        "(shares: median of each round's share)"
    )
    # Each figure against the bare app sending the same bytes (the 304s against the plain one);
    # gzip has no bare twin: its body is a little larger than br's, so br's ceiling flatters it.
    ceilings = {
        name: "bare app (same body, br)"
        if name.endswith(" br") and "304" not in name
        else "bare app (same body)"
        for name in figures
    }
    # A share is the median of each round's share, against the ceiling measured in the same
    # round: the machine's speed drifts over minutes, and a round's figures share its minute.
    shares = {
        name: statistics.median(
            value / ceiling
            for value, ceiling in zip(samples[name], samples[ceilings[name]], strict=True)
        )
        for name in figures
    }
    goals = {
        "/feed.json": "200",
        "/feed.json br": "200",
        "/feed.json gzip": "200",
        "/feed.json 304": "304",
        "/feed.json 304 br": "304",
    }
    for name, value in figures.items():
        share = shares[name]
        goal = goals.get(name)
        verdict = (
            f"goal >= {GOALS[goal]:.0%}: {'met' if share >= GOALS[goal] else 'MISSED'}"
            if goal
            else ""
        )
        print(f"  {name:26s} {value:10.0f} req/s  {share:5.0%} of bare  {verdict}")
    for name, seconds in (await hit_and_miss_costs(feed.content)).items():
        print(f"  in-process {name:26s} {seconds * 1e6:8.1f} µs CPU")
    latency = await render_latency(database_url, args.runs)
    p1, p5000 = latency["page 1"], latency["page 5,000"]
    print(f"  cache-miss render, page 1:     {p1 * 1000:.2f} ms (median of {args.runs})")
    print(f"  cache-miss render, page 5,000: {p5000 * 1000:.2f} ms  ({p5000 / p1:.2f}x page 1)")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    from stories_service.db.lifecycle import apply_migrations

    rows = story_rows(STORIES)
    with tempfile.TemporaryDirectory(prefix="bench-feeds-") as tmp:
        data_dir = Path(tmp)
        sqlite_url = f"sqlite://{data_dir / 'stories.sqlite3'}"
        await apply_migrations(sqlite_url)
        fill_sqlite(data_dir / "stories.sqlite3", rows)
        await run("SQLite", sqlite_url, args, data_dir)
        if args.postgres:
            name = f"bench_feeds_{uuid.uuid4().hex[:8]}"
            admin = await asyncpg.connect(PG_ADMIN)
            await admin.execute(f'CREATE DATABASE "{name}"')
            await admin.close()
            url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
            try:
                await apply_migrations(url)
                await fill_postgres(url, rows)
                await run("PostgreSQL", url, args, data_dir)
            finally:
                admin = await asyncpg.connect(PG_ADMIN)
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
