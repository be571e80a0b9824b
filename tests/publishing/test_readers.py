"""The `reader` feed-reader library subscribes to both feeds of a live server."""

from __future__ import annotations

from reader import make_reader

from tests.publishing.conftest import wait_until
from tests.publishing.factories import publish_story
from tests.servers import live_client


async def test_reader_sees_the_same_stories_in_atom_and_json(
    client, runtime, live_server, editor_token, tmp_path
):
    titles = {"First light", "Ein neuer Anfang", "Bread & salt"}
    published = []
    for title in sorted(titles):
        published.append(
            await publish_story(
                client,
                runtime.cipher,
                editor_token,
                title=title,
                tags=["hope"],
                content_notes=["loss"],
            )
        )
    async with live_client() as live:

        async def all_three() -> bool:
            return len((await live.get(f"{live_server}/feed.json")).json()["items"]) == 3

        await wait_until(all_three)
    feed_reader = make_reader(str(tmp_path / "reader.sqlite"))
    try:
        for path in ("/feed.atom", "/feed.json"):
            feed_reader.add_feed(live_server + path)
        feed_reader.update_feeds()
        by_feed = {}
        for path in ("/feed.atom", "/feed.json"):
            feed = feed_reader.get_feed(live_server + path)
            assert feed.last_exception is None, feed.last_exception
            entries = list(feed_reader.get_entries(feed=feed))
            by_feed[path] = {(e.id, e.title, e.link) for e in entries}
        assert by_feed["/feed.atom"] == by_feed["/feed.json"]
        assert {title for _, title, _ in by_feed["/feed.atom"]} == titles
        assert {link for _, _, link in by_feed["/feed.json"]} == {
            p["url"].replace("http://testserver", live_server) for p in published
        }
    finally:
        feed_reader.close()
