"""The stored side of moderator wellbeing: recording which stories a staff member opened, their
own tally, and the team's totals (the only form in which other staff see any of it)."""

from __future__ import annotations

from contextlib import suppress
from datetime import UTC, date, datetime
from uuid import UUID

from tortoise.exceptions import IntegrityError

from moderation.wellbeing import Reading, Tally, tallies, week_start
from stories_service.models import StoryRead


async def record_read(staff_id: int, submission_id: UUID, content_notes: list[str]) -> None:
    """Count this story once per reader and day, with the content notes it carries now (a later
    read the same day updates them: notes are often set while reading)."""
    now = datetime.now(UTC)
    notes = sorted(set(content_notes))
    existing = await StoryRead.get_or_none(
        staff_id=staff_id, submission_id=submission_id, read_on=now.date()
    )
    if existing is None:
        # The same reader opening it twice at once is counted once (the unique key).
        with suppress(IntegrityError):
            await StoryRead.create(
                staff_id=staff_id,
                submission_id=submission_id,
                read_on=now.date(),
                content_notes=notes,
                read_at=now,
            )
        return
    if existing.content_notes != notes:
        await StoryRead.filter(id=existing.id).update(content_notes=notes)


async def _readings(today: date, staff_id: int | None) -> list[Reading]:
    query = StoryRead.filter(read_on__gte=week_start(today), read_on__lte=today)
    if staff_id is not None:
        query = query.filter(staff_id=staff_id)
    rows = await query.values_list("read_on", "content_notes")
    return [Reading(read_on, tuple(notes or ())) for read_on, notes in rows]


async def reader_tallies(staff_id: int, today: date) -> tuple[Tally, Tally]:
    """What this reader read today and this week; shown to them alone."""
    return tallies(await _readings(today, staff_id), today)


async def team_totals(today: date) -> tuple[Tally, Tally]:
    """Everyone's reading today and this week, summed: no one's own numbers."""
    return tallies(await _readings(today, None), today)
