"""Revisions: what a moderator's version of a story may hold, and how two versions compare.

A revision holds the redacted title, summary and body (sanitised HTML), its content notes and
tags, and the redactions applied to make it as offsets and kinds only, never the words removed.
Storing them is ``stories_service.moderating.revisions``.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from moderation import redaction
from moderation.sanitize import plain_text
from moderation.states import StaffRole, SubmissionState
from moderation.workflow import Actor, ClaimableSubmission, IllegalTransition, NotAllowed


def N_(message: str) -> str:
    """Marks a label for translation (pybabel extracts ``N_``); it stays English here, in the
    rules and in the staff console, and is translated where readers see it."""
    return message


# The fixed content-note taxonomy (readers are warned with these before they read a story).
# ``none`` records that a moderator checked and the story needs no warning; it is shown nowhere.
# The labels are English source messages: pages and feeds show them in the reader's language
# (``stories_service.publishing.render.content_note_label``); see docs/i18n-glossary.md.
CONTENT_NOTES: dict[str, str] = {
    "violence": N_("Violence"),
    "torture": N_("Torture"),
    "sexual_violence": N_("Sexual violence"),
    "death_and_loss": N_("Death and loss"),
    "self_harm": N_("Self-harm and suicide"),
    "detention": N_("Detention and imprisonment"),
    "war": N_("War and armed conflict"),
    "child_abuse": N_("Child abuse"),
    "trafficking": N_("Trafficking and exploitation"),
    "displacement": N_("Forced displacement"),
    "none": "No content notes needed",  # staff-only: readers and survivors never see it
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


@dataclass(frozen=True, slots=True)
class WorkingText:
    """The text a moderator works on: the newest revision, or the original if there is none."""

    title: str
    summary: str
    body: str
    content_notes: list[str]
    tags: list[str]
    revision: int | None


class DraftInvalid(ValueError):
    """A revision draft that cannot be saved; ``fields`` says which field and why."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("invalid revision")
        self.fields = fields


def clean_tags(tags: list[str]) -> list[str]:
    """Tags lower-cased, with single spaces, each once, in the order given."""
    seen: list[str] = []
    for tag in tags:
        tag = " ".join(tag.strip().lower().split())
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def validate_draft(draft: RevisionDraft, body_html: str) -> dict[str, str]:
    """Problems with a draft whose body sanitises to ``body_html``, by field (empty: savable)."""
    problems: dict[str, str] = {}
    if not draft.title.strip():
        problems["title"] = "A title is needed."
    if not plain_text(body_html).strip():
        problems["body"] = "The story text is empty."
    unknown = [n for n in draft.content_notes if n not in CONTENT_NOTES]
    if unknown:
        problems["content_notes"] = "Unknown content notes: " + ", ".join(sorted(unknown)) + "."
    tags = clean_tags(draft.tags)
    if len(tags) > MAX_TAGS or any(len(t) > MAX_TAG_LENGTH for t in tags):
        problems["tags"] = f"At most {MAX_TAGS} tags of at most {MAX_TAG_LENGTH} characters."
    if draft.mode not in REDACTION_MODES:
        problems["mode"] = "Choose placeholder or pseudonym."
    return problems


def check_redactions(visible: str, spans: list[tuple[int, int, str]]) -> None:
    """Every span lies inside the visible text and names a kind the engine knows."""
    for start, end, kind in spans:
        if not (0 <= start < end <= len(visible)) or kind not in redaction.KINDS:
            raise DraftInvalid({"redactions": "A redaction lies outside the text or has no kind."})


def check_may_edit(submission: ClaimableSubmission, actor: Actor) -> None:
    """Revisions are saved while the story is in review, by its claimant (or an admin)."""
    if not actor.has_role(StaffRole.MODERATOR):
        raise NotAllowed("Your role may not edit a submission.")
    if submission.state != SubmissionState.IN_REVIEW:
        raise IllegalTransition(
            f"Cannot save a revision: the submission is {submission.state}; "
            "revisions are saved while it is in_review."
        )
    if actor.role != StaffRole.ADMIN and submission.claimed_by_id != actor.staff_id:
        raise NotAllowed("Only the moderator who claimed this submission can edit it.")


def diff_revisions(old: RevisionText, new: RevisionText) -> dict[str, Any]:
    """A line diff of each text field and the changes in notes and tags, from ``old`` to ``new``."""

    def lines(value: str) -> list[str]:
        return plain_text(value).splitlines() if "<" in value else value.splitlines()

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


def suggestions_for(
    body_html: str,
    never_appear: list[str],
    language: str | None,
    enabled: frozenset[str] | None = None,
    organisation_list: Sequence[redaction.ListedTerm] = (),
) -> list[redaction.Suggestion]:
    """The engine's suggestions over the visible text of ``body_html`` (with the terms of the
    organisation's list, when given)."""
    return redaction.detect_in_html(
        body_html,
        never_appear=never_appear,
        organisation_list=organisation_list,
        language=language,
        enabled=enabled,
    )
