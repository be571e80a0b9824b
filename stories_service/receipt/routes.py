"""HTTP handlers for what a survivor does with their receipt code (status; more to come)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from stories_service import throttle
from stories_service.errors import ApiError
from stories_service.http_input import read_json
from stories_service.models import Submission
from stories_service.protection.page_access import issue_page_access, submission_for_page_access
from stories_service.receipt.service import find_submission_by_code, status_view
from stories_service.runtime import client_address, runtime_of
from stories_service.templating import render_page

RECEIPT_WINDOW_SECONDS = 900
UNKNOWN_CODE_MESSAGE = (
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


PAGE_EXPIRED_MESSAGE = "This page is too old. Please enter your receipt code again."


async def submission_for_form(request: Request) -> Submission:
    """The submission behind a /my-story form: a typed code, or the page's access token."""
    form = await request.form()
    token = str(form.get("access") or "")
    if token:
        submission = await submission_for_page_access(
            token[:1000], runtime_of(request).settings.secret_key
        )
        if submission is None:
            raise ApiError(400, PAGE_EXPIRED_MESSAGE, code="page_expired")
        return submission
    return await submission_for_code(request, str(form.get("receipt_code") or "")[:300])


async def receipt_status_api(request: Request) -> Response:
    """POST /api/v1/receipt/status."""
    body = await read_json(request, ReceiptIn)
    submission = await submission_for_code(request, body.receipt_code)
    view = await status_view(submission, runtime_of(request).cipher)
    return JSONResponse(view, headers={"Cache-Control": "no-store"})


async def my_story_page(request: Request) -> Response:
    """GET /my-story: ask for the code (codes travel in bodies, never in URLs)."""
    return render_page(request, "my_story.html", {"view": None, "error": None})


async def my_story_post(request: Request) -> Response:
    """POST /my-story: show the status for a code."""
    try:
        submission = await submission_for_form(request)
    except ApiError as error:
        return render_page(
            request,
            "my_story.html",
            {"view": None, "error": error.message},
            status_code=error.status,
            headers=error.headers,
        )
    view = await status_view(submission, runtime_of(request).cipher)
    access = issue_page_access(submission, runtime_of(request).settings.secret_key)
    return render_page(request, "my_story.html", {"view": view, "error": None, "access": access})
