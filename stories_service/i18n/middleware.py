"""Pure-ASGI middleware that sets the request's interface language before anything renders."""

from __future__ import annotations

from http.cookies import CookieError, SimpleCookie

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Receive, Scope, Send

from stories_service.i18n.catalogues import activate, deactivate
from stories_service.i18n.negotiation import COOKIE_NAME, choose_locale


def _cookie(raw: str | None, name: str) -> str | None:
    if not raw:
        return None
    try:
        jar = SimpleCookie(raw)
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


def _language_headers(scope: Scope) -> tuple[str | None, str | None]:
    """The request's Cookie and Accept-Language headers (the first of each), read in one pass
    over the raw headers: this runs on every request."""
    cookie = accept_language = None
    for name, value in scope["headers"]:
        if name == b"cookie" and cookie is None:
            cookie = value.decode("latin-1")
        elif name == b"accept-language" and accept_language is None:
            accept_language = value.decode("latin-1")
    return cookie, accept_language


class LocaleMiddleware:
    """Chooses the locale once per request and keeps it in a context variable.

    The context variable is reset afterwards; each request runs in its own task, so concurrent
    requests never see each other's language. A response in that language says what it varies
    on where it is built (``vary_by_language``), so this middleware never touches responses.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookie, accept_language = _language_headers(scope)
        locale = choose_locale(_cookie(cookie, COOKIE_NAME), accept_language)
        scope.setdefault("state", {})["locale"] = locale
        token = activate(locale)
        try:
            await self.app(scope, receive, send)
        finally:
            deactivate(token)


# What a page in the reader's language varies on; a 304 for such a page says the same.
LANGUAGE_VARY = ("Accept-Language", "Cookie")


def vary_by_language(headers: MutableHeaders) -> None:
    """A response in the request's language (it says Content-Language) depends on the
    Accept-Language header and the ``lang`` cookie: say so, or a shared cache would serve the
    first visitor's language to everyone."""
    present = {v.strip().lower() for v in headers.get("vary", "").split(",")}
    for name in LANGUAGE_VARY:
        if name.lower() not in present and "*" not in present:
            headers.add_vary_header(name)
