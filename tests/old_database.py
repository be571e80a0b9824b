"""A database at an earlier migration, for the migration tests: created empty (a SQLite file, or
a PostgreSQL database of its own), filled with plain SQL the way that schema was written, and
migrated by child processes, as an operator's commands would (``old_database``, a fixture of
every test through ``tests/conftest.py``)."""

from __future__ import annotations

import base64
import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import AsyncIterator
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from stories_service.crypto import FieldCipher
from stories_service.settings import new_encryption_key
from tests.conftest import BACKEND, create_pg_database, drop_pg_database
from tests.rawfiles import sqlite_bytes

# python -c MIGRATE_TO DATABASE_URL TARGET: migrate to TARGET (e.g. "models.0006_search_indexing").
MIGRATE_TO = """
import asyncio, sys
from tortoise import Tortoise
from tortoise.migrations.api import migrate
from stories_service.db.config import tortoise_config

async def main() -> None:
    try:
        await migrate(config=tortoise_config(sys.argv[1]), target=sys.argv[2])
    finally:
        await Tortoise.close_connections()

asyncio.run(main())
"""


@dataclass
class OldDatabase:
    url: str
    sqlite_path: Path | None
    pg_url: str | None
    key: str

    def cipher(self) -> FieldCipher:
        return FieldCipher((key_bytes(self.key),))

    def env(self, tmp: Path) -> dict[str, str]:
        return {
            **os.environ,
            "STORIES_ENV": "test",
            "DATABASE_URL": self.url,
            "STORIES_DATA_DIR": str(tmp),
            "STORIES_SECRET_KEY": "test-secret-key-" + "x" * 32,
            "STORIES_ENCRYPTION_KEY": self.key,
        }

    async def rows(self, sql: str) -> list[dict[str, Any]]:
        if self.sqlite_path is not None:
            with closing(sqlite3.connect(self.sqlite_path)) as con:
                con.row_factory = sqlite3.Row
                return [dict(r) for r in con.execute(sql).fetchall()]
        conn = await asyncpg.connect(self.pg_url)
        try:
            return [dict(r) for r in await conn.fetch(sql)]
        finally:
            await conn.close()

    async def execute(self, statements: list[tuple[str, list[Any]]]) -> None:
        """Run ``?``-parameterised statements in one transaction."""
        if self.sqlite_path is not None:
            with closing(sqlite3.connect(self.sqlite_path)) as con, con:
                for sql, params in statements:
                    con.execute(sql, [_sqlite_value(p) for p in params])
            return
        conn = await asyncpg.connect(self.pg_url)
        try:
            async with conn.transaction():
                for sql, params in statements:
                    await conn.execute(_dollar_params(sql), *params)
        finally:
            await conn.close()

    def stored_bytes(self) -> bytes:
        if self.sqlite_path is not None:
            return sqlite_bytes(self.sqlite_path)
        pg_dump = shutil.which("pg_dump")
        assert pg_dump, "pg_dump is needed for this test"
        done = subprocess.run(
            [pg_dump, "--data-only", self.url], capture_output=True, check=True, timeout=60
        )
        return done.stdout


def key_bytes(key: str) -> bytes:
    return base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _dollar_params(sql: str) -> str:
    parts = sql.split("?")
    return "".join(f"{part}${i}" for i, part in enumerate(parts[:-1], 1)) + parts[-1]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=300, env=env, check=False)


@pytest.fixture
async def old_database(tmp_path: Path) -> AsyncIterator[OldDatabase]:
    """An empty database of its own, with a new encryption key; dropped afterwards."""
    key = new_encryption_key()
    if BACKEND == "sqlite":
        path = tmp_path / "old.sqlite3"
        yield OldDatabase(f"sqlite://{path}", path, None, key)
        return
    name, url = await create_pg_database()
    try:
        yield OldDatabase(url, None, url, key)
    finally:
        await drop_pg_database(name)
