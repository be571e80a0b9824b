"""`stories-service audit verify` detects a row altered by hand."""

from __future__ import annotations

import sqlite3

import asyncpg
import httpx

from tests.conftest import Backend
from tests.servers import run_cli
from tests.staffing import make_staff, post, submit


async def _tamper(backend: Backend, sql: str) -> int:
    if backend.sqlite_path is not None:
        with sqlite3.connect(backend.sqlite_path) as db:
            return db.execute(sql).rowcount
    connection = await asyncpg.connect(backend.database_url)
    try:
        status = await connection.execute(sql)
    finally:
        await connection.close()
    return int(status.split()[-1])


async def test_audit_verify_fails_after_a_row_is_altered(
    client: httpx.AsyncClient, backend: Backend, tmp_path: object
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(client)
    await post(client, moderator, f"/api/v1/submissions/{created['id']}/claim")
    await post(client, moderator, f"/api/v1/submissions/{created['id']}/release")

    intact = run_cli(backend.database_url, tmp_path, "audit", "verify")
    assert intact.returncode == 0, intact.stderr
    assert "intact: 3 events" in intact.stdout

    # Someone rewrites history by hand, outside the service: who claimed the submission.
    assert (
        await _tamper(
            backend, "UPDATE audit_events SET actor = 'staff:999' WHERE action = 'submission.claim'"
        )
        == 1
    )
    broken = run_cli(backend.database_url, tmp_path, "audit", "verify")
    assert broken.returncode != 0
    assert "BROKEN" in broken.stderr
