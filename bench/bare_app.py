"""A bare Starlette app returning a static JSON body: the ceiling for /feed.json's figure.

BARE_BODY_FILE=/path/to/body.json uvicorn bench.bare_app:app
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

BODY = Path(os.environ["BARE_BODY_FILE"]).read_bytes()


async def feed(request: Request) -> Response:
    return Response(BODY, media_type="application/feed+json")


app = Starlette(routes=[Route("/feed.json", feed)])
