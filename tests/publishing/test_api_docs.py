"""GET /api/docs: the API reference the service renders from its own OpenAPI document."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import html5lib

from stories_service.security_headers import CONTENT_SECURITY_POLICY


class _Page(HTMLParser):
    """Ids, in-page links, and anything that would need the CSP relaxed."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.fragments: list[str] = []
        self.scripts = 0
        self.inline_styles = 0
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        href = values.get("href") or ""
        if href.startswith("#"):
            self.fragments.append(href[1:])
        for name in ("href", "src"):
            if (values.get(name) or "").startswith(("http:", "https:", "//")):
                self.external.append(values[name] or "")
        if tag in ("script", "style"):
            self.scripts += 1
        if "style" in values or any(name.startswith("on") for name in values):
            self.inline_styles += 1


async def _reference(client):
    response = await client.get("/api/docs")
    assert response.status_code == 200
    page = _Page()
    page.feed(response.text)
    return response, page


async def test_the_reference_lists_every_operation_webhook_and_schema(client):
    document = (await client.get("/openapi.json")).json()
    response, page = await _reference(client)
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            assert f"op-{operation['operationId']}" in page.ids, (method, path)
            assert f"{method.upper()} {path}" in response.text
    for event in document["webhooks"]:
        assert f"webhook-{event}" in page.ids, event
    for name in document["components"]["schemas"]:
        assert f"schema-{name}" in page.ids, name
    # Every in-page link lands somewhere (schema references included).
    assert page.fragments and set(page.fragments) <= page.ids, set(page.fragments) - page.ids
    # Details a web team needs: the change log's cursor, a webhook's signature header and
    # payload, the Story's fields.
    changes = response.text.split('id="op-listChanges"')[1].split("</section>")[0]
    assert "since (query)" in changes and "next_cursor" in changes and "304" in changes
    withdrawn = response.text.split('id="webhook-story.withdrawn"')[1].split("</section>")[0]
    assert "webhook-signature (header)" in withdrawn
    assert 'href="#schema-WebhookStoryWithdrawn"' in withdrawn
    story = response.text.split('id="schema-Story"')[1].split("</section>")[0]
    assert "content_html" in story and "date_published" in story


async def test_the_reference_needs_no_script_and_keeps_the_csp(client):
    response, page = await _reference(client)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert page.scripts == 0 and page.inline_styles == 0 and page.external == []
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(response.text)  # raises on a parse error
    assert "/static/site.css?v=" in response.text  # the site layout


async def test_the_reference_sits_in_the_site_layout_in_any_language(client):
    arabic = await client.get("/api/docs", headers={"Accept-Language": "ar"})
    assert arabic.status_code == 200
    assert re.search(r'<html lang="ar" dir="rtl">', arabic.text)
    # The reference text is the document's English, marked as such inside the Arabic layout.
    assert '<div lang="en" dir="ltr" class="api-reference">' in arabic.text
    assert arabic.headers["content-language"] == "ar"
    assert "Accept-Language" in arabic.headers["vary"]


async def test_the_reference_is_cached_compressed_and_revalidated(client):
    first = await client.get("/api/docs", headers={"Accept-Encoding": "gzip"})
    assert first.headers["content-encoding"] == "gzip"
    assert first.headers["etag"].endswith('-gz"')
    assert first.headers["cache-control"].startswith("public")
    again = await client.get(
        "/api/docs", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    plain = await client.get("/api/docs", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.content == first.content  # httpx decoded the gzip copy
