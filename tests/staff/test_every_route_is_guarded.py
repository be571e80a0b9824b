"""Every staff route refuses a visitor who is not signed in (no route forgets the check)."""

from __future__ import annotations

import uuid

import httpx
from starlette.applications import Starlette
from starlette.routing import Route

from tests.conftest import Backend

PUBLIC_STAFF_PATHS = {"/staff/login", "/staff/logout"}


def _staff_routes(app: Starlette) -> list[tuple[str, str]]:
    found = []
    for route in app.routes:
        if not isinstance(route, Route):
            continue
        path = route.path
        staff_api = path.startswith(("/api/v1/submissions/", "/api/v1/queue", "/api/v1/audit"))
        if not (path.startswith("/staff") or staff_api) or path in PUBLIC_STAFF_PATHS:
            continue
        for method in sorted(route.methods or []):
            if method != "HEAD":
                found.append((method, path))
    return found


async def test_staff_routes_refuse_anonymous_visitors(
    app: Starlette, client: httpx.AsyncClient, backend: Backend
) -> None:
    routes = _staff_routes(app)
    assert len(routes) >= 25
    sid = str(uuid.uuid4())
    for method, path in routes:
        url = (
            path.replace("{submission_id}", sid)
            .replace("{action:str}", "claim")
            .replace("{staff_id}", "1")
            .replace("{token_id}", "1")
        )
        response = await client.request(method, url)
        if url.startswith("/api/"):
            assert response.status_code == 401, (method, url, response.status_code)
        elif method == "GET":
            assert response.status_code == 303, (method, url)
            assert response.headers["location"] == "/staff/login"
        else:
            assert response.status_code == 403, (method, url)  # no session, no CSRF token
