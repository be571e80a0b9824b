"""Applying migrations and opening the database for the app, the CLI and the tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from tortoise import Tortoise, connections
from tortoise.migrations.api import migrate

from stories_service.db.config import tortoise_config
from stories_service.migrations._sealing import Seal as Seal
from stories_service.migrations._sealing import lending

# The PostgreSQL advisory lock that lets one process at a time migrate (hosts starting at once).
_MIGRATION_LOCK_KEY = 7_051_990_002


@asynccontextmanager
async def _one_migrator(database_url: str) -> AsyncIterator[None]:
    """On PostgreSQL, hold a session advisory lock while migrating: several hosts started at
    once take turns, and the later ones find nothing left to apply. SQLite has one host."""
    if not database_url.startswith(("postgres://", "postgresql://")):
        yield
        return
    connection = await asyncpg.connect(database_url)
    try:
        await connection.execute("SELECT pg_advisory_lock($1)", _MIGRATION_LOCK_KEY)
        yield
    finally:
        await connection.close()  # ends the session, and with it the lock


async def apply_migrations(database_url: str, seal: Seal | None = None) -> None:
    """Apply every pending migration, then close the connections migrate opened.

    ``seal`` (``FieldCipher.seal_column``) lends the encryption key to migrations that encrypt
    rows an earlier release stored in clear; without it such a migration stops and says so.
    """
    async with _one_migrator(database_url):
        try:
            with lending(seal):
                await migrate(config=tortoise_config(database_url))
        finally:
            await Tortoise.close_connections()


async def open_database(database_url: str) -> None:
    """Initialise Tortoise for scripts and the CLI (the app uses RegisterTortoise)."""
    await Tortoise.init(config=tortoise_config(database_url))


async def close_database() -> None:
    await Tortoise.close_connections()


async def checkpoint_sqlite() -> None:
    """Fold the SQLite WAL into the main file and truncate it, so deleted text leaves the WAL."""
    connection = connections.get("default")
    if connection.capabilities.dialect == "sqlite":
        await connection.execute_script("PRAGMA wal_checkpoint(TRUNCATE);")
