"""The staff feature's signed cookies (the session, the known device): itsdangerous with the
settings' secret key, one salt per cookie so that neither can stand in for the other."""

from __future__ import annotations

from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request

from stories_service.runtime import runtime_of


def _serializer(request: Request, salt: str) -> URLSafeTimedSerializer:
    # itsdangerous signs with the last key and verifies with any (a rotated secret key keeps
    # sessions and known devices): oldest first.
    keys = list(reversed(runtime_of(request).settings.secret_keys))
    return URLSafeTimedSerializer(keys, salt=salt)


def load_signed(request: Request, cookie: str, salt: str, max_age: int) -> dict[str, Any] | None:
    """The cookie's payload, or None if it is absent, forged, too old or not an object."""
    raw = request.cookies.get(cookie)
    if not raw:
        return None
    try:
        data: Any = _serializer(request, salt).loads(raw, max_age=max_age)
    except BadSignature:
        return None
    return data if isinstance(data, dict) else None


def dump_signed(request: Request, salt: str, payload: dict[str, str]) -> str:
    return _serializer(request, salt).dumps(payload)
