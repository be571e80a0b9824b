"""What staff see of a submission: queue rows (working titles and content notes, never story
text), the full detail for the workspace and API, and the audit log. Shared by the console and
API. Survivor text goes only to those ``moderation.originals.may_read_survivor_text`` allows,
and each read is audited (``stories_service.moderating.originals``)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from moderation.revisions import RevisionText
from moderation.states import SubmissionState
from moderation.workflow import Actor, NotFound, allowed_actions
from stories_service.crypto import FieldCipher
from stories_service.errors import ApiError
from stories_service.models import AuditEvent, ConsentRecord, Revision, Staff, Submission
from stories_service.moderating import consent as consent_service
from stories_service.moderating.approval import open_override_reason, open_rejection_reason
from stories_service.moderating.originals import grant_survivor_text, require_survivor_text
from stories_service.moderating.revisions import open_revision, original_text
from stories_service.timefmt import rfc3339

AUDIT_PAGE_SIZE = 200
MAX_ROW_ID = 2**31 - 1  # integer id columns are 32-bit on PostgreSQL


def whole_number(raw: object) -> int | None:
    """``raw`` as a non-negative int if it is plain ASCII digits, else None."""
    text = str(raw)
    return int(text) if text.isascii() and text.isdigit() else None


def row_id(raw: object) -> int | None:
    """``raw`` as an id that can exist in an integer id column, else None (answer 404)."""
    number = whole_number(raw)
    return number if number is not None and number <= MAX_ROW_ID else None


async def get_submission(submission_id: str) -> Submission:
    try:
        UUID(submission_id)
    except ValueError:
        raise ApiError(404, "There is no such submission.") from None
    submission = await Submission.get_or_none(id=submission_id)
    if submission is None:
        raise ApiError(404, "There is no such submission.")
    return submission


def transition_answer(submission: Submission) -> dict[str, Any]:
    return {
        "id": str(submission.id),
        "status": SubmissionState(submission.state).value,
        "claimed_by": submission.claimed_by_id,
    }


async def _staff_emails(ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {s.id: s.email for s in await Staff.filter(id__in=wanted)}


async def queue_rows(submissions: list[Submission], cipher: FieldCipher) -> list[dict[str, Any]]:
    """One row per submission: the working title and content notes only (moderator wellbeing).

    The title is the newest revision's, the one a moderator chose; before the first revision
    it is None for everyone: the survivor's own title is survivor text, and a list shown to
    every moderator is no place to read it (the claimant reads it in the workspace)."""
    ids = [s.id for s in submissions]
    newest: dict[UUID, Revision] = {}
    for saved in await Revision.filter(submission_id__in=ids).order_by("number"):
        newest[saved.submission_id] = saved
    emails = await _staff_emails({s.claimed_by_id for s in submissions})
    rows = []
    for submission in submissions:
        revision = newest.get(submission.id)
        title = None
        if revision is not None:
            title = open_revision(revision, submission.id, cipher, title_only=True).title
        claimant = submission.claimed_by_id
        rows.append(
            {
                "id": str(submission.id),
                "status": SubmissionState(submission.state).value,
                "language": submission.language,
                "title": title,
                "content_notes": list(revision.content_notes) if revision else [],
                "revision": revision.number if revision else None,
                "claimed_by": claimant,
                "claimed_by_email": emails.get(claimant) if claimant else None,
                "created_at": rfc3339(submission.created_at),
            }
        )
    return rows


def revision_json(text: RevisionText, *, withheld: bool = False) -> dict[str, Any]:
    """A revision; ``withheld`` leaves out its summary and body (None), keeping the working
    title and what the workflow needs."""
    return {
        "revision": text.number,
        "title": text.title,
        "summary": None if withheld else text.summary,
        "body": None if withheld else text.body,
        "content_notes": text.content_notes,
        "tags": text.tags,
        "redactions": text.redactions,
        "created_by": text.created_by_id,
        "created_at": rfc3339(text.created_at),
    }


def consent_json(record: ConsentRecord, cipher: FieldCipher, *, withheld: bool) -> dict[str, Any]:
    """A consent record; ``withheld`` leaves out the name the survivor chose (None)."""
    return {
        "id": record.id,
        "created_at": rfc3339(record.created_at),
        "publish": record.publish,
        "attribution": record.attribution,
        "display_name": None if withheld else consent_service.chosen_name(record, cipher),
        "review_before_publish": record.review_before_publish,
        "syndicate": record.syndicate,
        "search_indexing": record.search_indexing,
        "languages": record.languages,
        "wording_version": record.wording_version,
        "recorded_by": record.recorded_by,
    }


def audit_json(event: AuditEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "at": rfc3339(event.created_at),
        "actor": event.actor,
        "action": event.action,
        "submission_id": str(event.submission_id) if event.submission_id else None,
        "from_state": event.from_state,
        "to_state": event.to_state,
        "data": event.data,
        "hash": event.hash,
    }


async def revisions_of(
    submission: Submission, cipher: FieldCipher, *, title_only: bool = False
) -> list[RevisionText]:
    """Every revision, oldest first; ``title_only`` opens only the working titles."""
    revisions = await Revision.filter(submission_id=submission.id).order_by("number")
    return [open_revision(r, submission.id, cipher, title_only=title_only) for r in revisions]


async def submission_detail(
    submission: Submission, cipher: FieldCipher, actor: Actor
) -> dict[str, Any]:
    """Everything staff need: the workflow around the submission for every moderator, and the
    survivor text (the original, revisions' summaries and bodies, the survivor's comment, the
    leak-guard override reason, the chosen name) only for those ``may_read_survivor_text``
    allows; others get None there and ``survivor_text_withheld``. The read is audited before
    the history is read, so the answer shows it."""
    readable = await grant_survivor_text(submission, actor, via="api")
    withheld = not readable
    original = None
    if readable:
        title, body = original_text(submission, cipher)
        original = {"title": title, "body": body}
    consents = await ConsentRecord.filter(submission_id=submission.id).order_by("id")
    events = await AuditEvent.filter(submission_id=submission.id).order_by("id")
    newest_consent = consents[-1] if consents else None
    revisions = await revisions_of(submission, cipher, title_only=withheld)
    return {
        **transition_answer(submission),
        "language": submission.language,
        "created_at": rfc3339(submission.created_at),
        "redacted_by": submission.redacted_by_id,
        "approved_by": submission.approved_by_id,
        "allowed_actions": allowed_actions(submission.state),
        "review_waived": bool(newest_consent and not newest_consent.review_before_publish),
        "survivor_text_withheld": withheld,
        "original": original,
        "survivor_comment": (
            consent_service.survivor_comment(submission, cipher) if readable else None
        ),
        "rejection_reason": open_rejection_reason(cipher, submission),
        "leak_override_reason": (
            open_override_reason(cipher, submission.id, submission.leak_override_reason)
            if readable
            else None
        ),
        "revisions": [revision_json(r, withheld=withheld) for r in revisions],
        "consent": [consent_json(c, cipher, withheld=withheld) for c in consents],
        "history": [audit_json(e) for e in events],
    }


async def compare_pair(
    submission: Submission,
    cipher: FieldCipher,
    actor: Actor,
    a: int | None,
    b: int | None,
    *,
    via: str,
) -> tuple[RevisionText, RevisionText]:
    """Two versions to compare (defaults: the two newest revisions; ``a=0`` is the original).

    Both are survivor text: refused (403) to those who may not read it, audited otherwise."""
    await require_survivor_text(submission, actor, via=via)
    texts = {t.number: t for t in await revisions_of(submission, cipher)}
    if not texts:
        raise NotFound("This submission has no revisions yet.")
    numbers = sorted(texts)
    b = b if b is not None else numbers[-1]
    if a is None:
        a = numbers[-2] if len(numbers) > 1 else numbers[-1]
    if a == 0:
        title, body = original_text(submission, cipher)
        texts[0] = RevisionText(0, title, "", body, [], [], [], None, submission.created_at)
    if a not in texts or b not in texts or b == 0:
        raise NotFound("There is no such revision.")
    return texts[a], texts[b]
