"""CORS on the public read endpoints only: browser code on the configured sites may read the
feeds and the public JSON, never anything of staff or survivors.

The rule is by path (``PUBLIC_READ_PATHS``), so a preflight (``OPTIONS``), which no route
answers, is answered here, and cached pages served straight from memory get the headers too.
A new public read endpoint joins by adding its pattern below. No response ever allows
credentials: the public data needs no cookie, and a survivor's or staff member's cookie must
never travel with another site's request and have its answer read.
"""

from __future__ import annotations

import json
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Anchored patterns of the paths other sites' pages may read. Written out (no prefixes), so a
# staff action under a public path (``/api/v1/stories/{slug}/unpublish``) never matches.
PUBLIC_READ_PATHS = tuple(
    re.compile(pattern)
    for pattern in (
        r"/feed\.json",
        r"/feed\.atom",
        r"/api/v1/stories",
        r"/api/v1/stories/[a-z0-9]{1,64}",
        r"/api/v1/changes",
        r"/api/v1/withdrawals",
        r"/api/v1/content-notes",
        r"/oembed",
    )
)
ALLOWED_METHODS = ("GET", "HEAD")
# Request headers a reader's script may send beyond the CORS-safelisted ones: revalidation.
ALLOWED_HEADERS = ("if-none-match", "if-modified-since")
# Response headers a script may read beyond the safelisted ones (Last-Modified is one already).
EXPOSED_HEADERS = "ETag, Retry-After"
PREFLIGHT_MAX_AGE = "600"


def is_public_read_path(path: str) -> bool:
    return any(pattern.fullmatch(path) for pattern in PUBLIC_READ_PATHS)


class CorsMiddleware:
    """Adds ``Access-Control-Allow-Origin`` for allowed origins on the public read paths, and
    answers their preflights. ``origins`` is ``("*",)``, a tuple of exact origins, or empty
    (nothing is added anywhere)."""

    def __init__(self, app: ASGIApp, *, origins: tuple[str, ...]) -> None:
        self.app = app
        self.any_origin = origins == ("*",)
        self.origins = frozenset(origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.origins or not is_public_read_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        origin = _header(scope, b"origin")
        if scope["method"] == "OPTIONS" and _header(scope, b"access-control-request-method"):
            await self._preflight(scope, origin, send)
            return
        await self.app(scope, receive, self._with_cors(origin, send))

    def _allow_origin(self, origin: str | None) -> bytes | None:
        if self.any_origin:
            return b"*"
        if origin is not None and origin in self.origins:
            return origin.encode("latin-1")
        return None

    def _with_cors(self, origin: str | None, send: Send) -> Send:
        allowed = self._allow_origin(origin)

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                if not self.any_origin:
                    # The answer depends on Origin (with or without one): a shared cache must
                    # not give one site's answer to another.
                    headers.append((b"vary", b"Origin"))
                if allowed is not None:
                    headers.append((b"access-control-allow-origin", allowed))
                    headers.append((b"access-control-expose-headers", EXPOSED_HEADERS.encode()))
                message["headers"] = headers
            await send(message)

        return send_with_cors

    async def _preflight(self, scope: Scope, origin: str | None, send: Send) -> None:
        method = (_header(scope, b"access-control-request-method") or "").upper()
        requested = [
            name.strip().lower()
            for name in (_header(scope, b"access-control-request-headers") or "").split(",")
            if name.strip()
        ]
        allowed = self._allow_origin(origin)
        vary = b"Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
        if (
            allowed is None
            or method not in ALLOWED_METHODS
            or any(name not in ALLOWED_HEADERS for name in requested)
        ):
            body = json.dumps(
                {
                    "error": {
                        "code": "cors_refused",
                        "message": "This origin, method or header may not be used from "
                        "another site's page here.",
                    }
                }
            ).encode()
            await _send(
                send,
                403,
                [
                    (b"content-type", b"application/json"),
                    (b"cache-control", b"no-store"),
                    (b"vary", vary),
                ],
                body,
            )
            return
        await _send(
            send,
            204,
            [
                (b"access-control-allow-origin", allowed),
                (b"access-control-allow-methods", ", ".join(ALLOWED_METHODS).encode()),
                (b"access-control-allow-headers", ", ".join(ALLOWED_HEADERS).encode()),
                (b"access-control-max-age", PREFLIGHT_MAX_AGE.encode()),
                (b"vary", vary),
            ],
            b"",
        )


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
