"""Telling "the database is away or too slow" apart from a bug, for the one error handler.

A request that fails because PostgreSQL restarted, refused a connection, cancelled a statement
that ran past ``statement_timeout``, or because SQLite stayed locked past its busy timeout, gets
503 with ``Retry-After``: the client may try again (with the same ``Idempotency-Key``). Anything
else stays a 500. The drivers' errors are often wrapped by the ORM, so the whole chain of causes
is looked at.
"""

from __future__ import annotations

import socket
import sqlite3

import asyncpg

# Connection lost or refused, the server shutting down or starting up, a statement cancelled by
# statement_timeout or lock_timeout, too many connections, a deadlock or serialisation failure
# (PostgreSQL rolled the transaction back; trying again is the documented answer).
_POSTGRES_TRANSIENT: tuple[type[BaseException], ...] = (
    asyncpg.PostgresConnectionError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.QueryCanceledError,
    asyncpg.LockNotAvailableError,
    asyncpg.TooManyConnectionsError,
    asyncpg.TransactionRollbackError,
    # What asyncpg says when it uses a pooled connection that the server ended while it was
    # idle (a restart): the protocol meets the server's goodbye instead of an answer.
    asyncpg.InternalClientError,
)
# asyncpg's InterfaceError also reports misuse (a bug); only these mean the connection is gone.
_CLOSED_CONNECTION_WORDS = ("connection is closed", "pool is closing", "pool is closed")
_SQLITE_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_NETWORK_FAILURES = (
    ConnectionRefusedError,
    ConnectionResetError,
    ConnectionAbortedError,
    socket.gaierror,
    TimeoutError,
)


def _transient(error: BaseException) -> bool:
    if isinstance(error, _POSTGRES_TRANSIENT):
        return True
    if isinstance(error, asyncpg.InterfaceError):
        text = str(error)
        return any(words in text for words in _CLOSED_CONNECTION_WORDS)
    if isinstance(error, sqlite3.OperationalError):
        return getattr(error, "sqlite_errorcode", None) in _SQLITE_BUSY
    # Refused or reset connections (the server is down), a name that does not resolve, and
    # client-side timeouts (the server does not answer at all: asyncpg's connect and command
    # timeouts). Not every OSError: a broken pipe to a sanitiser child is no database's fault.
    return isinstance(error, _NETWORK_FAILURES)


def database_unavailable(error: BaseException) -> bool:
    """Whether ``error`` (or anything that caused it) says the database is unavailable."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if _transient(current):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
