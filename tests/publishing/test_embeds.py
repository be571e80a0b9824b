"""Embeds and oEmbed (issue 16 #3): a story and the index as fragments other sites may frame,
with the content-note gate inside, only for syndicated stories, framable only by the configured
origins; every other page still refuses framing."""

from __future__ import annotations

import html.parser
from collections.abc import AsyncIterator
from urllib.parse import quote

import httpx
import mf2py
import pytest

from moderation.workflow import Actor
from stories_service.app import create_app
from stories_service.protection.withdrawal import withdraw_submission
from tests.conftest import make_settings
from tests.publishing.factories import bearer, make_approved_submission, publish, publish_story

pytestmark = pytest.mark.db

BASE = "http://testserver"
MAIN_SITE = "https://www.example.org"


def _directives(response: httpx.Response) -> dict[str, str]:
    csp = response.headers.get("content-security-policy", "")
    return {d.strip().split(" ")[0]: d.strip() for d in csp.split(";") if d.strip()}


class _Iframe(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.iframes: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "iframe":
            self.iframes.append({k: v or "" for k, v in attrs})


@pytest.fixture
async def framable(backend, tmp_path) -> AsyncIterator[httpx.AsyncClient]:
    """The same service configured to let the main site frame its embeds (middleware only: the
    shared app's database context serves it)."""
    settings = make_settings(tmp_path, backend.database_url, embed_origins=(MAIN_SITE,))
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as http:
        yield http


async def test_the_embed_shows_the_story_in_its_language_behind_the_same_gate(
    client, runtime, editor_token
) -> None:
    story = await publish_story(
        client,
        runtime.cipher,
        editor_token,
        title="طريق العودة",
        body="<p>كنت أخاف من الليل.</p>",
        summary="النعناع على الشرفة.",
        language="ar",
        content_notes=["violence"],
        search_indexing=True,
    )
    embed = await client.get(f"/embed/stories/{story['slug']}")
    assert embed.status_code == 200
    text = embed.text
    assert '<html lang="ar" dir="rtl">' in text
    # The gate: notes first (labels in the story's language), the text inside <details>.
    notes_at, gate_at = (
        text.index('class="content-notes"'),
        text.index('<details class="story-gate">'),
    )
    assert notes_at < gate_at < text.index("كنت أخاف من الليل.")
    assert "Violence" not in text and "عنف" in text
    # No site chrome: no forms, no navigation, links open outside the frame.
    assert "<form" not in text and "<nav" not in text
    assert '<base target="_blank">' in text
    assert f'<link rel="canonical" href="{BASE}/stories/{story["slug"]}">' in text
    # An embed is never listed on its own; with consent it counts as part of its host page.
    assert '<meta name="robots" content="noindex, indexifembedded">' in text
    entry = mf2py.parse(doc=text, url=f"{BASE}/embed/stories/{story['slug']}")["items"][0]
    assert entry["type"] == ["h-entry"] and entry["properties"]["name"] == ["طريق العودة"]


async def test_an_embed_without_search_consent_is_plain_noindex(
    client, runtime, editor_token
) -> None:
    story = await publish_story(client, runtime.cipher, editor_token, search_indexing=False)
    embed = await client.get(f"/embed/stories/{story['slug']}")
    assert '<meta name="robots" content="noindex">' in embed.text
    assert "indexifembedded" not in embed.text


async def test_only_stories_other_sites_may_show_are_embedded(
    client, runtime, editor_token
) -> None:
    kept = await publish_story(client, runtime.cipher, editor_token, syndicate=False)
    assert (await client.get(f"/stories/{kept['slug']}")).status_code == 200
    assert (await client.get(f"/embed/stories/{kept['slug']}")).status_code == 404
    withdrawn_submission = await make_approved_submission(runtime.cipher)
    withdrawn = (await publish(client, editor_token, withdrawn_submission.id)).json()
    unpublished = await publish_story(client, runtime.cipher, editor_token)
    await withdraw_submission(withdrawn_submission.id, Actor.survivor())
    await client.post(
        f"/api/v1/stories/{unpublished['slug']}/unpublish", headers=bearer(editor_token)
    )
    gone = await client.get(f"/embed/stories/{withdrawn['slug']}")
    assert gone.status_code == 410
    assert "Mint" not in gone.text and "noindex" in gone.text
    assert (await client.get(f"/embed/stories/{unpublished['slug']}")).status_code == 404
    assert (await client.get("/embed/stories/nosuchstory")).status_code == 404
    assert (await client.get("/embed/stories/NOT-A-SLUG")).status_code == 404
    index = await client.get("/embed/stories")
    assert index.status_code == 200
    for story in (kept, withdrawn, unpublished):
        assert story["slug"] not in index.text


async def test_the_embedded_index_lists_syndicated_stories_as_an_h_feed(
    client, runtime, editor_token
) -> None:
    shown = [await publish_story(client, runtime.cipher, editor_token) for _ in range(2)]
    await publish_story(client, runtime.cipher, editor_token, language="fr", title="Le jardin")
    index = await client.get("/embed/stories", params={"lang": "en"})
    assert index.status_code == 200
    assert '<meta name="robots" content="noindex">' in index.text
    parsed = mf2py.parse(doc=index.text, url=f"{BASE}/embed/stories")
    [feed] = [i for i in parsed["items"] if "h-feed" in i["type"]]
    urls = sorted(e["properties"]["url"][0] for e in feed["children"])
    assert urls == sorted(f"{BASE}/stories/{s['slug']}" for s in shown)
    french = await client.get("/embed/stories", params={"lang": "fr"})
    assert '<html lang="fr" dir="ltr">' in french.text and "Le jardin" in french.text


async def test_embeds_are_framable_only_by_the_configured_origins(
    client, framable, runtime, editor_token
) -> None:
    story = await publish_story(client, runtime.cipher, editor_token)
    embed_paths = [f"/embed/stories/{story['slug']}", "/embed/stories", "/embed/stories/nosuch"]
    other_paths = ["/", f"/stories/{story['slug']}", "/feed.json", "/submit", "/staff/login"]
    other_paths += ["/oembed?url=x", "/sitemap.xml", "/api/v1/stories", "/embed"]
    for http, ancestors in ((client, "'self'"), (framable, f"'self' {MAIN_SITE}")):
        for path in embed_paths:
            response = await http.get(path)
            assert _directives(response)["frame-ancestors"] == f"frame-ancestors {ancestors}"
            assert "x-frame-options" not in response.headers, path
            assert _directives(response)["script-src"] == "script-src 'self'"
        for path in other_paths:
            response = await http.get(path)
            assert _directives(response)["frame-ancestors"] == "frame-ancestors 'none'", path
            if response.headers["content-type"].startswith("text/html"):  # and older browsers
                assert response.headers["x-frame-options"] == "DENY", path


async def test_oembed_describes_an_iframe_of_the_embed(client, runtime, editor_token) -> None:
    story = await publish_story(
        client, runtime.cipher, editor_token, attribution="pseudonym", display_name="Amal R."
    )
    url = f"{BASE}/stories/{story['slug']}"
    answer = await client.get("/oembed", params={"url": url, "format": "json"})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    data = answer.json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["title"] == "The garden on the fourth floor"
    assert data["author_name"] == "Amal R."
    assert data["provider_url"] == f"{BASE}/"
    assert (data["width"], data["height"]) == (600, 480)
    parser = _Iframe()
    parser.feed(data["html"])
    [iframe] = parser.iframes
    assert iframe["src"] == f"{BASE}/embed/stories/{story['slug']}"
    assert (iframe["width"], iframe["height"]) == ("600", "480")
    assert "allow-scripts" not in iframe["sandbox"]
    small = await client.get("/oembed", params={"url": url, "maxwidth": "320", "maxheight": "900"})
    assert (small.json()["width"], small.json()["height"]) == (320, 480)
    index = await client.get("/oembed", params={"url": f"{BASE}/"})
    assert f'src="{BASE}/embed/stories"' in index.json()["html"]
    # The story page tells consumers where its oEmbed is.
    page = await client.get(f"/stories/{story['slug']}")
    discovery = (
        '<link rel="alternate" type="application/json+oembed" '
        f'href="{BASE}/oembed?url={quote(url, safe="")}&amp;format=json">'
    )
    assert discovery in page.text


async def test_oembed_refuses_what_it_cannot_describe(client, runtime, editor_token) -> None:
    kept = await publish_story(client, runtime.cipher, editor_token, syndicate=False)
    anonymous = await publish_story(client, runtime.cipher, editor_token)
    withdrawn_submission = await make_approved_submission(runtime.cipher)
    withdrawn = (await publish(client, editor_token, withdrawn_submission.id)).json()
    await withdraw_submission(withdrawn_submission.id, Actor.survivor())
    assert (
        "author_name"
        not in (
            await client.get("/oembed", params={"url": f"{BASE}/stories/{anonymous['slug']}"})
        ).json()
    )
    cases: list[tuple[dict[str, str], int, str]] = [
        ({}, 400, "bad_query"),
        ({"url": f"{BASE}/stories/{anonymous['slug']}", "maxwidth": "0"}, 400, "bad_query"),
        ({"url": f"{BASE}/stories/{anonymous['slug']}", "maxheight": "wide"}, 400, "bad_query"),
        (
            {"url": f"{BASE}/stories/{anonymous['slug']}", "format": "xml"},
            400,
            "unsupported_format",
        ),
        ({"url": f"https://elsewhere.example/stories/{anonymous['slug']}"}, 404, "not_found"),
        ({"url": f"{BASE}/stories/nosuchstory"}, 404, "not_found"),
        ({"url": f"{BASE}/submit"}, 404, "not_found"),
        ({"url": f"{BASE}/stories/{kept['slug']}"}, 404, "not_found"),
        ({"url": f"{BASE}/stories/{withdrawn['slug']}"}, 410, "withdrawn"),
    ]
    for params, status, code in cases:
        answer = await client.get("/oembed", params=params)
        assert answer.status_code == status, (params, answer.text)
        assert answer.headers["content-type"] == "application/json", params
        assert answer.json()["error"]["code"] == code, params
    page = await client.get(f"/stories/{kept['slug']}")
    assert "json+oembed" not in page.text  # no discovery for a story kept to this site
