"""Signed console session cookies.

The session cookie is signed (itsdangerous, the settings' secret key), HttpOnly, SameSite=Lax,
and Secure when the service runs on https. It carries the staff id, the account's
``session_epoch`` (bumped on deactivation, role or password change, which ends every session at
once) and the session's CSRF token. Visitors who are not signed in get a cookie with a CSRF
token only, so the login form is protected too.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from stories_service.models import Staff
from stories_service.runtime import runtime_of

SESSION_COOKIE = "hs_staff"
SESSION_MAX_AGE = 12 * 3600


@dataclass(frozen=True, slots=True)
class Session:
    staff_id: int | None
    epoch: int
    csrf: str


def _serializer(request: Request) -> URLSafeTimedSerializer:
    secret = runtime_of(request).settings.secret_key
    return URLSafeTimedSerializer(secret, salt="healing-stories.staff-session")


def read_session(request: Request) -> Session | None:
    """The signed session in the request's cookie, or None if absent, forged or too old."""
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    try:
        data: Any = _serializer(request).loads(raw, max_age=SESSION_MAX_AGE)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("csrf"), str):
        return None
    staff_id = data.get("sid")
    return Session(
        staff_id=staff_id if isinstance(staff_id, int) else None,
        epoch=int(data.get("ep", 0)),
        csrf=data["csrf"],
    )


def new_session(staff: Staff | None) -> Session:
    return Session(
        staff_id=staff.id if staff else None,
        epoch=staff.session_epoch if staff else 0,
        csrf=secrets.token_urlsafe(32),
    )


def set_session_cookie(request: Request, response: Response, session: Session) -> None:
    value = _serializer(request).dumps(
        {"sid": session.staff_id, "ep": session.epoch, "csrf": session.csrf}
    )
    response.set_cookie(
        SESSION_COOKIE,
        value,
        max_age=SESSION_MAX_AGE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=runtime_of(request).settings.https,
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        SESSION_COOKIE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=runtime_of(request).settings.https,
    )


async def session_staff(request: Request) -> Staff | None:
    """The signed-in staff member of a console session, if the session is still valid."""
    session = read_session(request)
    if session is None or session.staff_id is None:
        return None
    staff = await Staff.get_or_none(id=session.staff_id, active=True)
    if staff is None or staff.session_epoch != session.epoch:
        return None
    return staff
