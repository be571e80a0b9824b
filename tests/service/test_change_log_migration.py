"""Migration 0007 starts the change log from what is public (issue 16 #1): a removal for every
tombstone, then a ``published`` change for every syndicated public story in publication order;
no row for a story that is not syndicated or not public, and no text in any row. The database
is migrated to 0006, filled as that schema was written, then migrated in a child process."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.old_database import MIGRATE_TO, OldDatabase, run

pytestmark = pytest.mark.db

_STORY = (
    "INSERT INTO published_stories (slug, entry_id, state, title, summary, body_html, language, "
    "text_direction, tags, content_notes, syndicate, search_indexing, revision_number, "
    "published_at, updated_at) VALUES (?, ?, ?, ?, 'summary', '<p>body</p>', 'en', 'ltr', '[]', "
    "'[]', ?, ?, 1, ?, ?)"
)


async def test_the_change_log_starts_with_what_is_public(
    old_database: OldDatabase, tmp_path: Path
) -> None:
    db = old_database
    env = db.env(tmp_path)
    done = run(sys.executable, "-c", MIGRATE_TO, db.url, "models.0006_search_indexing", env=env)
    assert done.returncode == 0, done.stderr
    day = datetime(2026, 11, 1, tzinfo=UTC)
    title = "Canarytitle0007"
    await db.execute(
        [
            (_STORY, ["newer", "urn:uuid:2", "published", title, True, False, day, day]),
            (
                _STORY,
                ["older", "urn:uuid:1", "published", title, True, False, day - timedelta(1), day],
            ),
            (_STORY, ["private", "urn:uuid:3", "published", title, False, False, day, day]),
            (_STORY, ["down", "urn:uuid:4", "unpublished", title, True, False, day, day]),
            (
                "INSERT INTO tombstones (slug, entry_id, withdrawn_at) VALUES (?, ?, ?)",
                ["gone", "urn:uuid:5", day],
            ),
        ]
    )
    done = run(sys.executable, "-c", MIGRATE_TO, db.url, "models.0007_public_changes", env=env)
    assert done.returncode == 0, done.stderr
    rows = await db.rows("SELECT * FROM public_changes ORDER BY id")
    assert [(r["slug"], r["entry_id"], r["kind"], r["reason"]) for r in rows] == [
        ("gone", "urn:uuid:5", "removed", "withdrawn"),
        ("older", "urn:uuid:1", "published", None),
        ("newer", "urn:uuid:2", "published", None),
    ]
    assert title not in repr(rows)
