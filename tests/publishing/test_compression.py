"""Cached public pages are compressed once and sent in the coding the client asks for, with a
Vary, an ETag per coding, the right Content-Length, HEAD and 304s, over real HTTP."""

from __future__ import annotations

import gzip
import json
import time

import brotli
import feedparser
import httpx
import pytest
from reader import make_reader
from tortoise.transactions import in_transaction

from stories_service.publishing.compression import MIN_BYTES, choose_coding
from tests.publishing.conftest import wait_until
from tests.publishing.factories import publish_story
from tests.servers import live_client

LONG_BODY = "".join(
    f"<p>Week {n}: I planted mint on the balcony and slept through the night again.</p>"
    for n in range(30)
)


@pytest.mark.parametrize(
    ("header", "coding"),
    [
        (None, "identity"),
        (b"", "identity"),
        (b"gzip", "gzip"),
        (b"gzip, deflate", "gzip"),
        (b"x-gzip", "gzip"),
        (b"gzip, deflate, br", "br"),
        (b"gzip, deflate, br, zstd", "br"),
        (b"br;q=0.5, gzip", "gzip"),
        (b"GZIP;Q=0.8, br;q=0.9", "br"),
        (b"identity", "identity"),
        (b"gzip;q=0, identity", "identity"),
        (b"*", "br"),
        (b"*;q=0.5, gzip", "gzip"),
        (b"br;q=0, *", "gzip"),
        (b"deflate", "identity"),
        (b"identity;q=0, gzip;q=0.1", "gzip"),
        (b"*;q=0", "identity"),  # nothing acceptable: identity rather than an error
        (b"gzip;q=nan, br;q=2", "identity"),  # malformed q-values count as refusals
        (b"identity;q=1, gzip;q=1", "gzip"),  # a tie goes to the smaller body
    ],
)
def test_the_coding_follows_accept_encoding(header, coding):
    assert choose_coding(header) == coding


async def _published_long_story(
    client, runtime, editor_token, live_server, title: str = "Mint again"
) -> dict:
    story = await publish_story(client, runtime.cipher, editor_token, title=title, body=LONG_BODY)
    await _unique_counter()
    async with live_client() as live:

        async def visible() -> bool:
            feed = await live.get(f"{live_server}/feed.json", headers={"Accept-Encoding": ""})
            return [i["url"] for i in feed.json()["items"]] == [_live(story, live_server)]

        await wait_until(visible)
    return story


def _live(story: dict, live_server: str) -> str:
    return story["url"].replace("http://testserver", live_server)


async def _unique_counter() -> None:
    """A value the live server cannot have seen before makes it drop its pages of the previous
    test (the counter is kept between tests since 2026-12-07, so this is belt and braces)."""
    async with in_transaction() as connection:
        param = "$1" if connection.capabilities.dialect == "postgres" else "?"
        await connection.execute_query(
            f"UPDATE change_counters SET value = {param}",
            [time.time_ns() // 1000],
        )


async def _raw(live: httpx.AsyncClient, method: str, url: str, **headers: str):
    """The response and the bytes on the wire, not decoded by httpx."""
    async with live.stream(method, url, headers=headers) as response:
        raw = b"".join([chunk async for chunk in response.aiter_raw()])
    return response, raw


async def test_feeds_api_and_pages_are_sent_compressed(client, runtime, live_server, editor_token):
    story = await _published_long_story(client, runtime, editor_token, live_server)
    paths = ["/feed.json", "/feed.atom", "/api/v1/stories", f"/stories/{story['slug']}", "/"]
    async with live_client(base_url=live_server) as live:
        for path in paths:
            plain, plain_raw = await _raw(live, "GET", path, **{"Accept-Encoding": "identity"})
            assert plain.status_code == 200
            assert "content-encoding" not in plain.headers
            assert int(plain.headers["content-length"]) == len(plain_raw) > MIN_BYTES
            assert "Accept-Encoding" in plain.headers["vary"]
            for coding, decompress, suffix in (
                ("gzip", gzip.decompress, '-gz"'),
                ("br", brotli.decompress, '-br"'),
            ):
                packed, raw = await _raw(live, "GET", path, **{"Accept-Encoding": coding})
                assert packed.headers["content-encoding"] == coding, path
                assert int(packed.headers["content-length"]) == len(raw) < len(plain_raw)
                assert decompress(raw) == plain_raw, path
                assert packed.headers["etag"] == plain.headers["etag"][:-1] + suffix
                assert packed.headers["vary"] == plain.headers["vary"]
                assert packed.headers["cache-control"] == plain.headers["cache-control"]
                assert packed.headers["content-type"] == plain.headers["content-type"]
                assert "default-src 'none'" in packed.headers["content-security-policy"]
            # httpx asks for gzip/br by itself and decodes: the same document.
            decoded = await live.get(path)
            assert decoded.headers["content-encoding"] in ("gzip", "br")
            assert decoded.content == plain_raw
        page = await live.get(f"/stories/{story['slug']}", headers={"Accept-Encoding": "gzip"})
        # One Vary, the language's and the coding's together.
        assert page.headers.get_list("vary") == ["Accept-Language, Cookie, Accept-Encoding"]
        assert json.loads((await live.get("/feed.json")).content)["items"]


async def test_head_and_304_for_each_coding(client, runtime, live_server, editor_token):
    await _published_long_story(client, runtime, editor_token, live_server)
    async with live_client(base_url=live_server) as live:
        plain = await live.get("/feed.json", headers={"Accept-Encoding": "identity"})
        packed, raw = await _raw(live, "GET", "/feed.json", **{"Accept-Encoding": "gzip"})
        head, head_raw = await _raw(live, "HEAD", "/feed.json", **{"Accept-Encoding": "gzip"})
        assert head.status_code == 200 and head_raw == b""
        assert head.headers["content-length"] == str(len(raw))
        assert head.headers["etag"] == packed.headers["etag"]
        assert head.headers["content-encoding"] == "gzip"

        for held, accept in (
            (packed.headers["etag"], "gzip"),  # a client revalidating what it has
            (plain.headers["etag"], "gzip"),  # the identity copy, now accepting gzip
            (packed.headers["etag"], "identity"),  # the gzip copy, now refusing codings
            (f"W/{packed.headers['etag']}", "br"),  # weak comparison
        ):
            revalidated, body = await _raw(
                live, "GET", "/feed.json", **{"If-None-Match": held, "Accept-Encoding": accept}
            )
            assert revalidated.status_code == 304, (held, accept)
            assert body == b""
            # The 304 names the copy the client holds, and varies as the 200 did.
            assert revalidated.headers["etag"] == held.removeprefix("W/")
            assert "Accept-Encoding" in revalidated.headers["vary"]
            assert "content-encoding" not in revalidated.headers
            # Only what RFC 9110 15.4.5 asks of a 304: with an ETag, no Last-Modified; no
            # security headers (the browser keeps those of the response it stored).
            assert revalidated.headers["cache-control"] == plain.headers["cache-control"]
            assert "last-modified" not in revalidated.headers
            assert "content-security-policy" not in revalidated.headers
        assert "frame-ancestors 'none'" in plain.headers["content-security-policy"]
        assert plain.headers["x-content-type-options"] == "nosniff"
        both = await live.get(
            "/feed.json",
            headers={
                "If-None-Match": f'{plain.headers["etag"]}, {packed.headers["etag"][:-4]}-br"',
                "Accept-Encoding": "br",
            },
        )
        assert both.status_code == 304
        assert both.headers["etag"].endswith('-br"')  # the chosen coding's tag when held
        stale = await live.get(
            "/feed.json", headers={"If-None-Match": '"other-gz"', "Accept-Encoding": "gzip"}
        )
        assert stale.status_code == 200 and stale.headers["content-encoding"] == "gzip"
        since = await live.get(
            "/feed.json",
            headers={
                "If-Modified-Since": plain.headers["last-modified"],
                "Accept-Encoding": "br",
            },
        )
        assert since.status_code == 304
        assert since.headers["etag"].endswith('-br"')


async def test_tiny_bodies_are_not_compressed(client, runtime, live_server, editor_token):
    await publish_story(client, runtime.cipher, editor_token, title="Short")
    await _unique_counter()
    async with live_client(base_url=live_server) as live:

        async def listed() -> bool:
            return bool((await live.get("/api/v1/changes")).json()["changes"])

        await wait_until(listed)
        cursor = (await live.get("/api/v1/changes")).json()["next_cursor"]
        tiny, raw = await _raw(
            live, "GET", f"/api/v1/changes?since={cursor}", **{"Accept-Encoding": "gzip, br"}
        )
    assert tiny.status_code == 200 and len(raw) < MIN_BYTES
    assert "content-encoding" not in tiny.headers
    assert "Accept-Encoding" not in tiny.headers.get("vary", "")
    assert json.loads(raw)["changes"] == []


async def test_feed_readers_fetch_the_compressed_feeds(
    client, runtime, live_server, editor_token, tmp_path
):
    story = await _published_long_story(
        client, runtime, editor_token, live_server, title="Mint for readers"
    )
    # feedparser fetches with urllib and asks for gzip; it decodes and parses cleanly.
    parsed = feedparser.parse(f"{live_server}/feed.atom")
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.headers.get("content-encoding") == "gzip"
    assert [e.title for e in parsed.entries] == ["Mint for readers"]
    assert "Week 29" in parsed.entries[0].content[0].value
    # reader fetches with requests, which asks for gzip (and br with brotli installed).
    feed_reader = make_reader(str(tmp_path / "reader.sqlite"))
    try:
        for path in ("/feed.atom", "/feed.json"):
            feed_reader.add_feed(live_server + path)
        feed_reader.update_feeds()
        for path in ("/feed.atom", "/feed.json"):
            feed = feed_reader.get_feed(live_server + path)
            assert feed.last_exception is None, feed.last_exception
            entries = list(feed_reader.get_entries(feed=feed))
            assert [e.link for e in entries] == [_live(story, live_server)]
            assert "Week 29" in entries[0].content[0].value
    finally:
        feed_reader.close()
