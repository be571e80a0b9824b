"""One error shape for the JSON API and one error page for people, produced in one place.

JSON: ``{"error": {"code", "message", "fields"?}}``; HTML: ``error.html`` in the site layout
(``staff/error.html`` in the console's, under ``/staff``).
No stack trace or internal detail ever reaches a client.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from babel.support import LazyProxy
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from moderation.markup_limits import MAX_ATTRIBUTES, MAX_DEPTH, MAX_ELEMENTS, TooMuchMarkup
from moderation.workflow import WorkflowError
from stories_service.db.unavailable import database_unavailable
from stories_service.i18n.catalogues import format_number, gettext
from stories_service.i18n.catalogues import lazy_gettext as _l
from stories_service.sanitizing import SanitizerUnavailable
from stories_service.templating import render_page

log = logging.getLogger("stories_service.errors")

_DEFAULT_CODES = {
    400: "malformed_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    410: "gone",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_fields",
    429: "throttled",
    500: "internal_error",
    503: "unavailable",
}

_DEFAULT_MESSAGES: dict[int, str | LazyProxy] = {
    400: _l("The request could not be read."),
    401: _l("Sign in or send a valid API token."),
    403: _l("You are not allowed to do this."),
    404: _l("There is nothing here."),
    405: _l("This method is not allowed here."),
    409: _l("This cannot be done in the current state."),
    410: _l("This is no longer available."),
    413: _l("The request is too large."),
    415: _l("Send the request as application/json."),
    422: _l("Some fields need attention."),
    429: _l("Too many attempts. Please wait and try again."),
    500: _l("Something went wrong on our side. Nothing you sent was lost if you got a receipt."),
    503: _l("The service is not available right now."),
}


class ApiError(Exception):
    """An error meant for the client, with a status, a stable code and a human message."""

    def __init__(
        self,
        status: int,
        message: str | LazyProxy | None = None,
        *,
        code: str | None = None,
        fields: dict[str, str] | dict[str, LazyProxy] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.status = status
        self.code = code or _DEFAULT_CODES.get(status, "error")
        # Messages may be lazy (translated when shown, in the language of the request showing it).
        self.message = message or _DEFAULT_MESSAGES.get(status, "Error.")
        self.fields = fields
        self.headers = headers or {}
        self.extra = extra or {}
        super().__init__(str(self.message))

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": str(self.message)}
        if self.fields:
            error["fields"] = {name: str(problem) for name, problem in self.fields.items()}
        error.update(self.extra)
        return {"error": error}


def wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path in {
        "/openapi.json",
        "/feed.json",
        "/healthz",
        "/readyz",
        "/oembed",
        "/metrics",  # a scraper sends no Accept that asks for JSON, and reads no HTML page
    }:
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _render(request: Request, error: ApiError) -> Response:
    if wants_json(request):
        # Errors are about one request (a wrong code, a throttle): no cache may keep them.
        headers = {"Cache-Control": "no-store", **error.headers}
        return JSONResponse(error.body(), status_code=error.status, headers=headers)
    # The console's errors stay in the console's layout (English, no survivor footer).
    staff_page = request.url.path == "/staff" or request.url.path.startswith("/staff/")
    return render_page(
        request,
        "staff/error.html" if staff_page else "error.html",
        {"status": error.status, "message": str(error.message), "code": error.code},
        status_code=error.status,
        headers=error.headers,
    )


async def handle_api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return _render(request, exc)


def workflow_api_error(error: WorkflowError) -> ApiError:
    """The one mapping from a domain error (a refused transition, a missing reason…) to the
    error shape; its ``status`` and ``code`` come from the domain error's class."""
    return ApiError(error.status, error.message, code=error.code, extra=error.extra or None)


async def handle_workflow_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, WorkflowError)
    return _render(request, workflow_api_error(exc))


def too_much_markup_message() -> str:
    """What a survivor reads when their story holds more markup than ``moderation.markup_limits``
    allows (in the request's language)."""
    return gettext(
        "Your story has more formatting than we can take in: more than %(elements)s paragraphs "
        "or formatted parts, formatting nested more than %(depth)s levels deep, or a tag with "
        "more than %(attributes)s attributes. Please send it as plain text, or with less "
        "formatting. Nothing was saved."
    ) % {
        "elements": format_number(MAX_ELEMENTS),
        "depth": format_number(MAX_DEPTH),
        "attributes": format_number(MAX_ATTRIBUTES),
    }


def sanitizer_unavailable_message() -> str:
    return gettext(
        "We could not take in your text just now. Nothing was saved. Please try again in a minute."
    )


# Seconds a client is asked to wait after a 503 from a busy or overrun sanitiser.
SANITIZER_RETRY_AFTER = "30"


async def handle_too_much_markup(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, TooMuchMarkup)
    message = too_much_markup_message()
    return _render(
        request, ApiError(422, message, code="too_much_markup", fields={"body": message})
    )


async def handle_sanitizer_unavailable(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SanitizerUnavailable)
    headers = {"Retry-After": SANITIZER_RETRY_AFTER}
    return _render(request, ApiError(503, sanitizer_unavailable_message(), headers=headers))


async def handle_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code in {204, 304}:
        return Response(status_code=exc.status_code, headers=exc.headers)
    return _render(request, ApiError(exc.status_code, headers=dict(exc.headers or {})))


# Seconds a client is asked to wait when the database is away (a restart, a fail-over) or
# too slow (a statement ran past STORIES_DB_STATEMENT_TIMEOUT).
DATABASE_RETRY_AFTER = "5"


def database_unavailable_error() -> ApiError:
    return ApiError(503, code="database_unavailable", headers={"Retry-After": DATABASE_RETRY_AFTER})


async def handle_unexpected(request: Request, exc: Exception) -> Response:
    # Log the type and where, not the message: messages can quote survivor text.
    if database_unavailable(exc):
        path = request.url.path
        log.warning("database unavailable on %s %s: %s", request.method, path, type(exc).__name__)
        return _render(request, database_unavailable_error())
    log.error(
        "unhandled %s on %s %s\n%s",
        type(exc).__name__,
        request.method,
        request.url.path,
        "".join(traceback.format_tb(exc.__traceback__)),
    )
    return _render(request, ApiError(500))


EXCEPTION_HANDLERS = {
    ApiError: handle_api_error,
    WorkflowError: handle_workflow_error,
    HTTPException: handle_http_exception,
    TooMuchMarkup: handle_too_much_markup,
    SanitizerUnavailable: handle_sanitizer_unavailable,
}


class CatchUnexpectedMiddleware:
    """Turns any unhandled exception into the 500 error shape without re-raising it.

    Starlette's own server-error middleware re-raises, and the server would then log the
    exception's message, which can quote survivor text. This logs the type and frames only.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except ClientDisconnect:
            return  # the client went away; nobody is left to answer
        except Exception as exc:
            request = Request(scope)
            response = await handle_unexpected(request, exc)
            if not started:
                await response(scope, receive, send)
