"""Staff authentication: signed console session cookies, API bearer tokens, role checks.

The session cookie is signed (itsdangerous, the settings' secret key), HttpOnly, SameSite=Lax,
and Secure when the service runs on https. It carries the staff id, the account's
``session_epoch`` (bumped on deactivation, role or password change, which ends every session at
once) and the session's CSRF token. Visitors who are not signed in get a cookie with a CSRF
token only, so the login form is protected too.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from moderation.states import StaffRole, role_at_least
from moderation.workflow import Actor
from stories_service import throttle
from stories_service.errors import ApiError
from stories_service.models import Staff
from stories_service.runtime import client_address, runtime_of
from stories_service.staff.passwords import hash_password, needs_rehash, verify_password
from stories_service.staff.tokens import optional_bearer_staff

SESSION_COOKIE = "hs_staff"
SESSION_MAX_AGE = 12 * 3600
LOGIN_WINDOW_SECONDS = 900
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


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


def has_role(staff: Staff, minimum: StaffRole) -> bool:
    return role_at_least(staff.role, minimum)


def actor_for(staff: Staff) -> Actor:
    return Actor.staff(staff.id, staff.role)


async def session_staff(request: Request) -> Staff | None:
    """The signed-in staff member of a console session, if the session is still valid."""
    session = read_session(request)
    if session is None or session.staff_id is None:
        return None
    staff = await Staff.get_or_none(id=session.staff_id, active=True)
    if staff is None or staff.session_epoch != session.epoch:
        return None
    return staff


async def require_staff(request: Request, minimum_role: StaffRole | str) -> Staff:
    """The authenticated staff member (Bearer token, or console session) with at least that role.

    401 when nobody is signed in, 403 when the role is too low. A cookie-authenticated request
    that changes something must carry the session's CSRF token (form field or X-CSRF-Token).
    """
    minimum = StaffRole(minimum_role)
    staff = await optional_bearer_staff(request)
    if staff is None:
        staff = await session_staff(request)
        if staff is None:
            raise ApiError(401, "Sign in or send a valid API token.")
        if request.method not in _SAFE_METHODS:
            from stories_service.staff.csrf import check_csrf

            await check_csrf(request)
    if not has_role(staff, minimum):
        raise ApiError(403, f"This needs the {minimum.value} role or higher.")
    request.state.staff = staff
    return staff


async def throttle_login(request: Request, email: str) -> None:
    """Throttle sign-in attempts: per client and e-mail (``login_rate_per_15min``), and, at five
    times that, per e-mail alone (one account from many addresses) and per client alone (many
    accounts from one address)."""
    settings = runtime_of(request).settings
    client = client_address(request, settings)
    rate = settings.login_rate_per_15min
    for scope, who, limit in (
        ("login", f"{client}|{email}", rate),
        ("login-account", email, rate * 5),
        ("login-client", client, rate * 5),
    ):
        key = throttle.throttle_key(settings.secret_key, scope, who)
        await throttle.enforce(
            key, limit, LOGIN_WINDOW_SECONDS, "Too many sign-in attempts. Wait and try again."
        )


async def authenticate(email: str, password: str) -> Staff | None:
    """The active account for these credentials, or None (same cost either way)."""
    staff = await Staff.get_or_none(email=email.strip().lower(), active=True)
    if not verify_password(staff.password_hash if staff else None, password) or staff is None:
        return None
    updates: dict[str, Any] = {"last_login_at": datetime.now(UTC)}
    if staff.password_hash and needs_rehash(staff.password_hash):
        updates["password_hash"] = hash_password(password)
    await Staff.filter(id=staff.id).update(**updates)
    return staff
