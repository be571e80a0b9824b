"""Migration 0004 encrypts what earlier releases stored in clear (issue 14 #11).

A database is migrated to 0003 (the schema before), filled the way that schema was written (a
rejection reason, an on-behalf attestation, a plain leak-guard override reason, a scheduled and
an unpublished story with a byline, an audit chain whose staff withdrawal carries a free-text
reason), then migrated by the real command with the key. Afterwards no text is in clear in the
file (SQLite) or the dump (PostgreSQL), each text opens with the key where the service reads it,
the audit chain verifies, and the withdrawal event holds a category only. Without the key the
migration stops and changes nothing. Every step runs in a child process, as an operator's would:
the database is not the one this test process has open.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from moderation.audit_chain import GENESIS_HASH, event_hash
from stories_service.crypto import FieldCipher, column_context
from stories_service.settings import new_encryption_key
from tests.old_database import MIGRATE_TO, OldDatabase, key_bytes, run

pytestmark = pytest.mark.db

_MIGRATE_WITHOUT_KEY = """
import asyncio, sys
from stories_service.db.lifecycle import apply_migrations
asyncio.run(apply_migrations(sys.argv[1]))
"""
_SERVICE = Path(sys.executable).with_name("stories-service")


CANARIES = {
    "rejection": "Rejectioncanary0005",
    "attestation": "Attestationcanary0005",
    "override": "Overridecanary0005",
    "scheduled byline": "Scheduledpen0005",
    "unpublished byline": "Unpublishedpen0005",
    "withdrawal reason": "Withdrawalcanary0005",
}


def _audit_rows(rejected: uuid.UUID, withdrawn: uuid.UUID) -> list[tuple[str, list[Any]]]:
    """A chain of three events, hashed as the service hashed them before 0004."""
    start = datetime(2026, 11, 1, 9, 30, 15, 123456, tzinfo=UTC)
    events = [
        ("staff:1", "submission.reject", rejected, "in_review", "rejected", {"reason_length": 40}),
        (
            "staff:2",
            "submission.withdraw",
            withdrawn,
            "published",
            "withdrawn",
            {
                "was_public": True,
                "deleted": {"revisions": 1},
                "on_behalf_of_survivor": True,
                "reason": f"survivor asked by phone {CANARIES['withdrawal reason']}",
            },
        ),
        ("survivor", "submission.export", withdrawn, None, None, {}),
    ]
    statements = []
    prev = GENESIS_HASH
    for n, (actor, action, sid, from_state, to_state, data) in enumerate(events):
        at = start + timedelta(minutes=n)
        digest = event_hash(
            prev,
            created_at=at,
            actor=actor,
            action=action,
            submission_id=str(sid),
            from_state=from_state,
            to_state=to_state,
            data=data,
        )
        statements.append(
            (
                "INSERT INTO audit_events (created_at, actor, action, submission_id, from_state, "
                "to_state, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [at, actor, action, sid, from_state, to_state, json.dumps(data), prev, digest],
            )
        )
        prev = digest
    return statements


async def fill_the_old_way(db: OldDatabase) -> dict[str, Any]:
    """Rows as the 0003 schema held them, texts in clear."""
    now = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    rejected, scheduled, unpublished, withdrawn = (uuid.uuid4() for _ in range(4))

    def submission(sid: uuid.UUID, state: str, **extra: Any) -> tuple[str, list[Any]]:
        columns = {
            "id": sid,
            "state": state,
            "language": "en",
            "receipt_hash": uuid.uuid4().hex,
            "created_at": now,
            "updated_at": now,
            **extra,
        }
        marks = ", ".join("?" for _ in columns)
        return (
            f"INSERT INTO submissions ({', '.join(columns)}) VALUES ({marks})",
            list(columns.values()),
        )

    def story(sid: uuid.UUID, state: str, slug: str, byline: str) -> tuple[str, list[Any]]:
        return (
            "INSERT INTO published_stories (submission_id, slug, entry_id, state, title, summary, "
            "body_html, byline, language, text_direction, tags, content_notes, syndicate, "
            "revision_number, updated_at) VALUES (?, ?, ?, ?, 'T', 'S', '<p>B</p>', ?, 'en', "
            "'ltr', '[]', '[]', ?, 1, ?)",
            [sid, slug, f"urn:uuid:{uuid.uuid4()}", state, byline, True, now],
        )

    wording = "1" * 64
    await db.execute(
        [
            submission(
                rejected,
                "rejected",
                rejection_reason=f"We cannot publish this: {CANARIES['rejection']}",
            ),
            submission(
                scheduled, "scheduled", leak_override_reason=f"Invented {CANARIES['override']}"
            ),
            submission(unpublished, "unpublished"),
            submission(withdrawn, "withdrawn"),
            (
                "INSERT INTO consent_records (submission_id, created_at, publish, attribution, "
                "review_before_publish, syndicate, languages, wording_version, wording_language, "
                "wording_hash, recorded_by, attestation) "
                "VALUES (?, ?, ?, 'anonymous', ?, ?, '[\"en\"]', 'v1', 'en', ?, 'staff', ?)",
                [
                    rejected,
                    now,
                    True,
                    True,
                    True,
                    wording,
                    f"Read aloud and agreed. {CANARIES['attestation']}",
                ],
            ),
            story(scheduled, "scheduled", "schedslug1", CANARIES["scheduled byline"]),
            story(unpublished, "unpublished", "unpubslug1", CANARIES["unpublished byline"]),
            *_audit_rows(rejected, withdrawn),
        ]
    )
    return {"rejected": rejected, "scheduled": scheduled, "withdrawn": withdrawn}


def _blob(value: Any) -> bytes:
    return bytes(value)


async def test_0004_encrypts_what_earlier_releases_stored_in_clear(
    old_database: OldDatabase, tmp_path: Path
) -> None:
    db = old_database
    before = run(sys.executable, "-c", MIGRATE_TO, db.url, "models.0003_staff_sessions")
    assert before.returncode == 0, before.stderr
    ids = await fill_the_old_way(db)
    for canary in CANARIES.values():
        assert canary.encode() in db.stored_bytes(), canary  # there in clear to begin with

    refused = run(sys.executable, "-c", _MIGRATE_WITHOUT_KEY, db.url)
    assert refused.returncode != 0
    assert "needs the encryption key" in refused.stderr
    still = await db.rows(
        "SELECT rejection_reason FROM submissions WHERE rejection_reason IS NOT NULL"
    )
    assert len(still) == 1  # nothing changed: the migration is one transaction

    migrated = run(str(_SERVICE), "migrate", env=db.env(tmp_path))
    assert migrated.returncode == 0, migrated.stderr

    on_disk = db.stored_bytes()
    for label, canary in CANARIES.items():
        assert canary.encode() not in on_disk, label

    cipher = db.cipher()
    rejected = (await db.rows(f"SELECT * FROM submissions WHERE id = '{ids['rejected']}'"))[0]
    assert "rejection_reason" not in rejected
    reason = cipher.decrypt(
        _blob(rejected["rejection_reason_enc"]),
        column_context("submissions", "rejection_reason", ids["rejected"]),
    )
    assert CANARIES["rejection"] in reason
    consent = (await db.rows("SELECT * FROM consent_records"))[0]
    assert "attestation" not in consent
    attestation = cipher.decrypt(
        _blob(consent["attestation_enc"]),
        column_context("consent_records", "attestation", ids["rejected"]),
    )
    assert CANARIES["attestation"] in attestation
    scheduled = (await db.rows(f"SELECT * FROM submissions WHERE id = '{ids['scheduled']}'"))[0]
    sealed = scheduled["leak_override_reason"]
    assert sealed.startswith("enc:v1:")
    assert CANARIES["override"] in cipher.decrypt(
        base64.urlsafe_b64decode(sealed[len("enc:v1:") :]),
        column_context("submissions", "leak_override_reason", ids["scheduled"]),
    )
    stories = {r["slug"]: r for r in await db.rows("SELECT * FROM published_stories")}
    # Nothing went with the old columns (a table copy on SQLite cascades into its dependants).
    assert str(stories["schedslug1"]["submission_id"]) == str(ids["scheduled"])
    assert stories["schedslug1"]["byline"] is None
    assert (
        cipher.decrypt(
            _blob(stories["schedslug1"]["byline_enc"]),
            column_context("published_stories", "byline", "schedslug1"),
        )
        == CANARIES["scheduled byline"]
    )
    assert stories["unpubslug1"]["byline"] is None and stories["unpubslug1"]["byline_enc"] is None

    withdrawn = (await db.rows(f"SELECT * FROM submissions WHERE id = '{ids['withdrawn']}'"))[0]
    note = cipher.decrypt(
        _blob(withdrawn["withdrawal_note_enc"]),
        column_context("submissions", "withdrawal_note", ids["withdrawn"]),
    )
    assert CANARIES["withdrawal reason"] in note
    events = await db.rows("SELECT action, data FROM audit_events ORDER BY id")
    datas = [e["data"] if isinstance(e["data"], dict) else json.loads(e["data"]) for e in events]
    actions = [e["action"] for e in events]
    withdrawal = datas[actions.index("submission.withdraw")]
    assert withdrawal["reason_category"] == "other" and "reason" not in withdrawal
    assert withdrawal["note_kept"] is True
    assert actions[-1] == "audit.withdrawal_reasons_sealed"

    verified = run(str(_SERVICE), "audit", "verify", env=db.env(tmp_path))
    assert verified.returncode == 0, verified.stderr
    assert "audit chain intact: 4 events" in verified.stdout

    # The consent records are append-only again after the rewrite.
    with pytest.raises((sqlite3.DatabaseError, asyncpg.PostgresError)):
        await db.execute([("UPDATE consent_records SET wording_version = ?", ["v2"])])


async def test_a_new_database_migrates_without_the_key(old_database: OldDatabase) -> None:
    done = run(sys.executable, "-c", _MIGRATE_WITHOUT_KEY, old_database.url)
    assert done.returncode == 0, done.stderr


def test_the_reader_helpers_agree_with_the_runner() -> None:
    # The migration seals with FieldCipher.seal_column; the service opens with column_context.
    cipher = FieldCipher((key_bytes(new_encryption_key()),))
    row = uuid.uuid4()
    blob = cipher.seal_column("text", "submissions", "rejection_reason", row)
    assert cipher.decrypt(blob, column_context("submissions", "rejection_reason", row)) == "text"


async def test_0003_keeps_what_refers_to_staff(old_database: OldDatabase, tmp_path: Path) -> None:
    """0003 drops ``staff.session_epoch`` in place: copying the table (Tortoise's own way on
    SQLite) dropped the old one and, through ``ON DELETE CASCADE``, every API token with it."""
    db = old_database
    before = run(
        sys.executable, "-c", MIGRATE_TO, db.url, "models.0002_consent_records_append_only"
    )
    assert before.returncode == 0, before.stderr
    now = datetime.now(UTC)
    await db.execute(
        [
            (
                "INSERT INTO staff (id, email, password_hash, role, active, session_epoch,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [7, "keeper@example.org", None, "admin", True, 3, now],
            ),
            (
                "INSERT INTO api_tokens (staff_id, token_hash, prefix, created_at)"
                " VALUES (?, ?, ?, ?)",
                [7, "b" * 64, "hs_keep", now],
            ),
        ]
    )
    migrated = run(str(_SERVICE), "migrate", env=db.env(tmp_path))
    assert migrated.returncode == 0, migrated.stderr
    assert await db.rows("SELECT email FROM staff") == [{"email": "keeper@example.org"}]
    assert await db.rows("SELECT prefix FROM api_tokens") == [{"prefix": "hs_keep"}]
