"""The public change counter: bumped in the transaction that changes what the public sees.

Every worker polls it and drops its page and feed caches when it moves.
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

PUBLIC = "public"

_BUMP = {
    "sqlite": (
        "INSERT INTO change_counters (name, value) VALUES (?, 1) "
        "ON CONFLICT (name) DO UPDATE SET value = change_counters.value + 1"
    ),
    "postgres": (
        "INSERT INTO change_counters (name, value) VALUES ($1, 1) "
        "ON CONFLICT (name) DO UPDATE SET value = change_counters.value + 1"
    ),
}


async def bump_public_change(connection: BaseDBAsyncClient) -> None:
    """Increment the "public" counter in the caller's transaction."""
    await connection.execute_query(_BUMP[connection.capabilities.dialect], [PUBLIC])
