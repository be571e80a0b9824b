"""Everything the service holds about one submission, for the survivor who holds its code.

Audit entries are listed by action and kind of actor only: staff identities are not the
survivor's data, and the survivor does not need them to see what happened to their story.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from moderation.states import SubmissionState
from stories_service.consent.wording import consented_wording
from stories_service.crypto import DecryptionError, FieldCipher, column_context, revision_context
from stories_service.models import AuditEvent, ConsentRecord, PublishedStory, Revision, Submission
from stories_service.moderating.approval import open_rejection_reason
from stories_service.receipt.service import STATUS_TEXT
from stories_service.timefmt import rfc3339

EXPORT_FORMAT = "healing-stories-export/1"


def _open(cipher: FieldCipher, blob: bytes | None, context: str) -> str | None:
    if blob is None:
        return None
    try:
        return cipher.decrypt(bytes(blob), context)
    except DecryptionError:
        return None


def _submission_part(submission: Submission, cipher: FieldCipher) -> dict[str, Any]:
    def column(name: str) -> str | None:
        return _open(
            cipher,
            getattr(submission, f"{name}_enc"),
            column_context("submissions", name, submission.id),
        )

    never_appear = column("never_appear")
    return {
        "title": column("title"),
        "body": column("body"),
        "contact": column("contact"),
        "never_appear": [] if never_appear is None else _json_list(never_appear),
        "your_comment": column("survivor_comment"),
        "language": submission.language,
        "submitted_at": rfc3339(submission.created_at),
        "originals_purged_at": rfc3339(submission.originals_purged_at),
        "originals_purge_after": rfc3339(submission.originals_purge_after),
        "withdrawn_at": rfc3339(submission.withdrawn_at),
    }


def _json_list(text: str) -> list[str]:
    value = json.loads(text)
    return [str(item) for item in value] if isinstance(value, list) else []


def _revision_text(
    cipher: FieldCipher, revision: Revision, submission: Submission, name: str
) -> str | None:
    return _open(
        cipher,
        getattr(revision, f"{name}_enc"),
        revision_context(name, submission.id, revision.number),
    )


async def _revisions(submission: Submission, cipher: FieldCipher) -> list[dict[str, Any]]:
    return [
        {
            "number": revision.number,
            "title": _revision_text(cipher, revision, submission, "title"),
            "summary": _revision_text(cipher, revision, submission, "summary"),
            "body": _revision_text(cipher, revision, submission, "body"),
            "content_notes": list(revision.content_notes or []),
            "tags": list(revision.tags or []),
            "redactions": len(revision.redactions or []),
            "created_at": rfc3339(revision.created_at),
            "you_approved_at": rfc3339(revision.survivor_approved_at),
            "approved_at": rfc3339(revision.approved_at),
        }
        for revision in await Revision.filter(submission_id=submission.id).order_by("number")
    ]


def _wording_text(record: ConsentRecord) -> str | None:
    """The questions exactly as the survivor read them when this record was made."""
    wording = consented_wording(
        record.wording_version, record.wording_language, record.wording_hash
    )
    return wording.text if wording else None


async def _consent_history(submission: Submission, cipher: FieldCipher) -> list[dict[str, Any]]:
    context = column_context("consent_records", "display_name", submission.id)
    return [
        {
            "recorded_at": rfc3339(record.created_at),
            "publish": record.publish,
            "attribution": str(record.attribution),
            "display_name": _open(cipher, record.display_name_enc, context),
            "review_before_publish": record.review_before_publish,
            "syndicate": record.syndicate,
            "search_indexing": record.search_indexing,
            "languages": list(record.languages or []),
            "wording_version": record.wording_version,
            "wording_language": record.wording_language,
            "wording_text": _wording_text(record),
            "recorded_by": record.recorded_by,
        }
        for record in await ConsentRecord.filter(submission_id=submission.id).order_by("id")
    ]


async def _history(submission: Submission) -> list[dict[str, Any]]:
    return [
        {
            "at": rfc3339(event.created_at),
            "action": event.action,
            "from_state": event.from_state,
            "to_state": event.to_state,
            "by": event.actor.split(":", 1)[0],
        }
        for event in await AuditEvent.filter(submission_id=submission.id).order_by("id")
    ]


async def _publication(submission: Submission, base_url: str) -> dict[str, Any] | None:
    story = await PublishedStory.filter(submission_id=submission.id).first()
    if story is None:
        return None
    return {
        "slug": story.slug,
        "url": f"{base_url}/stories/{story.slug}",
        "state": story.state,
        "published_at": rfc3339(story.published_at),
        "publish_at": rfc3339(story.publish_at),
    }


async def export_submission(
    submission: Submission, cipher: FieldCipher, base_url: str
) -> dict[str, Any]:
    """The survivor's data as one JSON-ready document."""
    state = SubmissionState(submission.state)
    return {
        "format": EXPORT_FORMAT,
        "exported_at": rfc3339(datetime.now(UTC)),
        "id": str(submission.id),
        "status": state.value,
        "status_text": str(STATUS_TEXT[state]),  # translated now, in the request language
        "submission": _submission_part(submission, cipher),
        "revisions": await _revisions(submission, cipher),
        "consent_history": await _consent_history(submission, cipher),
        "publication": await _publication(submission, base_url),
        "history": await _history(submission),
        "rejection_reason": open_rejection_reason(cipher, submission)
        if state == SubmissionState.REJECTED
        else None,
    }
