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
from tests.publishing.test_webhooks import Receiver, _dispatch_until_settled, _register

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
    written["story page <time>"] = re.search(r'<time [^>]*datetime="([^"]*)"', page)[1]
    index = (await client.get("/")).text
    written["index page <time>"] = re.search(r'<time [^>]*datetime="([^"]*)"', index)[1]

    event = await OutboxEvent.get(event_type="story.published")
    webhook = json.loads(await event_body(event, BASE))
    written["webhook timestamp"] = webhook["timestamp"]
    written["webhook date_published"] = webhook["data"]["date_published"]
    written["webhook date_modified"] = webhook["data"]["date_modified"]

    withdrawals = (await client.get("/api/v1/withdrawals")).json()["withdrawals"]
    written["withdrawals withdrawn_at"] = withdrawals[0]["withdrawn_at"]

    site = tmp_path / "site"
    await export_static(site, runtime.templates.env, BASE)
    exported = json.loads((site / "api" / "v1" / "stories" / slug).read_bytes())
    written["export story date_published"] = exported["date_published"]
    written["export story date_modified"] = exported["date_modified"]
    exported_item = json.loads((site / "feed.json").read_bytes())["items"][0]
    written["export json feed date_published"] = exported_item["date_published"]
    exported_page = (site / "stories" / slug).read_text()
    written["export story page <time>"] = re.search(
        r'<time [^>]*datetime="([^"]*)"', exported_page
    )[1]

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


_TIME_LIKE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d[^\"'<\s,}]*")


def _times_in(value: object) -> list[str]:
    """Every string in a JSON value that starts like a date-time."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in _times_in(v)]
    if isinstance(value, list):
        return [t for v in value for t in _times_in(v)]
    if isinstance(value, str) and re.match(r"^\d{4}-\d\d-\d\dT", value):
        return [value]
    return []


async def test_delivered_webhooks_and_every_exported_file_write_times_one_way(
    client, runtime, editor_token, override_settings, tmp_path
):
    """Times taken from the clock (microseconds and all) as a receiver and a static host see
    them: every date-time in every delivered body and in every exported file."""
    override_settings(webhook_retry_base_seconds=0)
    with Receiver(refuse=0) as receiver:
        await _register(client, receiver.url, ["*"])
        await publish_story(client, runtime.cipher, editor_token, title="Kept")
        gone = await publish_story(client, runtime.cipher, editor_token, title="Taken down")
        response = await client.post(
            f"/api/v1/stories/{gone['slug']}/unpublish", headers=bearer(editor_token)
        )
        assert response.status_code == 200, response.text
        await _dispatch_until_settled(runtime)
    delivered = [json.loads(body) for _, body in receiver.requests]
    assert {b["type"] for b in delivered} == {"story.published", "story.unpublished"}
    times = [t for body in delivered for t in _times_in(body)]
    assert len(times) >= 4, times  # timestamps, date_published, date_modified, unpublished_at
    assert [t for t in times if not RFC3339_UTC_SECONDS.match(t)] == []

    site = tmp_path / "site"
    await export_static(site, runtime.templates.env, BASE)
    found: dict[str, list[str]] = {}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".atom"}:
            found[str(path.relative_to(site))] = _TIME_LIKE.findall(path.read_text())
    assert sum(len(v) for v in found.values()) >= 5, found
    wrong = {
        name: [t for t in ts if not RFC3339_UTC_SECONDS.match(t)] for name, ts in found.items()
    }
    assert {name: ts for name, ts in wrong.items() if ts} == {}


async def test_every_date_in_every_consumer_document_is_written_one_way(
    client, runtime, editor_token
):
    """Times taken from the clock (microseconds and all), as a poller reads them: every
    date-time in the stories API, the change log, the withdrawals, the taxonomy and both feeds."""
    kept = await publish_story(client, runtime.cipher, editor_token, title="Kept", tags=["x"])
    gone = await publish_story(client, runtime.cipher, editor_token, title="Gone")
    response = await client.post(
        f"/api/v1/stories/{gone['slug']}/unpublish", headers=bearer(editor_token)
    )
    assert response.status_code == 200, response.text
    async with in_transaction() as connection:
        await Tombstone.create(
            using_db=connection,
            slug="withdrawnw",
            entry_id="urn:uuid:00000000-0000-4000-8000-000000000001",
            withdrawn_at=datetime.now(UTC).replace(microsecond=123456),
        )
        await bump_public_change(connection)

    documents = {
        path: (await client.get(path)).json()
        for path in (
            "/api/v1/stories",
            f"/api/v1/stories/{kept['slug']}",
            "/api/v1/changes",
            "/api/v1/withdrawals",
            "/api/v1/content-notes",
            "/feed.json",
        )
    }
    times = {path: _times_in(document) for path, document in documents.items()}
    atom = (await client.get("/feed.atom")).text
    times["/feed.atom"] = _TIME_LIKE.findall(atom)
    # Enough found that a field written another way could not hide: published and modified
    # per story, the change log's entries, a withdrawal, the feeds' own updated times.
    assert len(times["/api/v1/stories"]) == 2
    assert len(times[f"/api/v1/stories/{kept['slug']}"]) == 2
    assert len(times["/api/v1/changes"]) >= 3  # published twice, removed once
    assert len(times["/api/v1/withdrawals"]) == 1
    assert len(times["/feed.json"]) == 3  # date_published, date_modified, _healing_stories.updated
    assert len(times["/feed.atom"]) >= 5  # feed updated, published + updated, 2 deleted-entry
    wrong = {
        path: [t for t in ts if not RFC3339_UTC_SECONDS.match(t)] for path, ts in times.items()
    }
    assert {path: ts for path, ts in wrong.items() if ts} == {}
