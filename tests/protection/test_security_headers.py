"""Security headers on every kind of response; HSTS only when the service is served over HTTPS."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from stories_service.app import create_app
from tests.conftest import make_settings

BOOM_PATH = "/__test__/boom"
BOOM_PAGE = "/__test__/boom-page"


async def _boom(request: Request) -> Response:
    raise RuntimeError("secret survivor text that must not reach the client")


@pytest.fixture
def failing_routes(app: Starlette) -> Iterator[None]:
    """Two routes that raise, added to the shared app for one test."""
    routes = [Route(BOOM_PATH, _boom), Route(BOOM_PAGE, _boom)]
    app.router.routes.extend(routes)
    yield
    for route in routes:
        app.router.routes.remove(route)


def assert_strict_headers(response: httpx.Response, label: str) -> None:
    """Every answer: nothing framed, sniffed or loaded from elsewhere. A document (HTML) also
    gets the headers that act on documents; any other answer lets nothing run at all."""
    headers = response.headers
    csp = headers.get("content-security-policy", "")
    directives = {d.strip().split(" ")[0]: d.strip() for d in csp.split(";") if d.strip()}
    assert directives.get("default-src") == "default-src 'none'", label
    assert directives.get("frame-ancestors") == "frame-ancestors 'none'", label
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, label
    assert headers.get("x-content-type-options") == "nosniff", label
    assert headers.get("cross-origin-resource-policy") == "same-site", label
    document_only = ("referrer-policy", "cross-origin-opener-policy", "permissions-policy")
    document_only += ("x-frame-options",)  # frame-ancestors above says it for every answer
    if headers.get("content-type", "").startswith("text/html"):
        assert headers.get("x-frame-options") == "DENY", label
        assert "script-src" in directives, label
        assert directives.get("base-uri") == "base-uri 'none'", label
        assert headers.get("referrer-policy") == "no-referrer", label
        assert headers.get("cross-origin-opener-policy") == "same-origin", label
        assert "camera=()" in headers.get("permissions-policy", ""), label
    else:
        # No script may run in it, so the document-only headers have nothing to act on.
        assert set(directives) == {"default-src", "frame-ancestors"}, label
        assert not any(name in headers for name in document_only), label


async def kinds_of_response(client: httpx.AsyncClient) -> dict[str, httpx.Response]:
    big = b"{" + b" " * (300 * 1024) + b"}"
    return {
        "page": await client.get("/"),
        "form page": await client.get("/submit"),
        "json": await client.get("/api/v1/withdrawals"),
        "openapi": await client.get("/openapi.json"),
        "static": await client.get("/static/site.css"),
        "404 page": await client.get("/no/such/page"),
        "404 json": await client.get("/api/v1/no-such-thing"),
        "405": await client.delete("/api/v1/withdrawals"),
        "413": await client.post(
            "/api/v1/submissions", content=big, headers={"content-type": "application/json"}
        ),
        "415": await client.post("/api/v1/receipt/status", content=b"x"),
        "422": await client.get("/api/v1/withdrawals", params={"since": "garbage"}),
        "500 json": await client.get(BOOM_PATH, headers={"accept": "application/json"}),
        "500 page": await client.get(BOOM_PAGE, headers={"accept": "text/html"}),
    }


async def test_every_kind_of_response_carries_the_headers(
    client: httpx.AsyncClient, failing_routes: None
) -> None:
    responses = await kinds_of_response(client)
    expected = {"404 page": 404, "404 json": 404, "405": 405, "413": 413, "415": 415}
    expected |= {"422": 422, "500 json": 500, "500 page": 500}
    for label, response in responses.items():
        assert response.status_code == expected.get(label, 200), label
        assert_strict_headers(response, label)
        assert "strict-transport-security" not in response.headers, label  # plain http
    # Both kinds were seen: pages and errors as HTML, the API and assets as something else.
    html = {label for label, r in responses.items() if r.headers["content-type"][:9] == "text/html"}
    assert {"page", "form page", "404 page", "500 page"} <= html
    assert not {"json", "openapi", "static", "404 json", "500 json"} & html


async def test_a_server_error_tells_nothing_internal(
    client: httpx.AsyncClient, failing_routes: None
) -> None:
    as_json = await client.get(BOOM_PATH, headers={"accept": "application/json"})
    assert as_json.status_code == 500
    assert as_json.json()["error"]["code"] == "internal_error"
    page = await client.get(BOOM_PAGE, headers={"accept": "text/html"})
    assert page.headers["content-type"].startswith("text/html")
    for response in (as_json, page):
        assert "secret survivor text" not in response.text
        assert "Traceback" not in response.text and "RuntimeError" not in response.text


async def test_withdrawn_and_error_pages_are_never_cached(client: httpx.AsyncClient) -> None:
    for response in (
        await client.get("/my-story"),
        await client.post("/my-story/withdraw", data={"receipt_code": "x"}),
        await client.post("/api/v1/receipt/export", json={"receipt_code": "x"}),
    ):
        assert response.headers.get("cache-control") == "no-store"


async def test_https_adds_hsts_everywhere_and_secure_cookies(client, backend, tmp_path) -> None:
    # A second app built for https: only the middleware is exercised, so no lifespan is needed.
    settings = make_settings(tmp_path, backend.database_url, base_url="https://stories.example")
    https_app = create_app(settings)
    transport = httpx.ASGITransport(app=https_app)
    async with httpx.AsyncClient(transport=transport, base_url="https://stories.example") as http:
        for path in ("/", "/no/such/page", "/api/v1/no-such-thing", "/static/site.css"):
            response = await http.get(path)
            hsts = response.headers.get("strict-transport-security", "")
            assert "max-age=" in hsts, path
            assert int(hsts.split("max-age=")[1].split(";")[0]) >= 31536000, path
            assert_strict_headers(response, path)
        login = await http.get("/staff/login")
        cookie = login.headers["set-cookie"].lower()
        assert "; secure" in cookie and "httponly" in cookie and "samesite=lax" in cookie
