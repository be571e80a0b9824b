"""Findable when the survivor agrees (issue 16 #5): canonical link, description, Open Graph,
JSON-LD, feed links on every public page, microformats (read with mf2py), sitemap.xml and
robots.txt. Nothing in the head says more than the page shows."""

from __future__ import annotations

import html.parser
import json
import xml.etree.ElementTree as ET

import httpx
import mf2py
import pytest

from moderation.workflow import Actor
from stories_service.protection.withdrawal import withdraw_submission
from tests.publishing.factories import (
    bearer,
    make_approved_submission,
    publish,
    publish_story,
)

pytestmark = pytest.mark.db

BASE = "http://testserver"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class _Head(html.parser.HTMLParser):
    """The head's <meta>, <link> and JSON-LD blocks, as a crawler reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("name" in values or "property" in values):
            key = values.get("name") or values["property"]
            self.meta.setdefault(key, []).append(values.get("content", ""))
        elif tag == "link":
            self.links.append(values)
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld[-1] += data

    def link(self, rel: str, type_: str | None = None) -> list[str]:
        return [
            link["href"]
            for link in self.links
            if link.get("rel") == rel and (type_ is None or link.get("type") == type_)
        ]


def head_of(page: httpx.Response) -> _Head:
    parser = _Head()
    parser.feed(page.text.split("</head>", 1)[0])
    return parser


def _has_feed_links(head: _Head) -> None:
    assert head.link("alternate", "application/feed+json") == [f"{BASE}/feed.json"]
    assert head.link("alternate", "application/atom+xml") == [f"{BASE}/feed.atom"]


async def test_a_story_page_has_canonical_description_open_graph_and_json_ld(
    client, runtime, editor_token
) -> None:
    story = await publish_story(
        client,
        runtime.cipher,
        editor_token,
        title="The garden </script><script>alert(1)</script>",
        summary="Mint on a balcony & sleep again.",
        language="fr",
        tags=["gardens"],
        search_indexing=True,
    )
    url = f"{BASE}/stories/{story['slug']}"
    page = await client.get(f"/stories/{story['slug']}")
    assert page.status_code == 200
    head = head_of(page)
    assert head.link("canonical") == [url]
    assert head.meta["description"] == ["Mint on a balcony & sleep again."]
    assert head.meta["og:type"] == ["article"]
    assert head.meta["og:url"] == [url]
    assert head.meta["og:title"] == ["The garden </script><script>alert(1)</script>"]
    assert head.meta["og:locale"] == ["fr"]
    assert head.meta["article:tag"] == ["gardens"]
    assert "robots" not in head.meta  # the survivor agreed to search indexing
    _has_feed_links(head)
    # The title cannot close the data block: one block, and it parses.
    assert len(head.json_ld) == 1
    assert "</script><script>" not in page.text
    data = json.loads(head.json_ld[0])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "The garden </script><script>alert(1)</script>"
    assert data["inLanguage"] == "fr"
    assert data["url"] == url
    assert data["description"] == "Mint on a balcony & sleep again."
    assert data["keywords"] == ["gardens"]
    assert data["datePublished"].endswith("Z")
    assert "author" not in data  # anonymous: no byline anywhere


async def test_json_ld_names_the_author_only_when_the_page_shows_a_byline(
    client, runtime, editor_token
) -> None:
    named = await publish_story(
        client, runtime.cipher, editor_token, attribution="pseudonym", display_name="Amal R."
    )
    anonymous = await publish_story(client, runtime.cipher, editor_token)
    for story, byline in ((named, "Amal R."), (anonymous, None)):
        page = await client.get(f"/stories/{story['slug']}")
        data = json.loads(head_of(page).json_ld[0])
        assert data.get("author") == ({"@type": "Person", "name": byline} if byline else None)
        entry = mf2py.parse(doc=page.text, url=f"{BASE}/stories/{story['slug']}")
        [h_entry] = [i for i in entry["items"] if "h-entry" in i["type"]]
        if byline:
            assert byline in page.text
            [author] = h_entry["properties"]["author"]
            assert author["properties"]["name"] == [byline]
        else:
            assert "author" not in h_entry["properties"]


async def test_the_story_page_is_an_h_entry(client, runtime, editor_token) -> None:
    story = await publish_story(
        client,
        runtime.cipher,
        editor_token,
        title="طريق العودة",
        body="<p>كنت أخاف من الليل.</p>",
        language="ar",
        tags=["hope"],
        content_notes=["grief"],
    )
    url = f"{BASE}/stories/{story['slug']}"
    parsed = mf2py.parse(doc=(await client.get(f"/stories/{story['slug']}")).text, url=url)
    [entry] = [i for i in parsed["items"] if "h-entry" in i["type"]]
    props = entry["properties"]
    assert props["name"] == ["طريق العودة"]
    assert props["url"] == [url]
    api = (await client.get(f"/api/v1/stories/{story['slug']}")).json()
    assert props["published"] == [api["date_published"]]
    assert "كنت أخاف من الليل." in props["content"][0]["value"]
    assert props["category"] == ["hope"]


async def test_mf2py_finds_an_h_feed_with_one_h_entry_per_story_on_the_index(
    client, runtime, editor_token
) -> None:
    titles = ["First garden", "Second garden", "Third garden"]
    for title in titles:
        await publish_story(client, runtime.cipher, editor_token, title=title)
    # A story kept to this site (not syndicated) is still on the index, and in the h-feed.
    await publish_story(client, runtime.cipher, editor_token, title="Kept here", syndicate=False)
    page = await client.get("/")
    parsed = mf2py.parse(doc=page.text, url=f"{BASE}/")
    feeds = [i for i in parsed["items"] if "h-feed" in i["type"]]
    assert len(feeds) == 1
    entries = feeds[0]["children"]
    assert all(e["type"] == ["h-entry"] for e in entries)
    assert sorted(e["properties"]["name"][0] for e in entries) == sorted([*titles, "Kept here"])
    for entry in entries:
        props = entry["properties"]
        assert props["url"][0].startswith(f"{BASE}/stories/")
        assert props["summary"] == ["Mint on a balcony, and sleep again."]
        assert props["published"][0]
        assert "author" not in props  # anonymous stories
    head = head_of(page)
    assert head.link("canonical") == [f"{BASE}/"]
    assert head.meta["description"][0].startswith("Survivors share how they rebuilt")
    assert json.loads(head.json_ld[0])["@type"] == "CollectionPage"
    _has_feed_links(head)


async def test_the_gone_page_links_the_feeds_and_says_noindex(client, runtime, editor_token):
    submission = await make_approved_submission(runtime.cipher)
    slug = (await publish(client, editor_token, submission.id)).json()["slug"]
    await withdraw_submission(submission.id, Actor.survivor())
    page = await client.get(f"/stories/{slug}")
    assert page.status_code == 410
    head = head_of(page)
    assert head.meta["robots"] == ["noindex"]
    assert head.link("canonical") == []
    _has_feed_links(head)


async def test_the_sitemap_lists_only_public_stories_with_search_consent(
    client, runtime, editor_token
) -> None:
    listed = await publish_story(client, runtime.cipher, editor_token, search_indexing=True)
    unlisted = await publish_story(client, runtime.cipher, editor_token, search_indexing=False)
    unsyndicated = await publish_story(
        client, runtime.cipher, editor_token, search_indexing=True, syndicate=False
    )
    withdrawn_submission = await make_approved_submission(runtime.cipher, search_indexing=True)
    withdrawn = (await publish(client, editor_token, withdrawn_submission.id)).json()
    unpublished = await publish_story(client, runtime.cipher, editor_token, search_indexing=True)
    await withdraw_submission(withdrawn_submission.id, Actor.survivor())
    response = await client.post(
        f"/api/v1/stories/{unpublished['slug']}/unpublish", headers=bearer(editor_token)
    )
    assert response.status_code == 200, response.text

    sitemap = await client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert sitemap.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(sitemap.content)
    locations = [u.findtext(f"{SITEMAP_NS}loc") for u in root.iter(f"{SITEMAP_NS}url")]
    assert locations == [
        f"{BASE}/",
        *(f"{BASE}/stories/{s['slug']}" for s in (unsyndicated, listed)),
    ]
    assert all(u.findtext(f"{SITEMAP_NS}lastmod") for u in root.iter(f"{SITEMAP_NS}url"))
    for story in (unlisted, withdrawn, unpublished):
        assert story["slug"] not in sitemap.text
    # The story left out carries noindex; the listed one does not.
    assert head_of(await client.get(f"/stories/{unlisted['slug']}")).meta["robots"] == ["noindex"]
    assert "robots" not in head_of(await client.get(f"/stories/{listed['slug']}")).meta


async def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_paths(
    client,
) -> None:
    robots = await client.get("/robots.txt")
    assert robots.status_code == 200
    assert robots.headers["content-type"] == "text/plain; charset=utf-8"
    lines = robots.text.splitlines()
    assert lines[0] == "User-agent: *"
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    for path in ("/staff", "/my-story", "/api/"):
        assert f"Disallow: {path}" in lines
    # The public pages stay crawlable.
    assert "Disallow: /" not in lines and "Disallow: /stories" not in lines
