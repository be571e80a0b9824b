"""Helpers for the backup and rekey tests: fresh databases, and the CLI run with the keys of the
test app (the session's database is encrypted under them)."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from stories_service.settings import Settings
from tests.conftest import ROOT, Backend, create_pg_database, drop_pg_database
from tests.servers import free_port, local_url, spawned_server

CLI_DEADLINE = 300.0


def key_text(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode("ascii").rstrip("=")


def keys_env(settings: Settings) -> dict[str, str]:
    """The environment that gives a child process the keys of ``settings``."""
    env = {
        "STORIES_SECRET_KEY": settings.secret_key,
        "STORIES_ENCRYPTION_KEY": ",".join(key_text(k) for k in settings.encryption_keys),
    }
    if settings.previous_secret_keys:
        env["STORIES_PREVIOUS_SECRET_KEYS"] = " ".join(settings.previous_secret_keys)
    return env


def cli(
    database_url: str, data_dir: Path, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    """``stories-service ARGS`` in a child process, as an operator runs it."""
    return subprocess.run(
        [sys.executable, "-m", "stories_service.cli", *args],
        env={
            **os.environ,
            "STORIES_ENV": "test",
            "DATABASE_URL": database_url,
            "STORIES_DATA_DIR": str(data_dir),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=CLI_DEADLINE,
        cwd=ROOT,
        check=False,
    )


@contextmanager
def serving(database_url: str, data_dir: Path, **env: str) -> Iterator[str]:
    """``stories-service serve`` on ``database_url``; yields its base URL once it answers
    /healthz (these tests need no redaction engine, so they do not wait for it to warm)."""
    port = free_port()
    base_url = local_url(port)
    environment = {
        **os.environ,
        "STORIES_ENV": "test",
        "DATABASE_URL": database_url,
        "STORIES_DATA_DIR": str(data_dir),
        "STORIES_BASE_URL": base_url,
        "STORIES_BACKGROUND_JOBS": "false",
        "STORIES_RECEIPT_RATE_PER_15MIN": "100000",
        "STORIES_SUBMIT_RATE_PER_HOUR": "100000",
        **env,
    }
    command = [sys.executable, "-m", "stories_service.cli", "serve", "--port", str(port)]
    with spawned_server(command, port, environment, ready_path="/healthz"):
        yield base_url


@asynccontextmanager
async def fresh_database(backend: Backend, folder: Path) -> AsyncIterator[str]:
    """The URL of a new, empty database of the backend under test (dropped afterwards)."""
    if backend.name == "sqlite":
        yield f"sqlite://{folder / 'fresh.sqlite3'}"
        return
    name, url = await create_pg_database()
    try:
        yield url
    finally:
        await drop_pg_database(name)
