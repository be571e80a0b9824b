"""The moderation queue: listing, claiming (atomically), releasing and expiring idle claims.

Two moderators can never hold the same submission. On PostgreSQL the candidate row is locked
with ``SELECT … FOR UPDATE SKIP LOCKED`` inside the claiming transaction, so concurrent claimers
skip each other's rows; on SQLite (one writer at a time) the conditional UPDATE in
``transitions.transition`` (``WHERE state = 'submitted' AND claimed_by IS NULL``) with its row-count
check is what decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation.states import SubmissionState
from moderation.workflow import Actor, IllegalTransition, NotFound
from stories_service.models import Submission
from stories_service.moderating.transitions import load_submission, transition

S = SubmissionState
QUEUE_PAGE_SIZE = 100
# A century: older filters mean "everything" and would overflow date arithmetic.
MAX_MIN_AGE_HOURS = 24 * 366 * 100
_MAX_STAFF_ID = 2**31 - 1  # the staff id column is a 32-bit integer
# How many already-taken candidates claim-next steps over on SQLite before giving up.
_SQLITE_CLAIM_ATTEMPTS = 20


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What a queue view shows: by state, language, claimant (``me``, ``none`` or an id) and
    age (only submissions waiting at least ``min_age_hours``)."""

    states: tuple[SubmissionState, ...] = (S.SUBMITTED,)
    language: str | None = None
    claimant: str | None = None
    min_age_hours: int | None = None
    limit: int = QUEUE_PAGE_SIZE


def _is_postgres(connection: BaseDBAsyncClient) -> bool:
    return connection.capabilities.dialect == "postgres"


async def list_queue(queue: QueueFilter, viewer_id: int | None = None) -> list[Submission]:
    """Submissions matching the filter, oldest first (the queue never shows story text)."""
    query = Submission.filter(state__in=[s.value for s in queue.states])
    if queue.language:
        query = query.filter(language=queue.language)
    if queue.claimant == "none":
        query = query.filter(claimed_by_id__isnull=True)
    elif queue.claimant == "me" and viewer_id is not None:
        query = query.filter(claimed_by_id=viewer_id)
    elif queue.claimant and queue.claimant.isascii() and queue.claimant.isdigit():
        claimant = int(queue.claimant)
        if claimant > _MAX_STAFF_ID:
            return []  # no such staff member
        query = query.filter(claimed_by_id=claimant)
    if queue.min_age_hours:
        hours = min(queue.min_age_hours, MAX_MIN_AGE_HOURS)
        cutoff = datetime.now(UTC) - timedelta(hours=hours)
        query = query.filter(created_at__lte=cutoff)
    return await query.order_by("created_at", "id").limit(queue.limit)


def _claim_updates(actor: Actor) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {"claimed_by_id": actor.staff_id, "claimed_at": now, "claim_touched_at": now}


async def claim_submission(submission_id: UUID | str, actor: Actor) -> Submission:
    """Claim one submission for ``actor``; 409 if someone else holds it or is claiming it now."""
    async with in_transaction() as connection:
        if _is_postgres(connection):
            submission = (
                await Submission.filter(id=submission_id)
                .using_db(connection)
                .select_for_update(skip_locked=True)
                .first()
            )
            if submission is None:
                # Either absent, or locked by a concurrent claimer: tell the two apart.
                if not await Submission.filter(id=submission_id).using_db(connection).exists():
                    raise NotFound("There is no such submission.")
                raise IllegalTransition("Another moderator is claiming this submission right now.")
        else:
            submission = await load_submission(connection, submission_id)
        return await transition(
            connection,
            submission,
            "claim",
            actor,
            updates=_claim_updates(actor),
            expect={"claimed_by_id__isnull": True},
        )


async def claim_next_submission(actor: Actor, language: str | None = None) -> Submission | None:
    """Claim the oldest unclaimed submitted story (in ``language`` if given); None if none."""
    if _is_postgres(connections.get("default")):
        return await _claim_next_postgres(actor, language)
    return await _claim_next_sqlite(actor, language)


def _waiting(language: str | None) -> Any:
    query = Submission.filter(state=S.SUBMITTED, claimed_by_id__isnull=True)
    return query.filter(language=language) if language else query


async def _claim_next_postgres(actor: Actor, language: str | None) -> Submission | None:
    async with in_transaction() as connection:
        submission = (
            await _waiting(language)
            .using_db(connection)
            .order_by("created_at", "id")
            .select_for_update(skip_locked=True)
            .first()
        )
        if submission is None:
            return None
        return await transition(
            connection, submission, "claim", actor, updates=_claim_updates(actor)
        )


async def _claim_next_sqlite(actor: Actor, language: str | None) -> Submission | None:
    skipped: list[UUID] = []
    for _ in range(_SQLITE_CLAIM_ATTEMPTS):
        query = _waiting(language)
        if skipped:
            query = query.exclude(id__in=skipped)
        candidate = await query.order_by("created_at", "id").first()
        if candidate is None:
            return None
        try:
            async with in_transaction() as connection:
                return await transition(
                    connection,
                    candidate,
                    "claim",
                    actor,
                    updates=_claim_updates(actor),
                    expect={"claimed_by_id__isnull": True},
                )
        except IllegalTransition:
            skipped.append(candidate.id)
    return None


async def revise_published(submission_id: UUID | str, actor: Actor) -> Submission:
    """Take a published (or unpublished) story back into review, claimed by ``actor``.

    The public text stays as it is until the new revision has been through consent and approval.
    """
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        return await transition(
            connection,
            submission,
            "revise",
            actor,
            updates={**_claim_updates(actor), "approved_by_id": None},
        )


async def release_submission(submission_id: UUID | str, actor: Actor) -> Submission:
    """Give a claimed submission back to the queue; no reason asked for."""
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        return await transition(
            connection,
            submission,
            "release",
            actor,
            updates={"claimed_by_id": None, "claimed_at": None, "claim_touched_at": None},
        )


async def touch_claim(submission: Submission) -> None:
    """Record that the claimant is still working, so the claim does not expire."""
    await Submission.filter(id=submission.id, state=S.IN_REVIEW).update(
        claim_touched_at=datetime.now(UTC)
    )


async def expire_idle_claims(idle_minutes: int, now: datetime | None = None) -> int:
    """Return claims idle for longer than ``idle_minutes`` to the queue; safe on many workers.

    Each expiry is a conditional update on the still-idle row, so two workers running this at
    once expire each claim once, and a moderator who touched the claim meanwhile keeps it.
    """
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(minutes=idle_minutes)
    stale = await Submission.filter(
        state=S.IN_REVIEW, claimed_by_id__isnull=False, claim_touched_at__lt=cutoff
    ).order_by("claim_touched_at")
    expired = 0
    for submission in stale:
        try:
            async with in_transaction() as connection:
                await transition(
                    connection,
                    submission,
                    "expire_claim",
                    Actor.system(),
                    updates={"claimed_by_id": None, "claimed_at": None, "claim_touched_at": None},
                    expect={
                        "claimed_by_id": submission.claimed_by_id,
                        "claim_touched_at__lt": cutoff,
                    },
                    audit_data={"idle_minutes": idle_minutes},
                )
            expired += 1
        except IllegalTransition:
            continue
    return expired
