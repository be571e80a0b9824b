"""Two processes writing one SQLite file (a server and `seed-demo`, issue 17 #1): a transaction
that read before another process committed must still be able to write.

With Tortoise's deferred `BEGIN`, the read takes a snapshot; when another connection commits
before the first write, SQLite refuses the upgrade at once with "database is locked" (the busy
timeout does not help: waiting cannot make the snapshot current). Transactions begin with the
write lock instead, so the other process waits its turn.
"""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from tortoise.transactions import in_transaction

from stories_service.models import JobLease
from tests.conftest import Backend


def _other_process_writes(path: str) -> str:
    """Another connection (another process, as far as SQLite knows) writes one row, waiting
    for the lock no longer than it takes to ask."""
    other = sqlite3.connect(path, timeout=0)
    try:
        other.execute(
            "INSERT INTO job_leases (name, holder, expires_at) VALUES ('other', 'other', ?)",
            ((datetime.now(UTC) + timedelta(minutes=1)).isoformat(),),
        )
        other.commit()
        return "written"
    except sqlite3.OperationalError as error:
        return str(error)
    finally:
        other.close()


async def test_a_transaction_that_read_first_can_write_after_another_process_committed(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    if backend.sqlite_path is None:
        pytest.skip("PostgreSQL has row locks and no single writer")
    await JobLease.create(name="mine", holder="me", expires_at=datetime.now(UTC))
    async with in_transaction() as connection:
        lease = await JobLease.filter(name="mine").using_db(connection).first()
        assert lease is not None
        other = await asyncio.to_thread(_other_process_writes, str(backend.sqlite_path))
        await JobLease.filter(name="mine").using_db(connection).update(holder="still me")
    # The other writer found the lock taken (it would have waited its busy timeout for it)
    # instead of committing under this transaction's snapshot.
    assert "locked" in other
    assert (await JobLease.get(name="mine")).holder == "still me"
    # Once this transaction is over, the other writer gets through.
    assert await asyncio.to_thread(_other_process_writes, str(backend.sqlite_path)) == "written"
