"""How a time is written wherever the public can read it (API, feeds, webhooks, exports)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload


@overload
def rfc3339(value: datetime) -> str: ...


@overload
def rfc3339(value: None) -> None: ...


def rfc3339(value: datetime | None) -> str | None:
    """RFC 3339 in UTC, whole seconds, ``Z``: ``2026-12-06T04:50:15Z``; None (no time) stays None.

    Fractions of a second are dropped, not rounded, so a time never moves into the next second.
    """
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
