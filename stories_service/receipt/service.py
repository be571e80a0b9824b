"""What a receipt code opens: finding the submission and describing its status to the survivor."""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from typing import Any

from moderation.states import SubmissionState
from stories_service.crypto import FieldCipher, revision_context
from stories_service.i18n import lazy_gettext as _l
from stories_service.models import Revision, Submission
from stories_service.moderating.approval import open_rejection_reason
from stories_service.moderating.replacements import replaced_up_to
from stories_service.receipt import codes

# Plain words for each state, as the survivor reads them, in the language of the request.
STATUS_TEXT = {
    SubmissionState.SUBMITTED: _l("We have your story. A member of our team will read it soon."),
    SubmissionState.IN_REVIEW: _l("A member of our team is preparing your story."),
    SubmissionState.AWAITING_CONSENT: _l(
        "Your story is ready for you to read. Please approve it or ask for changes."
    ),
    SubmissionState.READY: _l("You agreed to the final text. A second team member will check it."),
    SubmissionState.APPROVED: _l("Your story has been approved for publication."),
    SubmissionState.SCHEDULED: _l("Your story will be published soon."),
    SubmissionState.PUBLISHED: _l("Your story is published."),
    SubmissionState.UNPUBLISHED: _l("Your story has been taken down from the website."),
    SubmissionState.REJECTED: _l("We could not publish your story. The reason is below."),
    SubmissionState.WITHDRAWN: _l("You withdrew your story. We have removed it."),
}


async def find_submission_by_code(raw_code: str, secret_keys: Sequence[str]) -> Submission | None:
    """The submission a code opens, or None; unknown and malformed codes cost the same.

    ``secret_keys`` are the current key first, then earlier ones (``STORIES_PREVIOUS_SECRET_KEYS``):
    a code stored under an earlier key still opens, and its hash is then stored again under the
    current key (only if no one changed it meanwhile), so codes move to the new key as they are
    used. Every key is tried, found or not, so that a miss costs the same as a hit.
    """
    digests = [codes.hash_for_lookup(raw_code, key) for key in secret_keys]
    found = await Submission.filter(receipt_hash__in=digests)
    for position, digest in enumerate(digests):
        for submission in found:
            if hmac.compare_digest(submission.receipt_hash, digest):
                if position:
                    await _store_current_hash(submission, digests[0])
                return submission
    return None


async def _store_current_hash(submission: Submission, current: str) -> None:
    """Key a code found under an earlier secret key with the current one (conditional update)."""
    moved = await Submission.filter(id=submission.id, receipt_hash=submission.receipt_hash).update(
        receipt_hash=current
    )
    if moved:
        submission.receipt_hash = current


async def review_text(submission: Submission, cipher: FieldCipher) -> dict[str, Any] | None:
    """The redacted text the survivor is asked to read, while it awaits their consent.

    The tags go public too (on the page, in feeds and in addresses), and so do the content notes
    (the warning before the story), so the survivor sees them; content notes as their stable keys
    (the page shows their labels in the survivor's language). ``replaced`` lists the redaction
    kinds applied to make the text (``moderation.replacements``).
    """
    if submission.state != SubmissionState.AWAITING_CONSENT:
        return None
    revision = await Revision.filter(submission_id=submission.id).order_by("-number").first()
    if revision is None:
        return None

    text: dict[str, Any] = {
        column: cipher.decrypt(
            getattr(revision, f"{column}_enc"),
            revision_context(column, submission.id, revision.number),
        )
        for column in ("title", "summary", "body")
    }
    text["tags"] = [str(tag) for tag in revision.tags or []]
    text["content_notes"] = [str(note) for note in revision.content_notes or []]
    # What was replaced to make this text (kinds, empty when nothing was): the page tells the
    # survivor so in plain words, and never that something was replaced when nothing was.
    text["replaced"] = await replaced_up_to(submission.id, revision.number)
    return text


async def status_view(submission: Submission, cipher: FieldCipher) -> dict[str, Any]:
    state = SubmissionState(submission.state)
    return {
        "id": str(submission.id),
        "status": state.value,
        "language": submission.language,
        "status_text": str(STATUS_TEXT[state]),
        "review": await review_text(submission, cipher),
        "rejection_reason": open_rejection_reason(cipher, submission)
        if state == SubmissionState.REJECTED
        else None,
    }
