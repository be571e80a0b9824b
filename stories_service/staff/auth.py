"""Staff authentication: who is asking (API bearer token or console session), role checks,
guards for API handlers and console pages, and signing in.

Sessions themselves are ``sessions``; CSRF tokens are ``csrf``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import wraps
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from moderation.states import StaffRole, role_at_least
from moderation.workflow import Actor
from stories_service import throttle
from stories_service.errors import ApiError
from stories_service.models import Staff
from stories_service.runtime import client_address, runtime_of
from stories_service.staff.csrf import check_csrf
from stories_service.staff.devices import known_device
from stories_service.staff.passwords import hash_password, needs_rehash, verify_password
from stories_service.staff.sessions import session_staff
from stories_service.staff.tokens import optional_bearer_staff

LOGIN_WINDOW_SECONDS = 900
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def has_role(staff: Staff, minimum: StaffRole) -> bool:
    return role_at_least(staff.role, minimum)


def actor_for(staff: Staff) -> Actor:
    return Actor.staff(staff.id, staff.role)


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
            await check_csrf(request)
    if not has_role(staff, minimum):
        raise ApiError(403, f"This needs the {minimum.value} role or higher.")
    request.state.staff = staff
    return staff


async def throttle_login(request: Request, email: str) -> None:
    """Throttle sign-in attempts without letting a stranger keep the owner out.

    A browser holding the account's known-device cookie (``devices``) is counted on its own:
    ``login_rate_per_15min`` attempts per device, whatever its address. Every other attempt is
    counted per client and e-mail (``login_rate_per_15min``), and, at five times that, per
    e-mail alone (one account from many addresses) and per client alone (many accounts from one
    address). So the per-account limit can only refuse browsers the owner has never signed in
    from; docs/moderation.md says why and what remains.
    """
    settings = runtime_of(request).settings
    rate = settings.login_rate_per_15min
    device = known_device(request, email)
    if device is not None:
        scopes: tuple[tuple[str, str, int], ...] = (("login-device", device, rate),)
    else:
        client = client_address(request, settings)
        scopes = (
            ("login", f"{client}|{email}", rate),
            ("login-account", email, rate * 5),
            ("login-client", client, rate * 5),
        )
    for scope, who, limit in scopes:
        key = throttle.throttle_key(settings.secret_key, scope, who)
        await throttle.enforce(
            key, limit, LOGIN_WINDOW_SECONDS, "Too many sign-in attempts. Wait and try again."
        )


async def authenticate(email: str, password: str) -> Staff | None:
    """The active account for these credentials, or None (same cost either way).

    The argon2 work runs in a thread (``passwords``), so the worker keeps answering meanwhile."""
    staff = await Staff.get_or_none(email=email.strip().lower(), active=True)
    verified = await verify_password(staff.password_hash if staff else None, password)
    if not verified or staff is None:
        return None
    updates: dict[str, Any] = {"last_login_at": datetime.now(UTC)}
    if staff.password_hash and needs_rehash(staff.password_hash):
        updates["password_hash"] = await hash_password(password)
    await Staff.filter(id=staff.id).update(**updates)
    return staff


async def require_api_staff(request: Request) -> Staff:
    """The staff member behind the bearer token; 401 without one."""
    staff = await optional_bearer_staff(request)
    if staff is None:
        raise ApiError(401, headers={"WWW-Authenticate": "Bearer"})
    return staff


ConsoleHandler = Callable[[Request, Staff], Awaitable[Response]]


def console(
    minimum_role: StaffRole,
) -> Callable[[ConsoleHandler], Callable[[Request], Awaitable[Response]]]:
    """Wrap a console handler: signed-in staff with the role, and CSRF on every POST."""

    def wrap(handler: ConsoleHandler) -> Callable[[Request], Awaitable[Response]]:
        @wraps(handler)
        async def endpoint(request: Request) -> Response:
            if request.method == "POST":
                await check_csrf(request)
            staff = await session_staff(request)
            if staff is None:
                return RedirectResponse("/staff/login", status_code=303)
            if not has_role(staff, minimum_role):
                raise ApiError(403, f"This page needs the {minimum_role.value} role or higher.")
            request.state.staff = staff
            return await handler(request, staff)

        return endpoint

    return wrap
