"""Moderator wellbeing: which content notes count as severe, a reader's tally of what they read
today and this week, and when the queue suggests a pause."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

# Content notes (moderation.revisions.CONTENT_NOTES) whose stories weigh most on a reader.
SEVERE_NOTES = frozenset({"torture", "sexual_violence", "self_harm", "child_abuse", "trafficking"})


def is_severe(content_notes: Iterable[str]) -> bool:
    return any(note in SEVERE_NOTES for note in content_notes)


@dataclass(frozen=True)
class Reading:
    """One story one reader opened on one day, with its content notes then."""

    read_on: date
    content_notes: tuple[str, ...]


@dataclass(frozen=True)
class Tally:
    stories: int = 0
    severe: int = 0
    by_note: dict[str, int] = field(default_factory=dict)


def _tally(readings: Iterable[Reading]) -> Tally:
    listed = list(readings)
    notes: Counter[str] = Counter()
    for reading in listed:
        notes.update(n for n in set(reading.content_notes) if n != "none")
    severe = sum(1 for reading in listed if is_severe(reading.content_notes))
    return Tally(len(listed), severe, dict(sorted(notes.items())))


def week_start(day: date) -> date:
    """The Monday of ``day``'s week (ISO weeks)."""
    return day - timedelta(days=day.weekday())


def tallies(readings: Iterable[Reading], today: date) -> tuple[Tally, Tally]:
    """What a reader read today and this week (since Monday)."""
    listed = list(readings)
    monday = week_start(today)
    return (
        _tally(r for r in listed if r.read_on == today),
        _tally(r for r in listed if monday <= r.read_on <= today),
    )


def suggests_pause(severe_today: int, daily_limit: int) -> bool:
    """The queue suggests a pause once the day's stories with severe notes reach the limit;
    a limit of 0 never suggests one."""
    return daily_limit > 0 and severe_today >= daily_limit
