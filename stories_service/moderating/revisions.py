"""Revisions stored: saved encrypted, read back, and the newest one found.

The rules (what a draft may hold, who may save it, how two versions compare) are in
``moderation.revisions``; this module loads and stores.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal, cast
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation import redaction
from moderation.markup_limits import TooMuchMarkup
from moderation.revisions import (
    DraftInvalid,
    RevisionDraft,
    RevisionText,
    WorkingText,
    check_may_edit,
    check_redactions,
    clean_tags,
    validate_draft,
)
from moderation.workflow import Actor
from stories_service.audit_log import append_audit_event
from stories_service.crypto import FieldCipher, column_context, revision_context
from stories_service.models import Revision, Submission
from stories_service.moderating.transitions import load_submission
from stories_service.redaction_warm_up import engine_ready
from stories_service.sanitizing import sanitize_story


async def save_revision(
    submission_id: UUID | str, actor: Actor, draft: RevisionDraft, cipher: FieldCipher
) -> Revision:
    """Sanitise, apply the redactions, encrypt and store the next revision; audited."""
    try:
        body_html = await sanitize_story(draft.body)
    except TooMuchMarkup as error:
        raise DraftInvalid({"body": error.message}) from None
    await engine_ready()
    problems = validate_draft(draft, body_html)
    if problems:
        raise DraftInvalid(problems)
    if draft.redactions:
        check_redactions(redaction.html_to_text(body_html).text, draft.redactions)
        body_html = redaction.apply_redactions(
            body_html,
            draft.redactions,
            mode=cast(Literal["placeholder", "pseudonym"], draft.mode),  # validate_draft checked
            html=True,
        )
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        check_may_edit(submission, actor)
        last = await newest_revision(submission.id, connection)
        number = (last.number + 1) if last else 1

        def seal(column: str, value: str) -> bytes:
            return cipher.encrypt(value, revision_context(column, submission.id, number))

        revision = await Revision.create(
            using_db=connection,
            submission_id=submission.id,
            number=number,
            title_enc=seal("title", draft.title.strip()),
            summary_enc=seal("summary", draft.summary.strip()),
            body_enc=seal("body", body_html),
            content_notes=sorted(set(draft.content_notes)),
            tags=clean_tags(draft.tags),
            redactions=[
                {"start": s, "end": e, "kind": k} for s, e, k in sorted(set(draft.redactions))
            ],
            created_by_id=actor.staff_id,
        )
        await (
            Submission.filter(id=submission.id)
            .using_db(connection)
            .update(claim_touched_at=datetime.now(UTC))
        )
        await append_audit_event(
            connection,
            actor=actor.audit_name,
            action="submission.revision",
            submission_id=submission.id,
            from_state=submission.state,
            to_state=submission.state,
            data={"revision": number, "redactions": len(draft.redactions)},
        )
    return revision


def open_revision(
    revision: Revision, submission_id: UUID | str, cipher: FieldCipher, *, title_only: bool = False
) -> RevisionText:
    """Decrypt a revision for the staff console and API; with ``title_only`` the summary and
    body stay sealed (empty here) for staff who may not read the survivor text (the working
    title is what the queue shows to every moderator)."""

    def unseal(column: str) -> str:
        if title_only and column != "title":
            return ""
        blob = getattr(revision, f"{column}_enc")
        return cipher.decrypt(blob, revision_context(column, submission_id, revision.number))

    return RevisionText(
        number=revision.number,
        title=unseal("title"),
        summary=unseal("summary"),
        body=unseal("body"),
        content_notes=list(revision.content_notes or []),
        tags=list(revision.tags or []),
        redactions=list(revision.redactions or []),
        created_by_id=revision.created_by_id,
        created_at=revision.created_at,
    )


async def newest_revision(
    submission_id: UUID | str,
    connection: BaseDBAsyncClient | None = None,
    *,
    approved: bool = False,
) -> Revision | None:
    """The submission's newest revision (highest number), or None before the first one;
    with ``approved``, the newest one an editor approved."""
    query = Revision.filter(submission_id=submission_id)
    if approved:
        query = query.filter(approved_at__isnull=False)
    if connection is not None:
        query = query.using_db(connection)
    return await query.order_by("-number").first()


def original_text(submission: Submission, cipher: FieldCipher) -> tuple[str, str]:
    """The survivor's original title and body (HTML); staff console and API only."""

    def unseal(column: str) -> str:
        blob = getattr(submission, f"{column}_enc")
        if blob is None:
            return ""
        return cipher.decrypt(blob, column_context("submissions", column, submission.id))

    return unseal("title"), unseal("body")


def never_appear_terms(submission: Submission, cipher: FieldCipher) -> list[str]:
    """The submitter's never-appear list, decrypted."""
    if submission.never_appear_enc is None:
        return []
    value = cipher.decrypt_json(
        submission.never_appear_enc,
        column_context("submissions", "never_appear", submission.id),
    )
    return [str(term) for term in value] if isinstance(value, list) else []


async def working_text(
    submission: Submission, cipher: FieldCipher, *, title_only: bool = False
) -> WorkingText:
    """The newest revision, or the original before the first one. With ``title_only`` (staff
    who may not read the survivor text) only the newest revision's working title is opened,
    and before the first revision nothing is: the survivor's own title stays sealed."""
    revision = await newest_revision(submission.id)
    if revision is not None:
        text = open_revision(revision, submission.id, cipher, title_only=title_only)
        return WorkingText(
            text.title, text.summary, text.body, text.content_notes, text.tags, text.number
        )
    if title_only:
        return WorkingText("", "", "", [], [], None)
    title, body = original_text(submission, cipher)
    return WorkingText(title, "", body, [], [], None)
