"""Consumers other than the mirror drop an unpublished and a withdrawn story (issue 16,
acceptance): one built on feedparser that applies the Atom feed's RFC 6721 tombstones, one built
on the `reader` library (which keeps every entry it once read unless told), and one that follows
the change log. Each still held both stories before the removals."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import httpx
import pytest
from reader import make_reader

from moderation.workflow import Actor
from stories_service.protection.withdrawal import withdraw_submission
from tests.publishing.factories import bearer
from tests.publishing.test_change_log import _published

pytestmark = pytest.mark.db

TOMBSTONES = "{http://purl.org/atompub/tombstones/1.0}deleted-entry"


def deleted_refs(atom: bytes) -> set[str]:
    """The entry ids the feed says are gone (feedparser keeps the namespace, not the refs)."""
    return {node.get("ref", "") for node in ET.fromstring(atom).iter(TOMBSTONES)}


class FeedparserConsumer:
    """Keeps entries by id; applies the feed's tombstones after each read."""

    def __init__(self) -> None:
        self.entries: dict[str, str] = {}

    def read(self, atom: bytes) -> None:
        parsed = feedparser.parse(atom)
        assert not parsed.bozo, parsed.get("bozo_exception")
        for entry in parsed.entries:
            self.entries[entry.id] = entry.title
        for ref in deleted_refs(atom):
            self.entries.pop(ref, None)


class ChangeLogConsumer:
    """Follows /api/v1/changes from its cursor; keeps the ids of what is public."""

    def __init__(self) -> None:
        self.cursor: str | None = None
        self.ids: set[str] = set()

    async def read(self, client: httpx.AsyncClient) -> None:
        while True:
            query = f"?since={self.cursor}" if self.cursor else ""
            page = (await client.get(f"/api/v1/changes{query}")).json()
            for change in page["changes"]:
                if change["kind"] == "removed":
                    self.ids.discard(change["id"])
                else:
                    self.ids.add(change["id"])
            self.cursor = page["next_cursor"]
            if not page["has_more"]:
                return


def reader_ids(folder: Path, atom: bytes, feed_reader) -> set[str]:
    """Update `reader` from the feed as a local file, then drop what the tombstones name: reader
    deletes only entries it was given by hand, so a feed that names one of its entries gone is
    dropped and subscribed again (its entries come back from the feed, without the gone ones)."""
    (folder / "feed.atom").write_bytes(atom)
    feed_reader.update_feeds()
    held = {entry.id for entry in feed_reader.get_entries(feed="feed.atom")}
    if held & deleted_refs(atom):
        feed_reader.delete_feed("feed.atom")
        feed_reader.add_feed("feed.atom")
        feed_reader.update_feeds()
    return {entry.id for entry in feed_reader.get_entries(feed="feed.atom")}


async def test_consumers_drop_an_unpublished_and_a_withdrawn_story(
    client, runtime, editor_token, tmp_path
):
    cipher = runtime.cipher
    _, kept = await _published(client, cipher, editor_token, title="Kept")
    _, unpublished = await _published(client, cipher, editor_token, title="Unpublished")
    withdrawn_sid, withdrawn = await _published(client, cipher, editor_token, title="Withdrawn")
    ids = {c["slug"]: c["id"] for c in (await client.get("/api/v1/changes")).json()["changes"]}
    everything = {ids[kept], ids[unpublished], ids[withdrawn]}

    feed_reader = make_reader(str(tmp_path / "reader.sqlite"), feed_root=str(tmp_path))
    try:
        feed_reader.add_feed("feed.atom")
        by_feedparser = FeedparserConsumer()
        by_changes = ChangeLogConsumer()
        atom = (await client.get("/feed.atom")).content
        by_feedparser.read(atom)
        await by_changes.read(client)
        assert set(by_feedparser.entries) == everything
        assert by_changes.ids == everything
        assert reader_ids(tmp_path, atom, feed_reader) == everything

        answer = await client.post(
            f"/api/v1/stories/{unpublished}/unpublish", headers=bearer(editor_token)
        )
        assert answer.status_code == 200, answer.text
        await withdraw_submission(withdrawn_sid, Actor.survivor())

        atom = (await client.get("/feed.atom")).content
        # Without the tombstones, `reader` keeps both stories, text and all.
        (tmp_path / "feed.atom").write_bytes(atom)
        feed_reader.update_feeds()
        assert {e.id for e in feed_reader.get_entries(feed="feed.atom")} == everything

        by_feedparser.read(atom)
        await by_changes.read(client)
        assert set(by_feedparser.entries) == {ids[kept]}
        assert by_changes.ids == {ids[kept]}
        assert reader_ids(tmp_path, atom, feed_reader) == {ids[kept]}
        texts = [e.title for e in feed_reader.get_entries()]
        assert texts == ["Kept"]
    finally:
        feed_reader.close()
