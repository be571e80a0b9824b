"""SQLite backups through the online backup API (``sqlite3.Connection.backup``).

The copy is made in one step: it reads one consistent snapshot (in WAL mode the service keeps
writing meanwhile), into a temporary file that is checked and then renamed into place. A restore
copies the backup into the configured database with the same API, so the database file is
replaced in one transaction even if something has it open. Both run in a thread, off the event
loop. The files are created 0600: they hold ciphertext, hashes and ids.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

_HEADER = b"SQLite format 3\x00"


class SqliteBackupError(RuntimeError):
    """The backup could not be made or read; the message says why."""


def sqlite_path(database_url: str) -> Path:
    """The file of a ``sqlite://`` URL."""
    path = database_url[len("sqlite://") :]
    if path in {"", ":memory:"}:
        raise SqliteBackupError("an in-memory database cannot be backed up or restored")
    return Path(path).resolve()


def _private(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)


def _check(connection: sqlite3.Connection, what: str) -> None:
    result = connection.execute("PRAGMA integrity_check").fetchone()
    if not result or result[0] != "ok":
        raise SqliteBackupError(f"{what} failed its integrity check: {result and result[0]}")


def backup_sqlite(database: Path, target: Path) -> None:
    """Copy ``database`` (in use or not) into ``target`` as one consistent snapshot."""
    if not database.exists():
        raise SqliteBackupError(f"there is no database at {database}")
    partial = target.with_name(target.name + ".partial")
    _private(partial)
    try:
        source = sqlite3.connect(database, timeout=60)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)  # every page in one step: one snapshot
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                _check(copy, "the copy")
            finally:
                copy.close()
        finally:
            source.close()
        os.replace(partial, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def is_sqlite_backup(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(_HEADER)) == _HEADER


# A database holds data to keep once it has a submission, a staff account or an audit event (a
# service started once on an empty database has only created its tables).
DATA_PROBE = (
    "SELECT EXISTS (SELECT 1 FROM submissions) OR EXISTS (SELECT 1 FROM staff) "
    "OR EXISTS (SELECT 1 FROM audit_events)"
)


def holds_data(database: Path) -> bool:
    """Whether ``database`` holds data to keep (``DATA_PROBE``)."""
    if not database.exists() or database.stat().st_size == 0:
        return False
    connection = sqlite3.connect(database, timeout=60)
    try:
        tables = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
            "AND name IN ('submissions', 'staff', 'audit_events')"
        ).fetchone()
        if not tables or tables[0] < 3:
            return bool(tables and tables[0])  # a database of something else: keep it
        row = connection.execute(DATA_PROBE).fetchone()
    finally:
        connection.close()
    return bool(row and row[0])


def restore_sqlite(backup: Path, database: Path) -> None:
    """Replace the contents of ``database`` (created 0600 if missing) with ``backup``'s."""
    if not backup.exists() or not is_sqlite_backup(backup):
        raise SqliteBackupError(f"{backup} is not an SQLite backup")
    source = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        _check(source, "the backup")
        database.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not database.exists():
            _private(database)
        target = sqlite3.connect(database, timeout=60)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=WAL")
            _check(target, "the restored database")
        finally:
            target.close()
    finally:
        source.close()
