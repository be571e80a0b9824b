"""``stories-service rekey``: every encrypted value sealed again under the first key of
``STORIES_ENCRYPTION_KEY``, so that older keys can then be removed (docs/deploy.md, "Rotating
the encryption key").

Batch by batch, in primary-key order: a batch reads up to ``batch_size`` rows, skips the values
already under the first key (so a rerun after a crash or an interruption carries on where the
last one stopped, and a second run changes nothing), and writes the others back in one short
transaction, each with a conditional update on the old ciphertext: a value the service changed
meanwhile (it writes under the first key itself) is left as the service wrote it. Each value
keeps the associated data it was sealed with (its table, column and row).

The audit log holds no ciphertext (ids, states and kinds only), and neither do the change log
and tombstones; idempotency records are sealed with keys derived from the clients' own keys and
expire within a day, so they are not the encryption key's to rotate.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from stories_service.crypto import DecryptionError, FieldCipher, column_context, revision_context

Row = dict[str, Any]
_WRAPPED_PREFIX = "enc:v1:"  # a ciphertext kept in a text column (moderating/approval.py)


@dataclass(frozen=True, slots=True)
class SealedColumn:
    """One encrypted column: where it is and the associated data of a row's value."""

    table: str
    column: str
    contexts: Callable[[Row], Sequence[str]]  # the candidates, the usual one first
    needs: tuple[str, ...] = ()  # columns ``contexts`` reads besides ``id``
    wrapped: bool = False  # base64 text after ``_WRAPPED_PREFIX`` instead of bytes

    @property
    def name(self) -> str:
        return f"{self.table}.{self.column}"


def _by_id(table: str, column: str) -> Callable[[Row], Sequence[str]]:
    return lambda row: [column_context(table, column, row["id"])]


def _revision(column: str) -> Callable[[Row], Sequence[str]]:
    return lambda row: [revision_context(column, row["submission_id"], row["number"])]


def _consent(column: str) -> Callable[[Row], Sequence[str]]:
    # Intake binds a consent record's values to the submission; records from before that, to
    # their own id (moderating/consent.chosen_name).
    return lambda row: [
        column_context("consent_records", column, row["submission_id"]),
        column_context("consent_records", column, row["id"]),
    ]


_SUBMISSION_COLUMNS = (
    "title",
    "body",
    "contact",
    "never_appear",
    "survivor_comment",
    "rejection_reason",
    "withdrawal_note",
)

SEALED_COLUMNS: tuple[SealedColumn, ...] = (
    *(
        SealedColumn("submissions", f"{name}_enc", _by_id("submissions", name))
        for name in _SUBMISSION_COLUMNS
    ),
    SealedColumn(
        "submissions",
        "leak_override_reason",
        _by_id("submissions", "leak_override_reason"),
        wrapped=True,
    ),
    *(
        SealedColumn("revisions", f"{name}_enc", _revision(name), ("submission_id", "number"))
        for name in ("title", "summary", "body")
    ),
    *(
        SealedColumn("consent_records", f"{name}_enc", _consent(name), ("submission_id",))
        for name in ("display_name", "attestation")
    ),
    SealedColumn(
        "published_stories",
        "byline_enc",
        lambda row: [column_context("published_stories", "byline", row["slug"])],
        ("slug",),
    ),
    SealedColumn("webhook_endpoints", "secret_enc", _by_id("webhook_endpoints", "secret")),
    *(
        SealedColumn("organisation_terms", f"{name}_enc", _by_id("organisation_terms", name))
        for name in ("term", "kind", "note")
    ),
)


@dataclass(slots=True)
class RekeyTotals:
    scanned: int = 0
    current: int = 0  # already under the first key
    resealed: int = 0
    changed_meanwhile: int = 0  # rewritten by the service between our read and our write
    unreadable: list[str] = field(default_factory=list)  # "table.column id" (no values)


class _Sql:
    def __init__(self, client: BaseDBAsyncClient) -> None:
        self.postgres = client.capabilities.dialect == "postgres"

    def p(self, n: int) -> str:
        return f"${n}" if self.postgres else "?"


def _blob(value: Any, spec: SealedColumn) -> bytes | None:
    if value is None:
        return None
    if spec.wrapped:
        text = str(value)
        if not text.startswith(_WRAPPED_PREFIX):
            return None  # a legacy value in clear: migration 0004 seals those
        return base64.urlsafe_b64decode(text[len(_WRAPPED_PREFIX) :])
    return bytes(value)


def _stored(blob: bytes, spec: SealedColumn) -> Any:
    if spec.wrapped:
        return _WRAPPED_PREFIX + base64.urlsafe_b64encode(blob).decode("ascii")
    return blob


def _reseal(cipher: FieldCipher, blob: bytes, spec: SealedColumn, row: Row) -> bytes:
    for context in spec.contexts(row):
        try:
            return cipher.reseal(blob, context)
        except DecryptionError:
            continue
    raise DecryptionError(f"{spec.name} of row {row['id']} opens with no configured key")


async def _batch(
    cipher: FieldCipher, spec: SealedColumn, after: Any, batch_size: int, totals: RekeyTotals
) -> tuple[Any, int]:
    """Rekey one batch after primary key ``after``; returns the last key read and the count."""
    client = connections.get("default")
    sql = _Sql(client)
    columns = ", ".join(("id", spec.column, *spec.needs))
    where = f"{spec.column} IS NOT NULL"
    params: list[Any] = []
    if after is not None:
        where += f" AND id > {sql.p(1)}"
        params.append(after)
    # Table and column names come from SEALED_COLUMNS, values go as parameters.
    query = f"SELECT {columns} FROM {spec.table} WHERE {where} ORDER BY id LIMIT {batch_size:d}"  # noqa: S608
    rows = await client.execute_query_dict(query, params)
    updates = []
    for row in rows:
        totals.scanned += 1
        context_row = {name: str(row[name]) for name in ("id", *spec.needs)}
        blob = _blob(row[spec.column], spec)
        if blob is None or cipher.is_current(blob):
            totals.current += blob is not None
            continue
        try:
            fresh = _reseal(cipher, blob, spec, context_row)
        except DecryptionError:
            totals.unreadable.append(f"{spec.name} {row['id']}")
            continue
        updates.append((row["id"], row[spec.column], _stored(fresh, spec)))
    if updates:
        async with in_transaction() as connection:
            for key, old, new in updates:
                update = (
                    f"UPDATE {spec.table} SET {spec.column} = {sql.p(1)} "  # noqa: S608 (names from SEALED_COLUMNS)
                    f"WHERE id = {sql.p(2)} AND {spec.column} = {sql.p(3)}"
                )
                changed, _ = await connection.execute_query(update, [new, key, old])
                if changed:
                    totals.resealed += 1
                else:
                    totals.changed_meanwhile += 1
    return (rows[-1]["id"] if rows else after), len(rows)


async def rekey_column(
    cipher: FieldCipher,
    spec: SealedColumn,
    *,
    batch_size: int,
    totals: RekeyTotals,
    say: Callable[[str], None],
) -> None:
    after: Any = None
    while True:
        before = totals.resealed
        after, count = await _batch(cipher, spec, after, batch_size, totals)
        if count:
            say(
                f"{spec.name}: {count} row(s) read, {totals.resealed - before} re-encrypted "
                f"(up to id {after})"
            )
        if count < batch_size:
            return


async def rekey_all(
    cipher: FieldCipher, *, batch_size: int, say: Callable[[str], None]
) -> RekeyTotals:
    """Rekey every sealed column (``SEALED_COLUMNS``); values no configured key opens are
    listed (by table, column and row id) and left as they are."""
    totals = RekeyTotals()
    for spec in SEALED_COLUMNS:
        await rekey_column(cipher, spec, batch_size=batch_size, totals=totals, say=say)
    for where in totals.unreadable:
        say(f"warning: {where} is sealed under a key that is not configured; left as it is")
    return totals
