"""Every public output writes a time the same way: RFC 3339, UTC, whole seconds, ``Z``."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone

import feedparser
from tortoise.transactions import in_transaction

from stories_service.models import OutboxEvent, PublishedStory, Submission, Tombstone
from stories_service.protection.data_export import export_submission
from stories_service.publishing.changes import bump_public_change
from stories_service.publishing.static_export import export_static
from stories_service.timefmt import rfc3339
from stories_service.webhooks.delivery import event_body
from tests.publishing.factories import bearer, make_approved_submission, publish, publish_story

MOMENT = datetime(2026, 12, 6, 4, 50, 15, 987654, tzinfo=UTC)
WRITTEN = "2026-12-06T04:50:15Z"
BASE = "https://stories.example.org"
RFC3339_UTC_SECONDS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def test_rfc3339_is_utc_whole_seconds_and_z():
    assert rfc3339(MOMENT) == WRITTEN
    assert rfc3339(MOMENT.astimezone(timezone(timedelta(hours=5, minutes=30)))) == WRITTEN
    assert rfc3339(MOMENT.replace(microsecond=0)) == WRITTEN
    assert rfc3339(datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)) == (
        "2026-12-31T23:59:59Z"  # dropped, not rounded into the next year
    )
    assert rfc3339(None) is None


async def test_every_public_output_writes_the_same_time_the_same_way(
    client, runtime, editor_token, tmp_path
):
    submission = await make_approved_submission(runtime.cipher, title="On time")
    published = await publish(client, editor_token, submission.id)
    assert published.status_code == 200, published.text
    slug = published.json()["slug"]
    async with in_transaction() as connection:
        await (
            PublishedStory.filter(slug=slug)
            .using_db(connection)
            .update(published_at=MOMENT, updated_at=MOMENT)
        )
        await Tombstone.create(
            using_db=connection,
            slug="gonegonego",
            entry_id="urn:uuid:00000000-0000-4000-8000-000000000000",
            withdrawn_at=MOMENT,
        )
        await bump_public_change(connection)
    await OutboxEvent.filter(event_type="story.published").update(created_at=MOMENT)

    written: dict[str, str] = {}

    story = (await client.get(f"/api/v1/stories/{slug}")).json()
    written["api story date_published"] = story["date_published"]
    written["api story date_modified"] = story["date_modified"]
    listing = (await client.get("/api/v1/stories")).json()
    written["api list date_published"] = listing["stories"][0]["date_published"]

    item = (await client.get("/feed.json")).json()["items"][0]
    written["json feed date_published"] = item["date_published"]
    written["json feed date_modified"] = item["date_modified"]
    atom = (await client.get("/feed.atom")).text
    written["atom published"] = re.search(r"<published>([^<]*)</published>", atom)[1]
    written["atom deleted-entry"] = re.search(r'<at:deleted-entry [^>]*when="([^"]*)"', atom)[1]
    assert not feedparser.parse(atom.encode()).bozo

    page = (await client.get(f"/stories/{slug}")).text
    written["story page <time>"] = re.search(r'<time datetime="([^"]*)"', page)[1]
    index = (await client.get("/")).text
    written["index page <time>"] = re.search(r'<time datetime="([^"]*)"', index)[1]

    event = await OutboxEvent.get(event_type="story.published")
    webhook = json.loads(await event_body(event, BASE))
    written["webhook timestamp"] = webhook["timestamp"]
    written["webhook date_published"] = webhook["data"]["date_published"]
    written["webhook date_modified"] = webhook["data"]["date_modified"]

    withdrawals = (await client.get("/api/v1/withdrawals")).json()["withdrawals"]
    written["withdrawals withdrawn_at"] = withdrawals[0]["withdrawn_at"]

    site = tmp_path / "site"
    await export_static(site, runtime.templates.env, BASE)
    exported = json.loads((site / "api" / "v1" / "stories" / f"{slug}.json").read_bytes())
    written["export story date_published"] = exported["date_published"]
    written["export story date_modified"] = exported["date_modified"]
    exported_item = json.loads((site / "feed.json").read_bytes())["items"][0]
    written["export json feed date_published"] = exported_item["date_published"]
    exported_page = (site / "stories" / slug / "index.html").read_text()
    written["export story page <time>"] = re.search(r'<time datetime="([^"]*)"', exported_page)[1]

    survivor = await export_submission(await Submission.get(id=submission.id), runtime.cipher, BASE)
    written["survivor export published_at"] = survivor["publication"]["published_at"]

    assert written == dict.fromkeys(written, WRITTEN)


async def test_times_taken_now_are_written_the_same_way(client, runtime, editor_token):
    """The times the webhooks take from the clock (no fixed moment to compare with)."""
    story = await publish_story(client, runtime.cipher, editor_token, title="Soon gone")
    response = await client.post(
        f"/api/v1/stories/{story['slug']}/unpublish", headers=bearer(editor_token)
    )
    assert response.status_code == 200, response.text
    published = await OutboxEvent.get(event_type="story.published")
    unpublished = await OutboxEvent.get(event_type="story.unpublished")
    assert RFC3339_UTC_SECONDS.match(published.payload["updated_at"])
    assert RFC3339_UTC_SECONDS.match(unpublished.payload["unpublished_at"])
    body = json.loads(await event_body(unpublished, BASE))
    assert RFC3339_UTC_SECONDS.match(body["timestamp"])
