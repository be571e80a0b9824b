"""The second approval (four-eyes rule and leak guard), sending back, and rejection, stored."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation.approval import check_four_eyes, check_may_reject, clean_reason, guard_outcome
from moderation.public_text import PublicFinding, PublicText, leak_findings
from moderation.workflow import Actor, WorkflowError, check_transition
from stories_service.crypto import DecryptionError, FieldCipher, column_context
from stories_service.models import Revision, Submission
from stories_service.moderating.consent import consented_byline, newest_consent
from stories_service.moderating.organisation_terms import organisation_list
from stories_service.moderating.revisions import never_appear_terms, newest_revision, open_revision
from stories_service.moderating.transitions import (
    apply_transition,
    load_submission,
    transition,
)
from stories_service.redaction_warm_up import engine_ready

_SEALED_PREFIX = "enc:v1:"


def seal_override_reason(cipher: FieldCipher, submission_id: object, reason: str) -> str:
    """The override reason as stored: encrypted, since it may quote the words the guard found."""
    blob = cipher.encrypt(
        reason, column_context("submissions", "leak_override_reason", submission_id)
    )
    return _SEALED_PREFIX + base64.urlsafe_b64encode(blob).decode("ascii")


def open_override_reason(
    cipher: FieldCipher, submission_id: object, stored: str | None
) -> str | None:
    """The override reason in clear (older or foreign plain values are returned as they are)."""
    if stored is None or not stored.startswith(_SEALED_PREFIX):
        return stored
    blob = base64.urlsafe_b64decode(stored[len(_SEALED_PREFIX) :])
    return cipher.decrypt(
        blob, column_context("submissions", "leak_override_reason", submission_id)
    )


def open_rejection_reason(cipher: FieldCipher, submission: Submission) -> str | None:
    """The reason a submission was rejected, as the survivor reads it (None if none is kept)."""
    return cipher.decrypt_optional(
        submission.rejection_reason_enc,
        column_context("submissions", "rejection_reason", submission.id),
    )


async def _consented_byline(
    connection: BaseDBAsyncClient | None, submission: Submission, cipher: FieldCipher
) -> str | None:
    record = await newest_consent(submission.id, connection)
    if record is None:
        return None
    try:
        return consented_byline(record, cipher)
    except DecryptionError:
        return None  # publication refuses an unreadable name (and checks the byline again)


async def approval_findings(
    submission: Submission,
    revision: Revision,
    cipher: FieldCipher,
    connection: BaseDBAsyncClient | None = None,
) -> list[PublicFinding]:
    """The leak guard over a revision as it would go public, with the consented byline."""
    text = open_revision(revision, submission.id, cipher)
    public = PublicText(
        title=text.title,
        summary=text.summary,
        body_html=text.body,
        tags=text.tags,
        byline=await _consented_byline(connection, submission, cipher),
        language=submission.language,
    )
    listed = await organisation_list(cipher, connection)
    return leak_findings(public, never_appear_terms(submission, cipher), listed)


async def approve_submission(
    submission_id: UUID | str,
    actor: Actor,
    cipher: FieldCipher,
    override_reason: str | None = None,
) -> Submission:
    """``ready`` → ``approved`` by a second staff member, after the leak guard."""
    await engine_ready()  # before the transaction: the guard below runs inside it
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        rule = check_transition(submission, "approve", actor)
        revision = await newest_revision(submission.id, connection)
        if revision is None:
            raise WorkflowError("There is no revision to approve.")
        wrote_a_revision = await (
            Revision.filter(submission_id=submission.id, created_by_id=actor.staff_id)
            .using_db(connection)
            .exists()
        )
        check_four_eyes(actor, submission.redacted_by_id, wrote_a_revision)
        findings = await approval_findings(submission, revision, cipher, connection)
        outcome = guard_outcome(findings, override_reason)
        overridden = outcome["leak_guard"] == "overridden"
        await (
            Revision.filter(id=revision.id)
            .using_db(connection)
            .update(approved_at=datetime.now(UTC))
        )
        return await apply_transition(
            connection,
            submission,
            rule,
            actor,
            updates={
                "approved_by_id": actor.staff_id,
                "leak_override_reason": (
                    seal_override_reason(cipher, submission.id, (override_reason or "").strip())
                    if overridden
                    else None
                ),
            },
            audit_data={"revision": revision.number, **outcome},
        )


async def send_back(submission_id: UUID | str, actor: Actor, reason: str | None) -> Submission:
    """An editor returns a ready or approved submission to its moderator for more work."""
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        return await transition(
            connection,
            submission,
            "send_back",
            actor,
            updates={"approved_by_id": None, "claim_touched_at": datetime.now(UTC)},
            audit_data={"reason_given": bool((reason or "").strip())},
        )


TakeDown = Callable[[BaseDBAsyncClient, UUID], Awaitable[object]]


async def reject_submission(
    submission_id: UUID | str,
    actor: Actor,
    reason: str,
    cipher: FieldCipher,
    *,
    take_down: TakeDown | None = None,
) -> Submission:
    """Not published; the reason is shown to the survivor through their receipt code.

    A story rejected during a revision may still have a public copy: ``take_down`` (the
    publishing side's ``take_down_public_copy``) removes it in the same transaction.
    """
    text = clean_reason(reason, "a reason the survivor will read")
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        check_may_reject(submission, actor)
        rejected = await transition(
            connection,
            submission,
            "reject",
            actor,
            updates={
                "rejection_reason_enc": cipher.encrypt(
                    text, column_context("submissions", "rejection_reason", submission.id)
                ),
                "claimed_by_id": None,
                "claimed_at": None,
                "claim_touched_at": None,
            },
            audit_data={"reason_length": len(text)},
        )
        if take_down is not None:
            await take_down(connection, submission.id)
        return rejected
