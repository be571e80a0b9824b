"""Tortoise's SQLite client, with transactions that take the write lock when they begin.

Tortoise begins a transaction with a plain ``BEGIN`` (deferred): it reads first and asks for the
write lock at its first write. In WAL mode, when another process (a server beside
``seed-demo``, a second worker) committed in between, that upgrade cannot succeed and SQLite
answers "database is locked" at once, without waiting the busy timeout: every transaction of
the service reads its row before it writes (``load_submission``, then the update). With
``BEGIN IMMEDIATE`` a transaction waits its turn for the lock (up to ``busy_timeout``) and then
reads a snapshot nobody can change under it. Within one process Tortoise already runs one
transaction at a time on its one connection, so nothing waits that did not wait before.
"""

from __future__ import annotations

import sqlite3

from tortoise.backends.base.client import TransactionContext
from tortoise.backends.sqlite.client import (
    SqliteClient,
    SqliteTransactionContext,
    SqliteTransactionWrapper,
)
from tortoise.exceptions import TransactionManagementError


class _ImmediateTransactionWrapper(SqliteTransactionWrapper):
    async def begin(self) -> None:
        try:
            await self._connection.commit()
            await self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TransactionManagementError(exc) from exc


class ImmediateTransactionSqliteClient(SqliteClient):
    def _in_transaction(self) -> TransactionContext:
        return SqliteTransactionContext(_ImmediateTransactionWrapper(self), self._lock)


client_class = ImmediateTransactionSqliteClient
"""What Tortoise looks up in an engine module (``"engine": "stories_service.db.sqlite_client"``)."""
