"""The feeds read by real clients: feedparser, the JSON Feed schema, paging, filters, 304s."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import feedparser
import jsonschema

from stories_service.models import Tombstone
from stories_service.publishing.changes import bump_public_change
from tests.conftest import TEST_DATA
from tests.publishing.factories import publish_story

SCHEMA = json.loads((TEST_DATA / "jsonfeed" / "jsonfeed-1.1.schema.json").read_text())


async def _publish_many(client, runtime, token, count, **fields):
    return [
        await publish_story(client, runtime.cipher, token, title=f"Story {i}", **fields)
        for i in range(count)
    ]


async def test_feedparser_reads_the_atom_feed_cleanly(client, runtime, editor_token):
    await publish_story(
        client,
        runtime.cipher,
        editor_token,
        title="Bread & salt <again>",
        tags=["family", "work"],
        content_notes=["violence"],
        attribution="pseudonym",
        display_name="Nadia",
    )
    second = await publish_story(client, runtime.cipher, editor_token, title="Second")
    response = await client.get("/feed.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [e.title for e in parsed.entries] == ["Second", "Bread & salt <again>"]
    newest, oldest = parsed.entries
    assert newest.id.startswith("urn:uuid:")
    assert newest.link == second["url"]
    assert oldest.author == "Nadia"
    terms = {t.term for t in oldest.tags}
    assert {"family", "work", "violence"} <= terms
    notes = [t.term for t in oldest.tags if t.scheme == "http://testserver/api/v1/content-notes"]
    assert notes == ["violence"]
    assert "Violence" not in oldest.content[0].value  # the text is the story alone
    assert oldest.summary == "Mint on a balcony, and sleep again."
    assert parsed.feed.links and any(link.rel == "self" for link in parsed.feed.links)


async def test_json_feed_validates_against_the_schema(client, runtime, editor_token):
    await publish_story(
        client,
        runtime.cipher,
        editor_token,
        tags=["hope"],
        content_notes=["war"],
        attribution="first_name",
        display_name="Ali",
    )
    response = await client.get("/feed.json")
    assert response.headers["content-type"] == "application/feed+json"
    feed = response.json()
    jsonschema.validate(feed, SCHEMA)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    item = feed["items"][0]
    for field in ("id", "url", "title", "content_html", "summary", "date_published", "language"):
        assert item[field]
    assert item["url"].startswith("http://testserver/stories/")
    assert item["tags"] == ["hope"]
    assert item["_healing_stories"]["content_notes"] == ["war"]
    assert item["authors"] == [{"name": "Ali"}]


async def test_paging_walks_everything_while_stories_are_published(client, runtime, editor_token):
    original = await _publish_many(client, runtime, editor_token, 45)
    expected = {s["slug"] for s in original}
    for path in ("/feed.json", "/api/v1/stories?limit=7"):
        seen: list[str] = []
        url = path
        while url:
            page = (await client.get(url)).json()
            items = page.get("items", page.get("stories"))
            seen += [i["url"].rsplit("/", 1)[1] for i in items]
            # Someone publishes between page fetches; it is newer, so it never shifts our walk.
            await publish_story(client, runtime.cipher, editor_token, title="Meanwhile")
            url = page.get("next_url")
            url = url.replace("http://testserver", "") if url else None
        assert len(seen) == len(set(seen)), "a story was repeated"
        assert expected <= set(seen), "a story was missed"
        expected |= set(seen)


async def test_atom_paging_links_follow_rfc5005(client, runtime, editor_token):
    await _publish_many(client, runtime, editor_token, 25)
    first = feedparser.parse((await client.get("/feed.atom")).content)
    links = {link.rel: link.href for link in first.feed.links}
    assert "next" in links and "first" in links and "previous" not in links
    second = feedparser.parse(
        (await client.get(links["next"].replace("http://testserver", ""))).content
    )
    assert not second.bozo
    assert len(first.entries) == 20 and len(second.entries) == 5
    assert not {e.id for e in first.entries} & {e.id for e in second.entries}
    second_links = {link.rel: link.href for link in second.feed.links}
    assert "previous" in second_links and "next" not in second_links
    back = feedparser.parse(
        (await client.get(second_links["previous"].replace("http://testserver", ""))).content
    )
    assert [e.id for e in back.entries] == [e.id for e in first.entries]


async def test_language_and_tag_filters(client, runtime, editor_token):
    await publish_story(client, runtime.cipher, editor_token, title="English", tags=["work"])
    await publish_story(
        client, runtime.cipher, editor_token, title="طريق الأمل", language="ar", tags=["family"]
    )
    assert [i["title"] for i in (await client.get("/feed.json?lang=ar")).json()["items"]] == [
        "طريق الأمل"
    ]
    assert [i["title"] for i in (await client.get("/feed.json?tag=work")).json()["items"]] == [
        "English"
    ]
    atom = feedparser.parse((await client.get("/feed.atom?tag=family")).content)
    assert [e.title for e in atom.entries] == ["طريق الأمل"]
    html = (await client.get("/?lang=en")).text
    assert "English" in html and "طريق الأمل" not in html
    assert (await client.get("/feed.json?after=not-a-cursor")).status_code == 400
    assert (await client.get("/stories/a%00b")).status_code == 404
    assert (await client.get("/api/v1/stories/%E2%80%AEx")).status_code == 404
    assert (await client.get("/feed.json?tag=a%00b")).status_code == 400
    import base64

    naive = base64.urlsafe_b64encode(b'["2026-01-01T00:00:00",5]').decode().rstrip("=")
    assert (await client.get(f"/feed.json?after={naive}")).status_code == 400
    huge = base64.urlsafe_b64encode(b'["2026-01-01T00:00:00+00:00",99999999999999999999]').decode()
    assert (await client.get(f"/api/v1/stories?after={huge.rstrip('=')}")).status_code == 400


async def test_conditional_requests_get_304(client, runtime, editor_token):
    story = await publish_story(client, runtime.cipher, editor_token)
    for path in ("/feed.json", "/feed.atom", "/", f"/stories/{story['slug']}", "/api/v1/stories"):
        first = await client.get(path)
        assert first.status_code == 200
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        assert "public" in first.headers["cache-control"]
        assert "max-age=" in first.headers["cache-control"]
        again = await client.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304, path
        assert again.content == b""
        assert again.headers["etag"] == etag
        since = await client.get(path, headers={"If-Modified-Since": modified})
        assert since.status_code == 304, path
        stale = await client.get(path, headers={"If-None-Match": '"something-else"'})
        assert stale.status_code == 200
        head = await client.head(path)
        assert head.status_code == 200 and head.content == b"" and head.headers["etag"] == etag
        older = format_datetime(datetime.now(UTC) - timedelta(days=2), usegmt=True)
        assert (await client.get(path, headers={"If-Modified-Since": older})).status_code == 200
    before = (await client.get("/feed.json")).headers["etag"]
    await publish_story(client, runtime.cipher, editor_token, title="Another")
    changed = await client.get("/feed.json", headers={"If-None-Match": before})
    assert changed.status_code == 200
    assert changed.headers["etag"] != before


def _vary(response) -> set[str]:
    return {v.strip().lower() for v in response.headers.get("vary", "").split(",") if v.strip()}


async def test_a_304_says_the_same_vary_as_the_200(client, runtime, editor_token):
    """RFC 9110 15.4.5: a 304 carries the Vary the 200 would, or a shared cache that revalidates
    an HTML page in one language could store it for readers of every language."""
    story = await publish_story(client, runtime.cipher, editor_token)
    for path in ("/", f"/stories/{story['slug']}", "/feed.json", "/feed.atom", "/api/v1/stories"):
        for language in ("en", "ar"):
            first = await client.get(path, headers={"Accept-Language": language})
            assert first.status_code == 200, path
            again = await client.get(
                path, headers={"Accept-Language": language, "If-None-Match": first.headers["etag"]}
            )
            assert again.status_code == 304, path
            assert _vary(again) == _vary(first), (path, language)
            if first.headers.get("content-type", "").startswith("text/html"):
                assert {"accept-language", "cookie"} <= _vary(again), path


async def test_withdrawn_story_is_gone_and_a_deleted_entry(client, runtime, editor_token):
    from tortoise.transactions import in_transaction

    from stories_service.models import PublishedStory

    story = await publish_story(client, runtime.cipher, editor_token, title="Withdrawn one")
    assert (await client.get(f"/stories/{story['slug']}")).status_code == 200
    row = await PublishedStory.get(slug=story["slug"])
    # What the withdrawal feature does: delete the text, leave a tombstone, bump the counter.
    async with in_transaction() as connection:
        await PublishedStory.filter(id=row.id).using_db(connection).delete()
        await Tombstone.create(
            using_db=connection,
            slug=row.slug,
            entry_id=row.entry_id,
            withdrawn_at=datetime.now(UTC),
        )
        await bump_public_change(connection)
    gone = await client.get(f"/stories/{story['slug']}")
    assert gone.status_code == 410
    assert "Withdrawn one" not in gone.text
    assert "no longer available" in gone.text
    api = await client.get(f"/api/v1/stories/{story['slug']}")
    assert api.status_code == 410
    atom = (await client.get("/feed.atom")).text
    assert f'<at:deleted-entry ref="{row.entry_id}"' in atom
    assert "Withdrawn one" not in atom
    assert not feedparser.parse(atom.encode()).bozo
    assert "Withdrawn one" not in (await client.get("/feed.json")).text


async def test_hostile_text_is_escaped_or_sanitised_everywhere(client, runtime, editor_token):
    story = await publish_story(
        client,
        runtime.cipher,
        editor_token,
        title='<script>alert("t")</script> & \x07bell',
        summary="<img src=x onerror=alert(1)>",
        body='<p>ok</p><script>alert("b")</script><a href="javascript:alert(2)">x</a>',
        tags=["<b>tag</b>"],
    )
    page = (await client.get(f"/stories/{story['slug']}")).text
    assert "<script>" not in page and "javascript:" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    atom = await client.get("/feed.atom")
    parsed = feedparser.parse(atom.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert "<script>" not in parsed.entries[0].content[0].value
    item = (await client.get("/feed.json")).json()["items"][0]
    assert "<script>" not in item["content_html"] and "javascript:" not in item["content_html"]
    assert item["title"].startswith('<script>alert("t")</script>')  # JSON carries text as text
