"""Console sessions: a signed cookie with a random token, and a row per session in the database.

The cookie ``hs_staff`` is signed (itsdangerous, the settings' secret key), HttpOnly,
SameSite=Lax, and Secure when the service runs on https. A signed-in member's cookie carries the
session token and the session's CSRF token; visitors who are not signed in get one with a CSRF
token only, so the login form is protected too.

A signed cookie alone cannot be taken back, and several workers and hosts share nothing but the
database (issue 14 #2: a cookie kept from before logout still worked for 12 hours). So each
session is a ``staff_sessions`` row holding the token's SHA-256 (never the token), and a session
is valid only while its row exists. A session ends, on every worker at once, when its row is
deleted:

- logout deletes the session's row;
- a role change, deactivation or a password reset (``stories-service reset-password``) deletes
  every row of the account (``end_all_sessions``);
- a session idle for ``STORIES_SESSION_IDLE_MINUTES`` or begun more than ``SESSION_MAX_AGE``
  ago is deleted when it is next presented, and by the periodic job below otherwise.

The last-seen time is written at most once a minute, not on every request, so the idle timeout
is measured to the minute.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from starlette.requests import Request
from starlette.responses import Response
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q

from stories_service.models import Staff, StaffSession
from stories_service.periodic import PeriodicJob
from stories_service.runtime import runtime_of
from stories_service.settings import Settings
from stories_service.staff.signed_cookies import dump_signed, load_signed
from stories_service.staff.tokens import token_digest

SESSION_COOKIE = "hs_staff"
SESSION_MAX_AGE = 12 * 3600
_SALT = "healing-stories.staff-session"
LAST_SEEN_EVERY_SECONDS = 60
EXPIRY_INTERVAL_SECONDS = 600.0


@dataclass(frozen=True, slots=True)
class Session:
    """What the cookie holds: the session token (None before sign-in) and the CSRF token."""

    token: str | None
    csrf: str


def read_session(request: Request) -> Session | None:
    """The signed session in the request's cookie, or None if absent, forged or too old.

    A session token here is only a claim: ``session_staff`` checks it against its row."""
    data = load_signed(request, SESSION_COOKIE, _SALT, SESSION_MAX_AGE)
    if data is None or not isinstance(data.get("csrf"), str):
        return None
    token = data.get("tok")
    return Session(token=token if isinstance(token, str) else None, csrf=data["csrf"])


def anonymous_session() -> Session:
    return Session(token=None, csrf=secrets.token_urlsafe(32))


async def start_session(staff: Staff) -> Session:
    """A new session for ``staff`` (a fresh token and CSRF token), recorded in the database."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    await StaffSession.create(
        staff=staff, token_hash=token_digest(token), created_at=now, last_seen_at=now
    )
    return Session(token=token, csrf=secrets.token_urlsafe(32))


def set_session_cookie(request: Request, response: Response, session: Session) -> None:
    payload: dict[str, str] = {"csrf": session.csrf}
    if session.token is not None:
        payload["tok"] = session.token
    response.set_cookie(
        SESSION_COOKIE,
        dump_signed(request, _SALT, payload),
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


def _ended(record: StaffSession, now: datetime, idle_minutes: int) -> bool:
    too_old = now - record.created_at > timedelta(seconds=SESSION_MAX_AGE)
    return too_old or now - record.last_seen_at > timedelta(minutes=idle_minutes)


async def session_staff(request: Request) -> Staff | None:
    """The signed-in staff member of a console session, if the session is still valid."""
    session = read_session(request)
    if session is None or session.token is None:
        return None
    record = await StaffSession.get_or_none(token_hash=token_digest(session.token)).select_related(
        "staff"
    )
    if record is None:
        return None
    now = datetime.now(UTC)
    if _ended(record, now, runtime_of(request).settings.session_idle_minutes):
        await StaffSession.filter(id=record.id).delete()
        return None
    if not record.staff.active:
        return None
    if (now - record.last_seen_at).total_seconds() >= LAST_SEEN_EVERY_SECONDS:
        await StaffSession.filter(id=record.id).update(last_seen_at=now)
    return record.staff


async def end_session(request: Request) -> None:
    """End the session of the request's cookie, if it has one (logout)."""
    session = read_session(request)
    if session is not None and session.token is not None:
        await StaffSession.filter(token_hash=token_digest(session.token)).delete()


async def end_all_sessions(staff_id: int, connection: BaseDBAsyncClient | None = None) -> int:
    """End every session of an account (role change, deactivation); returns how many."""
    return await StaffSession.filter(staff_id=staff_id).using_db(connection).delete()


async def forget_ended_sessions(idle_minutes: int, now: datetime | None = None) -> int:
    """Delete the rows of sessions that timed out but were never presented again."""
    now = datetime.now(UTC) if now is None else now
    return await StaffSession.filter(
        Q(created_at__lt=now - timedelta(seconds=SESSION_MAX_AGE))
        | Q(last_seen_at__lt=now - timedelta(minutes=idle_minutes))
    ).delete()


def session_expiry_jobs(settings: Settings) -> list[PeriodicJob]:
    """Every worker may run it: the deletion is idempotent and cheap, so no lease is needed."""
    return [
        PeriodicJob(
            "session_expiry",
            EXPIRY_INTERVAL_SECONDS,
            lambda: forget_ended_sessions(settings.session_idle_minutes),
        )
    ]
