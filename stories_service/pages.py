"""Public pages that belong to no feature yet."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from stories_service.templating import render_page


async def home(request: Request) -> Response:
    return render_page(request, "home.html", {})
