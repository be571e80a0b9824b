"""The redaction workspace: what it shows (original and working text side by side, the engine's
suggestions highlighted by kind, warnings) and how its form becomes a revision draft.

The core works without JavaScript: each suggestion is a checkbox, each kind has an accept-all
checkbox, and manual redactions are typed phrases. ``static/staff.js`` only adds conveniences.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import Response

from moderation import redaction
from moderation.editable_text import editable_text, html_of_editable, placed_redactions
from moderation.markup_limits import TooMuchMarkup
from moderation.replacements import must_confirm_unredacted
from moderation.revisions import (
    CONTENT_NOTES,
    DraftInvalid,
    RevisionDraft,
    diff_revisions,
)
from moderation.states import StaffRole, SubmissionState
from moderation.workflow import WorkflowError, allowed_actions
from stories_service.console.views import compare_pair, revisions_of
from stories_service.console.wellbeing import record_read
from stories_service.console.whereabouts import whereabouts
from stories_service.http_input import checked_label
from stories_service.i18n import name_for_staff
from stories_service.instruments import timed_suggestions
from stories_service.models import Revision, Staff, Submission
from stories_service.moderating.approval import approval_findings, open_rejection_reason
from stories_service.moderating.consent import newest_consent, survivor_comment
from stories_service.moderating.organisation_terms import organisation_list
from stories_service.moderating.originals import grant_survivor_text
from stories_service.moderating.replacements import replaced_up_to
from stories_service.moderating.revisions import (
    never_appear_terms,
    newest_revision,
    original_text,
    working_text,
)
from stories_service.publishing.bylines import pending_byline
from stories_service.publishing.publisher import scheduled_publication_failure
from stories_service.redaction_warm_up import engine_ready
from stories_service.runtime import Runtime, runtime_of
from stories_service.sanitizing import sanitize_story
from stories_service.staff.auth import actor_for, has_role
from stories_service.staff.csrf import render_with_csrf

MANUAL_ROWS = 3
# What a console action did, said once on the page it leads back to (``?done=<action>``);
# an unknown value shows nothing, so nothing from the address is ever echoed.
DONE_MESSAGES = {
    "claim": "You claimed this story. Take your time; you can pass it on without a reason.",
    "revise": "The story is back in review with you: prepare the new revision below.",
    "send-for-consent": (
        "Sent to the survivor. They read the text when they open “My story” with their "
        "receipt code; it waits under “With the survivor” until they answer."
    ),
    "skip-consent": "Sent to approval: the survivor waived reviewing the final text.",
    "approve": "Approved. An editor can now publish it or schedule it below.",
    "send-back": "Sent back to the moderator.",
    "reject": "Rejected. The survivor reads the reason on their page.",
    "publish": "Done: see where the story is now, above.",
    "unpublish": "Taken down: readers no longer see the story.",
    "confirm-byline": "The new byline is shown on the public page.",
}
# Tags are written in the survivor's language: they are separated by a comma (",", the Arabic
# comma U+060C, the fullwidth U+FF0C or the ideographic U+3001) or a new line.
_TAG_SEPARATORS = re.compile("[,\n\u060c\uff0c\u3001]")
_KIND_LABELS = {kind: kind.replace("_", " ") for kind in redaction.KINDS}


def suggestion_value(s: redaction.Suggestion) -> str:
    """A checkbox value that lets the server re-find the span even if offsets moved."""
    return f"{s.start}|{s.end}|{s.kind}|{s.text}"


def highlight(
    text: str,
    suggestions: list[redaction.Suggestion],
    paragraph_breaks: frozenset[int] = frozenset(),
) -> Markup:
    """The visible text with each suggestion wrapped in a <mark> by kind; everything escaped.
    The new lines at ``paragraph_breaks`` (between blocks) are doubled, so that paragraphs
    read as paragraphs and a line break as a line break."""

    def piece(start: int, end: int) -> str:
        return "".join(
            "\n\n" if i in paragraph_breaks else str(escape(text[i])) for i in range(start, end)
        )

    out: list[str] = []
    position = 0
    for index, s in enumerate(sorted(suggestions, key=lambda s: s.start)):
        if s.start < position:
            continue
        out.append(piece(position, s.start))
        out.append(
            f'<mark class="kind-{escape(s.kind)}" data-suggestion="{index}" '
            f'title="{escape(s.kind)} ({s.confidence:.2f}, {escape(s.detector)})">'
            f"{piece(s.start, s.end)}</mark>"
        )
        position = s.end
    out.append(piece(position, len(text)))
    return Markup("".join(out))  # noqa: S704 (every piece above is escaped)


def _paragraph_breaks(doc: redaction.HtmlText) -> frozenset[int]:
    """Where the visible text has a new line between blocks (made by a block tag, not by <br>)."""
    last = len(doc.text) - 1
    return frozenset(
        i
        for i, char in enumerate(doc.text)
        if char == "\n"
        and 0 < i < last
        and doc.starts[i] == doc.ends[i]
        and not doc.html[doc.starts[i] :].lower().startswith("<br")
    )


def _phrase_spans(visible: str, phrase: str, kind: str) -> list[tuple[int, int, str]]:
    phrase = phrase.strip()
    if not phrase:
        return []
    pattern = re.compile(re.escape(phrase), re.IGNORECASE)
    return [(m.start(), m.end(), kind) for m in pattern.finditer(visible)]


def _accepted_spans(
    visible: str, values: list[str], accept_kinds: set[str], found: list[redaction.Suggestion]
) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for value in values:
        parts = value.split("|", 3)
        if len(parts) != 4 or not parts[0].isdigit() or not parts[1].isdigit():
            continue
        start, end, kind, text = int(parts[0]), int(parts[1]), parts[2], parts[3]
        if kind not in redaction.KINDS:
            continue
        if visible[start:end] == text:
            spans.append((start, end, kind))
        else:
            # The text was edited since the suggestion was made: redact every occurrence.
            spans += _phrase_spans(visible, text, kind)
    spans += [(s.start, s.end, s.kind) for s in found if s.kind in accept_kinds]
    return spans


async def draft_from_form(submission: Submission, form: Any, runtime: Runtime) -> RevisionDraft:
    """Turn the workspace form into a draft: accepted suggestions and manual phrases become
    redaction spans over the visible text of the sanitised body; ``DraftInvalid`` for a body
    with more markup than ``moderation.markup_limits`` allows."""
    await engine_ready()
    if "body_text" in form:  # the text editor (moderation.editable_text)
        body = html_of_editable(str(form.get("body_text") or ""))
    else:
        body = str(form.get("body") or "")
    try:
        body_html = await sanitize_story(body) if body.strip() else ""
    except TooMuchMarkup as error:
        raise DraftInvalid({"body": error.message}) from None
    visible = redaction.html_to_text(body_html).text if body_html else ""
    accept_kinds = {str(k) for k in form.getlist("accept_kind")}
    found: list[redaction.Suggestion] = []
    if accept_kinds and visible:
        listed = await organisation_list(runtime.cipher)
        found = await asyncio.to_thread(
            timed_suggestions,
            body_html,
            never_appear_terms(submission, runtime.cipher),
            submission.language,
            runtime.settings.redaction_detectors,
            listed,
        )
    spans = _accepted_spans(visible, [str(v) for v in form.getlist("accept")], accept_kinds, found)
    if visible:
        placed = [str(v) for v in form.getlist("placed")]
        spans += placed_redactions(body_html, placed)
    for i in range(MANUAL_ROWS):
        kind = str(form.get(f"manual_kind_{i}") or "person")
        if kind in redaction.KINDS:
            spans += _phrase_spans(visible, str(form.get(f"manual_phrase_{i}") or ""), kind)
    tags = [checked_label(t) for t in _TAG_SEPARATORS.split(str(form.get("tags") or ""))]
    return RevisionDraft(
        title=checked_label(str(form.get("title") or "")),
        summary=str(form.get("summary") or ""),
        body=body,
        content_notes=[str(n) for n in form.getlist("content_notes")],
        tags=[t for t in tags if t],
        redactions=sorted(set(spans)),
        mode=str(form.get("mode") or "placeholder"),
    )


def _may_edit(staff: Staff, submission: Submission) -> bool:
    return submission.state == SubmissionState.IN_REVIEW and (
        submission.claimed_by_id == staff.id or staff.role == StaffRole.ADMIN
    )


async def render_workspace(
    request: Request,
    staff: Staff,
    submission: Submission,
    *,
    error: WorkflowError | None = None,
    errors: dict[str, str] | None = None,
    form: Any = None,
    status_code: int = 200,
) -> Response:
    await engine_ready()
    runtime = runtime_of(request)
    cipher = runtime.cipher
    # Survivor text (moderation.originals) only for those who may read it, audited; everyone
    # else sees the workflow around it and the working title.
    readable = await grant_survivor_text(submission, actor_for(staff), via="console")
    original_title = original_body = None
    found: list[redaction.Suggestion] = []
    if readable:
        original_title, original_body = original_text(submission, cipher)
        text = await working_text(submission, cipher)
        listed = await organisation_list(cipher)
        found = await asyncio.to_thread(
            timed_suggestions,
            text.body,
            never_appear_terms(submission, cipher),
            submission.language,
            runtime.settings.redaction_detectors,
            listed,
        )
        await record_read(staff.id, submission.id, text.content_notes)
    else:
        text = await working_text(submission, cipher, title_only=True)
    document = redaction.html_to_text(text.body)
    visible = document.text
    by_kind: dict[str, list[redaction.Suggestion]] = {}
    for s in found:
        by_kind.setdefault(s.kind, []).append(s)
    consent = await newest_consent(submission.id)
    claimant = await Staff.get_or_none(id=submission.claimed_by_id)
    revisions = await revisions_of(submission, cipher, title_only=not readable)
    unredacted = None
    if readable and text.revision is not None and _may_edit(staff, submission):
        replaced = await replaced_up_to(submission.id, text.revision)
        if must_confirm_unredacted(replaced, [s.kind for s in found]):
            unredacted = {"count": len(found), "kinds": list(by_kind)}
    guard_preview: list[dict[str, object]] = []
    if readable and submission.state == SubmissionState.READY and has_role(staff, StaffRole.EDITOR):
        newest_row = await newest_revision(submission.id)
        if newest_row is not None:
            findings = await approval_findings(submission, newest_row, cipher)
            guard_preview = [f.as_dict() for f in findings]
    return render_with_csrf(
        request,
        "staff/workspace.html",
        {
            "staff": staff,
            "submission": submission,
            "state": SubmissionState(submission.state).value,
            "allowed": allowed_actions(submission.state),
            "claimant": claimant,
            "may_edit": _may_edit(staff, submission),
            "is_editor": has_role(staff, StaffRole.EDITOR),
            "readable": readable,
            "original_title": original_title,
            "original_body": original_body,
            "text": text,
            "body_text": editable_text(text.body) if readable else None,
            "placeholders": redaction.PLACEHOLDERS,
            "highlighted": highlight(visible, found, _paragraph_breaks(document)),
            "suggestions": found,
            "suggestions_by_kind": by_kind,
            "suggestion_value": suggestion_value,
            "warnings": redaction.quasi_identifier_warnings(visible, found),
            "kind_labels": _KIND_LABELS,
            "kinds": redaction.KINDS,
            "content_note_labels": CONTENT_NOTES,
            "review_waived": bool(consent and not consent.review_before_publish),
            # Tags and a rejection reason reach the survivor as staff wrote them: ask for them
            # in the language the survivor consented in (docs/i18n.md).
            "survivor_language": name_for_staff(
                consent.wording_language if consent else submission.language
            ),
            "story_language": name_for_staff(submission.language),
            "survivor_comment": survivor_comment(submission, cipher) if readable else None,
            "rejection_reason": open_rejection_reason(cipher, submission),
            "revisions": revisions,
            "guard_preview": guard_preview,
            # Nothing replaced yet the engine still suggests redactions: sending needs a tick.
            "unredacted": unredacted,
            "schedule_failed": await scheduled_publication_failure(submission),
            # The survivor's new name is survivor text: only for those who may read it.
            "byline_change": await pending_byline(submission.id, cipher) if readable else None,
            "manual_rows": range(MANUAL_ROWS),
            "error": error,
            "errors": errors or {},
            "saved": request.query_params.get("saved"),
            "done": DONE_MESSAGES.get(request.query_params.get("done", "")),
            "where": await whereabouts(submission, staff.id),
            "withdrawn": submission.state == SubmissionState.WITHDRAWN,
            "form": form,
        },
        status_code=status_code,
    )


async def render_compare(request: Request, staff: Staff, submission: Submission) -> Response:
    cipher = runtime_of(request).cipher
    params = request.query_params

    def number(name: str) -> int | None:
        raw = params.get(name, "")
        return int(raw) if raw.isdigit() else None

    a, b = number("a"), number("b")
    try:
        old, new = await compare_pair(submission, cipher, actor_for(staff), a, b, via="compare")
    except WorkflowError as error:
        return await render_workspace(
            request, staff, submission, error=error, status_code=error.status
        )
    numbers = [r.number for r in await Revision.filter(submission_id=submission.id)]
    return render_with_csrf(
        request,
        "staff/compare.html",
        {
            "staff": staff,
            "submission": submission,
            "diff": diff_revisions(old, new),
            "numbers": sorted(numbers),
            "original_kept": submission.body_enc is not None,
            "content_note_labels": CONTENT_NOTES,
        },
    )
