"""The organisation's list of terms the redaction engine looks for in every story (issue 15 #4).

Admins add and remove terms in the console (``console.organisation_terms``). Each term, its
kind and its note are stored encrypted (``organisation_terms``: ``term_enc``, ``kind_enc``,
``note_enc``); ``term_hash``, a keyed hash of the folded term, keeps the list free of
duplicates. The audit log records the term's id and kind, never its text.

Every worker keeps the decrypted list in memory for the value of the ``organisation_terms``
change counter (``change_counters``, bumped in the transaction of every change) it was read
at. ``organisation_list()`` reads the counter (one indexed row) before each use and reloads the
list when it moved, so a change made by an admin on any worker or host is used by every story
checked after it commits. The list is decrypted only in memory.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation.redaction import LIST_KINDS, ListedTerm
from moderation.redaction.never_appear import term_words
from stories_service.audit_log import append_audit_event
from stories_service.crypto import DecryptionError, FieldCipher, column_context
from stories_service.models import OrganisationTerm

log = logging.getLogger("stories_service.organisation_terms")

COUNTER = "organisation_terms"
TABLE = "organisation_terms"
MAX_TERM_CHARS = 100
MAX_NOTE_CHARS = 300
MAX_BULK_LINES = 500
MAX_TERMS = 5000


class TermInvalid(ValueError):
    """A term (or a line of a bulk add) cannot be listed as asked; the message says why."""


@dataclass(frozen=True, slots=True)
class ListedRow:
    """A term as the admin page shows it (decrypted)."""

    id: int
    term: str
    kind: str
    note: str | None
    created_by_id: int | None
    created_at: datetime


def term_key(secret_key: str, term: str) -> str:
    """A keyed hash of the folded term ("Al-Zaatari", "al zaatari" and "AL.ZAATARI" are one)."""
    key = hashlib.sha256(b"organisation-term:" + secret_key.encode("utf-8")).digest()
    folded = " ".join(term_words(term))
    return hmac.new(key, folded.encode("utf-8"), hashlib.sha256).hexdigest()


def checked_term(term: str, kind: str, note: str = "") -> tuple[str, str, str | None]:
    """The term, kind and note as they will be stored; ``TermInvalid`` says what is wrong."""
    term = " ".join(term.split())
    note = " ".join(note.split())
    if kind not in LIST_KINDS:
        raise TermInvalid("Choose a kind: person, place, organisation or other.")
    if not term:
        raise TermInvalid("Write the term.")
    if len(term) > MAX_TERM_CHARS:
        raise TermInvalid(f"A term can be at most {MAX_TERM_CHARS} characters long.")
    if not term_words(term):
        raise TermInvalid("A term needs at least one letter or digit.")
    if len(note) > MAX_NOTE_CHARS:
        raise TermInvalid(f"A note can be at most {MAX_NOTE_CHARS} characters long.")
    return term, kind, note or None


async def _bump(connection: BaseDBAsyncClient) -> None:
    param = "$1" if connection.capabilities.dialect == "postgres" else "?"
    await connection.execute_query(
        f"INSERT INTO change_counters (name, value) VALUES ({param}, 1) "  # noqa: S608
        "ON CONFLICT (name) DO UPDATE SET value = change_counters.value + 1",
        [COUNTER],
    )


async def _read_counter(connection: BaseDBAsyncClient) -> int:
    param = "$1" if connection.capabilities.dialect == "postgres" else "?"
    rows = await connection.execute_query_dict(
        f"SELECT value FROM change_counters WHERE name = {param}",  # noqa: S608 (placeholder only)
        [COUNTER],
    )
    return int(rows[0]["value"]) if rows else 0


async def add_terms(
    admin_id: int,
    entries: list[tuple[str, str, str]],
    cipher: FieldCipher,
    secret_key: str,
) -> list[int]:
    """List each (term, kind, note), all or none: ``TermInvalid`` names the first entry that
    is invalid or listed already. Returns the new ids."""
    if not entries:
        raise TermInvalid("Write at least one term.")
    if len(entries) > MAX_BULK_LINES:
        raise TermInvalid(f"Add at most {MAX_BULK_LINES} terms at a time.")
    checked: list[tuple[str, str, str | None, str]] = []
    seen: set[str] = set()
    for n, (term, kind, note) in enumerate(entries, start=1):
        where = f"Line {n}: " if len(entries) > 1 else ""
        try:
            clean = checked_term(term, kind, note)
        except TermInvalid as error:
            raise TermInvalid(where + str(error)) from None
        key = term_key(secret_key, clean[0])
        if key in seen:
            raise TermInvalid(where + "This term is twice in the list you sent.")
        seen.add(key)
        checked.append((*clean, key))
    now = datetime.now(UTC)
    ids: list[int] = []
    async with in_transaction() as connection:
        listed = await OrganisationTerm.filter(term_hash__in=list(seen)).using_db(connection)
        if listed:
            taken = {row.term_hash for row in listed}
            n = next(i for i, c in enumerate(checked, start=1) if c[3] in taken)
            where = f"Line {n}: " if len(entries) > 1 else ""
            raise TermInvalid(where + "This term is on the list already.")
        if await OrganisationTerm.all().using_db(connection).count() + len(checked) > MAX_TERMS:
            raise TermInvalid(f"The list can hold at most {MAX_TERMS} terms.")
        for clean_term, clean_kind, clean_note, key in checked:
            row = await OrganisationTerm.create(
                term_hash=key,
                term_enc=b"",
                kind_enc=b"",
                created_by_id=admin_id,
                created_at=now,
                using_db=connection,
            )
            # The ciphertexts are bound to the row's id, known once it is inserted.
            sealed = {
                "term_enc": cipher.seal_column(clean_term, TABLE, "term", row.id),
                "kind_enc": cipher.seal_column(clean_kind, TABLE, "kind", row.id),
            }
            if clean_note is not None:
                sealed["note_enc"] = cipher.seal_column(clean_note, TABLE, "note", row.id)
            await OrganisationTerm.filter(id=row.id).using_db(connection).update(**sealed)
            await append_audit_event(
                connection,
                actor=f"staff:{admin_id}",
                action="organisation_term.add",
                data={"term": row.id, "kind": clean_kind},
            )
            ids.append(row.id)
        await _bump(connection)
    _forget()
    return ids


async def remove_term(admin_id: int, term_id: int, cipher: FieldCipher) -> None:
    """Take a term off the list (``TermInvalid`` when there is no such term)."""
    async with in_transaction() as connection:
        row = await OrganisationTerm.filter(id=term_id).using_db(connection).first()
        if row is None:
            raise TermInvalid("That term is not on the list (any more).")
        kind = _open(cipher, row.kind_enc, "kind", row.id) or "unknown"
        await OrganisationTerm.filter(id=term_id).using_db(connection).delete()
        await append_audit_event(
            connection,
            actor=f"staff:{admin_id}",
            action="organisation_term.remove",
            data={"term": term_id, "kind": kind},
        )
        await _bump(connection)
    _forget()


def _open(cipher: FieldCipher, blob: bytes | None, column: str, row_id: int) -> str | None:
    if blob is None:
        return None
    try:
        return cipher.decrypt(bytes(blob), column_context(TABLE, column, row_id))
    except DecryptionError:
        log.error("organisation term %s: the %s does not decrypt; left out", row_id, column)
        return None


async def listed_rows(
    cipher: FieldCipher, connection: BaseDBAsyncClient | None = None
) -> list[ListedRow]:
    """Every term of the list, decrypted, sorted by kind then term (for the admin page)."""
    rows = await OrganisationTerm.all().using_db(connection).order_by("id")
    out: list[ListedRow] = []
    for row in rows:
        term = _open(cipher, row.term_enc, "term", row.id)
        kind = _open(cipher, row.kind_enc, "kind", row.id)
        if term is None or kind is None:
            continue
        note = _open(cipher, row.note_enc, "note", row.id)
        out.append(ListedRow(row.id, term, kind, note, row.created_by_id, row.created_at))
    out.sort(key=lambda r: (LIST_KINDS.index(r.kind) if r.kind in LIST_KINDS else 99, r.term))
    return out


@dataclass(slots=True)
class _Cached:
    cipher: FieldCipher | None = None
    counter: int = -1
    terms: tuple[ListedTerm, ...] = ()


_cache = _Cached()


def _forget() -> None:
    """Drop this process's copy (a change made here is used at once, whatever the counter)."""
    _cache.cipher = None
    _cache.counter = -1
    _cache.terms = ()


async def organisation_list(
    cipher: FieldCipher, connection: BaseDBAsyncClient | None = None
) -> tuple[ListedTerm, ...]:
    """The organisation's list for the engine: read once per value of the change counter (pass
    the connection of an open transaction, if any)."""
    conn = connection or connections.get("default")
    counter = await _read_counter(conn)
    if _cache.cipher is cipher and _cache.counter == counter:
        return _cache.terms
    # Read after the counter: a change committed in between makes the copy newer than its
    # counter, and the next call reloads.
    terms = tuple(ListedTerm(r.term, r.kind) for r in await listed_rows(cipher, conn))
    _cache.cipher, _cache.counter, _cache.terms = cipher, counter, terms
    return terms
