"""The outermost of the app's middleware: what every HTTP answer gets on its way out.

Two rules act on every response's start message, so they share one wrapper of ``send``: the
security headers (``security_headers.py`` says which) and the request metrics (counted and
timed by route template, ``metrics/requests.py``). This runs on every request, the cached
feed's included, and each layer that wraps ``send`` costs about a microsecond there.
"""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stories_service.instruments import count_request
from stories_service.metrics.requests import method_label, route_label
from stories_service.security_headers import SecurityHeaders


class ResponseEdgeMiddleware:
    """Adds the security headers to each response but a 304 (a browser keeps using the headers
    of the response it stored, and a 304 updates only those it carries: RFC 9111 4.3.4), and
    counts each HTTP request by route
    template, method and status, timed from its arrival to the end of the answer."""

    def __init__(self, app: ASGIApp, *, https: bool, embed_origins: tuple[str, ...] = ()) -> None:
        self.app = app
        self.security_headers = SecurityHeaders(https=https, embed_origins=embed_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        path = scope["path"]
        status = 500  # what the client gets if nothing inside answers

        async def send_answer(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                if status != 304:
                    message["headers"] = self.security_headers.added_to(
                        path, message.get("headers", ())
                    )
            await send(message)

        try:
            await self.app(scope, receive, send_answer)
        finally:
            # The router wrote the matched route into this same scope on the way in.
            count_request(
                route_label(scope),
                method_label(scope["method"]),
                status,
                time.perf_counter() - started,
            )
