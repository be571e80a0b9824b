"""A bare Starlette app returning a static JSON body: the ceiling for /feed.json's figure.

BARE_BODY_FILE=/path/to/body.json uvicorn bench.bare_app:app

``/feed.json`` sends the body as it is; ``/feed.br`` sends it brotli-compressed (compressed once
at start, as the service's cache does), the ceiling for a compressed /feed.json.
``/feed.headers`` sends the body with the headers the service sent with it (security headers and
validators, read from ``BARE_HEADERS_FILE``, a JSON object): what those headers cost a server
that does nothing else.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import brotli
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

BODY = Path(os.environ["BARE_BODY_FILE"]).read_bytes()
BROTLI_BODY = brotli.compress(BODY, quality=5)
HEADERS_FILE = os.environ.get("BARE_HEADERS_FILE")
SERVICE_HEADERS = json.loads(Path(HEADERS_FILE).read_text()) if HEADERS_FILE else {}


async def feed(request: Request) -> Response:
    return Response(BODY, media_type="application/feed+json")


async def feed_brotli(request: Request) -> Response:
    return Response(
        BROTLI_BODY, media_type="application/feed+json", headers={"Content-Encoding": "br"}
    )


async def feed_with_service_headers(request: Request) -> Response:
    return Response(BODY, media_type="application/feed+json", headers=SERVICE_HEADERS)


app = Starlette(
    routes=[
        Route("/feed.json", feed),
        Route("/feed.br", feed_brotli),
        Route("/feed.headers", feed_with_service_headers),
    ]
)
