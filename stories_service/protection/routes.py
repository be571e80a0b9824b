"""HTTP handlers for withdrawal, the survivor's data export, tombstones and retention (thin)."""

from __future__ import annotations

import json
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise import connections

from moderation.states import StaffRole, SubmissionState
from moderation.withdrawal import NOTE_MAX_LENGTH, StaffWithdrawal, WithdrawalReason
from moderation.workflow import Actor, WorkflowError
from stories_service.cross_site import same_site_only
from stories_service.errors import ApiError
from stories_service.http_input import (
    InputText,
    known_query_parameters,
    limit_parameter,
    read_json,
)
from stories_service.models import PublishedStory, Submission
from stories_service.protection.data_export import export_submission
from stories_service.protection.retention import planned_purges
from stories_service.protection.withdrawal import was_ever_public, withdraw_submission
from stories_service.publishing.changes import CachedPage
from stories_service.publishing.render import etag_for
from stories_service.publishing.serving import not_modified
from stories_service.publishing.withdrawal_list import (
    MAX_LISTED,
    BadTimestamp,
    BadWithdrawalCursor,
    WithdrawalCursor,
    page_of_withdrawals,
    parse_since,
    render_withdrawals_page,
)
from stories_service.receipt.access import (
    current_attribution,
    my_story_token,
    submission_for_code,
    submission_for_form,
)
from stories_service.receipt.schemas import ReceiptIn
from stories_service.receipt.service import status_view
from stories_service.runtime import runtime_of
from stories_service.settings import Settings
from stories_service.staff.auth import require_staff
from stories_service.templating import render_page
from stories_service.timefmt import rfc3339

NO_STORE = {"Cache-Control": "no-store"}
# After a withdrawal, the browser that made it drops what it cached of this site (the story's
# page, the feeds): on a shared phone, the back button must not bring the story back.
FORGET_CACHED_PAGES = {"Clear-Site-Data": '"cache"'}


class StaffWithdrawIn(BaseModel):
    """Why staff withdraw for a survivor: a category, and a note that is kept encrypted.

    ``reason`` (free text, the only field before) is still accepted for one version: it is
    read as ``reason_category: "other"`` with the text as the note.
    """

    model_config = ConfigDict(extra="forbid")
    reason_category: WithdrawalReason | None = None
    note: InputText | None = Field(default=None, max_length=NOTE_MAX_LENGTH)
    # Marked deprecated in the OpenAPI document only (pydantic's own flag warns on every read).
    reason: InputText | None = Field(
        default=None,
        min_length=1,
        max_length=NOTE_MAX_LENGTH,
        json_schema_extra={"deprecated": True},
    )

    def staff_withdrawal(self) -> StaffWithdrawal | None:
        """The reason as the rules take it (None when no category was given: refused there)."""
        if self.reason is not None and (self.reason_category or self.note):
            problem = "Send reason_category (and a note), or the older reason, not both."
            raise ApiError(422, problem, fields={"reason": problem})
        if self.reason is not None:
            return StaffWithdrawal(WithdrawalReason.OTHER, self.reason)
        if self.reason_category is None:
            return None
        return StaffWithdrawal(self.reason_category, self.note)


class WithdrawnOut(BaseModel):
    id: str
    status: str
    withdrawn_at: str | None = None


async def was_ever_public_now(submission: Submission) -> bool:
    published = await PublishedStory.filter(submission_id=submission.id).first()
    return await was_ever_public(connections.get("default"), submission.id, published)


async def _withdraw_for_survivor(
    submission: Submission, settings: Settings
) -> dict[str, str | None]:
    # A repeated request (a retry, a double click, a second tab) finds the work done: not an error.
    if submission.state != SubmissionState.WITHDRAWN:
        try:
            await withdraw_submission(submission.id, Actor.survivor(), settings=settings)
        except WorkflowError:
            submission = await Submission.get(id=submission.id)
            if submission.state != SubmissionState.WITHDRAWN:
                raise
        submission = await Submission.get(id=submission.id)
    withdrawn_at = rfc3339(submission.withdrawn_at)
    return {"id": str(submission.id), "status": "withdrawn", "withdrawn_at": withdrawn_at}


# Survivors, with their receipt code


@same_site_only
async def receipt_withdraw_api(request: Request) -> Response:
    """POST /api/v1/receipt/withdraw: withdraw consent; the story goes everywhere at once."""
    body = await read_json(request, ReceiptIn)
    submission = await submission_for_code(request, body.receipt_code)
    return JSONResponse(
        await _withdraw_for_survivor(submission, runtime_of(request).settings),
        headers={**NO_STORE, **FORGET_CACHED_PAGES},
    )


@same_site_only
async def receipt_export_api(request: Request) -> Response:
    """POST /api/v1/receipt/export: everything held about the submission, as JSON."""
    body = await read_json(request, ReceiptIn)
    submission = await submission_for_code(request, body.receipt_code)
    runtime = runtime_of(request)
    document = await export_submission(submission, runtime.cipher, runtime.settings.base_url)
    return JSONResponse(
        document,
        headers={**NO_STORE, "Content-Disposition": 'attachment; filename="my-story.json"'},
    )


def _page_error(request: Request, error: ApiError) -> Response:
    return render_page(
        request,
        "my_story.html",
        {"view": None, "error": error.message},
        status_code=error.status,
        headers=error.headers,
    )


async def _status_page(request: Request, submission: Submission, **extra: object) -> Response:
    runtime = runtime_of(request)
    view = await status_view(submission, runtime.cipher)
    token = my_story_token(request, submission)
    context = {
        "view": view,
        "error": None,
        "notice": None,
        "action_error": None,
        "receipt_token": token,
        "attribution": await current_attribution(submission, runtime.cipher),
        # The language switcher shows My story again in the chosen language (language_switch.py).
        "language_switch_fields": {"page": "my-story", "receipt_token": token},
    }
    return render_page(request, "my_story.html", {**context, **extra})


@same_site_only
async def my_story_withdraw(request: Request) -> Response:
    """POST /my-story/withdraw: step one of two, the plain confirmation of what will happen."""
    try:
        submission = await submission_for_form(request)
    except ApiError as error:
        return _page_error(request, error)
    if submission.state == SubmissionState.WITHDRAWN:
        return await _status_page(request, submission)
    was_public = await was_ever_public_now(submission)
    token = my_story_token(request, submission)
    return render_page(
        request,
        "my_story_withdraw.html",
        {
            "receipt_token": token,
            "was_public": was_public,
            "language_switch_fields": {"page": "my-story", "receipt_token": token},
        },
    )


@same_site_only
async def my_story_withdraw_confirm(request: Request) -> Response:
    """POST /my-story/withdraw/confirm: step two, the withdrawal itself."""
    try:
        submission = await submission_for_form(request)
        await _withdraw_for_survivor(submission, runtime_of(request).settings)
    except ApiError as error:
        return _page_error(request, error)
    submission = await Submission.get(id=submission.id)
    page = await _status_page(request, submission, just_withdrawn=True)
    page.headers.update(FORGET_CACHED_PAGES)
    return page


@same_site_only
async def my_story_export(request: Request) -> Response:
    """POST /my-story/export: the same export as the API, as a file to save."""
    try:
        submission = await submission_for_form(request)
    except ApiError as error:
        return _page_error(request, error)
    runtime = runtime_of(request)
    document = await export_submission(submission, runtime.cipher, runtime.settings.base_url)
    return Response(
        json.dumps(document, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={**NO_STORE, "Content-Disposition": 'attachment; filename="my-story.json"'},
    )


# Staff


async def staff_withdraw_api(request: Request) -> Response:
    """POST /api/v1/submissions/{id}/withdraw: an editor takes a story down for the survivor."""
    staff = await require_staff(request, StaffRole.EDITOR)
    try:
        submission_id = UUID(request.path_params["submission_id"])
    except ValueError:
        raise ApiError(404, "There is no such submission.") from None
    body = await read_json(request, StaffWithdrawIn)
    result = await withdraw_submission(
        submission_id,
        Actor.staff(staff.id, staff.role),
        reason=body.staff_withdrawal(),
        cipher=runtime_of(request).cipher,
        settings=runtime_of(request).settings,
    )
    return JSONResponse(
        {
            "id": str(result.submission_id),
            "status": "withdrawn",
            "withdrawn_at": rfc3339(result.withdrawn_at),
        },
        headers=NO_STORE,
    )


async def retention_api(request: Request) -> Response:
    """GET /api/v1/retention: what will be purged when (admin)."""
    await require_staff(request, StaffRole.ADMIN)
    settings = runtime_of(request).settings
    plans = await planned_purges(settings.retention_days)
    return JSONResponse(
        {
            "retention_days": settings.retention_days,
            "planned": [
                {
                    "id": str(plan.submission_id),
                    "state": plan.state,
                    "because": plan.because,
                    "since": rfc3339(plan.clock_started_at),
                    "purge_after": rfc3339(plan.purge_after),
                }
                for plan in plans
            ],
        },
        headers=NO_STORE,
    )


# Public


async def withdrawals_api(request: Request) -> Response:
    """GET /api/v1/withdrawals?since=ISO8601&after=CURSOR&limit=N: tombstones, oldest first, so
    copies elsewhere can be removed; keyset-paged, with an ETag (304 when unchanged)."""
    known_query_parameters(request, ("since", "after", "limit"))
    params = request.query_params
    raw = params.get("since")
    try:
        since = parse_since(raw) if raw is not None else None
    except BadTimestamp:
        raise ApiError(
            422,
            fields={"since": "Use an ISO 8601 date or date-time, e.g. 2026-11-01T00:00:00Z."},
        ) from None
    limit = limit_parameter(params.get("limit"), default=MAX_LISTED, maximum=MAX_LISTED)
    try:
        after = WithdrawalCursor.decode(params["after"]) if "after" in params else None
    except BadWithdrawalCursor:
        raise ApiError(
            400,
            "after: use a cursor this service gave out (next_cursor), or leave it out.",
            code="bad_cursor",
            fields={"after": "Not a cursor this service gave out."},
        ) from None
    page = await page_of_withdrawals(since, after, limit)
    base = runtime_of(request).settings.base_url
    body = render_withdrawals_page(page, base, request.url.path, since=raw, limit=limit)
    return _revalidated_json(request, body)


def _revalidated_json(request: Request, body: bytes) -> Response:
    """The JSON with a strong ETag; 304 when the client's ``If-None-Match`` matches it.
    ``no-cache``: caches keep it but ask again each time (a withdrawal must show at once)."""
    page = CachedPage(body, "application/json", etag_for(body), last_modified="")
    headers = {"ETag": page.etag, "Cache-Control": "no-cache"}
    if not_modified(page, request.headers.get("if-none-match"), None):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)
