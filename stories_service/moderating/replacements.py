"""What was replaced in a revision, loaded, and the check before a text goes to the survivor.

The rules (which kinds were replaced, when a moderator must confirm) are in
``moderation.replacements``; this module reads the revisions and runs the engine.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from moderation.consent import ConsentPreconditionFailed
from moderation.replacements import check_unredacted_confirmed, replaced_kinds
from moderation.workflow import Actor, check_transition
from stories_service.crypto import FieldCipher, revision_context
from stories_service.instruments import timed_suggestions
from stories_service.models import Revision, Submission
from stories_service.moderating.organisation_terms import organisation_list
from stories_service.moderating.revisions import never_appear_terms, newest_revision
from stories_service.redaction_warm_up import engine_ready


async def replaced_up_to(submission_id: UUID | str, number: int) -> list[str]:
    """The redaction kinds applied in revisions 1 to ``number`` of a submission: each revision
    is made from the one before, so revision ``number`` carries all of them."""
    rows: list[Any] = await Revision.filter(
        submission_id=submission_id, number__lte=number
    ).values_list("redactions", flat=True)
    return replaced_kinds(row or [] for row in rows)


@dataclass(frozen=True, slots=True)
class CheckedRevision:
    """The revision a moderator is about to send, as checked: its number, the kinds replaced
    up to it, and the kind of each redaction the engine still suggests in it."""

    number: int
    replaced: list[str]
    open_suggestions: list[str]


async def check_before_sending(
    submission: Submission,
    actor: Actor,
    cipher: FieldCipher,
    detectors: frozenset[str] | None,
    *,
    confirmed: bool,
) -> CheckedRevision:
    """Check the newest revision before it goes to the survivor: the action is allowed, and a
    text with nothing replaced while the engine still suggests redactions is sent only when
    the moderator ``confirmed`` it (``UnredactedNotConfirmed`` otherwise)."""
    check_transition(submission, "send_for_consent", actor)
    revision = await newest_revision(submission.id)
    if revision is None:
        raise ConsentPreconditionFailed("Save a redacted revision first.")
    replaced = await replaced_up_to(submission.id, revision.number)
    open_suggestions: list[str] = []
    if not replaced and not confirmed:
        open_suggestions = await _open_suggestions(submission, revision, cipher, detectors)
    check_unredacted_confirmed(replaced, open_suggestions, confirmed=confirmed)
    return CheckedRevision(revision.number, replaced, open_suggestions)


async def _open_suggestions(
    submission: Submission,
    revision: Revision,
    cipher: FieldCipher,
    detectors: frozenset[str] | None,
) -> list[str]:
    """The kind of each redaction the engine suggests in the revision's body; the engine runs
    in a thread, off the event loop."""
    await engine_ready()
    body = cipher.decrypt(
        revision.body_enc, revision_context("body", submission.id, revision.number)
    )
    terms = never_appear_terms(submission, cipher)
    listed = await organisation_list(cipher)
    found = await asyncio.to_thread(
        timed_suggestions, body, terms, submission.language, detectors, listed
    )
    return [s.kind for s in found]
