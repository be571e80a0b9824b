"""Counting and timing every HTTP request by the template of the route that answered it."""

from __future__ import annotations

import time

from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stories_service.instruments import UNMATCHED_ROUTE, count_request

_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def route_label(scope: Scope) -> str:
    """The matched route's template (``/stories/{slug}``), never the path that was asked for:
    a path holds slugs and submission ids, and any client can make up new ones."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if not isinstance(path, str):
        return UNMATCHED_ROUTE
    if isinstance(route, Mount):
        return path + "/{path}"
    return path


def method_label(method: str) -> str:
    return method if method in _METHODS else "other"


class RequestMetricsMiddleware:
    """Counts each HTTP request by route template, method and status, and times it from its
    arrival to the end of the answer (the outermost of the app's middleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets if nothing inside answers

        async def noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noting_status)
        finally:
            # The router wrote the matched route into this same scope on the way in.
            count_request(
                route_label(scope),
                method_label(scope["method"]),
                status,
                time.perf_counter() - started,
            )
