"""From a survivor's submission through the real workflow to the feeds."""

from __future__ import annotations

import feedparser

from stories_service.models import AuditEvent
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
    assert "content-note:displacement" in item["tags"] and "garden" in item["tags"]
    atom = feedparser.parse((await client.get("/feed.atom")).content)
    assert not atom.bozo and atom.entries[0].id == item["id"]
    page = await client.get(f"/stories/{answer['slug']}")
    assert page.status_code == 200 and "Before you read" in page.text
    actions = [e.action for e in await AuditEvent.filter(submission_id=sid).order_by("id")]
    assert actions[-2:] == ["submission.approve", "submission.publish"]
