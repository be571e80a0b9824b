"""What goes public: the newest approved revision, shaped by the newest consent record.

Everything here reads and decides; nothing writes. ``publisher`` does the writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from moderation.consent import language_consented
from moderation.public_text import PublicText, leak_findings
from moderation.redaction import ListedTerm
from moderation.sanitize import plain_text
from moderation.workflow import WorkflowError
from stories_service.crypto import DecryptionError, FieldCipher, revision_context
from stories_service.models import ConsentRecord, Revision, Submission
from stories_service.moderating.consent import consented_byline
from stories_service.moderating.consent import newest_consent as consent_in_force
from stories_service.moderating.revisions import never_appear_terms, newest_revision
from stories_service.sanitizing import sanitize_stored_html

SUMMARY_FALLBACK_CHARS = 240


class PublishRefused(WorkflowError):
    """Publication is refused for a reason other than the state (consent, leak guard…)."""

    status = 409

    def __init__(self, message: str, code: str, *, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message, extra=extra)
        self.code = code


@dataclass(frozen=True, slots=True)
class Material:
    """What goes public: decrypted from the revision, shaped by the consent record."""

    revision_number: int
    title: str
    summary: str
    body_html: str
    byline: str | None
    language: str
    tags: list[str]
    content_notes: list[str]
    syndicate: bool
    search_indexing: bool


def consent_byline(consent: ConsentRecord, cipher: FieldCipher) -> str | None:
    """The byline the consent record allows; PublishRefused when its name cannot be read."""
    try:
        return consented_byline(consent, cipher)
    except DecryptionError:
        raise PublishRefused(
            "The display name in the consent record cannot be read.", "consent_unreadable"
        ) from None


async def newest_consent(connection: BaseDBAsyncClient, submission: Submission) -> ConsentRecord:
    """The consent record in force, or PublishRefused when there is none."""
    consent = await consent_in_force(submission.id, connection)
    if consent is None:
        raise PublishRefused("There is no consent record.", "no_consent")
    return consent


async def newest_approved_revision(
    connection: BaseDBAsyncClient, submission: Submission
) -> Revision:
    revision = await newest_revision(submission.id, connection, approved=True)
    if revision is None:
        raise PublishRefused("There is no approved revision to publish.", "no_approved_revision")
    return revision


async def gather_material(
    connection: BaseDBAsyncClient, submission: Submission, cipher: FieldCipher
) -> Material:
    """Decrypt the newest approved revision and apply the newest consent; refuse what it forbids."""
    consent = await newest_consent(connection, submission)
    if not consent.publish:
        raise PublishRefused("The storyteller has not consented to publication.", "no_consent")
    if not language_consented(submission.language, list(consent.languages or [])):
        raise PublishRefused(
            "The storyteller has not consented to publication in this language.",
            "consent_language",
        )
    revision = await newest_approved_revision(connection, submission)

    def open_column(column: str) -> str:
        return cipher.decrypt(
            getattr(revision, f"{column}_enc"),
            revision_context(column, submission.id, revision.number),
        )

    body_html = await sanitize_stored_html(open_column("body"))
    summary = open_column("summary").strip()
    if not summary:
        text = plain_text(body_html)
        summary = text[:SUMMARY_FALLBACK_CHARS].rsplit(" ", 1)[0] + "…" if len(text) > 240 else text
    return Material(
        revision_number=revision.number,
        title=open_column("title").strip(),
        summary=summary,
        body_html=body_html,
        byline=consent_byline(consent, cipher),
        language=submission.language,
        tags=[str(t) for t in revision.tags or []],
        # "none" records that a moderator checked; readers are never shown it.
        content_notes=[str(n) for n in revision.content_notes or [] if str(n) != "none"],
        syndicate=bool(consent.syndicate),
        search_indexing=bool(consent.search_indexing),
    )


def material_findings(
    material: Material,
    submission: Submission,
    cipher: FieldCipher,
    *,
    organisation_list: Sequence[ListedTerm],
) -> list[dict[str, Any]]:
    """The leak guard (``moderation.public_text``) over everything that goes public, with the
    organisation's list (``moderating.organisation_terms.organisation_list``)."""
    public = PublicText(
        title=material.title,
        summary=material.summary,
        body_html=material.body_html,
        tags=material.tags,
        byline=material.byline,
        language=material.language,
    )
    terms = never_appear_terms(submission, cipher)
    return [f.as_dict() for f in leak_findings(public, terms, organisation_list)]
