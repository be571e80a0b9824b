"""CORS (issue 16 #3): other sites' scripts may read the public feeds and JSON when their
origin is configured (or any origin with ``*``); never with credentials, and never anything of
staff or survivors."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from stories_service.app import create_app
from stories_service.cors import is_public_read_path
from stories_service.settings import SettingsError, load_settings
from tests.conftest import make_settings

pytestmark = pytest.mark.db

MAIN_SITE = "https://www.example.org"
OTHER_SITE = "https://evil.example"
PUBLIC_READS = [
    "/feed.json",
    "/feed.atom",
    "/api/v1/stories",
    "/api/v1/stories/abcdefghij",
    "/api/v1/changes",
    "/api/v1/withdrawals",
    "/api/v1/content-notes",
    "/oembed?url=x",
]
# Staff, survivor and console endpoints: no CORS header whatever the origin.
PRIVATE = [
    ("GET", "/api/v1/queue"),
    ("GET", "/api/v1/audit"),
    ("GET", "/api/v1/webhooks"),
    ("GET", "/api/v1/retention"),
    ("GET", "/api/v1/submissions/00000000-0000-0000-0000-000000000000"),
    ("POST", "/api/v1/stories/abcdefghij/unpublish"),
    ("POST", "/api/v1/receipt/status"),
    ("POST", "/api/v1/receipt/withdraw"),
    ("POST", "/api/v1/submissions"),
    ("GET", "/my-story"),
    ("GET", "/submit"),
    ("GET", "/staff"),
    ("GET", "/staff/login"),
    ("GET", "/"),
    ("GET", "/embed/stories"),
]


async def _client(backend, tmp_path, origins: tuple[str, ...]) -> httpx.AsyncClient:
    settings = make_settings(tmp_path, backend.database_url, cors_origins=origins)
    transport = httpx.ASGITransport(app=create_app(settings))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
async def exact(client, backend, tmp_path) -> AsyncIterator[httpx.AsyncClient]:
    """The service allowing the main site only (``client`` empties the database first)."""
    async with await _client(backend, tmp_path, (MAIN_SITE,)) as http:
        yield http


@pytest.fixture
async def wildcard(client, backend, tmp_path) -> AsyncIterator[httpx.AsyncClient]:
    async with await _client(backend, tmp_path, ("*",)) as http:
        yield http


def _vary(response: httpx.Response) -> set[str]:
    return {v.strip().lower() for v in response.headers.get("vary", "").split(",") if v.strip()}


async def test_an_allowed_origin_may_read_the_public_endpoints(exact) -> None:
    for path in PUBLIC_READS:
        response = await exact.get(path, headers={"Origin": MAIN_SITE})
        assert response.headers.get("access-control-allow-origin") == MAIN_SITE, path
        assert "etag" in response.headers["access-control-expose-headers"].lower(), path
        assert "access-control-allow-credentials" not in response.headers, path
        assert "origin" in _vary(response), path
    # Errors too, so a script can read the error's code.
    bad = await exact.get("/api/v1/stories?limit=0", headers={"Origin": MAIN_SITE})
    assert bad.status_code == 400
    assert bad.headers.get("access-control-allow-origin") == MAIN_SITE


async def test_another_origin_gets_no_cors_header_and_caches_are_told(exact) -> None:
    for path in PUBLIC_READS:
        for headers in ({"Origin": OTHER_SITE}, {"Origin": "null"}, {}):
            response = await exact.get(path, headers=headers)
            assert "access-control-allow-origin" not in response.headers, (path, headers)
            # Shared caches must not hand this answer to the main site's script, or the reverse.
            assert "origin" in _vary(response), (path, headers)
    # The scheme and port are part of the origin.
    for near in ("http://www.example.org", "https://www.example.org:8443", MAIN_SITE + "."):
        response = await exact.get("/feed.json", headers={"Origin": near})
        assert "access-control-allow-origin" not in response.headers, near


async def test_a_preflight_is_answered_for_reads_only(exact) -> None:
    preflight = {
        "Origin": MAIN_SITE,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match",
    }
    ok = await exact.options("/api/v1/changes", headers=preflight)
    assert ok.status_code == 204
    assert ok.headers["access-control-allow-origin"] == MAIN_SITE
    assert set(ok.headers["access-control-allow-methods"].split(", ")) == {"GET", "HEAD"}
    assert "if-none-match" in ok.headers["access-control-allow-headers"]
    assert int(ok.headers["access-control-max-age"]) > 0
    assert "access-control-allow-credentials" not in ok.headers
    refused = [
        {**preflight, "Origin": OTHER_SITE},
        {**preflight, "Access-Control-Request-Method": "POST"},
        {**preflight, "Access-Control-Request-Method": "DELETE"},
        {**preflight, "Access-Control-Request-Headers": "authorization"},
        {**preflight, "Access-Control-Request-Headers": "cookie, if-none-match"},
    ]
    for headers in refused:
        answer = await exact.options("/api/v1/stories", headers=headers)
        assert answer.status_code == 403, headers
        assert answer.json()["error"]["code"] == "cors_refused"
        assert "access-control-allow-origin" not in answer.headers, headers


async def test_a_wildcard_lets_any_origin_read_without_credentials(wildcard) -> None:
    for origin in (MAIN_SITE, OTHER_SITE, "null"):
        response = await wildcard.get("/api/v1/stories", headers={"Origin": origin})
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == "*"
        assert "access-control-allow-credentials" not in response.headers
    preflight = await wildcard.options(
        "/feed.json",
        headers={"Origin": OTHER_SITE, "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"


@pytest.fixture(params=[(MAIN_SITE,), ("*",)], ids=["exact", "wildcard"])
async def configured(
    request: pytest.FixtureRequest, client, backend, tmp_path
) -> AsyncIterator[httpx.AsyncClient]:
    async with await _client(backend, tmp_path, request.param) as http:
        yield http


async def test_staff_and_survivor_endpoints_never_answer_other_sites(
    configured: httpx.AsyncClient,
) -> None:
    http = configured
    for method, path in PRIVATE:
        response = await http.request(method, path, headers={"Origin": MAIN_SITE})
        assert "access-control-allow-origin" not in response.headers, (method, path)
        preflight = await http.options(
            path,
            headers={
                "Origin": MAIN_SITE,
                "Access-Control-Request-Method": method,
                "Access-Control-Request-Headers": "authorization, content-type",
            },
        )
        assert "access-control-allow-origin" not in preflight.headers, path
        assert preflight.status_code in {404, 405}, (path, preflight.status_code)


async def test_without_the_setting_nothing_is_added(client) -> None:
    response = await client.get("/api/v1/stories", headers={"Origin": MAIN_SITE})
    assert "access-control-allow-origin" not in response.headers
    assert "origin" not in _vary(response)
    preflight = await client.options(
        "/api/v1/stories", headers={"Origin": MAIN_SITE, "Access-Control-Request-Method": "GET"}
    )
    assert preflight.status_code == 405


def test_the_public_read_paths_are_exact() -> None:
    assert is_public_read_path("/api/v1/stories/abc123")
    assert is_public_read_path("/api/v1/content-notes")
    for path in ("/api/v1/stories/abc/unpublish", "/api/v1/storiesx", "/feed.json/x", "/"):
        assert not is_public_read_path(path), path


def test_the_settings_take_origins_and_refuse_anything_else(tmp_path) -> None:
    env = {"STORIES_DATA_DIR": str(tmp_path)}
    settings = load_settings(
        {
            **env,
            "STORIES_CORS_ORIGINS": "https://WWW.example.org/, http://127.0.0.1:8080",
            "STORIES_EMBED_ORIGINS": "https://www.example.org:443",
        }
    )
    assert settings.cors_origins == ("https://www.example.org", "http://127.0.0.1:8080")
    assert settings.embed_origins == ("https://www.example.org",)
    assert load_settings({**env, "STORIES_CORS_ORIGINS": "*"}).cors_origins == ("*",)
    assert load_settings(env).cors_origins == () and load_settings(env).embed_origins == ()
    for name, value in [
        ("STORIES_EMBED_ORIGINS", "*"),  # framing stays a list of chosen sites
        ("STORIES_CORS_ORIGINS", "*, https://www.example.org"),
        ("STORIES_CORS_ORIGINS", "www.example.org"),
        ("STORIES_CORS_ORIGINS", "https://www.example.org/stories"),
        ("STORIES_CORS_ORIGINS", "https://*.example.org"),
        ("STORIES_EMBED_ORIGINS", "javascript:alert(1)"),
        ("STORIES_EMBED_ORIGINS", "https://a.example; script-src *"),
        ("STORIES_EMBED_ORIGINS", "https://a.example;script-src"),
        ("STORIES_CORS_ORIGINS", "https://a.example\r\nSet-Cookie: x=1"),
    ]:
        with pytest.raises(SettingsError, match=name):
            load_settings({**env, name: value})
