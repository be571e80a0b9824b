"""Revisions: the moderator's versions of a story, saved encrypted, compared as a diff.

A revision stores the redacted title, summary and body (sanitised HTML), its content notes and
tags, and the redactions applied to make it as offsets and kinds only, never the words removed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation import redaction
from moderation.audit import append_audit_event
from moderation.states import StaffRole, SubmissionState
from moderation.workflow import Actor, IllegalTransition, NotAllowed, load_submission
from stories_service.crypto import FieldCipher, column_context, revision_context
from stories_service.models import Revision, Submission
from stories_service.sanitize import html_to_text, sanitize_story_html

# The fixed content-note taxonomy (readers are warned with these before they read a story).
# ``none`` records that a moderator checked and the story needs no warning; it is shown nowhere.
CONTENT_NOTES: dict[str, str] = {
    "violence": "Violence",
    "torture": "Torture",
    "sexual_violence": "Sexual violence",
    "death_and_loss": "Death and loss",
    "self_harm": "Self-harm and suicide",
    "detention": "Detention and imprisonment",
    "war": "War and armed conflict",
    "child_abuse": "Child abuse",
    "trafficking": "Trafficking and exploitation",
    "displacement": "Forced displacement",
    "none": "No content notes needed",
}
MAX_TAGS = 12
MAX_TAG_LENGTH = 40
REDACTION_MODES = ("placeholder", "pseudonym")


@dataclass(frozen=True, slots=True)
class RevisionDraft:
    """What a moderator saves; ``redactions`` are spans over the body's visible text."""

    title: str
    summary: str
    body: str
    content_notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    redactions: list[tuple[int, int, str]] = field(default_factory=list)
    mode: str = "placeholder"


@dataclass(frozen=True, slots=True)
class RevisionText:
    number: int
    title: str
    summary: str
    body: str
    content_notes: list[str]
    tags: list[str]
    redactions: list[dict[str, Any]]
    created_by_id: int | None
    created_at: datetime


class DraftInvalid(ValueError):
    """A revision draft that cannot be saved; ``fields`` says which field and why."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("invalid revision")
        self.fields = fields


def _clean_tags(tags: list[str]) -> list[str]:
    seen: list[str] = []
    for tag in tags:
        tag = " ".join(tag.strip().lower().split())
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def validate_draft(draft: RevisionDraft) -> dict[str, str]:
    """Problems with a draft, by field (empty when it can be saved)."""
    problems: dict[str, str] = {}
    if not draft.title.strip():
        problems["title"] = "A title is needed."
    if not html_to_text(sanitize_story_html(draft.body)).strip():
        problems["body"] = "The story text is empty."
    unknown = [n for n in draft.content_notes if n not in CONTENT_NOTES]
    if unknown:
        problems["content_notes"] = "Unknown content notes: " + ", ".join(sorted(unknown)) + "."
    tags = _clean_tags(draft.tags)
    if len(tags) > MAX_TAGS or any(len(t) > MAX_TAG_LENGTH for t in tags):
        problems["tags"] = f"At most {MAX_TAGS} tags of at most {MAX_TAG_LENGTH} characters."
    if draft.mode not in REDACTION_MODES:
        problems["mode"] = "Choose placeholder or pseudonym."
    return problems


def _check_redactions(visible: str, spans: list[tuple[int, int, str]]) -> None:
    for start, end, kind in spans:
        if not (0 <= start < end <= len(visible)) or kind not in redaction.KINDS:
            raise DraftInvalid({"redactions": "A redaction lies outside the text or has no kind."})


def _check_may_edit(submission: Submission, actor: Actor) -> None:
    if not actor.has_role(StaffRole.MODERATOR):
        raise NotAllowed("Your role may not edit a submission.")
    if submission.state != SubmissionState.IN_REVIEW:
        raise IllegalTransition(
            f"Cannot save a revision: the submission is {submission.state}; "
            "revisions are saved while it is in_review."
        )
    claimant = submission.claimed_by_id  # type: ignore[attr-defined]
    if actor.role != StaffRole.ADMIN and claimant != actor.staff_id:
        raise NotAllowed("Only the moderator who claimed this submission can edit it.")


async def save_revision(
    submission_id: UUID | str, actor: Actor, draft: RevisionDraft, cipher: FieldCipher
) -> Revision:
    """Sanitise, apply the redactions, encrypt and store the next revision; audited."""
    problems = validate_draft(draft)
    if problems:
        raise DraftInvalid(problems)
    body_html = sanitize_story_html(draft.body)
    if draft.redactions:
        _check_redactions(redaction.html_to_text(body_html).text, draft.redactions)
        body_html = redaction.apply_redactions(
            body_html,
            draft.redactions,
            mode=draft.mode,
            html=True,  # type: ignore[arg-type]
        )
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        _check_may_edit(submission, actor)
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
            tags=_clean_tags(draft.tags),
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
    revision: Revision, submission_id: UUID | str, cipher: FieldCipher
) -> RevisionText:
    """Decrypt a revision for the staff console and API."""

    def unseal(column: str) -> str:
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
        created_by_id=revision.created_by_id,  # type: ignore[attr-defined]
        created_at=revision.created_at,
    )


async def newest_revision(
    submission_id: UUID | str, connection: BaseDBAsyncClient | None = None
) -> Revision | None:
    """The submission's newest revision (highest number), or None before the first one."""
    query = Revision.filter(submission_id=submission_id)
    if connection is not None:
        query = query.using_db(connection)
    return await query.order_by("-number").first()


@dataclass(frozen=True, slots=True)
class WorkingText:
    """The text a moderator works on: the newest revision, or the original if there is none."""

    title: str
    summary: str
    body: str
    content_notes: list[str]
    tags: list[str]
    revision: int | None


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


async def working_text(submission: Submission, cipher: FieldCipher) -> WorkingText:
    revision = await newest_revision(submission.id)
    if revision is not None:
        text = open_revision(revision, submission.id, cipher)
        return WorkingText(
            text.title, text.summary, text.body, text.content_notes, text.tags, text.number
        )
    title, body = original_text(submission, cipher)
    return WorkingText(title, "", body, [], [], None)


def suggestions_for(
    body_html: str,
    never_appear: list[str],
    language: str | None,
    enabled: frozenset[str] | None = None,
) -> list[redaction.Suggestion]:
    """The engine's suggestions over the visible text of ``body_html``."""
    return redaction.detect_in_html(
        body_html, never_appear=never_appear, language=language, enabled=enabled
    )


def diff_revisions(old: RevisionText, new: RevisionText) -> dict[str, Any]:
    """A line diff of each text field and the changes in notes and tags, from ``old`` to ``new``."""

    def lines(value: str) -> list[str]:
        return html_to_text(value).splitlines() if "<" in value else value.splitlines()

    fields = {}
    for name in ("title", "summary", "body"):
        before, after = lines(getattr(old, name)), lines(getattr(new, name))
        fields[name] = [
            {"op": line[:1], "text": line[2:]}
            for line in difflib.ndiff(before, after)
            if not line.startswith("?")
        ]
    return {
        "from": old.number,
        "to": new.number,
        "fields": fields,
        "content_notes": {
            "added": sorted(set(new.content_notes) - set(old.content_notes)),
            "removed": sorted(set(old.content_notes) - set(new.content_notes)),
        },
        "tags": {
            "added": sorted(set(new.tags) - set(old.tags)),
            "removed": sorted(set(old.tags) - set(new.tags)),
        },
    }
