from __future__ import annotations

import hashlib
import re

import httpx

EXPECTED_HEADERS = {"x-content-type-options": "nosniff"}


async def test_healthz_says_the_process_answers(client: httpx.AsyncClient) -> None:
    # Liveness only: the database is /readyz's business (tests/service/test_faults.py stops it).
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_security_headers_on_pages_json_and_errors(client: httpx.AsyncClient) -> None:
    for path in ("/", "/submit", "/healthz", "/openapi.json", "/nope", "/api/v1/nope"):
        response = await client.get(path)
        for name, value in EXPECTED_HEADERS.items():
            assert response.headers[name] == value, (path, name)
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp
        is_page = response.headers["content-type"].startswith("text/html")
        assert ("referrer-policy" in response.headers) == is_page, path
        assert ("x-frame-options" in response.headers) == is_page, path
        assert "strict-transport-security" not in response.headers  # plain http here


async def test_openapi_document_lists_the_contract(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    assert document["openapi"].startswith("3.")
    assert {"/api/v1/submissions", "/api/v1/receipt/status"} <= set(document["paths"])
    schemas = document["components"]["schemas"]
    assert "SubmissionIn" in schemas and "Error" in schemas
    body = document["paths"]["/api/v1/submissions"]["post"]
    assert body["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "SubmissionIn"
    )


async def test_static_css_is_served(client: httpx.AsyncClient) -> None:
    response = await client.get("/static/site.css")
    assert response.status_code == 200
    assert "margin-inline" in response.text


async def test_assets_are_linked_by_version_and_cached_for_a_year(
    client: httpx.AsyncClient,
) -> None:
    page = (await client.get("/submit")).text
    linked = re.findall(r'(?:href|src)="(/static/[\w.-]+\?v=[0-9a-f]{12})"', page)
    assert len(linked) >= 3  # style sheet, icon, draft script
    for url in linked:
        current = await client.get(url)
        assert current.status_code == 200
        assert current.headers["cache-control"] == "public, max-age=31536000, immutable"
    # Without the version, or with one that is no longer current: minutes, not a year.
    for url in ("/static/site.css", "/static/site.css?v=000000000000"):
        stale = await client.get(url)
        assert stale.status_code == 200
        assert stale.headers["cache-control"] == "public, max-age=300"
    # A changed file changes its URL: the version is the content's hash.
    css = (await client.get("/static/site.css")).content
    assert f"/static/site.css?v={hashlib.sha256(css).hexdigest()[:12]}" in page


async def test_readiness_is_in_the_contract(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    readyz = document["paths"]["/readyz"]["get"]["responses"]
    assert {"200", "503"} <= set(readyz)
    assert "Retry-After" in readyz["503"]["headers"]
    # JSON for every client, a browser too (a load balancer sends any Accept).
    answer = await client.get("/readyz", headers={"Accept": "text/html"})
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.headers["cache-control"] == "no-store"


async def test_public_pages_name_a_favicon_that_is_served(client: httpx.AsyncClient) -> None:
    page = await client.get("/submit")
    found = re.search(r'<link rel="icon" href="(/static/favicon.svg\?v=[0-9a-f]{12})"', page.text)
    assert found is not None
    icon = await client.get(found.group(1))
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
