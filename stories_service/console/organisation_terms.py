"""The admin page of the organisation's list (issue 15 #4): terms the redaction engine looks for
in every story. Admins only; the terms are shown to no one else."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from moderation.redaction import LIST_KINDS
from moderation.states import StaffRole
from stories_service.console.views import row_id
from stories_service.errors import ApiError
from stories_service.http_input import read_form
from stories_service.models import Staff
from stories_service.moderating import organisation_terms as terms
from stories_service.runtime import runtime_of
from stories_service.staff.auth import console
from stories_service.staff.csrf import render_with_csrf

PAGE = "/staff/admin/terms"
_NOTICES = {"added": "Term added.", "bulk-added": "Terms added.", "removed": "Term removed."}


async def _page(
    request: Request,
    admin: Staff,
    *,
    error: str | None = None,
    form: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    rows = await terms.listed_rows(runtime_of(request).cipher)
    notice = request.query_params.get("notice", "")
    return render_with_csrf(
        request,
        "staff/admin_terms.html",
        {
            "staff": admin,
            "nav_current": "terms",
            "rows": rows,
            "kinds": LIST_KINDS,
            "error": error,
            "form": form or {},
            "notice": _NOTICES.get(notice),
            "max_term": terms.MAX_TERM_CHARS,
            "max_note": terms.MAX_NOTE_CHARS,
            "max_lines": terms.MAX_BULK_LINES,
        },
        status_code=status_code,
    )


def _back(notice: str) -> Response:
    return RedirectResponse(f"{PAGE}?notice={notice}", status_code=303)


@console(StaffRole.ADMIN)
async def terms_page(request: Request, staff: Staff) -> Response:
    """GET /staff/admin/terms: the list, a form to add one term and one to add many."""
    return await _page(request, staff)


@console(StaffRole.ADMIN)
async def term_add_post(request: Request, staff: Staff) -> Response:
    form = await read_form(request)
    fields = {name: str(form.get(name) or "") for name in ("term", "kind", "note")}
    runtime = runtime_of(request)
    try:
        await terms.add_terms(
            staff.id,
            [(fields["term"], fields["kind"], fields["note"])],
            runtime.cipher,
            runtime.settings.secret_key,
        )
    except terms.TermInvalid as error:
        return await _page(request, staff, error=str(error), form=fields, status_code=422)
    return _back("added")


@console(StaffRole.ADMIN)
async def term_bulk_post(request: Request, staff: Staff) -> Response:
    """One term per line, all of one kind; all are added or none."""
    form = await read_form(request)
    kind = str(form.get("bulk_kind") or "")
    text = str(form.get("bulk_terms") or "")
    lines = [line for line in text.splitlines() if line.strip()]
    runtime = runtime_of(request)
    try:
        await terms.add_terms(
            staff.id,
            [(line, kind, "") for line in lines],
            runtime.cipher,
            runtime.settings.secret_key,
        )
    except terms.TermInvalid as error:
        fields = {"bulk_kind": kind, "bulk_terms": text}
        return await _page(request, staff, error=str(error), form=fields, status_code=422)
    return _back("bulk-added")


@console(StaffRole.ADMIN)
async def term_remove_post(request: Request, staff: Staff) -> Response:
    term_id = row_id(request.path_params["term_id"])
    if term_id is None:
        raise ApiError(404)
    try:
        await terms.remove_term(staff.id, term_id, runtime_of(request).cipher)
    except terms.TermInvalid as error:
        return await _page(request, staff, error=str(error), status_code=404)
    return _back("removed")
