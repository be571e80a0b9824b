"""Several real service processes ("hosts") on one PostgreSQL database, for the multi-host and
SIGKILL tests: each host has its own data folder and port and shares only the database and the
keys (from the environment, as production requires).

The hosts take their keys from the test session's app (``runtime``), so that the in-process
app is one more host of the same cluster: the test may run a periodic job's step there (the
next run after a killed worker) or answer a survivor there.

Also the test's own hands on the database (plain asyncpg, outside the app's ORM): holding the
public change counter's row lock so that a worker blocks inside its transaction, finding the
backends that wait, and expiring a dead worker's job leases (time passing, without waiting).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg

from stories_service.runtime import Runtime
from tests.servers import free_port, local_url


@dataclass
class Host:
    name: str
    port: int
    data_dir: Path
    secret_key: str
    encryption_key: str

    @property
    def url(self) -> str:
        return local_url(self.port)

    def command(self) -> list[str]:
        return [sys.executable, "-m", "stories_service.cli", "serve", "--port", str(self.port)]

    def env(self, database_url: str, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "STORIES_ENV": "test",
            "DATABASE_URL": database_url,
            "STORIES_DATA_DIR": str(self.data_dir),
            "STORIES_CACHE_DIR": str(self.data_dir / "cache"),  # as by default: nothing shared
            "STORIES_BASE_URL": self.url,
            "STORIES_SECRET_KEY": self.secret_key,
            "STORIES_ENCRYPTION_KEY": self.encryption_key,
            "STORIES_BACKGROUND_JOBS": "true",
            "STORIES_SUBMIT_RATE_PER_HOUR": "100000",
            "STORIES_RECEIPT_RATE_PER_15MIN": "100000",
            "STORIES_LOGIN_RATE_PER_15MIN": "100000",
            "STORIES_WEBHOOK_ALLOW_NETWORKS": "127.0.0.0/8",
            "STORIES_WEBHOOK_RETRY_BASE_SECONDS": "1",
            **extra,
        }


def new_hosts(root: Path, count: int, runtime: Runtime) -> list[Host]:
    """``count`` hosts with empty data folders of their own and the keys of ``runtime``."""
    keys = ",".join(
        base64.urlsafe_b64encode(key).decode("ascii") for key in runtime.settings.encryption_keys
    )
    hosts = []
    for n in range(count):
        data_dir = root / f"host-{n}"
        data_dir.mkdir()
        hosts.append(Host(f"host-{n}", free_port(), data_dir, runtime.settings.secret_key, keys))
    return hosts


async def wait_for(
    condition: Callable[[], Awaitable[Any]], what: str, seconds: float = 60.0
) -> Any:
    """Poll ``condition`` until it returns something true; fail after ``seconds``."""
    give_up = time.monotonic() + seconds
    while True:
        value = await condition()
        if value:
            return value
        if time.monotonic() > give_up:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


async def query(database_url: str, sql: str, *args: object) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(database_url)
    try:
        return list(await connection.fetch(sql, *args))
    finally:
        await connection.close()


@contextlib.asynccontextmanager
async def change_counter_held(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    """Hold the row lock of the public change counter: every public change (publication,
    withdrawal) bumps it last in its transaction, so a worker making one blocks there, with
    everything else of its transaction written and nothing committed."""
    connection = await asyncpg.connect(database_url)
    try:
        await connection.execute(
            "INSERT INTO change_counters (name, value) VALUES ('public', 0) "
            "ON CONFLICT (name) DO NOTHING"
        )
        transaction = connection.transaction()
        await transaction.start()
        await connection.execute(
            "SELECT value FROM change_counters WHERE name = 'public' FOR UPDATE"
        )
        try:
            yield connection
        finally:
            await transaction.rollback()
    finally:
        await connection.close()


async def backends_waiting_for_a_lock(database_url: str) -> list[int]:
    rows = await query(
        database_url,
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock'",
    )
    return [row["pid"] for row in rows]


async def backends_alive(database_url: str, pids: list[int]) -> list[int]:
    rows = await query(
        database_url, "SELECT pid FROM pg_stat_activity WHERE pid = ANY($1::int[])", pids
    )
    return [row["pid"] for row in rows]


async def lease_holder_pid(database_url: str, job: str) -> int | None:
    """The process id in the holder of a job lease (``host:pid:random``, periodic.WORKER_ID)."""
    rows = await query(database_url, "SELECT holder FROM job_leases WHERE name = $1", job)
    return int(rows[0]["holder"].split(":")[1]) if rows else None


async def expire_leases_of(database_url: str, pid: int) -> None:
    """Let the leases of a killed worker run out now (as they would a few seconds later)."""
    await query(
        database_url,
        "UPDATE job_leases SET expires_at = now() - interval '1 minute' "
        "WHERE split_part(holder, ':', 2) = $1",
        str(pid),
    )
