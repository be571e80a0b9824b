"""GET /healthz: the service answers and so does its database."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise import connections

from stories_service.errors import ApiError


async def healthz(request: Request) -> Response:
    try:
        await connections.get("default").execute_query("SELECT 1")
    except Exception:
        raise ApiError(503, "The database does not answer.", code="database_unavailable") from None
    return JSONResponse({"status": "ok", "database": "ok"}, headers={"Cache-Control": "no-store"})
