"""Withdrawal of consent: from every state, the story's text goes and only a tombstone remains.

``withdraw()`` runs inside the caller's transaction: it makes the ``withdraw`` transition (state
check, role check, conditional update, audit event), deletes every row that holds the story's
text (revisions, consent records, the published copy, earlier outbox events that carried it),
empties every text column of the submission, leaves a tombstone if the story was ever public,
queues ``story.withdrawn`` and bumps the public change counter. ``withdraw_submission()`` is the
whole withdrawal in one transaction, then scrubs the database files of the deleted text (WAL
checkpoint, VACUUM) outside it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation.states import SubmissionState
from moderation.withdrawal import StaffWithdrawal, clean_staff_withdrawal
from moderation.workflow import Actor, check_transition
from stories_service.crypto import FieldCipher, column_context
from stories_service.models import (
    AuditEvent,
    ConsentRecord,
    OutboxEvent,
    PublishedStory,
    Revision,
    Tombstone,
)
from stories_service.moderating.transitions import apply_transition, load_submission
from stories_service.protection.journal import WithdrawalRecord, append_withdrawals
from stories_service.protection.scrub import scrub_deleted_rows
from stories_service.publishing.change_log import record_change
from stories_service.publishing.changes import bump_public_change
from stories_service.publishing.outbox import enqueue_event
from stories_service.settings import Settings
from stories_service.timefmt import rfc3339

WITHDRAWN_EVENT = "story.withdrawn"
# Tables whose rows held the story's text: the ones to scrub on disk after the commit.
TOUCHED_TABLES = (
    "submissions",
    "revisions",
    "consent_records",
    "published_stories",
    "outbox_events",
    "webhook_deliveries",
)
# Every column of a submission that holds survivor or staff-written text about the story.
_TEXT_COLUMNS = {
    "title_enc": None,
    "body_enc": None,
    "contact_enc": None,
    "never_appear_enc": None,
    "survivor_comment_enc": None,
    "rejection_reason_enc": None,
    "leak_override_reason": None,
}
_PUBLISH_ACTIONS = ("submission.publish", "submission.publish_due")


@dataclass(frozen=True, slots=True)
class WithdrawalResult:
    submission_id: UUID
    previous_state: SubmissionState
    was_public: bool
    slug: str | None
    entry_id: str | None
    withdrawn_at: datetime


async def was_ever_public(
    connection: BaseDBAsyncClient, submission_id: UUID, published: PublishedStory | None
) -> bool:
    """Whether readers (or syndication partners) may have seen the story."""
    if published is not None and published.published_at is not None:
        return True
    return (
        await AuditEvent.filter(submission_id=submission_id, action__in=_PUBLISH_ACTIONS)
        .using_db(connection)
        .exists()
    )


async def _delete_outbox_copies(
    connection: BaseDBAsyncClient, submission_id: UUID, slug: str | None
) -> int:
    """Delete earlier story events (published, updated) whose payload carried this story."""
    markers = {str(submission_id)} | ({slug} if slug else set())
    doomed = []
    async for event in OutboxEvent.filter(event_type__startswith="story.").using_db(connection):
        if event.event_type == WITHDRAWN_EVENT:
            continue
        text = json.dumps(event.payload, ensure_ascii=False)
        if any(marker in text for marker in markers):
            doomed.append(event.id)
    if doomed:
        await OutboxEvent.filter(id__in=doomed).using_db(connection).delete()
    return len(doomed)


async def announce_withdrawal(
    connection: BaseDBAsyncClient, tombstone: dict[str, str] | None, at: datetime | None = None
) -> None:
    """Queue ``story.withdrawn`` and log the removal for a story that had been public; drop
    every page cache."""
    if tombstone is not None:
        await enqueue_event(connection, WITHDRAWN_EVENT, tombstone)
        await record_change(
            connection,
            "removed",
            slug=tombstone["slug"],
            entry_id=tombstone["id"],
            at=at or datetime.now(UTC),
            reason="withdrawn",
        )
    else:
        await bump_public_change(connection)


async def withdraw(
    connection: BaseDBAsyncClient,
    submission_id: UUID | str,
    actor: Actor,
    *,
    reason: StaffWithdrawal | None = None,
    cipher: FieldCipher | None = None,
) -> WithdrawalResult:
    """Withdraw a submission in the caller's transaction; see the module docstring.

    Staff give a ``reason`` (``clean_staff_withdrawal``): its category is audited, its note is
    kept encrypted on the submission (``cipher`` is needed then), never in the audit log.
    """
    submission = await load_submission(connection, submission_id, lock=True)
    rule = check_transition(submission, "withdraw", actor)
    staff_reason = clean_staff_withdrawal(
        actor, reason.category if reason else None, reason.note if reason else None
    )
    previous = SubmissionState(submission.state)
    now = datetime.now(UTC)

    published = (
        await PublishedStory.filter(submission_id=submission.id).using_db(connection).first()
    )
    public = await was_ever_public(connection, submission.id, published)
    slug = published.slug if published else None
    entry_id = published.entry_id if published else None

    deleted = {
        "revisions": await Revision.filter(submission_id=submission.id)
        .using_db(connection)
        .delete(),
        "consent_records": await ConsentRecord.filter(submission_id=submission.id)
        .using_db(connection)
        .delete(),
        "published": await PublishedStory.filter(submission_id=submission.id)
        .using_db(connection)
        .delete(),
        "outbox_events": await _delete_outbox_copies(connection, submission.id, slug),
    }
    audit_data: dict[str, object] = {"was_public": public, "deleted": deleted}
    note_enc = None
    if staff_reason is not None:
        audit_data["on_behalf_of_survivor"] = True
        audit_data["reason_category"] = staff_reason.category.value
        audit_data["note_kept"] = staff_reason.note is not None
        if staff_reason.note is not None:
            if cipher is None:
                raise ValueError("a staff member's note is stored encrypted: pass the cipher")
            note_enc = cipher.encrypt(
                staff_reason.note, column_context("submissions", "withdrawal_note", submission.id)
            )
    await apply_transition(
        connection,
        submission,
        rule,
        actor,
        updates={
            **_TEXT_COLUMNS,
            "withdrawal_note_enc": note_enc,
            "withdrawn_at": now,
            "originals_purged_at": now,
            "originals_purge_after": None,
            "publish_at": None,
            "claimed_by_id": None,
            "claimed_at": None,
            "claim_touched_at": None,
        },
        audit_data=audit_data,
    )

    if public and slug and entry_id:
        tombstone = await Tombstone.filter(slug=slug).using_db(connection).first()
        if tombstone is None:
            await Tombstone.create(
                using_db=connection, slug=slug, entry_id=entry_id, withdrawn_at=now
            )
        await announce_withdrawal(
            connection, {"id": entry_id, "slug": slug, "withdrawn_at": rfc3339(now)}, now
        )
    else:
        await announce_withdrawal(connection, None)
    return WithdrawalResult(
        submission_id=submission.id,
        previous_state=previous,
        was_public=public,
        slug=slug,
        entry_id=entry_id,
        withdrawn_at=now,
    )


async def withdraw_submission(
    submission_id: UUID | str,
    actor: Actor,
    *,
    reason: StaffWithdrawal | None = None,
    cipher: FieldCipher | None = None,
    settings: Settings | None = None,
) -> WithdrawalResult:
    """Withdraw and delete the story's text, then scrub the database files of it, and append
    the withdrawal to the journal of ``settings`` (``protection.journal``) when given."""
    async with in_transaction() as connection:
        result = await withdraw(connection, submission_id, actor, reason=reason, cipher=cipher)
    if settings is not None:
        await append_withdrawals(
            settings.withdrawal_journal, [journal_record(result)], settings.secret_key
        )
    await scrub_deleted_rows(TOUCHED_TABLES)
    return result


def journal_record(result: WithdrawalResult) -> WithdrawalRecord:
    """What the journal keeps of a withdrawal: ids and a time, no text."""
    return WithdrawalRecord(
        submission_id=str(result.submission_id),
        slug=result.slug if result.was_public else None,
        entry_id=result.entry_id if result.was_public else None,
        withdrawn_at=rfc3339(result.withdrawn_at),
    )
