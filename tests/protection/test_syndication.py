"""After a withdrawal, everyone who syndicated the story is told: the story page answers 410,
the Atom feed carries an RFC 6721 deleted entry, the tombstone API lists it, and a signed
`story.withdrawn` webhook reaches the subscribed receiver."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import httpx
from standardwebhooks.webhooks import Webhook

from moderation.states import SubmissionState
from stories_service.models import OutboxEvent, WebhookDelivery
from stories_service.webhooks.jobs import run_dispatcher_once
from tests.protection.factories import drive_to, submit
from tests.publishing.test_webhooks import Receiver
from tests.staffing import make_staff

TOMBSTONES = "{http://purl.org/atompub/tombstones/1.0}deleted-entry"


async def test_withdrawn_story_is_gone_from_page_feeds_and_api(
    client: httpx.AsyncClient, runtime
) -> None:
    kept = await submit(client, "keptstory")
    await drive_to(runtime, kept, SubmissionState.PUBLISHED, "keptstory")
    gone = await submit(client, "gonestory")
    await drive_to(runtime, gone, SubmissionState.PUBLISHED, "gonestory")
    assert (await client.get(f"/stories/{gone.slug}")).status_code == 200  # warm the caches
    assert "gonestory" in (await client.get("/feed.atom")).text

    await client.post("/api/v1/receipt/withdraw", json={"receipt_code": gone.receipt_code})

    page = await client.get(f"/stories/{gone.slug}")
    assert page.status_code == 410
    assert "no longer available" in page.text
    assert "gonestory" not in page.text
    atom = await client.get("/feed.atom")
    root = ElementTree.fromstring(atom.content)
    deleted = root.findall(TOMBSTONES)
    assert [(d.get("ref"), bool(d.get("when"))) for d in deleted] == [(gone.entry_id, True)]
    entries = [
        e.findtext("{http://www.w3.org/2005/Atom}id")
        for e in root.iter()
        if e.tag.endswith("}entry")
    ]
    assert entries == [kept.entry_id]
    feed = (await client.get("/feed.json")).json()
    assert [item["id"] for item in feed["items"]] == [kept.entry_id]
    stories = (await client.get("/api/v1/stories")).json()
    assert "gonestory" not in json.dumps(stories) and "keptstory" in json.dumps(stories)
    listed = (await client.get("/api/v1/withdrawals")).json()["withdrawals"]
    assert [(t["id"], t["slug"]) for t in listed] == [(gone.entry_id, gone.slug)]


async def test_a_signed_withdrawal_webhook_reaches_the_receiver(
    client: httpx.AsyncClient, runtime
) -> None:
    admin = await make_staff("admin")
    with Receiver(refuse=0) as receiver:
        registered = await client.post(
            "/api/v1/webhooks",
            json={"url": receiver.url, "events": ["story.published", "story.withdrawn"]},
            headers=admin.headers,
        )
        assert registered.status_code == 201, registered.text
        story = await submit(client, "hookcanary")
        await drive_to(runtime, story, SubmissionState.PUBLISHED, "hookcanary")
        await run_dispatcher_once(runtime)
        assert [json.loads(body)["type"] for _, body in receiver.requests] == ["story.published"]

        await client.post("/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code})
        await run_dispatcher_once(runtime)

    headers, body = receiver.requests[-1]
    verified = Webhook(registered.json()["secret"]).verify(body, headers)
    assert verified["type"] == "story.withdrawn"
    assert verified["data"]["id"] == story.entry_id
    assert verified["data"]["slug"] == story.slug
    assert "hookcanary" not in body.decode()
    # The earlier event carried the text: it is gone from the outbox, with its deliveries.
    events = await OutboxEvent.all()
    assert [e.event_type for e in events] == ["story.withdrawn"]
    assert all("hookcanary" not in json.dumps(e.payload) for e in events)
    assert await WebhookDelivery.filter(status="delivered").count() == 1
