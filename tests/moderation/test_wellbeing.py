"""Moderator wellbeing rules: what counts as severe, today's and this week's tally, the pause."""

from __future__ import annotations

from datetime import date

from moderation.revisions import CONTENT_NOTES
from moderation.wellbeing import SEVERE_NOTES, Reading, suggests_pause, tallies, week_start

THURSDAY = date(2026, 12, 10)


def test_severe_notes_are_content_notes() -> None:
    assert set(CONTENT_NOTES) >= SEVERE_NOTES
    assert "torture" in SEVERE_NOTES and "displacement" not in SEVERE_NOTES


def test_today_and_this_week_are_counted_apart() -> None:
    readings = [
        Reading(THURSDAY, ("torture", "war")),
        Reading(THURSDAY, ("displacement",)),
        Reading(THURSDAY, ()),
        Reading(date(2026, 12, 7), ("sexual_violence",)),  # Monday: this week
        Reading(date(2026, 12, 6), ("torture",)),  # Sunday before: last week
        Reading(date(2026, 12, 9), ("none",)),
    ]
    today, week = tallies(readings, THURSDAY)
    assert (today.stories, today.severe) == (3, 1)
    assert today.by_note == {"displacement": 1, "torture": 1, "war": 1}
    assert (week.stories, week.severe) == (5, 2)
    assert week.by_note == {"displacement": 1, "sexual_violence": 1, "torture": 1, "war": 1}
    assert week_start(THURSDAY) == date(2026, 12, 7)


def test_the_pause_is_suggested_at_the_limit_and_never_with_zero() -> None:
    assert not suggests_pause(4, 5)
    assert suggests_pause(5, 5)
    assert not suggests_pause(50, 0)
