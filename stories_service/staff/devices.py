"""Known devices: a browser that has signed in to an account before keeps its own sign-in limit.

A per-account limit on sign-in attempts is what stops guessing one account from many addresses,
but whoever can reach the limit can then keep the owner out for as long as they keep trying
(issue 14 #9). Slowing every attempt down instead does not help: the attacker's attempts take
the slots the owner would have. What a stranger does not have is a browser the owner has
signed in from, so (after OWASP's "device cookies"): a successful sign-in gives the browser a
signed cookie naming the account (by a keyed hash of its e-mail address) and a random device
id. Attempts carrying a valid one for the account being signed in to are counted against that
device alone (``login_rate_per_15min``), not against the account or the address; a stolen cookie
gives a thief that many guesses and no more. Everyone else shares the per-account limit, so
guessing stays as expensive as before.

The cookie is sent only to ``/staff/login`` (its path), is HttpOnly, SameSite=Strict, Secure on
https, and holds nothing readable: the account appears only as the keyed hash. One browser
knows one account: the last one signed in from it.
"""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request
from starlette.responses import Response

from stories_service.runtime import runtime_of
from stories_service.staff.signed_cookies import dump_signed, load_signed
from stories_service.throttle import throttle_key

DEVICE_COOKIE = "hs_device"
DEVICE_COOKIE_PATH = "/staff/login"
DEVICE_MAX_AGE = 90 * 86_400
_SALT = "healing-stories.staff-device"


def _account_key(secret_key: str, email: str) -> str:
    return throttle_key(secret_key, "device-account", email)


def known_device(request: Request, email: str) -> str | None:
    """The device id of the request's cookie if it is valid for ``email``, else None."""
    data = load_signed(request, DEVICE_COOKIE, _SALT, DEVICE_MAX_AGE)
    if data is None or not isinstance(data.get("d"), str) or not isinstance(data.get("a"), str):
        return None
    keys = runtime_of(request).settings.secret_keys
    if not any(hmac.compare_digest(data["a"], _account_key(key, email)) for key in keys):
        return None
    device: str = data["d"]
    return device


def remember_device(request: Request, response: Response, email: str) -> None:
    """After a successful sign-in: this browser is now a known device of ``email``'s account."""
    settings = runtime_of(request).settings
    payload = {"a": _account_key(settings.secret_key, email), "d": secrets.token_urlsafe(16)}
    response.set_cookie(
        DEVICE_COOKIE,
        dump_signed(request, _SALT, payload),
        max_age=DEVICE_MAX_AGE,
        path=DEVICE_COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=settings.https,
    )
