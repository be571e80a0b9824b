"""PostgreSQL backups with ``pg_dump -Fc`` and restores with ``pg_restore``, when installed.

pg_dump takes one consistent snapshot of a database in use (a repeatable-read transaction), and
its custom format is what pg_restore reads; the service calls them rather than reinventing them.
They come with the PostgreSQL client package (``postgresql-client``), looked for on ``PATH`` and
then in ``/usr/lib/postgresql/*/bin``; without them the commands say so and point to
docs/deploy.md. The password goes to them in ``PGPASSWORD`` (never on a command line others
can read in ``ps``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

TOOL_TIMEOUT = 6 * 3600.0


class PostgresToolError(RuntimeError):
    """pg_dump or pg_restore is missing or failed; the message says what to do."""


def find_tool(name: str) -> str:
    """The path of ``name`` (pg_dump, pg_restore), newest installed version first."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if candidates:
        return str(candidates[-1])
    raise PostgresToolError(
        f"{name} is not installed (package postgresql-client); install it, or back up and "
        "restore with pg_dump -Fc and pg_restore by hand (docs/deploy.md, 'Backup and restore')"
    )


def _connection(database_url: str) -> tuple[list[str], dict[str, str]]:
    """Command-line options and environment that point a PostgreSQL tool at the database."""
    parts = urlsplit(database_url)
    options = [
        "--host",
        parts.hostname or "127.0.0.1",
        "--port",
        str(parts.port or 5432),
        "--username",
        unquote(parts.username or "postgres"),
        "--no-password",
    ]
    env = {**os.environ, "PGDATABASE": unquote((parts.path or "/postgres").lstrip("/"))}
    if parts.password:
        env["PGPASSWORD"] = unquote(parts.password)
    return options, env


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(  # noqa: S603 (our own arguments, no shell)
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TOOL_TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        tool = Path(command[0]).name
        raise PostgresToolError(f"{tool} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


def dump_postgres(database_url: str, target: Path) -> None:
    """``pg_dump -Fc`` of the database into ``target`` (a temporary file renamed into place)."""
    options, env = _connection(database_url)
    partial = target.with_name(target.name + ".partial")
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    try:
        _run([find_tool("pg_dump"), *options, "--format=custom", f"--file={partial}"], env)
        os.replace(partial, target)
    finally:
        if partial.exists():
            partial.unlink()


def restore_postgres(database_url: str, backup: Path, *, clean: bool) -> None:
    """``pg_restore`` ``backup`` into the database; ``clean`` drops what is there first."""
    if not backup.exists():
        raise PostgresToolError(f"there is no backup at {backup}")
    options, env = _connection(database_url)
    command = [find_tool("pg_restore"), *options, "--no-owner", "--exit-on-error"]
    if clean:
        command += ["--clean", "--if-exists"]
    _run([*command, "--dbname", env["PGDATABASE"], str(backup)], env)
