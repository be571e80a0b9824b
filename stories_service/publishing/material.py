"""What goes public: the newest approved revision, shaped by the newest consent record.

Everything here reads and decides; nothing writes. ``publisher`` does the writing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from moderation.consent import newest_consent as consent_in_force
from moderation.redaction import check_publishable
from moderation.revisions import never_appear_terms
from moderation.states import Attribution
from moderation.workflow import WorkflowError
from stories_service.crypto import DecryptionError, FieldCipher, column_context, revision_context
from stories_service.models import ConsentRecord, Revision, Submission
from stories_service.sanitize import html_to_text, sanitize_story_html

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


def _language_allowed(language: str, allowed: list[str]) -> bool:
    primary = language.split("-")[0].lower()
    normalised = {a.lower() for a in allowed}
    return language.lower() in normalised or primary in normalised


def consent_byline(
    consent: ConsentRecord, submission: Submission, cipher: FieldCipher
) -> str | None:
    if consent.attribution == Attribution.ANONYMOUS or consent.display_name_enc is None:
        return None
    # Intake binds the name to the submission id; later records may bind it to their own id.
    for row_id in (submission.id, consent.id):
        try:
            name = cipher.decrypt(
                consent.display_name_enc, column_context("consent_records", "display_name", row_id)
            )
        except DecryptionError:
            continue
        return name.strip() or None
    raise PublishRefused(
        "The display name in the consent record cannot be read.", "consent_unreadable"
    )


async def newest_consent(connection: BaseDBAsyncClient, submission: Submission) -> ConsentRecord:
    """The consent record in force, or PublishRefused when there is none."""
    consent = await consent_in_force(submission.id, connection)
    if consent is None:
        raise PublishRefused("There is no consent record.", "no_consent")
    return consent


async def newest_approved_revision(
    connection: BaseDBAsyncClient, submission: Submission
) -> Revision:
    revision = (
        await Revision.filter(submission_id=submission.id, approved_at__isnull=False)
        .using_db(connection)
        .order_by("-number")
        .first()
    )
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
    if not _language_allowed(submission.language, list(consent.languages or [])):
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

    body_html = sanitize_story_html(open_column("body"))
    summary = open_column("summary").strip()
    if not summary:
        text = html_to_text(body_html)
        summary = text[:SUMMARY_FALLBACK_CHARS].rsplit(" ", 1)[0] + "…" if len(text) > 240 else text
    return Material(
        revision_number=revision.number,
        title=open_column("title").strip(),
        summary=summary,
        body_html=body_html,
        byline=consent_byline(consent, submission, cipher),
        language=submission.language,
        tags=[str(t) for t in revision.tags or []],
        # "none" records that a moderator checked; readers are never shown it.
        content_notes=[str(n) for n in revision.content_notes or [] if str(n) != "none"],
        syndicate=bool(consent.syndicate),
    )


def leak_findings(
    material: Material, submission: Submission, cipher: FieldCipher
) -> list[dict[str, Any]]:
    """The leak guard over everything that goes public: title, summary, body and tags in full;
    the byline against the never-appear list (a chosen name is a name by design)."""
    never = never_appear_terms(submission, cipher)
    findings = []
    parts: list[tuple[str, str, bool]] = [
        ("title", material.title, False),
        ("summary", material.summary, False),
        ("body", material.body_html, True),
    ]
    parts += [("tag", tag, False) for tag in material.tags]
    for part, text, is_html in parts:
        for finding in check_publishable(text, never, html=is_html, language=material.language):
            findings.append({"part": part, **finding.as_dict()})
    if material.byline:
        for finding in check_publishable(material.byline, never, html=False):
            if finding.kind == "never_appear":
                findings.append({"part": "byline", **finding.as_dict()})
    return findings
