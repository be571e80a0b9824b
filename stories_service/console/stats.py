"""The dashboard's figures, computed from each submission's history (no I/O): the queue over
time and its age, time from submission to publication, consent turn-around, withdrawals, and
the same by language."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

QUEUE_STATES = frozenset({"submitted", "in_review"})
HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class Change:
    at: datetime
    to_state: str


@dataclass(frozen=True)
class History:
    """A submission's language, when it arrived, and its state changes in order."""

    language: str
    created_at: datetime
    changes: tuple[Change, ...]

    def state_at(self, moment: datetime) -> str | None:
        if moment < self.created_at:
            return None
        state = "submitted"
        for change in self.changes:
            if change.at > moment:
                break
            state = change.to_state
        return state

    def first_reached(self, state: str) -> datetime | None:
        return next((c.at for c in self.changes if c.to_state == state), None)

    def consent_turnarounds(self) -> list[float]:
        """Hours from each sending to the survivor until their answer (or the next change)."""
        hours: list[float] = []
        sent: datetime | None = None
        for change in self.changes:
            if sent is not None:
                hours.append((change.at - sent) / HOUR)
                sent = None
            if change.to_state == "awaiting_consent":
                sent = change.at
        return hours


@dataclass(frozen=True)
class QueueDay:
    day: date
    waiting: int
    oldest_hours: float | None
    median_hours: float | None


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def queue_days(histories: Iterable[History], ends_of_days: Sequence[datetime]) -> list[QueueDay]:
    """How many stories waited for moderation at the end of each day, and for how long."""
    listed = list(histories)
    days: list[QueueDay] = []
    for end in ends_of_days:
        ages = [(end - h.created_at) / HOUR for h in listed if h.state_at(end) in QUEUE_STATES]
        days.append(
            QueueDay(
                (end - timedelta(microseconds=1)).date(),
                len(ages),
                max(ages, default=None),
                median(ages),
            )
        )
    return days


def withdrawals_per_day(histories: Iterable[History], days: Sequence[date]) -> list[int]:
    counts = dict.fromkeys(days, 0)
    for history in histories:
        withdrawn = history.first_reached("withdrawn")
        if withdrawn is not None and withdrawn.date() in counts:
            counts[withdrawn.date()] += 1
    return [counts[day] for day in days]


@dataclass(frozen=True)
class LanguageRow:
    language: str
    submitted: int
    waiting: int
    published: int
    withdrawn: int
    median_days_to_publication: float | None
    median_days_consent: float | None


def by_language(histories: Iterable[History], now: datetime) -> list[LanguageRow]:
    """One row per language, most submissions first."""
    groups: dict[str, list[History]] = {}
    for history in histories:
        groups.setdefault(history.language, []).append(history)
    rows = []
    for language, group in groups.items():
        to_publication = [
            (published - h.created_at) / timedelta(days=1)
            for h in group
            if (published := h.first_reached("published")) is not None
        ]
        consent = [hours / 24 for h in group for hours in h.consent_turnarounds()]
        rows.append(
            LanguageRow(
                language=language,
                submitted=len(group),
                waiting=sum(1 for h in group if h.state_at(now) in QUEUE_STATES),
                published=len(to_publication),
                withdrawn=sum(1 for h in group if h.first_reached("withdrawn") is not None),
                median_days_to_publication=median(to_publication),
                median_days_consent=median(consent),
            )
        )
    return sorted(rows, key=lambda row: (-row.submitted, row.language))
