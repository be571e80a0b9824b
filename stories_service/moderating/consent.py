"""The survivor's consent check stored: sending the redacted text for review, the survivor's
answer, attribution changes (always a new consent record, never an update), and reading the
name a survivor chose."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation.consent import (
    ConsentPreconditionFailed,
    check_byline,
    check_content_notes_set,
    clean_attribution,
    survivor_action,
)
from moderation.states import Attribution, SubmissionState
from moderation.workflow import Actor, IllegalTransition, Transition, check_transition
from stories_service.audit_log import append_audit_event
from stories_service.crypto import DecryptionError, FieldCipher, column_context
from stories_service.models import ConsentRecord, Revision, Submission
from stories_service.moderating.revisions import never_appear_terms, newest_revision
from stories_service.moderating.transitions import apply_transition, load_submission

# Called inside the transaction that appended a consent record, so that whatever shows the story
# (the public copy) follows the new consent as far as it may without an editor; supplied by the
# application layer.
ConsentChanged = Callable[[BaseDBAsyncClient, Submission], Awaitable[object]]


async def newest_consent(
    submission_id: UUID | str, connection: BaseDBAsyncClient | None = None
) -> ConsentRecord | None:
    """The consent record in force: the newest one."""
    query = ConsentRecord.filter(submission_id=submission_id)
    if connection is not None:
        query = query.using_db(connection)
    return await query.order_by("-id").first()


def chosen_name(record: ConsentRecord, cipher: FieldCipher) -> str | None:
    """The name the survivor chose to be shown with, or None (anonymous, or no name given).

    Raises DecryptionError when the name cannot be read. Intake binds the name to the
    submission id; records from before that may bind it to their own id."""
    if record.display_name_enc is None:
        return None
    for row_id in (record.submission_id, record.id):
        try:
            name = cipher.decrypt(
                record.display_name_enc, column_context("consent_records", "display_name", row_id)
            )
        except DecryptionError:
            continue
        return name.strip() or None
    raise DecryptionError("the display name cannot be read")


def consented_byline(record: ConsentRecord, cipher: FieldCipher) -> str | None:
    """The byline the record allows: the chosen name unless the story is anonymous."""
    if record.attribution == Attribution.ANONYMOUS:
        return None
    return chosen_name(record, cipher)


async def _ready_for_survivor(
    connection: BaseDBAsyncClient, submission: Submission, action: str, actor: Actor
) -> tuple[Transition, Revision]:
    rule = check_transition(submission, action, actor)
    revision = await newest_revision(submission.id, connection)
    if revision is None:
        raise ConsentPreconditionFailed("Save a redacted revision first.")
    check_content_notes_set(list(revision.content_notes or []))
    return rule, revision


async def send_for_consent(
    submission_id: UUID | str,
    actor: Actor,
    *,
    revision: int | None = None,
    unredacted_confirmed: bool = False,
) -> Submission:
    """Put the newest revision in front of the survivor (content notes must be set). With
    ``revision``, only if that is still the newest one (the one the moderator checked, see
    ``moderating.replacements.check_before_sending``); ``unredacted_confirmed`` records in the
    audit log that the moderator confirmed sending a text with nothing replaced."""
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        rule, newest = await _ready_for_survivor(connection, submission, "send_for_consent", actor)
        if revision is not None and newest.number != revision:
            raise ConsentPreconditionFailed(
                f"Revision {newest.number} was saved after the one you checked "
                f"({revision}): read it before sending it to the survivor."
            )
        audit_data: dict[str, Any] = {"revision": newest.number}
        if unredacted_confirmed:
            audit_data["unredacted_confirmed"] = True
        return await apply_transition(
            connection,
            submission,
            rule,
            actor,
            updates={"redacted_by_id": actor.staff_id, "survivor_comment_enc": None},
            audit_data=audit_data,
        )


async def skip_consent(submission_id: UUID | str, actor: Actor) -> Submission:
    """Go straight to ``ready``; only when the newest consent record waived the review."""
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        rule, revision = await _ready_for_survivor(connection, submission, "skip_consent", actor)
        consent = await newest_consent(submission.id, connection)
        if consent is None or consent.review_before_publish:
            raise ConsentPreconditionFailed(
                "The survivor asked to review the final text; send it for consent instead."
            )
        return await apply_transition(
            connection,
            submission,
            rule,
            actor,
            updates={"redacted_by_id": actor.staff_id, "survivor_comment_enc": None},
            audit_data={"revision": revision.number, "consent_record": consent.id},
        )


async def survivor_decides(
    submission: Submission, decision: str, comment: str | None, cipher: FieldCipher
) -> Submission:
    """The survivor approves the text under review, or asks for changes with a comment."""
    action, comment = survivor_action(decision, comment)
    actor = Actor.survivor()
    async with in_transaction() as connection:
        current = await load_submission(connection, submission.id, lock=True)
        rule = check_transition(current, action, actor)
        revision = await newest_revision(current.id, connection)
        if revision is None:
            raise ConsentPreconditionFailed("There is no text to review yet.")
        now = datetime.now(UTC)
        sealed = cipher.encrypt_optional(
            comment or None, column_context("submissions", "survivor_comment", current.id)
        )
        updates: dict[str, Any] = {"survivor_comment_enc": sealed}
        if action == "survivor_approve":
            await (
                Revision.filter(id=revision.id)
                .using_db(connection)
                .update(survivor_approved_at=now)
            )
        else:
            updates["claim_touched_at"] = now
        return await apply_transition(
            connection,
            current,
            rule,
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
    ``on_consent_changed(connection, submission)`` in the same transaction.

    A name on the survivor's never-appear list is refused (``BylineOnNeverAppearList``) before
    anything is written: the leak guard would refuse it at publication anyway."""
    chosen, name = clean_attribution(attribution, display_name)
    actor = actor or Actor.survivor()
    async with in_transaction() as connection:
        current = await load_submission(connection, submission.id, lock=True)
        if current.state == SubmissionState.WITHDRAWN:
            raise IllegalTransition("The story was withdrawn; there is nothing to attribute.")
        check_byline(name, never_appear_terms(current, cipher))
        previous = await newest_consent(current.id, connection)
        if previous is None:
            raise ConsentPreconditionFailed("This submission has no consent record.")
        record = await ConsentRecord.create(
            using_db=connection,
            submission_id=current.id,
            publish=previous.publish,
            attribution=chosen,
            display_name_enc=cipher.encrypt_optional(
                name, column_context("consent_records", "display_name", current.id)
            ),
            review_before_publish=previous.review_before_publish,
            syndicate=previous.syndicate,
            search_indexing=previous.search_indexing,
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
                "attribution": chosen.value,
            },
        )
        # The public copy follows in the same transaction: anonymity at once, a new name once an
        # editor confirms it (moderation.consent.byline_to_show).
        await on_consent_changed(connection, current)
    return record
