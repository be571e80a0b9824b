"""``stories-service backup``, ``restore`` and ``apply-withdrawals`` (docs/deploy.md, "Backup
and restore").

A backup is the database (SQLite: the online backup API; PostgreSQL: ``pg_dump -Fc``) and,
beside it, ``FILE.tombstones.json``: every withdrawal the database knew. A restore puts the
database back, applies pending migrations, then re-applies every withdrawal it can find outside
the restored database: the export beside the backup, the withdrawal journal
(``STORIES_TOMBSTONE_JOURNAL``, appended to on every withdrawal, so it holds those made after
the backup), any files given with ``--withdrawals``, and the withdrawals of the database being
replaced when there is one. Every source is read and verified before anything is overwritten.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from tortoise import connections

from stories_service.audit_log import verify_audit_chain
from stories_service.backup.postgres_dump import dump_postgres, restore_postgres
from stories_service.backup.sqlite_copy import (
    DATA_PROBE,
    backup_sqlite,
    holds_data,
    is_sqlite_backup,
    restore_sqlite,
    sqlite_path,
)
from stories_service.backup.withdrawals import (
    export_path,
    read_withdrawals,
    reapply_withdrawals,
    withdrawals_in_database,
    write_export,
)
from stories_service.db.lifecycle import Seal, apply_migrations, close_database, open_database
from stories_service.protection.journal import WithdrawalRecord
from stories_service.settings import Settings

Say = Callable[[str], None]
_SOURCE_SUFFIXES = (".journal", ".jsonl", ".tombstones.json")


class RestoreRefused(RuntimeError):
    """The restore would lose data or cannot be made; nothing was changed."""


def _sqlite(settings: Settings) -> bool:
    return settings.database_url.startswith("sqlite://")


async def _with_database(database_url: str, work: Callable[[], Awaitable[object]]) -> object:
    await open_database(database_url)
    try:
        return await work()
    finally:
        await close_database()


async def make_backup(settings: Settings, target: Path, say: Say) -> None:
    """Back the configured database up into ``target``, and its withdrawals beside it (the
    database is open: ``stories-service`` ran the migrations and opened it)."""
    target = await asyncio.to_thread(_backup_target, target)
    if _sqlite(settings):
        await asyncio.to_thread(backup_sqlite, sqlite_path(settings.database_url), target)
    else:
        await asyncio.to_thread(dump_postgres, settings.database_url, target)
    # Taken after the copy: a superset of the withdrawals in it, never fewer.
    records = await withdrawals_in_database()
    await asyncio.to_thread(write_export, export_path(target), records, settings.secret_key)
    say(f"backup written to {target} ({target.stat().st_size} bytes)")
    say(f"{len(records)} withdrawal(s) exported to {export_path(target)}")


def _backup_target(target: Path) -> Path:
    target = target.resolve()
    if target.is_dir():
        raise RestoreRefused(f"{target} is a folder: name the backup file")
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    return target


def _backup_source(backup: Path, sqlite: bool) -> tuple[Path, list[Path]]:
    """The backup file, checked, and its export when there is one beside it."""
    backup = backup.resolve()
    if not backup.is_file():
        raise RestoreRefused(f"there is no backup at {backup}")
    if sqlite and not is_sqlite_backup(backup):
        raise RestoreRefused(f"{backup} is not an SQLite backup (the database is SQLite)")
    beside = export_path(backup)
    return backup, [beside] if beside.exists() else []


def _source_files(paths: Iterable[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.name.endswith(_SOURCE_SUFFIXES))
        elif path.exists():
            found.append(path)
        else:
            raise RestoreRefused(f"there is no withdrawals file at {path}")
    return found


def read_sources(settings: Settings, paths: Sequence[Path], say: Say) -> list[WithdrawalRecord]:
    """Every record of the given files and folders and of the journal, verified (raises
    ``JournalError`` on a damaged or forged one)."""
    files = _source_files(paths)
    journal = settings.withdrawal_journal
    if journal.exists() and journal.resolve() not in {f.resolve() for f in files}:
        files.append(journal)
    records: list[WithdrawalRecord] = []
    for path in files:
        found, torn = read_withdrawals(path, settings.secret_keys)
        say(f"{len(found)} withdrawal(s) read from {path}")
        if torn:
            say(f"warning: {path} ends with a line cut short (a crash while writing); skipped")
        records += found
    return records


async def _postgres_holds_data(database_url: str) -> bool:
    async def probe() -> bool:
        client = connections.get("default")
        rows = await client.execute_query_dict(
            "SELECT count(to_regclass(name)) AS tables FROM unnest("
            "ARRAY['public.submissions', 'public.staff', 'public.audit_events']) AS name"
        )
        tables = int(rows[0]["tables"]) if rows else 0
        if tables < 3:
            return tables > 0  # a database of something else: keep it
        rows = await client.execute_query_dict(f"SELECT ({DATA_PROBE}) AS present")
        return bool(rows and rows[0]["present"])

    return bool(await _with_database(database_url, probe))


async def _live_withdrawals(settings: Settings, say: Say) -> list[WithdrawalRecord]:
    """The withdrawals of the database about to be replaced, kept in a file beside the data."""
    try:
        records = await _with_database(settings.database_url, withdrawals_in_database)
    except Exception as error:
        say(
            f"warning: the current database could not be read ({type(error).__name__}); its "
            "withdrawals come only from the journal and the exports"
        )
        return []
    assert isinstance(records, list)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = settings.data_dir / f"pre-restore-{stamp}.tombstones.json"
    settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    await asyncio.to_thread(write_export, kept, records, settings.secret_key)
    say(f"{len(records)} withdrawal(s) of the current database kept in {kept}")
    return records


async def restore(
    settings: Settings,
    backup: Path,
    *,
    force: bool,
    withdrawal_files: Sequence[Path],
    seal: Seal,
    say: Say,
) -> bool:
    """Restore ``backup`` into the configured database and re-apply the withdrawals; returns
    whether the audit chain verifies afterwards."""
    sqlite = _sqlite(settings)
    backup, sources = await asyncio.to_thread(_backup_source, backup, sqlite)
    records = await asyncio.to_thread(read_sources, settings, [*sources, *withdrawal_files], say)
    if sqlite:
        occupied = await asyncio.to_thread(holds_data, sqlite_path(settings.database_url))
    else:
        occupied = await _postgres_holds_data(settings.database_url)
    if occupied and not force:
        raise RestoreRefused(
            "the database already holds data; restoring would replace it. Stop the service, "
            "then run restore again with --force (the withdrawals it holds are kept and "
            "re-applied)"
        )
    if occupied:
        records += await _live_withdrawals(settings, say)
    if sqlite:
        await asyncio.to_thread(restore_sqlite, backup, sqlite_path(settings.database_url))
    else:
        # --clean --if-exists: tables a first start created (empty) are replaced too.
        await asyncio.to_thread(restore_postgres, settings.database_url, backup, clean=True)
    say(f"database restored from {backup}")
    await apply_migrations(settings.database_url, seal)
    return await _reapply_and_verify(settings, records, say)


async def apply_withdrawals(settings: Settings, withdrawal_files: Sequence[Path], say: Say) -> bool:
    """Re-apply the withdrawals of the given files and the journal to the configured database
    (after a restore made by hand, e.g. with pg_restore); returns whether the chain verifies."""
    records = await asyncio.to_thread(read_sources, settings, withdrawal_files, say)
    return await _reapply_and_verify(settings, records, say)


async def _reapply_and_verify(
    settings: Settings, records: list[WithdrawalRecord], say: Say
) -> bool:
    async def work() -> bool:
        changed = await reapply_withdrawals(records)
        say(f"{changed} withdrawal(s) re-applied ({len(set(records))} known)")
        count, broken = await verify_audit_chain()
        if broken is None:
            say(f"audit chain intact: {count} events")
            return True
        say(f"audit chain BROKEN at event {broken[0]}: {broken[1]}")
        return False

    return bool(await _with_database(settings.database_url, work))
