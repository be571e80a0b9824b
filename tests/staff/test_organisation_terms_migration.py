"""Migration 0009 adds the organisation's list (issue 15 #4) to a database at 0007: the table
with its encrypted columns and the unique keyed hash, and nothing else changed. The database is
migrated to 0007, given a row, then migrated in a child process."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.old_database import MIGRATE_TO, OldDatabase, run

pytestmark = pytest.mark.db

_COLUMNS_SQLITE = "SELECT name FROM pragma_table_info('organisation_terms')"
_COLUMNS_PG = (
    "SELECT column_name AS name FROM information_schema.columns "
    "WHERE table_name = 'organisation_terms'"
)


async def test_0009_adds_the_encrypted_list(old_database: OldDatabase, tmp_path: Path) -> None:
    db = old_database
    env = db.env(tmp_path)
    done = run(sys.executable, "-c", MIGRATE_TO, db.url, "models.0007_public_changes", env=env)
    assert done.returncode == 0, done.stderr
    await db.execute([("INSERT INTO change_counters (name, value) VALUES (?, ?)", ["public", 41])])
    done = run(sys.executable, "-c", MIGRATE_TO, db.url, "models.0009_organisation_terms", env=env)
    assert done.returncode == 0, done.stderr
    columns = {
        r["name"] for r in await db.rows(_COLUMNS_SQLITE if db.pg_url is None else _COLUMNS_PG)
    }
    assert columns == {
        "id",
        "term_hash",
        "term_enc",
        "kind_enc",
        "note_enc",
        "created_by_id",
        "created_at",
    }
    assert await db.rows("SELECT * FROM organisation_terms") == []
    assert await db.rows("SELECT name, value FROM change_counters") == [
        {"name": "public", "value": 41}
    ]
    # The keyed hash is unique: the same folded term cannot be listed twice.
    row = ["a" * 64, b"x", b"y", datetime(2026, 12, 6, 12, tzinfo=UTC)]
    insert = (
        "INSERT INTO organisation_terms (term_hash, term_enc, kind_enc, created_at) "
        "VALUES (?, ?, ?, ?)"
    )
    await db.execute([(insert, row)])
    with pytest.raises(Exception, match=r"(?i)unique"):
        await db.execute([(insert, row)])
