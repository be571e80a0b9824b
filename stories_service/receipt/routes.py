"""HTTP handlers for what a survivor does with their receipt code: the status, reviewing the
text, choosing the attribution (the page /my-story and the JSON API)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise.backends.base.client import BaseDBAsyncClient

from moderation.consent import BylineOnNeverAppearList
from moderation.states import Attribution
from moderation.workflow import IllegalTransition, WorkflowError
from stories_service.cross_site import same_site_only
from stories_service.crypto import FieldCipher
from stories_service.errors import ApiError
from stories_service.http_input import checked_label, read_form, read_json
from stories_service.models import ConsentRecord, Submission
from stories_service.moderating import consent
from stories_service.publishing.publisher import BylineOutcome, apply_consent_to_public_story
from stories_service.receipt.access import (
    current_attribution,
    my_story_token,
    submission_for_code,
    submission_for_form_fields,
    survivor_text,
    wording_consented_to,
)
from stories_service.receipt.schemas import AttributionIn, ConsentDecisionIn, ReceiptIn
from stories_service.receipt.service import status_view
from stories_service.runtime import runtime_of
from stories_service.templating import render_page


@same_site_only
async def receipt_status_api(request: Request) -> Response:
    """POST /api/v1/receipt/status."""
    body = await read_json(request, ReceiptIn)
    submission = await submission_for_code(request, body.receipt_code)
    view = await status_view(submission, runtime_of(request).cipher)
    return JSONResponse(view, headers={"Cache-Control": "no-store"})


async def my_story_page(request: Request) -> Response:
    """GET /my-story: ask for the code (codes travel in bodies, never in URLs)."""
    return render_page(request, "my_story.html", {"view": None, "error": None, "notice": None})


MY_STORY_NOTICES = {
    "approve": survivor_text("Thank you. You approved the text of your story."),
    "request_changes": survivor_text(
        "Thank you. We sent your comment to the team; they will prepare a new version."
    ),
}
# What the survivor is told after changing attribution, by what the public story did.
BYLINE_NOTICES = {
    "at_publication": survivor_text("Thank you. We will use the name you chose."),
    "applied": survivor_text("Thank you. Your published story now shows the name you chose."),
    "awaiting_editor": survivor_text(
        "Thank you. An editor checks a new name before it appears on your published story. "
        "Until then, your story stays signed as it was."
    ),
}
NO_NAME_NOTICE = survivor_text("Thank you. Your published story no longer shows a name.")


async def _my_story_action(
    request: Request, submission: Submission, form: Any
) -> tuple[Submission, str | None]:
    """Carry out the action a /my-story form asked for; the notice to show afterwards."""
    action = str(form.get("action") or "")
    cipher = runtime_of(request).cipher
    if action in {"approve", "request_changes"}:
        comment = str(form.get("comment") or "") or None
        submission = await consent.survivor_decides(submission, action, comment, cipher)
    elif action == "attribution":
        _, _, notice = await _change_attribution(
            submission,
            str(form.get("attribution") or "anonymous"),
            checked_label(str(form.get("display_name") or "")) or None,
            cipher,
        )
        return submission, notice
    else:
        return submission, None
    return submission, MY_STORY_NOTICES[action]


class PublicStoryFollows:
    """``on_consent_changed`` for attribution changes: the public copy follows in the consent
    change's transaction (``apply_consent_to_public_story``), and what its byline did is kept
    to tell the survivor."""

    def __init__(self, cipher: FieldCipher) -> None:
        self.cipher = cipher
        self.outcome: BylineOutcome = "at_publication"

    async def __call__(self, connection: BaseDBAsyncClient, submission: Submission) -> None:
        self.outcome = await apply_consent_to_public_story(connection, submission.id, self.cipher)


def public_story_follows(cipher: FieldCipher) -> PublicStoryFollows:
    return PublicStoryFollows(cipher)


async def _change_attribution(
    submission: Submission, attribution: str, display_name: str | None, cipher: FieldCipher
) -> tuple[ConsentRecord, BylineOutcome, str]:
    """A new consent record with this attribution; the record, what the public byline did, and
    the notice that tells the survivor so honestly."""
    follows = public_story_follows(cipher)
    record = await consent.change_attribution(
        submission, attribution, display_name, cipher, on_consent_changed=follows
    )
    anonymous = record.attribution == Attribution.ANONYMOUS
    if follows.outcome == "applied" and anonymous:
        return record, follows.outcome, NO_NAME_NOTICE
    return record, follows.outcome, BYLINE_NOTICES[follows.outcome]


def _survivor_message(action: str, error: Exception) -> str:
    """Plain words for a refused action (the domain's messages are written for staff)."""
    if isinstance(error, IllegalTransition):
        return survivor_text(
            "Your story is not waiting for your review at the moment. Its current status is below."
        )
    if isinstance(error, BylineOnNeverAppearList):
        return survivor_text(
            "This name is on your list of names that must never appear, so we cannot show it. "
            "Please choose another name, or no name."
        )
    if action == "attribution":
        return survivor_text("Please write the name to show, or choose no name.")
    return survivor_text("Please check your answer and try again.")


def _code_refused(request: Request, error: ApiError) -> Response:
    return render_page(
        request,
        "my_story.html",
        {"view": None, "error": str(error.message)},
        status_code=error.status,
        headers=error.headers,
    )


@same_site_only
async def my_story_post(request: Request) -> Response:
    """POST /my-story: show the status for a code, or act on it (approve, changes, attribution).

    The first step sends the code; the page's forms then carry a signed token in the body.
    """
    form = await read_form(request)
    try:
        submission = await submission_for_form_fields(request, form)
    except ApiError as error:
        return _code_refused(request, error)
    notice = None
    action_error = None
    status_code = 200
    try:
        submission, notice = await _my_story_action(request, submission, form)
    except (WorkflowError, ValueError) as error:
        action_error = _survivor_message(str(form.get("action") or ""), error)
        status_code = getattr(error, "status", 422)
        submission = await Submission.get(id=submission.id)
    return await render_my_story(
        request, submission, notice=notice, action_error=action_error, status_code=status_code
    )


async def my_story_again(request: Request, token: str) -> Response:
    """/my-story shown again for the page's signed token (after a language switch); it only
    shows the page and never acts, whatever else the form carried."""
    try:
        submission = await submission_for_form_fields(request, {"receipt_token": token})
    except ApiError as error:
        return _code_refused(request, error)
    return await render_my_story(request, submission)


async def render_my_story(
    request: Request,
    submission: Submission,
    *,
    notice: str | None = None,
    action_error: str | None = None,
    status_code: int = 200,
) -> Response:
    """The survivor's own page: status, the text to review, attribution, withdrawal."""
    cipher = runtime_of(request).cipher
    view = await status_view(submission, cipher)
    token = my_story_token(request, submission)
    return render_page(
        request,
        "my_story.html",
        {
            "view": view,
            "error": None,
            "submitted_on": submission.created_at.date(),
            "notice": notice,
            "action_error": action_error,
            "receipt_token": token,
            "attribution": await current_attribution(submission, cipher),
            "consented_wording": await wording_consented_to(submission),
            # The language switcher carries the token too, to show this page again.
            "language_switch_fields": {"page": "my-story", "receipt_token": token},
        },
        status_code=status_code,
    )


@same_site_only
async def receipt_consent_api(request: Request) -> Response:
    """POST /api/v1/receipt/consent: approve the text under review, or ask for changes."""
    body = await read_json(request, ConsentDecisionIn)
    submission = await submission_for_code(request, body.receipt_code)
    cipher = runtime_of(request).cipher
    changed = await consent.survivor_decides(submission, body.decision, body.comment, cipher)
    view = await status_view(changed, cipher)
    return JSONResponse(view, headers={"Cache-Control": "no-store"})


@same_site_only
async def receipt_attribution_api(request: Request) -> Response:
    """POST /api/v1/receipt/attribution: a new consent record with another attribution."""
    body = await read_json(request, AttributionIn)
    submission = await submission_for_code(request, body.receipt_code)
    cipher = runtime_of(request).cipher
    record, outcome, notice = await _change_attribution(
        submission, body.attribution, body.display_name, cipher
    )
    return JSONResponse(
        {
            "id": str(submission.id),
            "status": submission.state,
            "consent_record": record.id,
            "attribution": record.attribution,
            "byline": outcome,
            "message": str(notice),
        },
        headers={"Cache-Control": "no-store"},
    )
