"""Withdrawals outside the database: the export written beside each backup, and re-applying
them after a restore so that a restore never brings a withdrawn story back.

The export (``FILE.tombstones.json``) holds the same signed records as the withdrawal journal
(``protection.journal``): every withdrawn submission by id, and every tombstone by slug, with
times and no text, plus a SHA-256 of the records so a damaged file is noticed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation.states import SubmissionState
from moderation.workflow import Actor
from stories_service.audit_log import append_audit_event
from stories_service.models import PublishedStory, Submission, Tombstone
from stories_service.protection.journal import (
    JournalError,
    WithdrawalRecord,
    read_journal,
    sign,
    verify,
)
from stories_service.protection.scrub import scrub_deleted_rows
from stories_service.protection.withdrawal import TOUCHED_TABLES, announce_withdrawal, withdraw
from stories_service.publishing.withdrawal_list import parse_since
from stories_service.timefmt import rfc3339

EXPORT_FORMAT = "healing-stories-withdrawals/1"
REAPPLIED_ACTION = "restore.withdrawal_reapplied"


def export_path(backup: Path) -> Path:
    """Where the withdrawals of ``backup`` are exported: beside it."""
    return backup.with_name(backup.name + ".tombstones.json")


async def withdrawals_in_database() -> list[WithdrawalRecord]:
    """Every withdrawal the connected database knows: withdrawn submissions, then tombstones."""
    records = [
        WithdrawalRecord(
            submission_id=str(row.id),
            slug=None,
            entry_id=None,
            withdrawn_at=rfc3339(row.withdrawn_at or row.updated_at),
        )
        async for row in Submission.filter(state=SubmissionState.WITHDRAWN.value).order_by("id")
    ]
    records += [
        WithdrawalRecord(
            submission_id=None,
            slug=row.slug,
            entry_id=row.entry_id,
            withdrawn_at=rfc3339(row.withdrawn_at),
        )
        async for row in Tombstone.all().order_by("id")
    ]
    return records


def _digest(signed: list[dict[str, str | None]]) -> str:
    return hashlib.sha256(json.dumps(signed, sort_keys=True).encode("utf-8")).hexdigest()


def write_export(path: Path, records: Iterable[WithdrawalRecord], secret_key: str) -> None:
    """Write the export atomically (a temporary file renamed into place), 0600."""
    signed = [sign(record, secret_key) for record in records]
    document = {
        "format": EXPORT_FORMAT,
        "exported_at": rfc3339(datetime.now(UTC)),
        "withdrawals": signed,
        "sha256": _digest(signed),
    }
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=1, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def read_export(path: Path, secret_keys: Sequence[str]) -> list[WithdrawalRecord]:
    """The records of an export; raises ``JournalError`` if it is damaged or was forged."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        raise JournalError(f"{path}: not JSON") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise JournalError(f"{path}: not a withdrawals export ({EXPORT_FORMAT})")
    signed = document.get("withdrawals")
    if not isinstance(signed, list) or document.get("sha256") != _digest(signed):
        raise JournalError(f"{path}: the checksum does not match (a damaged file)")
    try:
        return [verify(stored, secret_keys) for stored in signed]
    except JournalError as error:
        raise JournalError(f"{path}: {error}") from None


def read_withdrawals(path: Path, secret_keys: Sequence[str]) -> tuple[list[WithdrawalRecord], int]:
    """The records of an export or a journal file (told apart by their first character), and
    how many torn journal lines were skipped."""
    with path.open("rb") as handle:
        head = handle.read(1)
    if head == b"{" and path.name.endswith(".json"):
        return read_export(path, secret_keys), 0
    return read_journal(path, secret_keys)


async def _submission_for(
    connection: BaseDBAsyncClient, record: WithdrawalRecord
) -> Submission | None:
    if record.submission_id is not None:
        found = await Submission.filter(id=record.submission_id).using_db(connection).first()
        if found is not None:
            return found
    if record.slug is not None:
        published = await PublishedStory.filter(slug=record.slug).using_db(connection).first()
        if published is not None and published.submission_id is not None:
            return await Submission.filter(id=published.submission_id).using_db(connection).first()
    return None


async def reapply_withdrawal(record: WithdrawalRecord) -> bool:
    """Make ``record`` true in the connected database: withdraw its submission if it is there
    and not withdrawn, and leave its tombstone (announced in the change log and to webhooks) if
    the story was public. True when anything changed. The time withdrawn stays the original."""
    changed = False
    async with in_transaction() as connection:
        submission = await _submission_for(connection, record)
        if submission is not None and submission.state != SubmissionState.WITHDRAWN.value:
            result = await withdraw(connection, submission.id, Actor.survivor())
            original = parse_since(record.withdrawn_at)
            await (
                Submission.filter(id=submission.id)
                .using_db(connection)
                .update(withdrawn_at=original)
            )
            if result.slug is not None:
                await (
                    Tombstone.filter(slug=result.slug)
                    .using_db(connection)
                    .update(withdrawn_at=original)
                )
            await append_audit_event(
                connection,
                actor="system",
                action=REAPPLIED_ACTION,
                submission_id=submission.id,
                data={"withdrawn_at": record.withdrawn_at},
            )
            changed = True
        if (
            record.slug is not None
            and record.entry_id is not None
            and not await Tombstone.filter(slug=record.slug).using_db(connection).exists()
        ):
            # Published (and withdrawn) after the backup: partners may hold a copy.
            at = parse_since(record.withdrawn_at)
            await Tombstone.create(
                using_db=connection, slug=record.slug, entry_id=record.entry_id, withdrawn_at=at
            )
            await announce_withdrawal(
                connection,
                {"id": record.entry_id, "slug": record.slug, "withdrawn_at": record.withdrawn_at},
            )
            changed = True
    return changed


async def reapply_withdrawals(records: Iterable[WithdrawalRecord]) -> int:
    """Re-apply every record (oldest first, each in its own transaction), then scrub the files
    of the deleted text; returns how many changed the database."""
    count = 0
    for record in sorted(set(records), key=lambda r: (r.withdrawn_at, r.slug or "")):
        if await reapply_withdrawal(record):
            count += 1
    if count:
        await scrub_deleted_rows(TOUCHED_TABLES)
    return count
