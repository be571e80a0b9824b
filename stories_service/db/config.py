"""The Tortoise configuration for a database URL (used by the app, the CLI and migrations)."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit

MODELS_MODULE = "stories_service.models"
MIGRATIONS_MODULE = "stories_service.migrations"

# Set on every SQLite connection: WAL for concurrent readers, secure_delete so that deleted
# survivor text is overwritten in the file, a busy timeout so writers queue instead of failing.
SQLITE_PRAGMAS: dict[str, Any] = {
    "journal_mode": "WAL",
    "secure_delete": "ON",
    "foreign_keys": "ON",
    "busy_timeout": 10_000,
    "synchronous": "NORMAL",
}


def _create_private_file(path: str) -> None:
    """Create the SQLite file readable by the service's user only (its WAL inherits the mode)."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), mode=0o700, exist_ok=True)
    if not os.path.exists(path):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


# Seconds to wait for a new PostgreSQL connection before the request fails with 503.
CONNECT_TIMEOUT_SECONDS = 10
# Beyond the server's own statement_timeout, the client gives up this much later: the server
# cancels a slow statement itself, but cannot when it (or the network to it) is gone.
CLIENT_TIMEOUT_MARGIN_SECONDS = 5


def _postgres_timeouts(statement_timeout: int) -> dict[str, Any]:
    """asyncpg pool arguments that bound every wait on the database (0: no statement limit).

    ``statement_timeout`` (a server setting of every connection) bounds each statement, and the
    lock waits inside it (row locks, the audit chain's advisory lock); ``lock_timeout`` is left
    to it. PostgreSQL cancels the statement and the request answers 503 (``errors.py``).
    """
    timeouts: dict[str, Any] = {"timeout": CONNECT_TIMEOUT_SECONDS}
    if statement_timeout > 0:
        timeouts["server_settings"] = {"statement_timeout": str(statement_timeout * 1000)}
        timeouts["command_timeout"] = statement_timeout + CLIENT_TIMEOUT_MARGIN_SECONDS
    return timeouts


def _connection(database_url: str, create_file: bool, statement_timeout: int = 0) -> dict[str, Any]:
    if database_url.startswith("sqlite://"):
        path = database_url[len("sqlite://") :]
        if path != ":memory:" and create_file:
            _create_private_file(path)
        return {
            # Tortoise's client, with transactions that begin with the write lock: see there.
            "engine": "stories_service.db.sqlite_client",
            "credentials": {"file_path": path, **SQLITE_PRAGMAS},
        }
    parts = urlsplit(database_url)
    return {
        "engine": "tortoise.backends.asyncpg",
        "credentials": {
            "host": parts.hostname or "127.0.0.1",
            "port": parts.port or 5432,
            "user": parts.username or "postgres",
            "password": parts.password or "",
            "database": (parts.path or "/postgres").lstrip("/"),
            "minsize": 1,
            "maxsize": 10,
            **_postgres_timeouts(statement_timeout),
        },
    }


def tortoise_config(
    database_url: str, *, create_file: bool = True, statement_timeout: int = 0
) -> dict[str, Any]:
    """The configuration for ``database_url``; a missing SQLite file is created 0600 first.

    ``statement_timeout`` (seconds, PostgreSQL only; 0 for none) is for the serving app
    (``STORIES_DB_STATEMENT_TIMEOUT``); migrations and commands run without it.
    """
    return {
        "connections": {"default": _connection(database_url, create_file, statement_timeout)},
        "apps": {
            "models": {
                "models": [MODELS_MODULE],
                "default_connection": "default",
                "migrations": MIGRATIONS_MODULE,
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


# Read only by the `tortoise` command ([tool.tortoise] in pyproject.toml) for makemigrations;
# the service itself builds its configuration from Settings.
TORTOISE_ORM: dict[str, Any] = tortoise_config(
    os.environ.get("DATABASE_URL") or "sqlite://./var/stories.sqlite3", create_file=False
)
