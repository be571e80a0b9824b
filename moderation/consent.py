"""The survivor's consent check: sending the redacted text for review, the survivor's answer,
and attribution changes (always a new consent record, never an update)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation.audit import append_audit_event
from moderation.revisions import newest_revision
from moderation.states import Attribution, SubmissionState
from moderation.workflow import (
    Actor,
    IllegalTransition,
    WorkflowError,
    check_transition,
    load_submission,
    transition,
)
from stories_service.crypto import FieldCipher, column_context
from stories_service.models import ConsentRecord, Revision, Submission

# Called inside the transaction that appended a consent record, so that whatever shows the story
# (the public copy) follows the new consent at once; supplied by the application layer.
ConsentChanged = Callable[[BaseDBAsyncClient, Submission], Awaitable[object]]

MAX_COMMENT_LENGTH = 5000
MAX_DISPLAY_NAME_LENGTH = 80


class ConsentPreconditionFailed(WorkflowError):
    status = 409
    code = "precondition_failed"


class ConsentInputInvalid(WorkflowError):
    status = 422
    code = "invalid_fields"


async def newest_consent(
    submission_id: UUID | str, connection: BaseDBAsyncClient | None = None
) -> ConsentRecord | None:
    """The consent record in force: the newest one."""
    query = ConsentRecord.filter(submission_id=submission_id)
    if connection is not None:
        query = query.using_db(connection)
    return await query.order_by("-id").first()


async def _ready_for_survivor(
    connection: BaseDBAsyncClient, submission: Submission, action: str, actor: Actor
) -> Revision:
    check_transition(submission, action, actor)
    revision = await newest_revision(submission.id, connection)
    if revision is None:
        raise ConsentPreconditionFailed("Save a redacted revision first.")
    if not revision.content_notes:
        raise ConsentPreconditionFailed(
            "Set the content notes first (choose 'none' if the story needs no warning)."
        )
    return revision


async def send_for_consent(submission_id: UUID | str, actor: Actor) -> Submission:
    """Put the newest revision in front of the survivor (content notes must be set)."""
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        revision = await _ready_for_survivor(connection, submission, "send_for_consent", actor)
        return await transition(
            connection,
            submission,
            "send_for_consent",
            actor,
            updates={"redacted_by_id": actor.staff_id, "survivor_comment_enc": None},
            audit_data={"revision": revision.number},
        )


async def skip_consent(submission_id: UUID | str, actor: Actor) -> Submission:
    """Go straight to ``ready``; only when the newest consent record waived the review."""
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        revision = await _ready_for_survivor(connection, submission, "skip_consent", actor)
        consent = await newest_consent(submission.id, connection)
        if consent is None or consent.review_before_publish:
            raise ConsentPreconditionFailed(
                "The survivor asked to review the final text; send it for consent instead."
            )
        return await transition(
            connection,
            submission,
            "skip_consent",
            actor,
            updates={"redacted_by_id": actor.staff_id, "survivor_comment_enc": None},
            audit_data={"revision": revision.number, "consent_record": consent.id},
        )


async def survivor_decides(
    submission: Submission, decision: str, comment: str | None, cipher: FieldCipher
) -> Submission:
    """The survivor approves the text under review, or asks for changes with a comment."""
    if decision not in {"approve", "request_changes"}:
        raise IllegalTransition("The decision must be approve or request_changes.")
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT_LENGTH:
        raise ConsentInputInvalid(f"The comment is longer than {MAX_COMMENT_LENGTH}.")
    actor = Actor.survivor()
    async with in_transaction() as connection:
        current = await load_submission(connection, submission.id, lock=True)
        action = "survivor_approve" if decision == "approve" else "survivor_request_changes"
        check_transition(current, action, actor)
        revision = await newest_revision(current.id, connection)
        if revision is None:
            raise ConsentPreconditionFailed("There is no text to review yet.")
        now = datetime.now(UTC)
        sealed = cipher.encrypt_optional(
            comment or None, column_context("submissions", "survivor_comment", current.id)
        )
        if decision == "approve":
            await (
                Revision.filter(id=revision.id)
                .using_db(connection)
                .update(survivor_approved_at=now)
            )
            updates = {"survivor_comment_enc": sealed}
        else:
            updates = {"survivor_comment_enc": sealed, "claim_touched_at": now}
        return await transition(
            connection,
            current,
            action,
            actor,
            updates=updates,
            audit_data={"revision": revision.number, "comment": bool(comment)},
        )


def survivor_comment(submission: Submission, cipher: FieldCipher) -> str | None:
    """The survivor's latest comment, for the moderator."""
    return cipher.decrypt_optional(
        submission.survivor_comment_enc,
        column_context("submissions", "survivor_comment", submission.id),
    )


async def change_attribution(
    submission: Submission,
    attribution: Attribution | str,
    display_name: str | None,
    cipher: FieldCipher,
    actor: Actor | None = None,
    *,
    on_consent_changed: ConsentChanged,
) -> ConsentRecord:
    """Append a consent record that copies the newest one with a new attribution, then call
    ``on_consent_changed(connection, submission)`` in the same transaction."""
    attribution = Attribution(attribution)
    display_name = (display_name or "").strip() or None
    if attribution == Attribution.ANONYMOUS:
        display_name = None
    elif display_name is None or len(display_name) > MAX_DISPLAY_NAME_LENGTH:
        raise ConsentInputInvalid(
            f"Give the name to show (at most {MAX_DISPLAY_NAME_LENGTH} characters)."
        )
    actor = actor or Actor.survivor()
    async with in_transaction() as connection:
        current = await load_submission(connection, submission.id, lock=True)
        if current.state == SubmissionState.WITHDRAWN:
            raise IllegalTransition("The story was withdrawn; there is nothing to attribute.")
        previous = await newest_consent(current.id, connection)
        if previous is None:
            raise ConsentPreconditionFailed("This submission has no consent record.")
        record = await ConsentRecord.create(
            using_db=connection,
            submission_id=current.id,
            publish=previous.publish,
            attribution=attribution,
            display_name_enc=cipher.encrypt_optional(
                display_name, column_context("consent_records", "display_name", current.id)
            ),
            review_before_publish=previous.review_before_publish,
            syndicate=previous.syndicate,
            languages=previous.languages,
            wording_version=previous.wording_version,
            wording_language=previous.wording_language,
            wording_hash=previous.wording_hash,
            recorded_by="survivor" if actor.kind == "survivor" else "staff",
            recorded_by_staff_id=actor.staff_id,
        )
        await append_audit_event(
            connection,
            actor=actor.audit_name,
            action="consent.attribution",
            submission_id=current.id,
            from_state=current.state,
            to_state=current.state,
            data={
                "consent_record": record.id,
                "previous": previous.id,
                "attribution": attribution.value,
            },
        )
        # A published story shows the new byline at once (same transaction).
        await on_consent_changed(connection, current)
    return record


def display_name(record: ConsentRecord, cipher: FieldCipher) -> str | None:
    return cipher.decrypt_optional(
        record.display_name_enc,
        column_context("consent_records", "display_name", record.submission_id),  # type: ignore[attr-defined]
    )
