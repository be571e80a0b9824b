"""POST /language: the language switcher's explicit choice, remembered in a cookie.

A page reached by GET is opened again by a redirect; the two pages shown after a POST (the
receipt page and /my-story) are shown again from what the switcher carried, and nothing else
in the form is acted on.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Match

from stories_service.cross_site import same_site_only
from stories_service.errors import ApiError
from stories_service.http_input import read_form
from stories_service.i18n.catalogues import lazy_gettext as _l
from stories_service.i18n.catalogues import use_locale
from stories_service.i18n.negotiation import COOKIE_MAX_AGE, COOKIE_NAME, supported
from stories_service.intake.routes import render_receipt_page
from stories_service.receipt import codes
from stories_service.receipt.access import submission_for_code
from stories_service.receipt.routes import my_story_again
from stories_service.runtime import runtime_of

UNKNOWN_LANGUAGE = _l("This language is not available.")


def safe_next(raw: str | None) -> str:
    """A path on this site to go back to; anything else (other hosts, schemes) becomes ``/``."""
    if not raw or not raw.startswith("/") or raw.startswith("//") or "\\" in raw:
        return "/"
    if any(ord(ch) < 0x20 for ch in raw):
        return "/"
    return raw[:300]


def _page_to_return_to(request: Request, raw: str | None) -> str:
    """``next`` if it can be opened with GET here; a page shown after a POST (such as
    ``/my-story/withdraw``) falls back to the nearest page above it that can, else ``/``."""
    path = safe_next(raw)
    while path not in ("", "/"):
        scope = {"type": "http", "path": path.split("?")[0], "method": "GET"}
        if any(route.matches(scope)[0] is Match.FULL for route in request.app.routes):
            return path
        path = path.rsplit("/", 1)[0]
    return "/"


async def _receipt_page_again(request: Request, raw_code: str, locale: str) -> Response:
    """The receipt page, shown after a POST, cannot be reached by a redirect: show it again in the
    new language from the code the switcher carried in its body, so the code is not lost.
    """

    with use_locale(locale):
        submission = await submission_for_code(request, raw_code)
        canonical = codes.canonical(raw_code) or raw_code
        return render_receipt_page(
            request, canonical, submission.created_at.date(), status_code=200
        )


@same_site_only
async def choose_language(request: Request) -> Response:
    """Remember the chosen interface language and go back to the page the choice was made on."""
    form = await read_form(request)
    locale = supported(str(form.get("lang") or ""))
    if locale is None:
        raise ApiError(422, str(UNKNOWN_LANGUAGE), fields={"lang": str(UNKNOWN_LANGUAGE)})
    response: Response
    if form.get("page") == "receipt" and form.get("receipt_code"):
        response = await _receipt_page_again(request, str(form.get("receipt_code")), locale)
    elif form.get("page") == "my-story" and form.get("receipt_token"):
        # My story never writes the code into a page: its signed token stands in for it.
        with use_locale(locale):
            response = await my_story_again(request, str(form.get("receipt_token")))
    else:
        next_page = _page_to_return_to(request, str(form.get("next") or ""))
        response = RedirectResponse(next_page, status_code=303)
    response.set_cookie(
        COOKIE_NAME,
        locale,
        max_age=COOKIE_MAX_AGE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=runtime_of(request).settings.https,
    )
    return response
