"""HTTP handlers for what a survivor does with their receipt code (status; more to come)."""

from __future__ import annotations

import hmac
from typing import Any, Literal

from itsdangerous import BadSignature, URLSafeTimedSerializer
from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise.backends.base.client import BaseDBAsyncClient

from moderation import consent
from moderation.states import Attribution
from moderation.workflow import IllegalTransition, WorkflowError
from stories_service import throttle
from stories_service.crypto import FieldCipher
from stories_service.errors import ApiError
from stories_service.http_input import read_json
from stories_service.i18n import lazy_gettext
from stories_service.i18n import lazy_gettext as _l
from stories_service.models import Submission
from stories_service.publishing.publisher import apply_consent_to_public_story
from stories_service.receipt.service import find_submission_by_code, status_view
from stories_service.runtime import client_address, runtime_of
from stories_service.staff.views import workflow_errors
from stories_service.templating import render_page

RECEIPT_WINDOW_SECONDS = 900
UNKNOWN_CODE_MESSAGE = _l(
    "We could not find a story with this code. Check the words or digits and try again."
)


class ReceiptIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    receipt_code: str = Field(min_length=1, max_length=300)


async def throttle_code_lookups(request: Request) -> None:
    settings = runtime_of(request).settings
    key = throttle.throttle_key(settings.secret_key, "receipt", client_address(request, settings))
    await throttle.enforce(key, settings.receipt_rate_per_15min, RECEIPT_WINDOW_SECONDS)


async def submission_for_code(request: Request, raw_code: str) -> Submission:
    """Throttle, then find; the same 404 whether the code is malformed, wrong or unknown."""
    await throttle_code_lookups(request)
    submission = await find_submission_by_code(raw_code, runtime_of(request).settings.secret_key)
    if submission is None:
        raise ApiError(404, UNKNOWN_CODE_MESSAGE, code="unknown_code")
    return submission


async def receipt_status_api(request: Request) -> Response:
    """POST /api/v1/receipt/status."""
    body = await read_json(request, ReceiptIn)
    submission = await submission_for_code(request, body.receipt_code)
    view = await status_view(submission, runtime_of(request).cipher)
    return JSONResponse(view, headers={"Cache-Control": "no-store"})


async def my_story_page(request: Request) -> Response:
    """GET /my-story: ask for the code (codes travel in bodies, never in URLs)."""
    return render_page(request, "my_story.html", {"view": None, "error": None, "notice": None})


def survivor_text(message: str) -> str:
    """Marks a survivor-facing message for translation: it is translated when shown, in the
    language of the request showing it (an extraction keyword, see the Makefile)."""
    return lazy_gettext(message)  # type: ignore[return-value]


MY_STORY_NOTICES = {
    "approve": survivor_text("Thank you. You approved the text of your story."),
    "request_changes": survivor_text(
        "Thank you. We sent your comment to the team; they will prepare a new version."
    ),
    "attribution": survivor_text("Thank you. We will use the name you chose."),
}


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
        await consent.change_attribution(
            submission,
            str(form.get("attribution") or "anonymous"),
            str(form.get("display_name") or "") or None,
            cipher,
            on_consent_changed=public_story_follows(cipher),
        )
    else:
        return submission, None
    return submission, MY_STORY_NOTICES[action]


def public_story_follows(cipher: FieldCipher) -> consent.ConsentChanged:
    """The public copy takes the new byline and syndication in the consent change's transaction."""

    async def update(connection: BaseDBAsyncClient, submission: Submission) -> None:
        await apply_consent_to_public_story(connection, submission.id, cipher)

    return update


MY_STORY_TOKEN_MAX_AGE = 3600


def _token_serializer(request: Request) -> URLSafeTimedSerializer:
    secret = runtime_of(request).settings.secret_key
    return URLSafeTimedSerializer(secret, salt="healing-stories.my-story")


def my_story_token(request: Request, submission: Submission) -> str:
    """A signed, hour-long stand-in for the receipt code, carried in the page's forms.

    The code itself is never shown again after the receipt page; the forms on /my-story carry
    this token in the POST body instead (never in a URL). It is bound to the code's hash, so a
    token stops working if the code is replaced.
    """
    return _token_serializer(request).dumps(
        {"s": str(submission.id), "h": submission.receipt_hash[:16]}
    )


async def _submission_for_form(request: Request, form: Any) -> Submission:
    token = str(form.get("receipt_token") or "")
    if not token:
        return await submission_for_code(request, str(form.get("receipt_code") or ""))
    try:
        data = _token_serializer(request).loads(token, max_age=MY_STORY_TOKEN_MAX_AGE)
    except BadSignature:
        raise ApiError(
            403,
            survivor_text("This page has expired. Please enter your receipt code again."),
            code="expired_form",
        ) from None
    submission = await Submission.get_or_none(id=data.get("s"))
    if submission is None or not hmac.compare_digest(
        submission.receipt_hash[:16], str(data.get("h"))
    ):
        raise ApiError(404, UNKNOWN_CODE_MESSAGE, code="unknown_code")
    return submission


async def submission_for_form(request: Request) -> Submission:
    """The submission behind a /my-story form: the page's signed token, or a typed code."""
    return await _submission_for_form(request, await request.form())


def _survivor_message(action: str, error: Exception) -> str:
    """Plain words for a refused action (the domain's messages are written for staff)."""
    if isinstance(error, IllegalTransition):
        return survivor_text(
            "Your story is not waiting for your review at the moment. Its current status is below."
        )
    if action == "attribution":
        return survivor_text("Please write the name to show, or choose anonymous.")
    return survivor_text("Please check your answer and try again.")


async def my_story_post(request: Request) -> Response:
    """POST /my-story: show the status for a code, or act on it (approve, changes, attribution).

    The first step sends the code; the page's forms then carry a signed token in the body.
    """
    form = await request.form()
    try:
        submission = await _submission_for_form(request, form)
    except ApiError as error:
        return render_page(
            request,
            "my_story.html",
            {"view": None, "error": str(error.message)},
            status_code=error.status,
            headers=error.headers,
        )
    notice = None
    action_error = None
    status_code = 200
    try:
        submission, notice = await _my_story_action(request, submission, form)
    except (WorkflowError, ValueError) as error:
        action_error = _survivor_message(str(form.get("action") or ""), error)
        status_code = getattr(error, "status", 422)
        submission = await Submission.get(id=submission.id)
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
            # The language switcher carries the token too, to show this page again.
            "language_switch_fields": {"page": "my-story", "receipt_token": token},
        },
        status_code=status_code,
    )


async def current_attribution(submission: Submission, cipher: Any) -> dict[str, Any] | None:
    record = await consent.newest_consent(submission.id)
    if record is None:
        return None
    return {
        "attribution": str(record.attribution),
        "display_name": consent.display_name(record, cipher),
    }


class ConsentDecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    receipt_code: str = Field(min_length=1, max_length=300)
    decision: Literal["approve", "request_changes"]
    comment: str | None = Field(default=None, max_length=5000)


class AttributionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    receipt_code: str = Field(min_length=1, max_length=300)
    attribution: Attribution
    display_name: str | None = Field(default=None, max_length=80)


async def receipt_consent_api(request: Request) -> Response:
    """POST /api/v1/receipt/consent: approve the text under review, or ask for changes."""
    body = await read_json(request, ConsentDecisionIn)
    submission = await submission_for_code(request, body.receipt_code)
    cipher = runtime_of(request).cipher
    with workflow_errors():
        changed = await consent.survivor_decides(submission, body.decision, body.comment, cipher)
    view = await status_view(changed, cipher)
    return JSONResponse(view, headers={"Cache-Control": "no-store"})


async def receipt_attribution_api(request: Request) -> Response:
    """POST /api/v1/receipt/attribution: a new consent record with another attribution."""
    body = await read_json(request, AttributionIn)
    submission = await submission_for_code(request, body.receipt_code)
    cipher = runtime_of(request).cipher
    with workflow_errors():
        record = await consent.change_attribution(
            submission,
            body.attribution,
            body.display_name,
            cipher,
            on_consent_changed=public_story_follows(cipher),
        )
    return JSONResponse(
        {
            "id": str(submission.id),
            "status": submission.state,
            "consent_record": record.id,
            "attribution": record.attribution,
        },
        headers={"Cache-Control": "no-store"},
    )
