"""CSRF protection for staff forms: a per-session token, checked on every console POST.

The token lives inside the signed session cookie and in a hidden ``csrf_token`` field of every
form (or the ``X-CSRF-Token`` header for script requests). Other features reuse
``render_with_csrf`` for their staff pages and ``check_csrf`` (or ``require_staff``, which calls
it) for their POST handlers.
"""

from __future__ import annotations

import hmac
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse

from stories_service.errors import ApiError
from stories_service.staff.sessions import (
    Session,
    anonymous_session,
    read_session,
    set_session_cookie,
)
from stories_service.templating import render_page

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def session_for_form(request: Request) -> tuple[Session, bool]:
    """The request's session, or a fresh anonymous one; True when the cookie must be set."""
    session = read_session(request)
    if session is None:
        return anonymous_session(), True
    return session, False


async def check_csrf(request: Request) -> None:
    """Raise 403 unless the request carries the session's CSRF token."""
    session = read_session(request)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if session is None or not sent or not hmac.compare_digest(sent, session.csrf):
        raise ApiError(
            403,
            "This form has expired or did not come from this site. Reload the page and try again.",
            code="csrf_failed",
        )


def render_with_csrf(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """Render a staff page with ``csrf_token`` in its context (setting the cookie if new)."""
    session, is_new = session_for_form(request)
    ctx = dict(context or {})
    ctx["csrf_token"] = session.csrf
    response = render_page(request, name, ctx, status_code=status_code, headers=headers)
    if is_new:
        set_session_cookie(request, response, session)
    return response
