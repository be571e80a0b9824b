"""Applying migrations and opening the database for the app, the CLI and the tests."""

from __future__ import annotations

from tortoise import Tortoise, connections
from tortoise.migrations.api import migrate

from stories_service.db.config import tortoise_config
from stories_service.migrations._sealing import Seal as Seal
from stories_service.migrations._sealing import lending


async def apply_migrations(database_url: str, seal: Seal | None = None) -> None:
    """Apply every pending migration, then close the connections migrate opened.

    ``seal`` (``FieldCipher.seal_column``) lends the encryption key to migrations that encrypt
    rows an earlier release stored in clear; without it such a migration stops and says so.
    """
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
