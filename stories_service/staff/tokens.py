"""API tokens for staff: random, shown once, stored as SHA-256, revocable."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from starlette.requests import Request

from stories_service.errors import ApiError
from stories_service.models import ApiToken, Staff

TOKEN_PREFIX = "hs_"  # noqa: S105 (a marker, not a secret)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


async def issue_token(staff: Staff) -> str:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    await ApiToken.create(staff=staff, token_hash=token_digest(token), prefix=token[:10])
    return token


async def staff_for_token(token: str) -> Staff | None:
    record = await ApiToken.get_or_none(
        token_hash=token_digest(token), revoked_at=None
    ).select_related("staff")
    if record is None or not record.staff.active:
        return None
    now = datetime.now(UTC)
    if record.last_used_at is None or (now - record.last_used_at).total_seconds() > 60:
        await ApiToken.filter(id=record.id).update(last_used_at=now)
    return record.staff


async def optional_bearer_staff(request: Request) -> Staff | None:
    """The staff member behind ``Authorization: Bearer``; 401 if a token is sent but invalid."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401, "Use Authorization: Bearer <token>.", headers={"WWW-Authenticate": "Bearer"}
        )
    staff = await staff_for_token(token.strip())
    if staff is None:
        raise ApiError(401, "This API token is not valid.", headers={"WWW-Authenticate": "Bearer"})
    return staff
