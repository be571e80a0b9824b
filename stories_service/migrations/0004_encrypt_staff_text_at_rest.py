"""Staff-written text is encrypted at rest too, and the audit log keeps no withdrawal reason
(issue 14 #11).

New columns: ``submissions.rejection_reason_enc`` and ``withdrawal_note_enc``,
``consent_records.attestation_enc`` and ``published_stories.byline_enc``; the plaintext
``rejection_reason`` and ``attestation`` go. Rows written in clear by earlier releases are
encrypted here, before the old columns are dropped (with the key the runner lends, see
``_sealing``): rejection reasons, attestations, legacy plain leak-guard override reasons, and
the byline of a scheduled story (an unpublished copy keeps none). Staff withdrawals audited
with a free-text reason get the category ``other`` instead; the text moves, encrypted, to the
submission's ``withdrawal_note_enc``, the chain is hashed again from the first changed event
(it must verify before), and an ``audit.withdrawal_reasons_sealed`` event records which events
changed. The old columns go with ``ALTER TABLE … DROP COLUMN`` (``_operations.DropColumn``),
never by copying the table. Downgrading drops the new columns and their contents.

On PostgreSQL the old values stay in the table files (dead tuples, dropped columns) until
``VACUUM FULL`` rewrites them; docs/deploy.md says when to run it.
"""

from __future__ import annotations

import base64
import importlib
import json
from datetime import UTC, datetime
from typing import Any

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

from moderation.audit_chain import GENESIS_HASH, ChainLink, event_hash, first_broken_link
from stories_service.migrations._operations import DropColumn
from stories_service.migrations._sealing import Seal, lent_seal

# The consent records' append-only trigger (0002): dropped for the rewrite, then put back.
_append_only = importlib.import_module(
    "stories_service.migrations.0002_consent_records_append_only"
)
_SEALED_PREFIX = "enc:v1:"  # as moderating/approval.py seals the leak-guard override reason
_WITHDRAW_ACTION = "submission.withdraw"
_REWRITE_ACTION = "audit.withdrawal_reasons_sealed"


class _Sql:
    """Parameter markers and JSON casts for the connected dialect."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.postgres = client.capabilities.dialect == "postgres"

    def p(self, n: int) -> str:
        return f"${n}" if self.postgres else "?"

    def json_param(self, n: int) -> str:
        return f"CAST(${n} AS jsonb)" if self.postgres else "?"

    async def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        return list(await self.client.execute_query_dict(sql, params or []))

    async def run(self, sql: str, params: list[Any]) -> None:
        await self.client.execute_query(sql, params)


async def _seal_submissions(sql: _Sql, seal: Seal) -> None:
    for row in await sql.rows(
        "SELECT id, rejection_reason FROM submissions WHERE rejection_reason IS NOT NULL"
    ):
        blob = seal(row["rejection_reason"], "submissions", "rejection_reason", row["id"])
        await sql.run(
            f"UPDATE submissions SET rejection_reason_enc = {sql.p(1)}, rejection_reason = NULL "
            f"WHERE id = {sql.p(2)}",
            [blob, row["id"]],
        )
    for row in await sql.rows(
        "SELECT id, leak_override_reason FROM submissions WHERE leak_override_reason IS NOT NULL"
    ):
        plain = row["leak_override_reason"]
        if plain.startswith(_SEALED_PREFIX):
            continue
        blob = seal(plain, "submissions", "leak_override_reason", row["id"])
        sealed = _SEALED_PREFIX + base64.urlsafe_b64encode(blob).decode("ascii")
        await sql.run(
            f"UPDATE submissions SET leak_override_reason = {sql.p(1)} WHERE id = {sql.p(2)}",
            [sealed, row["id"]],
        )


async def _seal_attestations(sql: _Sql, seal: Seal, apps: Any, schema_editor: Any) -> None:
    rows = await sql.rows(
        "SELECT id, submission_id, attestation FROM consent_records WHERE attestation IS NOT NULL"
    )
    if not rows:
        return
    await _append_only._backward(apps, schema_editor)
    for row in rows:
        blob = seal(row["attestation"], "consent_records", "attestation", row["submission_id"])
        await sql.run(
            f"UPDATE consent_records SET attestation_enc = {sql.p(1)}, attestation = NULL "
            f"WHERE id = {sql.p(2)}",
            [blob, row["id"]],
        )
    await _append_only._forward(apps, schema_editor)


async def _seal_bylines(sql: _Sql, seal: Seal | None) -> None:
    for row in await sql.rows(
        "SELECT id, slug, state, byline FROM published_stories "
        "WHERE byline IS NOT NULL AND state <> 'published'"
    ):
        blob = None
        if row["state"] == "scheduled":
            blob = (seal or lent_seal())(row["byline"], "published_stories", "byline", row["slug"])
        await sql.run(
            f"UPDATE published_stories SET byline_enc = {sql.p(1)}, byline = NULL "
            f"WHERE id = {sql.p(2)}",
            [blob, row["id"]],
        )


def _link(row: dict[str, Any]) -> ChainLink:
    created = row["created_at"]
    if isinstance(created, str):
        created = datetime.fromisoformat(created)
    data = row["data"]
    if isinstance(data, str | bytes):
        data = json.loads(data)
    submission = row["submission_id"]
    return ChainLink(
        id=row["id"],
        created_at=created.astimezone(UTC),
        actor=row["actor"],
        action=row["action"],
        submission_id=str(submission) if submission is not None else None,
        from_state=row["from_state"],
        to_state=row["to_state"],
        data=data or {},
        prev_hash=row["prev_hash"],
        hash=row["hash"],
    )


def _hash_of(link: ChainLink, prev_hash: str, data: dict[str, Any]) -> str:
    return event_hash(
        prev_hash,
        created_at=link.created_at,
        actor=link.actor,
        action=link.action,
        submission_id=link.submission_id,
        from_state=link.from_state,
        to_state=link.to_state,
        data=data,
    )


async def _seal_withdrawal_reasons(sql: _Sql, seal: Seal | None) -> None:
    chain = [_link(row) for row in await sql.rows("SELECT * FROM audit_events ORDER BY id")]
    doomed = [
        link for link in chain if link.action == _WITHDRAW_ACTION and "reason" in link.data
    ]
    if not doomed:
        return
    broken = first_broken_link(chain)
    if broken is not None:
        raise RuntimeError(
            f"the audit chain is broken at event {broken[0]} ({broken[1]}): this migration "
            "rewrites withdrawal reasons and hashes the chain again, so it refuses to run over "
            "a chain that does not verify; see `stories-service audit verify`"
        )
    seal = seal or lent_seal()
    kept = set()
    for link in doomed:
        note = link.data.get("reason")
        if note and link.submission_id is not None:
            blob = seal(str(note), "submissions", "withdrawal_note", link.submission_id)
            found = await sql.rows(
                f"SELECT id FROM submissions WHERE id = {sql.p(1)}", [link.submission_id]
            )
            if found:
                await sql.run(
                    f"UPDATE submissions SET withdrawal_note_enc = {sql.p(1)} "
                    f"WHERE id = {sql.p(2)}",
                    [blob, link.submission_id],
                )
                kept.add(link.id)
    changed = {link.id for link in doomed}
    prev_hash = GENESIS_HASH
    for link in chain:
        data = link.data
        if link.id in changed:
            data = {k: v for k, v in link.data.items() if k != "reason"}
            data["reason_category"] = "other"
            data["note_kept"] = link.id in kept
        new_hash = _hash_of(link, prev_hash, data)
        if (new_hash, prev_hash, data) != (link.hash, link.prev_hash, link.data):
            await sql.run(
                f"UPDATE audit_events SET data = {sql.json_param(1)}, prev_hash = {sql.p(2)}, "
                f"hash = {sql.p(3)} WHERE id = {sql.p(4)}",
                [json.dumps(data, ensure_ascii=False), prev_hash, new_hash, link.id],
            )
        prev_hash = new_hash
    now = datetime.now(UTC)
    record = {"events": sorted(changed)}
    digest = event_hash(
        prev_hash,
        created_at=now,
        actor="system",
        action=_REWRITE_ACTION,
        submission_id=None,
        from_state=None,
        to_state=None,
        data=record,
    )
    await sql.run(
        "INSERT INTO audit_events (created_at, actor, action, data, prev_hash, hash) "
        f"VALUES ({sql.p(1)}, {sql.p(2)}, {sql.p(3)}, {sql.json_param(4)}, {sql.p(5)}, "
        f"{sql.p(6)})",
        [now if sql.postgres else now.isoformat(sep=" "), "system", _REWRITE_ACTION,
         json.dumps(record), prev_hash, digest],
    )


async def _forward(apps: Any, schema_editor: Any) -> None:
    sql = _Sql(schema_editor.client)
    has_plaintext = await sql.rows(
        "SELECT 1 FROM submissions WHERE rejection_reason IS NOT NULL "
        "OR (leak_override_reason IS NOT NULL AND leak_override_reason NOT LIKE 'enc:v1:%') "
        "UNION ALL SELECT 1 FROM consent_records WHERE attestation IS NOT NULL"
    )
    # The key is asked for only when there is something to encrypt: a new database needs none.
    seal = lent_seal() if has_plaintext else None
    if seal is not None:
        await _seal_submissions(sql, seal)
        await _seal_attestations(sql, seal, apps, schema_editor)
    await _seal_bylines(sql, seal)
    await _seal_withdrawal_reasons(sql, seal)


async def _backward(apps: Any, schema_editor: Any) -> None:
    return None  # the encrypted texts go with the columns the downgrade drops


class Migration(migrations.Migration):
    dependencies = [('models', '0003_staff_sessions')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ConsentRecord',
            name='attestation_enc',
            field=fields.BinaryField(null=True),
        ),
        ops.AddField(
            model_name='PublishedStory',
            name='byline_enc',
            field=fields.BinaryField(null=True),
        ),
        ops.AddField(
            model_name='Submission',
            name='rejection_reason_enc',
            field=fields.BinaryField(null=True),
        ),
        ops.AddField(
            model_name='Submission',
            name='withdrawal_note_enc',
            field=fields.BinaryField(null=True),
        ),
        ops.RunPython(_forward, _backward),
        DropColumn(model_name='ConsentRecord', name='attestation'),
        DropColumn(model_name='Submission', name='rejection_reason'),
    ]
