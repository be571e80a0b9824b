"""GET /healthz (liveness: the process answers) and GET /readyz (readiness: the database
answers and the redaction engine is warm, so a load balancer may send it traffic).

/healthz answers as soon as the port is open and never touches the database: a database that is
away or slow is no reason to restart the process (a restart would not bring it back, and every
host would restart at once); /readyz says so instead. /readyz answers 503 while the redaction
engine warms up in the background (see ``redaction_warm_up``) or the database does not answer
within ``DATABASE_CHECK_SECONDS``, then 200. A process that leaves the warm-up to first use
(``STORIES_REDACTION_WARM_UP=first_use``) is ready without it: it reports the engine's state
but does not wait for it (unless the warm-up failed).
"""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise import connections

from stories_service.errors import ApiError
from stories_service.redaction_warm_up import WarmUpState, warm_up_state
from stories_service.runtime import runtime_of

NO_STORE = {"Cache-Control": "no-store"}
# Seconds a load balancer or a deploy script should wait before asking /readyz again.
READY_RETRY_AFTER = "5"
# A readiness check that waits longer than this for the database says "unavailable".
DATABASE_CHECK_SECONDS = 2.0


async def _database_answers() -> bool:
    try:
        async with asyncio.timeout(DATABASE_CHECK_SECONDS):
            await connections.get("default").execute_query("SELECT 1")
    except Exception:
        return False
    return True


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"}, headers=NO_STORE)


async def readyz(request: Request) -> Response:
    checks = {
        "database": "ok" if await _database_answers() else "unavailable",
        "redaction": warm_up_state().value,
    }
    engine_ready = checks["redaction"] == WarmUpState.WARM or (
        runtime_of(request).settings.redaction_warm_up == "first_use"
        and checks["redaction"] != WarmUpState.FAILED
    )
    if checks["database"] == "ok" and engine_ready:
        return JSONResponse({"status": "ready", "checks": checks}, headers=NO_STORE)
    raise ApiError(
        503,
        "The service is not ready yet.",
        code="not_ready",
        headers={"Retry-After": READY_RETRY_AFTER},
        extra={"checks": checks},
    )
