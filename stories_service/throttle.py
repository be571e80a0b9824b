"""Fixed-window throttles kept in the database, so every worker and host shares them.

Keys are keyed hashes of the scope and the client address: no IP address is stored.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass

from tortoise import connections

from stories_service.errors import ApiError
from stories_service.models import ThrottleBucket

_UPSERT = {
    "sqlite": (
        "INSERT INTO throttle_buckets (key, window_start, count) VALUES (?, ?, 1) "
        "ON CONFLICT (key) DO UPDATE SET count = CASE WHEN throttle_buckets.window_start = "
        "excluded.window_start THEN throttle_buckets.count + 1 ELSE 1 END, "
        "window_start = excluded.window_start RETURNING count"
    ),
    "postgres": (
        "INSERT INTO throttle_buckets (key, window_start, count) VALUES ($1, $2, 1) "
        "ON CONFLICT (key) DO UPDATE SET count = CASE WHEN throttle_buckets.window_start = "
        "excluded.window_start THEN throttle_buckets.count + 1 ELSE 1 END, "
        "window_start = excluded.window_start RETURNING count"
    ),
}


@dataclass(frozen=True, slots=True)
class ThrottleDecision:
    allowed: bool
    count: int
    retry_after: int


def throttle_key(secret_key: str, scope: str, client: str) -> str:
    digest = hmac.new(secret_key.encode(), f"{scope}|{client}".encode(), hashlib.sha256)
    return f"{scope}:{digest.hexdigest()[:40]}"


async def hit(
    key: str, limit: int, window_seconds: int, now: float | None = None
) -> ThrottleDecision:
    """Count one attempt against ``key``; refuse once more than ``limit`` fall in the window."""
    now = time.time() if now is None else now
    window_start = int(now // window_seconds) * window_seconds
    connection = connections.get("default")
    dialect = connection.capabilities.dialect
    rows = await connection.execute_query_dict(_UPSERT[dialect], [key, window_start])
    count = int(rows[0]["count"])
    retry_after = max(1, int(window_start + window_seconds - now))
    return ThrottleDecision(allowed=count <= limit, count=count, retry_after=retry_after)


async def enforce(key: str, limit: int, window_seconds: int, message: str | None = None) -> None:
    """Raise 429 with ``Retry-After`` when the throttle refuses."""
    decision = await hit(key, limit, window_seconds)
    if not decision.allowed:
        raise ApiError(
            429,
            message,
            headers={"Retry-After": str(decision.retry_after)},
            extra={"retry_after": decision.retry_after},
        )


async def forget_old_buckets(older_than_seconds: int = 86_400) -> int:
    """Delete buckets whose window ended long ago (a periodic job)."""
    cutoff = int(time.time()) - older_than_seconds
    return await ThrottleBucket.filter(window_start__lt=cutoff).delete()
