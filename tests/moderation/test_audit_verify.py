"""`stories-service audit verify` detects a row altered by hand."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import asyncpg
import httpx

from tests.conftest import ROOT, Backend
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


def _verify(backend: Backend, tmp_path: object) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": backend.database_url,
        "STORIES_DATA_DIR": str(tmp_path),
        "STORIES_ENV": "test",
    }
    return subprocess.run(
        [sys.executable, "-m", "stories_service.cli", "audit", "verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )


async def test_audit_verify_fails_after_a_row_is_altered(
    client: httpx.AsyncClient, backend: Backend, tmp_path: object
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(client)
    await post(client, moderator, f"/api/v1/submissions/{created['id']}/claim")
    await post(client, moderator, f"/api/v1/submissions/{created['id']}/release")

    intact = _verify(backend, tmp_path)
    assert intact.returncode == 0, intact.stderr
    assert "intact: 3 events" in intact.stdout

    # Someone rewrites history by hand, outside the service: who claimed the submission.
    assert (
        await _tamper(
            backend, "UPDATE audit_events SET actor = 'staff:999' WHERE action = 'submission.claim'"
        )
        == 1
    )
    broken = _verify(backend, tmp_path)
    assert broken.returncode != 0
    assert "BROKEN" in broken.stderr
