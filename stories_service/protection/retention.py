"""Retention: originals and contact details are purged a set time after publication or rejection.

The purge date is the first publication (or the rejection) plus ``retention_days``; it is read
from the audit log, so it holds whatever code made the transition, and written to
``Submission.originals_purge_after`` the first time the job sees it. Every write is a
conditional UPDATE, so two workers running the job at once purge each submission once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from moderation.states import SubmissionState
from stories_service.audit_log import append_audit_event
from stories_service.models import AuditEvent, Submission
from stories_service.timefmt import rfc3339

# What starts the retention clock, and the audit actions that record it.
_CLOCK_ACTIONS = {
    "submission.publish": "published",
    "submission.publish_due": "published",
    "submission.reject": "rejected",
}
# Originals and contact details go; the never-appear list stays while the story may be revised
# (the leak guard needs it) and goes with everything else on withdrawal or rejection.
_PURGED_ALWAYS = ("title_enc", "body_enc", "contact_enc", "survivor_comment_enc")
_PURGED_ON_REJECTION = ("never_appear_enc",)


@dataclass(frozen=True, slots=True)
class PlannedPurge:
    submission_id: UUID
    state: str
    because: str  # "published" | "rejected"
    clock_started_at: datetime
    purge_after: datetime


async def _clock_starts() -> dict[UUID, tuple[str, datetime]]:
    """For every submission whose originals are still held: the first publish or rejection."""
    held = Submission.filter(originals_purged_at=None).exclude(state=SubmissionState.WITHDRAWN)
    events = await AuditEvent.filter(
        action__in=list(_CLOCK_ACTIONS), submission_id__in=Subquery(held.values("id"))
    ).order_by("id")
    starts: dict[UUID, tuple[str, datetime]] = {}
    for event in events:
        key = UUID(str(event.submission_id))
        starts.setdefault(key, (_CLOCK_ACTIONS[event.action], event.created_at))
    return starts


async def planned_purges(retention_days: int) -> list[PlannedPurge]:
    """What will be purged and when, soonest first (for the console and the admin API)."""
    starts = await _clock_starts()
    if not starts:
        return []
    rows = await Submission.filter(id__in=list(starts), originals_purged_at=None).values(
        "id", "state", "originals_purge_after"
    )
    planned = []
    for row in rows:
        because, started = starts[row["id"]]
        due = row["originals_purge_after"] or started + timedelta(days=retention_days)
        planned.append(
            PlannedPurge(row["id"], str(row["state"]), because, started, due.astimezone(UTC))
        )
    return sorted(planned, key=lambda p: (p.purge_after, str(p.submission_id)))


async def _purge_one(plan: PlannedPurge, now: datetime) -> bool:
    columns = _PURGED_ALWAYS + (_PURGED_ON_REJECTION if plan.because == "rejected" else ())
    async with in_transaction() as connection:
        count = (
            await Submission.filter(id=plan.submission_id, originals_purged_at=None)
            .exclude(state=SubmissionState.WITHDRAWN)
            .using_db(connection)
            .update(
                **dict.fromkeys(columns),
                originals_purged_at=now,
                originals_purge_after=plan.purge_after,
            )
        )
        if count != 1:
            return False  # another worker was first, or the survivor withdrew meanwhile
        await append_audit_event(
            connection,
            actor="system",
            action="submission.purge_originals",
            submission_id=plan.submission_id,
            data={
                "because": plan.because,
                "retention_days_from": rfc3339(plan.clock_started_at),
            },
        )
    return True


async def run_retention(retention_days: int, now: datetime | None = None) -> int:
    """Record every purge date, purge what is due; returns how many submissions were purged."""
    now = now or datetime.now(UTC)
    purged = 0
    for plan in await planned_purges(retention_days):
        if plan.purge_after > now:
            await Submission.filter(
                id=plan.submission_id, originals_purge_after=None, originals_purged_at=None
            ).update(originals_purge_after=plan.purge_after)
            continue
        if await _purge_one(plan, now):
            purged += 1
    return purged
