"""The second approval (four-eyes rule and leak guard), sending back, and rejection."""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation import redaction
from moderation.consent import display_name, newest_consent
from moderation.revisions import never_appear_terms, newest_revision, open_revision
from moderation.states import Attribution, StaffRole, SubmissionState
from moderation.workflow import (
    Actor,
    NotAllowed,
    WorkflowError,
    check_transition,
    load_submission,
    transition,
)
from stories_service.crypto import DecryptionError, FieldCipher, column_context
from stories_service.models import Revision, Submission

MAX_REASON_LENGTH = 2000
MIN_OVERRIDE_REASON_LENGTH = 10


class FourEyesViolation(NotAllowed):
    code = "four_eyes"


class LeakGuardRefused(WorkflowError):
    """The text about to go public still holds a listed term or a high-confidence detection."""

    status = 409
    code = "leak_guard"


class ReasonRequired(WorkflowError):
    status = 422
    code = "reason_required"


def _clean_reason(reason: str | None, what: str, minimum: int = 1) -> str:
    reason = (reason or "").strip()
    if len(reason) < minimum:
        raise ReasonRequired(
            f"Write {what} (at least {minimum} characters).", extra={"fields": {"reason": what}}
        )
    if len(reason) > MAX_REASON_LENGTH:
        raise ReasonRequired(f"The reason is longer than {MAX_REASON_LENGTH} characters.")
    return reason


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


async def leak_guard_findings(
    submission: Submission,
    revision: Revision,
    cipher: FieldCipher,
    *,
    byline: str | None = None,
) -> list[redaction.Finding]:
    """The leak guard's findings in a revision's title, summary, body and tags (approve,
    publish), and the byline against the never-appear list (a chosen name is a name)."""
    text = open_revision(revision, submission.id, cipher)
    terms = never_appear_terms(submission, cipher)
    findings = redaction.check_publishable(
        text.body, terms, html=True, language=submission.language
    )
    for plain in (text.title, text.summary, *(str(tag) for tag in revision.tags or [])):
        findings += redaction.check_publishable(
            plain, terms, html=False, language=submission.language
        )
    if byline:
        findings += [
            f
            for f in redaction.check_publishable(byline, terms, html=False)
            if f.kind == "never_appear"
        ]
    return findings


async def _consented_byline(
    connection: BaseDBAsyncClient, submission: Submission, cipher: FieldCipher
) -> str | None:
    record = await newest_consent(submission.id, connection)
    if record is None or record.attribution == Attribution.ANONYMOUS:
        return None
    try:
        return display_name(record, cipher)
    except DecryptionError:
        return None  # publication refuses an unreadable name (and checks the byline again)


def guard_outcome(findings: list[redaction.Finding], override_reason: str | None) -> dict[str, Any]:
    """Raise LeakGuardRefused unless clean or overridden; the audit data for the outcome."""
    if not findings:
        return {"leak_guard": "clean"}
    if not (override_reason or "").strip():
        raise LeakGuardRefused(
            "The leak guard found identifying details still in the text. Redact them, or "
            "override with a written reason (override_reason).",
            extra={"findings": [f.as_dict() for f in findings]},
        )
    reason = _clean_reason(override_reason, "why publishing is safe", MIN_OVERRIDE_REASON_LENGTH)
    kinds = Counter(f.kind for f in findings)
    return {
        "leak_guard": "overridden",
        "findings": len(findings),
        "kinds": dict(sorted(kinds.items())),
        # The reason may quote the flagged words: the audit keeps a fingerprint, not the text.
        "override_reason_sha256": hashlib.sha256(reason.encode("utf-8")).hexdigest(),
    }


async def _newest_revision(connection: BaseDBAsyncClient, submission_id: UUID) -> Revision:
    revision = await newest_revision(submission_id, connection)
    if revision is None:
        raise WorkflowError("There is no revision to approve.")
    return revision


async def check_four_eyes(
    connection: BaseDBAsyncClient, submission: Submission, actor: Actor
) -> None:
    """The approving editor must not have redacted the submission or written any revision."""
    redactor = submission.redacted_by_id  # type: ignore[attr-defined]
    wrote_a_revision = await (
        Revision.filter(submission_id=submission.id, created_by_id=actor.staff_id)
        .using_db(connection)
        .exists()
    )
    if actor.staff_id is not None and (actor.staff_id == redactor or wrote_a_revision):
        raise FourEyesViolation(
            "Four-eyes rule: someone other than the staff member who redacted this story "
            "must approve it."
        )


async def approve_submission(
    submission_id: UUID | str,
    actor: Actor,
    cipher: FieldCipher,
    override_reason: str | None = None,
) -> Submission:
    """``ready`` → ``approved`` by a second staff member, after the leak guard."""
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        check_transition(submission, "approve", actor)
        revision = await _newest_revision(connection, submission.id)
        await check_four_eyes(connection, submission, actor)
        byline = await _consented_byline(connection, submission, cipher)
        findings = await leak_guard_findings(submission, revision, cipher, byline=byline)
        outcome = guard_outcome(findings, override_reason)
        overridden = outcome["leak_guard"] == "overridden"
        await (
            Revision.filter(id=revision.id)
            .using_db(connection)
            .update(approved_at=datetime.now(UTC))
        )
        return await transition(
            connection,
            submission,
            "approve",
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


def check_may_reject(submission: Submission, actor: Actor) -> None:
    """Who may reject depends on how far the story got: from ``in_review`` (and while the
    survivor reads it) only the claimant or an admin; from ``ready`` on, an editor or higher."""
    if actor.kind != "staff":
        return
    state = SubmissionState(submission.state)
    claimant = submission.claimed_by_id  # type: ignore[attr-defined]
    is_claimant = claimant == actor.staff_id or actor.has_role(StaffRole.ADMIN)
    if state in {SubmissionState.IN_REVIEW, SubmissionState.AWAITING_CONSENT} and not is_claimant:
        raise NotAllowed("Only the moderator who claimed this submission can reject it.")
    if state in {SubmissionState.READY, SubmissionState.APPROVED} and not actor.has_role(
        StaffRole.EDITOR
    ):
        raise NotAllowed("Rejecting a story that is ready or approved needs an editor.")


TakeDown = Callable[[BaseDBAsyncClient, UUID], Awaitable[object]]


async def reject_submission(
    submission_id: UUID | str, actor: Actor, reason: str, *, take_down: TakeDown | None = None
) -> Submission:
    """Not published; the reason is shown to the survivor through their receipt code.

    A story rejected during a revision may still have a public copy: ``take_down`` (the
    publishing side's ``take_down_public_copy``) removes it in the same transaction.
    """
    text = _clean_reason(reason, "a reason the survivor will read")
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        check_transition(submission, "reject", actor)
        check_may_reject(submission, actor)
        rejected = await transition(
            connection,
            submission,
            "reject",
            actor,
            updates={
                "rejection_reason": text,
                "claimed_by_id": None,
                "claimed_at": None,
                "claim_touched_at": None,
            },
            audit_data={"reason_length": len(text)},
        )
        if take_down is not None:
            await take_down(connection, submission.id)
        return rejected
