"""How a time is written wherever the public can read it (API, feeds, webhooks, exports), and
in the staff console."""

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


def staff_time(value: datetime | str | None) -> str:
    """The one way the staff console writes a time: ``2026-12-06 04:50 UTC`` (an RFC 3339
    string, as the console's JSON rows hold, is read first); no time is an em dash."""
    if value is None or value == "":
        return "—"
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
