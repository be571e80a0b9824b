"""Pure-ASGI middleware that sets the request's interface language before anything renders."""

from __future__ import annotations

from http.cookies import CookieError, SimpleCookie

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stories_service.i18n.catalogues import activate, deactivate
from stories_service.i18n.negotiation import COOKIE_NAME, choose_locale


def _cookie(headers: Headers, name: str) -> str | None:
    raw = headers.get("cookie")
    if not raw:
        return None
    try:
        jar = SimpleCookie(raw)
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


class LocaleMiddleware:
    """Chooses the locale once per request and keeps it in a context variable.

    The context variable is reset afterwards; each request runs in its own task, so concurrent
    requests never see each other's language.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        locale = choose_locale(_cookie(headers, COOKIE_NAME), headers.get("accept-language"))
        scope.setdefault("state", {})["locale"] = locale
        token = activate(locale)
        try:
            await self.app(scope, receive, _vary_by_language(send))
        finally:
            deactivate(token)


# What a page in the reader's language varies on; a 304 for such a page says the same.
LANGUAGE_VARY = ("Accept-Language", "Cookie")


def _vary_by_language(send: Send) -> Send:
    """A response in the request's language (it says Content-Language) depends on the
    Accept-Language header and the ``lang`` cookie: say so, or a shared cache would serve the
    first visitor's language to everyone."""

    async def send_with_vary(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            if "content-language" in headers:
                present = {v.strip().lower() for v in headers.get("vary", "").split(",")}
                for name in LANGUAGE_VARY:
                    if name.lower() not in present and "*" not in present:
                        headers.add_vary_header(name)
        await send(message)

    return send_with_vary
