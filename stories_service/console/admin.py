"""Admin console pages: staff accounts (add, change role, deactivate), API tokens, the audit log."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from moderation.states import StaffRole
from stories_service.audit_log import recent_audit_events, verify_audit_chain
from stories_service.console.views import AUDIT_PAGE_SIZE, row_id, whole_number
from stories_service.errors import ApiError
from stories_service.http_input import read_form
from stories_service.models import ApiToken, Staff
from stories_service.staff import accounts
from stories_service.staff.auth import console
from stories_service.staff.csrf import render_with_csrf


async def _staff_page(
    request: Request, admin: Staff, error: str | None = None, status_code: int = 200
) -> Response:
    members = await Staff.all().order_by("email")
    tokens = await ApiToken.filter(revoked_at=None).select_related("staff").order_by("id")
    return render_with_csrf(
        request,
        "staff/admin_staff.html",
        {
            "staff": admin,
            "members": members,
            "tokens": tokens,
            "roles": [r.value for r in StaffRole],
            "error": error,
            "notice": request.query_params.get("notice"),
        },
        status_code=status_code,
    )


def _back(notice: str) -> Response:
    return RedirectResponse(f"/staff/admin?notice={notice}", status_code=303)


@console(StaffRole.ADMIN)
async def staff_admin_page(request: Request, staff: Staff) -> Response:
    return await _staff_page(request, staff)


@console(StaffRole.ADMIN)
async def staff_add_post(request: Request, staff: Staff) -> Response:
    form = await read_form(request)
    try:
        await accounts.add_staff_by_admin(
            staff.id,
            str(form.get("email") or ""),
            str(form.get("role") or ""),
            str(form.get("password") or ""),
        )
    except accounts.StaffAccountError as error:
        return await _staff_page(request, staff, str(error), 422)
    return _back("added")


def _member_id(request: Request) -> int:
    member_id = row_id(request.path_params["staff_id"])
    if member_id is None:
        raise ApiError(404)
    return member_id


@console(StaffRole.ADMIN)
async def staff_role_post(request: Request, staff: Staff) -> Response:
    form = await read_form(request)
    try:
        await accounts.change_role(staff.id, _member_id(request), str(form.get("role") or ""))
    except accounts.StaffAccountError as error:
        return await _staff_page(request, staff, str(error), 422)
    return _back("role-changed")


@console(StaffRole.ADMIN)
async def staff_deactivate_post(request: Request, staff: Staff) -> Response:
    try:
        await accounts.deactivate_staff(staff.id, _member_id(request))
    except accounts.StaffAccountError as error:
        return await _staff_page(request, staff, str(error), 422)
    return _back("deactivated")


@console(StaffRole.ADMIN)
async def token_revoke_post(request: Request, staff: Staff) -> Response:
    token_id = row_id(request.path_params["token_id"])
    if token_id is None:
        raise ApiError(404)
    await accounts.revoke_tokens(staff.id, token_id=token_id)
    return _back("token-revoked")


@console(StaffRole.ADMIN)
async def audit_page(request: Request, staff: Staff) -> Response:
    """The newest events; the whole chain is verified only when asked (``?verify=1``), since
    that reads every event ever written."""
    before = whole_number(request.query_params.get("before", ""))
    events = await recent_audit_events(limit=AUDIT_PAGE_SIZE, before=before)
    verified = request.query_params.get("verify") == "1"
    count, broken = await verify_audit_chain() if verified else (None, None)
    return render_with_csrf(
        request,
        "staff/audit.html",
        {
            "staff": staff,
            "events": events,
            "verified": verified,
            "before": before,
            "count": count,
            "broken": broken,
            "next_before": events[-1].id if len(events) == AUDIT_PAGE_SIZE else None,
        },
    )
