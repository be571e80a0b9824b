"""Making deleted text leave the database files, not just the visible tables."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from tortoise import connections

from stories_service.db.lifecycle import checkpoint_sqlite

log = logging.getLogger("stories_service.protection")


async def scrub_deleted_rows(tables: Iterable[str]) -> None:
    """Checkpoint the SQLite WAL, or VACUUM the PostgreSQL tables; call after the commit.

    SQLite overwrites freed pages itself (``secure_delete``), but the old page images stay in the
    ``-wal`` file until a checkpoint. PostgreSQL keeps dead tuples until VACUUM, which cannot run
    inside a transaction. A failure here is logged, not raised: the deletion itself committed.
    """
    connection = connections.get("default")
    try:
        if connection.capabilities.dialect == "postgres":
            for table in tables:
                await connection.execute_script(f'VACUUM "{table}"')
        else:
            await checkpoint_sqlite()
    except Exception as error:  # the text is already gone from every live row
        log.warning("scrubbing after a deletion failed: %s", type(error).__name__)
