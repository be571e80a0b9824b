"""The staff console (HTML): sign-in, the queue, the redaction workspace, approvals.

Every page needs a signed-in session with the right role; every POST is checked for the
session's CSRF token. Handlers stay thin: the rules live in ``moderation``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from moderation.revisions import CONTENT_NOTES, DraftInvalid
from moderation.states import StaffRole, SubmissionState
from moderation.wellbeing import suggests_pause
from moderation.workflow import Actor, WorkflowError
from stories_service.console.views import get_submission, queue_rows, whole_number
from stories_service.console.wellbeing import reader_tallies
from stories_service.console.whereabouts import public_slugs
from stories_service.console.workspace import draft_from_form, render_compare, render_workspace
from stories_service.errors import ApiError
from stories_service.http_input import language_parameter, read_form
from stories_service.models import Staff, Submission
from stories_service.moderating import approval, consent, queue, replacements
from stories_service.moderating.revisions import save_revision
from stories_service.publishing.bylines import pending_bylines
from stories_service.publishing.console_actions import console_publishing_action
from stories_service.publishing.publisher import take_down_public_copy
from stories_service.runtime import runtime_of
from stories_service.sanitizing import SanitizerUnavailable
from stories_service.staff.auth import actor_for, authenticate, console, throttle_login
from stories_service.staff.csrf import check_csrf, render_with_csrf
from stories_service.staff.devices import remember_device
from stories_service.staff.sessions import (
    clear_session_cookie,
    end_session,
    session_staff,
    set_session_cookie,
    start_session,
)

QUEUE_VIEWS = {
    "waiting": ("Waiting", (SubmissionState.SUBMITTED,), None),
    "mine": ("Claimed by me", (SubmissionState.IN_REVIEW,), "me"),
    "in_review": ("In review", (SubmissionState.IN_REVIEW,), None),
    "awaiting_consent": ("With the survivor", (SubmissionState.AWAITING_CONSENT,), None),
    "ready": ("Ready for approval", (SubmissionState.READY,), None),
    "approved": ("Approved", (SubmissionState.APPROVED,), None),
    "published": (
        "Published",
        (SubmissionState.PUBLISHED, SubmissionState.SCHEDULED, SubmissionState.UNPUBLISHED),
        None,
    ),
    "rejected": ("Rejected", (SubmissionState.REJECTED,), None),
    "withdrawn": ("Withdrawn", (SubmissionState.WITHDRAWN,), None),
}
# The console navigation's entry each queue view belongs to (moderation.console_pages).
_NAV_OF_VIEW = {"mine": "mine", "published": "published"}


def _redirect(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


# Signing in and out


async def login_page(request: Request) -> Response:
    if await session_staff(request) is not None:
        return _redirect("/staff")
    return render_with_csrf(request, "staff/login.html", {"error": None, "email": ""})


async def login_post(request: Request) -> Response:
    await check_csrf(request)
    form = await read_form(request)
    email = str(form.get("email") or "").strip().lower()
    password = str(form.get("password") or "")
    await throttle_login(request, email)
    staff = await authenticate(email, password) if email and password else None
    if staff is None:
        return render_with_csrf(
            request,
            "staff/login.html",
            {"error": "That e-mail and password do not match an active account.", "email": email},
            status_code=401,
        )
    await end_session(request)  # this browser's earlier session, if it had one
    response = _redirect("/staff")
    # A fresh session token and CSRF token; the browser becomes a known device of the account.
    set_session_cookie(request, response, await start_session(staff))
    remember_device(request, response, email)
    return response


async def logout_post(request: Request) -> Response:
    """Logout ends the session itself (its row), not only this browser's copy of the cookie."""
    await check_csrf(request)
    await end_session(request)
    response = _redirect("/staff/login")
    clear_session_cookie(request, response)
    return response


# The queue


@console(StaffRole.MODERATOR)
async def queue_page(request: Request, staff: Staff) -> Response:
    view_name = request.query_params.get("view", "waiting")
    if view_name not in QUEUE_VIEWS:
        view_name = "waiting"
    label, states, claimant = QUEUE_VIEWS[view_name]
    language = language_parameter(request.query_params.get("language"), "language")
    hours = whole_number(request.query_params.get("min_age_hours", ""))
    if hours is not None:
        hours = min(hours, queue.MAX_MIN_AGE_HOURS)
    submissions = await queue.list_queue(
        queue.QueueFilter(
            states=states,
            language=language,
            claimant=claimant,
            min_age_hours=hours,
        ),
        viewer_id=staff.id,
    )
    runtime = runtime_of(request)
    rows = await queue_rows(submissions, runtime.cipher)
    today, week = await reader_tallies(staff.id, datetime.now(UTC).date())
    limit = runtime.settings.severe_notes_daily_limit
    return render_with_csrf(
        request,
        "staff/queue.html",
        {
            "staff": staff,
            "views": {name: view[0] for name, view in QUEUE_VIEWS.items()},
            "view_name": view_name,
            "view_label": label,
            "language": language or "",
            "min_age_hours": "" if hours is None else str(hours),
            "rows": rows,
            "content_note_labels": CONTENT_NOTES,
            "notice": request.query_params.get("notice"),
            "nav_current": _NAV_OF_VIEW.get(view_name, "queue"),
            "public_slugs": await public_slugs([row["id"] for row in rows]),
            "reading_today": today,
            "reading_week": week,
            "severe_limit": limit,
            "suggest_pause": suggests_pause(today.severe, limit),
        },
    )


@console(StaffRole.EDITOR)
async def approvals_page(request: Request, staff: Staff) -> Response:
    submissions = await queue.list_queue(
        queue.QueueFilter(states=(SubmissionState.READY,)), viewer_id=staff.id
    )
    cipher = runtime_of(request).cipher
    rows = await queue_rows(submissions, cipher)
    return render_with_csrf(
        request,
        "staff/approvals.html",
        {
            "staff": staff,
            "rows": rows,
            "content_note_labels": CONTENT_NOTES,
            "bylines": await pending_bylines(cipher),
            "nav_current": "approvals",
        },
    )


@console(StaffRole.MODERATOR)
async def claim_next_post(request: Request, staff: Staff) -> Response:
    form = await read_form(request)
    language = language_parameter(str(form.get("language") or ""), "language")
    try:
        claimed = await queue.claim_next_submission(actor_for(staff), language)
    except WorkflowError as error:
        raise ApiError(error.status, error.message, code=error.code) from None
    if claimed is None:
        return _redirect("/staff?notice=empty")
    return _redirect(f"/staff/submissions/{claimed.id}")


# The workspace


@console(StaffRole.MODERATOR)
async def workspace_page(request: Request, staff: Staff) -> Response:
    submission = await get_submission(request.path_params["submission_id"])
    if submission.claimed_by_id == staff.id:
        await queue.touch_claim(submission)
    return await render_workspace(request, staff, submission)


@console(StaffRole.MODERATOR)
async def save_post(request: Request, staff: Staff) -> Response:
    submission = await get_submission(request.path_params["submission_id"])
    form = await read_form(request)
    runtime = runtime_of(request)
    try:
        draft = await draft_from_form(submission, form, runtime)
        revision = await save_revision(submission.id, actor_for(staff), draft, runtime.cipher)
    except DraftInvalid as error:
        return await render_workspace(
            request, staff, submission, errors=error.fields, form=form, status_code=422
        )
    except SanitizerUnavailable:
        busy = {"body": "The text could not be cleaned just now; nothing was saved. Try again."}
        return await render_workspace(
            request, staff, submission, errors=busy, form=form, status_code=503
        )
    except WorkflowError as error:
        return await render_workspace(
            request, staff, submission, error=error, status_code=error.status
        )
    return _redirect(f"/staff/submissions/{submission.id}?saved={revision.number}")


async def _send_for_consent(
    request: Request, submission: Submission, actor: Actor, form: Any
) -> Submission:
    """Send the revision the moderator saw; a text with nothing replaced while the engine still
    suggests redactions only with the form's confirmation (moderation.replacements)."""
    runtime = runtime_of(request)
    confirmed = form.get("confirm_unredacted") == "yes"
    checked = await replacements.check_before_sending(
        submission,
        actor,
        runtime.cipher,
        runtime.settings.redaction_detectors,
        confirmed=confirmed,
    )
    shown = whole_number(str(form.get("revision") or ""))
    return await consent.send_for_consent(
        submission.id,
        actor,
        revision=checked.number if shown is None else shown,
        unredacted_confirmed=confirmed and not checked.replaced,
    )


async def _act(request: Request, staff: Staff, action: str, form: Any) -> tuple[Any, str]:
    """Run one workflow action from a console form; the submission after it and where to go."""
    submission = await get_submission(request.path_params["submission_id"])
    actor = actor_for(staff)
    cipher = runtime_of(request).cipher
    reason = str(form.get("reason") or "")
    here = f"/staff/submissions/{submission.id}?done={action}"
    if action == "claim":
        return await queue.claim_submission(submission.id, actor), here
    if action == "revise":
        return await queue.revise_published(submission.id, actor), here
    if action == "release":
        return await queue.release_submission(submission.id, actor), "/staff?notice=released"
    if action == "send-for-consent":
        return await _send_for_consent(request, submission, actor, form), here
    if action == "skip-consent":
        return await consent.skip_consent(submission.id, actor), here
    if action == "approve":
        override = str(form.get("override_reason") or "") or None
        return await approval.approve_submission(submission.id, actor, cipher, override), here
    if action == "send-back":
        return await approval.send_back(submission.id, actor, reason), here
    if action == "reject":
        rejected = await approval.reject_submission(
            submission.id, actor, reason, cipher, take_down=take_down_public_copy
        )
        return rejected, here
    if action in ("publish", "unpublish", "confirm-byline"):
        await console_publishing_action(request, submission, actor, action, form)
        return None, here
    raise ApiError(404, "There is no such action.")


@console(StaffRole.MODERATOR)
async def action_post(request: Request, staff: Staff) -> Response:
    action = request.path_params["action"]
    form = await read_form(request)
    try:
        _, target = await _act(request, staff, action, form)
    except WorkflowError as error:
        submission = await get_submission(request.path_params["submission_id"])
        return await render_workspace(
            request, staff, submission, error=error, status_code=error.status, form=form
        )
    return _redirect(target)


@console(StaffRole.MODERATOR)
async def compare_page(request: Request, staff: Staff) -> Response:
    submission = await get_submission(request.path_params["submission_id"])
    return await render_compare(request, staff, submission)
