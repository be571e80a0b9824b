"""The withdrawal journal: every withdrawal, appended to a file outside the database, so that a
restore from a backup taken before it re-applies it (docs/deploy.md, "Backup and restore").

One JSON object a line: the submission's id, the public slug and entry id when the story had
been public, and when it was withdrawn; never text. Each line carries an HMAC under a key
derived from the secret key, so a line added or changed by hand is refused on restore. The same
records (and MACs) make up the tombstone export written beside each backup.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import hmac
import json
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

logger = logging.getLogger("stories_service.withdrawal_journal")
_MAC_LABEL = b"healing-stories withdrawal journal"


class JournalError(ValueError):
    """A journal line or tombstone export is damaged or was not written with these keys."""


@dataclass(frozen=True, slots=True)
class WithdrawalRecord:
    submission_id: str | None  # None for a tombstone whose submission row is gone
    slug: str | None
    entry_id: str | None
    withdrawn_at: str  # RFC 3339

    def fields(self) -> dict[str, str | None]:
        return asdict(self)


def _mac_key(secret_key: str) -> bytes:
    return hmac.new(secret_key.encode("utf-8"), _MAC_LABEL, hashlib.sha256).digest()


def _canonical(fields: dict[str, str | None]) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sign(record: WithdrawalRecord, secret_key: str) -> dict[str, str | None]:
    """The record as stored: its fields and their MAC under ``secret_key``."""
    fields = record.fields()
    mac = hmac.new(_mac_key(secret_key), _canonical(fields), hashlib.sha256).hexdigest()
    return {**fields, "mac": mac}


def verify(stored: object, secret_keys: Sequence[str]) -> WithdrawalRecord:
    """The record a stored object holds, if its MAC verifies under one of ``secret_keys``."""
    if not isinstance(stored, dict):
        raise JournalError("not a withdrawal record")
    fields = {name: stored.get(name) for name in WithdrawalRecord.__dataclass_fields__}
    if not all(value is None or isinstance(value, str) for value in fields.values()):
        raise JournalError("a withdrawal record holds something other than text")
    mac = stored.get("mac")
    if not isinstance(mac, str) or not fields["withdrawn_at"]:
        raise JournalError("a withdrawal record has no MAC or no time")
    canonical = _canonical(fields)
    for key in secret_keys:
        expected = hmac.new(_mac_key(key), canonical, hashlib.sha256).hexdigest()
        if hmac.compare_digest(expected, mac):
            return WithdrawalRecord(**fields)  # type: ignore[arg-type]
    raise JournalError("a withdrawal record's MAC does not verify with the secret keys")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[int]:
    """The journal open for appending (created 0600), locked against the other workers of this
    host (``flock``) until the block ends."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)  # the lock goes with the descriptor


def _line(record: WithdrawalRecord, secret_key: str) -> str:
    """A journal line: the record signed, as one JSON object."""
    return json.dumps(sign(record, secret_key), sort_keys=True)


def _write(fd: int, lines: list[str]) -> None:
    os.write(fd, "".join(line + "\n" for line in lines).encode("utf-8"))
    os.fsync(fd)


def _append_lines(path: Path, lines: list[str]) -> None:
    with _locked(path) as fd:
        _write(fd, lines)


def append_missing(
    path: Path, candidates: Sequence[WithdrawalRecord], secret_keys: Sequence[str]
) -> int:
    """Append each of ``candidates`` the journal does not hold yet (a withdrawn submission by
    its id, a tombstone by its slug), signed with the first of ``secret_keys``; how many were
    appended. Blocking: call it in a thread. JournalError if the journal is damaged."""
    with _locked(path) as fd:
        held, _ = read_journal(path, secret_keys)
        submissions = {record.submission_id for record in held if record.submission_id}
        slugs = {record.slug for record in held if record.slug}
        missing = [
            record
            for record in candidates
            if (record.submission_id and record.submission_id not in submissions)
            or (not record.submission_id and record.slug and record.slug not in slugs)
        ]
        if missing:
            _write(fd, [_line(record, secret_keys[0]) for record in missing])
    return len(missing)


async def append_withdrawals(
    path: Path, records: Iterable[WithdrawalRecord], secret_key: str
) -> None:
    """Append ``records`` to the journal at ``path`` (created 0600), flushed to disk, off the
    event loop. A failure is logged (the withdrawal itself is done), never raised."""
    lines = [_line(record, secret_key) for record in records]
    if not lines:
        return
    try:
        await asyncio.to_thread(_append_lines, path, lines)
    except OSError as error:
        # The id only: a restore from an earlier backup needs this withdrawal re-applied by hand
        # (docs/deploy.md, "Backup and restore").
        logger.error(
            "withdrawal journal %s not written (%s): %d withdrawal(s) missing from it",
            path,
            error.strerror or type(error).__name__,
            len(lines),
        )


def read_journal(path: Path, secret_keys: Sequence[str]) -> tuple[list[WithdrawalRecord], int]:
    """The records of a journal file, and how many lines were cut short (a crash while one was
    being written: the last line only). A line that parses but does not verify raises."""
    records = []
    torn = 0
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            stored = json.loads(line)
        except ValueError:
            if number == len(lines):
                torn += 1
                continue
            raise JournalError(f"{path}: line {number} is not JSON") from None
        try:
            records.append(verify(stored, secret_keys))
        except JournalError as error:
            raise JournalError(f"{path}: line {number}: {error}") from None
    return records, torn
