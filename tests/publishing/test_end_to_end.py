"""From a survivor's submission through the real workflow to the feeds."""

from __future__ import annotations

import json

import feedparser

from stories_service.models import AuditEvent
from stories_service.webhooks.delivery import event_body
from tests.staffing import make_staff, post, submit, to_ready


async def test_submitted_story_reaches_the_feeds_through_the_workflow(client):
    moderator = await make_staff("moderator")
    editor = await make_staff("editor")
    created = await submit(client)
    sid = created["id"]
    await to_ready(client, moderator, sid, created["receipt_code"])
    approved = await post(client, editor, f"/api/v1/submissions/{sid}/approve")
    assert approved.status_code == 200, approved.text
    published = await post(client, editor, f"/api/v1/submissions/{sid}/publish")
    assert published.status_code == 200, published.text
    answer = published.json()
    assert answer["status"] == "published" and answer["id"] == sid
    feed = (await client.get("/feed.json")).json()
    item = feed["items"][0]
    assert item["title"] == "The garden on the fourth floor"
    assert item["tags"] == ["home", "garden"]  # topics only: the notes are data beside them
    assert item["_healing_stories"]["content_notes"] == ["displacement"]
    atom = feedparser.parse((await client.get("/feed.atom")).content)
    assert not atom.bozo and atom.entries[0].id == item["id"]
    page = await client.get(f"/stories/{answer['slug']}")
    assert page.status_code == 200 and "Before you read" in page.text
    actions = [e.action for e in await AuditEvent.filter(submission_id=sid).order_by("id")]
    assert actions[-2:] == ["submission.approve", "submission.publish"]


async def test_a_survivor_who_becomes_anonymous_disappears_from_the_byline_at_once(client):
    from stories_service.models import OutboxEvent
    from tests.conftest import valid_submission

    moderator = await make_staff("moderator")
    editor = await make_staff("editor")
    consent = dict(valid_submission()["consent"])
    consent.update(attribution="pseudonym", display_name="Blue Heron")
    created = await submit(client, consent=consent)
    sid, code = created["id"], created["receipt_code"]
    await to_ready(client, moderator, sid, code)
    assert (await post(client, editor, f"/api/v1/submissions/{sid}/approve")).status_code == 200
    slug = (await post(client, editor, f"/api/v1/submissions/{sid}/publish")).json()["slug"]
    assert "Blue Heron" in (await client.get(f"/stories/{slug}")).text
    assert "Blue Heron" in (await client.get("/feed.atom")).text

    changed = await client.post(
        "/api/v1/receipt/attribution", json={"receipt_code": code, "attribution": "anonymous"}
    )
    assert changed.status_code == 200, changed.text
    for path in (f"/stories/{slug}", "/feed.atom", "/feed.json", f"/api/v1/stories/{slug}"):
        assert "Blue Heron" not in (await client.get(path)).text, path
    event = await OutboxEvent.filter(event_type="story.updated").first()
    assert event is not None and json.loads(await event_body(event))["data"]["byline"] is None
