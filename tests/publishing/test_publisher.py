"""Publishing through the API: consent, byline, languages, syndication, leak guard, schedule."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

from stories_service.audit_log import verify_audit_chain
from stories_service.models import AuditEvent, OutboxEvent, PublishedStory, Submission
from stories_service.publishing.changes import read_public_counter
from stories_service.publishing.jobs import run_scheduler_once
from stories_service.publishing.publisher import publish_due_stories
from stories_service.webhooks.delivery import event_body
from tests.publishing.factories import (
    bearer,
    make_approved_submission,
    publish,
    staff_token,
)


async def test_publish_now_makes_a_public_page_with_a_neutral_slug(client, runtime, editor_token):
    submission = await make_approved_submission(runtime.cipher, title="Mint and sleep")
    before = await read_public_counter()
    response = await publish(client, editor_token, submission.id)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["status"] == "published"
    assert answer["id"] == str(submission.id)
    slug = answer["slug"]
    assert len(slug) == 10 and slug.isalnum() and slug.islower()
    assert "mint" not in slug and str(submission.id)[:8] not in slug
    assert answer["url"] == f"http://testserver/stories/{slug}"
    page = await client.get(f"/stories/{slug}")
    assert page.status_code == 200
    assert "Mint and sleep" in page.text
    assert await read_public_counter() == before + 1
    assert (await Submission.get(id=submission.id)).state == "published"
    event = await OutboxEvent.get(event_type="story.published")
    assert event.event_id.startswith("msg_")
    assert event.payload["slug"] == slug
    assert (await AuditEvent.filter(action="submission.publish").count()) == 1
    count, broken = await verify_audit_chain()
    assert broken is None and count >= 1


async def test_anonymous_story_carries_no_name_anywhere(client, runtime, editor_token):
    submission = await make_approved_submission(
        runtime.cipher, attribution="anonymous", display_name="Samira Haddad"
    )
    slug = (await publish(client, editor_token, submission.id)).json()["slug"]
    for path in (f"/stories/{slug}", "/feed.json", "/feed.atom", f"/api/v1/stories/{slug}"):
        response = await client.get(path)
        assert response.status_code == 200
        assert "Samira" not in response.text
    item = (await client.get(f"/api/v1/stories/{slug}")).json()
    assert item["byline"] is None
    feed = (await client.get("/feed.json")).json()
    assert "authors" not in feed["items"][0]


async def test_pseudonym_becomes_the_byline(client, runtime, editor_token):
    submission = await make_approved_submission(
        runtime.cipher, attribution="pseudonym", display_name="Blue Heron"
    )
    slug = (await publish(client, editor_token, submission.id)).json()["slug"]
    item = (await client.get(f"/api/v1/stories/{slug}")).json()
    assert item["byline"] == "Blue Heron"
    feed = (await client.get("/feed.json")).json()
    assert feed["items"][0]["authors"] == [{"name": "Blue Heron"}]
    assert "Blue Heron" in (await client.get(f"/stories/{slug}")).text


async def test_newest_consent_record_rules(client, runtime, editor_token):
    from stories_service.crypto import column_context
    from stories_service.models import ConsentRecord

    submission = await make_approved_submission(
        runtime.cipher, attribution="pseudonym", display_name="Old Name"
    )
    await ConsentRecord.create(
        submission_id=submission.id,
        publish=True,
        attribution="anonymous",
        display_name_enc=runtime.cipher.encrypt(
            "Old Name", column_context("consent_records", "display_name", submission.id)
        ),
        review_before_publish=True,
        syndicate=True,
        languages=["en"],
        wording_version="test",
        wording_language="en",
        wording_hash="0" * 64,
        recorded_by="survivor",
    )
    slug = (await publish(client, editor_token, submission.id)).json()["slug"]
    assert (await client.get(f"/api/v1/stories/{slug}")).json()["byline"] is None


async def test_language_outside_consent_is_refused(client, runtime, editor_token):
    submission = await make_approved_submission(runtime.cipher, language="ar", languages=["en"])
    response = await publish(client, editor_token, submission.id)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "consent_language"
    assert await PublishedStory.all().count() == 0
    assert (await Submission.get(id=submission.id)).state == "approved"


async def test_no_consent_to_publish_is_refused(client, runtime, editor_token):
    submission = await make_approved_submission(runtime.cipher, publish=False)
    response = await publish(client, editor_token, submission.id)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "no_consent"


async def test_unsyndicated_story_is_on_the_site_but_not_in_feeds(client, runtime, editor_token):
    submission = await make_approved_submission(runtime.cipher, syndicate=False, title="Quiet")
    slug = (await publish(client, editor_token, submission.id)).json()["slug"]
    assert (await client.get(f"/stories/{slug}")).status_code == 200
    assert "Quiet" in (await client.get("/")).text
    assert (await client.get("/feed.json")).json()["items"] == []
    assert "Quiet" not in (await client.get("/feed.atom")).text
    assert (await client.get("/api/v1/stories")).json()["stories"] == []
    assert (await client.get(f"/api/v1/stories/{slug}")).status_code == 404
    event = await OutboxEvent.get(event_type="story.published")
    assert set(event.payload) == {"id", "slug", "updated_at"}  # ids only, no text at rest
    body = json.loads(await event_body(event, "http://testserver"))
    assert body["data"] == {
        "id": event.payload["id"],
        "slug": slug,
        "url": f"http://testserver/stories/{slug}",
        "syndicate": False,
    }


async def test_leak_guard_refuses_then_override_is_audited(client, runtime, editor_token):
    submission = await make_approved_submission(
        runtime.cipher,
        body="<p>My cousin Karimov helped me at the border.</p>",
        never_appear=["Karimov"],
    )
    refused = await publish(client, editor_token, submission.id)
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert error["code"] == "leak_guard"
    assert any(f["kind"] == "never_appear" for f in error["findings"])
    assert await PublishedStory.all().count() == 0
    allowed = await publish(
        client, editor_token, submission.id, override_reason="Reviewed: family name is common."
    )
    assert allowed.status_code == 200, allowed.text
    audit = await AuditEvent.get(action="submission.publish")
    assert audit.data["leak_guard_override"] is True
    assert len(audit.data["override_reason_sha256"]) == 64
    assert "Karimov" not in str(audit.data)
    stored = (await Submission.get(id=submission.id)).leak_override_reason
    assert stored.startswith("enc:v1:") and "Reviewed" not in stored


async def test_an_override_given_at_approval_carries_to_publication(client, runtime, editor_token):
    from stories_service.moderating.approval import seal_override_reason

    submission = await make_approved_submission(
        runtime.cipher,
        body="<p>My cousin Karimov helped me at the border.</p>",
        never_appear=["Karimov"],
    )
    sealed = seal_override_reason(runtime.cipher, submission.id, "Editor checked at approval.")
    await Submission.filter(id=submission.id).update(leak_override_reason=sealed)
    response = await publish(client, editor_token, submission.id)
    assert response.status_code == 200, response.text
    audit = await AuditEvent.get(action="submission.publish")
    assert audit.data["override_from_approval"] is True


async def test_a_malformed_submission_id_is_404(client, editor_token):
    response = await client.post(
        "/api/v1/submissions/not-a-uuid/publish", json={}, headers=bearer(editor_token)
    )
    assert response.status_code == 404


async def test_roles_and_tokens_are_checked(client, runtime):
    submission = await make_approved_submission(runtime.cipher)
    anonymous = await client.post(f"/api/v1/submissions/{submission.id}/publish", json={})
    assert anonymous.status_code == 401
    moderator = await staff_token("moderator")
    denied = await publish(client, moderator, submission.id)
    assert denied.status_code == 403
    assert denied.json()["error"]["code"] == "forbidden"


async def test_publishing_twice_is_an_illegal_transition(client, runtime, editor_token):
    submission = await make_approved_submission(runtime.cipher)
    assert (await publish(client, editor_token, submission.id)).status_code == 200
    again = await publish(client, editor_token, submission.id)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "illegal_transition"


async def test_schedule_then_the_scheduler_publishes_once(client, runtime, editor_token):
    submission = await make_approved_submission(runtime.cipher, title="Later")
    at = datetime.now(UTC) + timedelta(hours=1)
    answer = (await publish(client, editor_token, submission.id, at=at.isoformat())).json()
    assert answer["status"] == "scheduled"
    assert (await client.get(f"/stories/{answer['slug']}")).status_code == 404
    assert await run_scheduler_once(runtime) == []  # not due yet
    later = at + timedelta(seconds=1)
    results = await asyncio.gather(
        *(publish_due_stories(runtime.cipher, "http://testserver", now=later) for _ in range(4))
    )
    assert sorted(s for r in results for s in r) == [answer["slug"]]
    assert await OutboxEvent.filter(event_type="story.published").count() == 1
    assert await AuditEvent.filter(action="submission.publish_due").count() == 1
    assert (await client.get(f"/stories/{answer['slug']}")).status_code == 200


async def test_unpublish_takes_the_story_down(client, runtime, editor_token):
    submission = await make_approved_submission(runtime.cipher, title="Going away")
    slug = (await publish(client, editor_token, submission.id)).json()["slug"]
    assert (await client.get(f"/stories/{slug}")).status_code == 200
    assert len((await client.get("/feed.json")).json()["items"]) == 1
    response = await client.post(f"/api/v1/stories/{slug}/unpublish", headers=bearer(editor_token))
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "unpublished"
    assert (await client.get(f"/stories/{slug}")).status_code == 404
    assert (await client.get("/feed.json")).json()["items"] == []
    assert await OutboxEvent.filter(event_type="story.unpublished").count() == 1
    again = await client.post(f"/api/v1/stories/{slug}/unpublish", headers=bearer(editor_token))
    assert again.status_code == 409
    republished = await publish(client, editor_token, submission.id)
    assert republished.status_code == 200
    assert republished.json()["slug"] == slug


async def test_several_processes_publish_each_due_story_once(
    client, runtime, editor_token, backend
):
    import base64
    import json
    import sys

    from tests.conftest import ROOT

    at = datetime.now(UTC) + timedelta(minutes=5)
    slugs = []
    for i in range(6):
        submission = await make_approved_submission(runtime.cipher, title=f"Due {i}")
        answer = await publish(client, editor_token, submission.id, at=at.isoformat())
        slugs.append(answer.json()["slug"])
    key = base64.urlsafe_b64encode(runtime.settings.encryption_keys[0]).decode()
    command = [
        sys.executable,
        "-m",
        "tests.publishing.due_runner",
        backend.database_url,
        key,
        (at + timedelta(seconds=1)).isoformat(),
    ]
    processes = [
        await asyncio.create_subprocess_exec(*command, cwd=ROOT, stdout=asyncio.subprocess.PIPE)
        for _ in range(3)
    ]
    outputs = await asyncio.gather(*(p.communicate() for p in processes))
    assert all(p.returncode == 0 for p in processes)
    published = [slug for out, _ in outputs for slug in json.loads(out)]
    assert sorted(published) == sorted(slugs)  # every story once, by whichever process won
    assert await OutboxEvent.filter(event_type="story.published").count() == 6
    assert await AuditEvent.filter(action="submission.publish_due").count() == 6
    assert await Submission.filter(state="published").count() == 6
    _, broken = await verify_audit_chain()
    assert broken is None


async def test_a_new_approved_revision_updates_the_public_story(client, runtime, editor_token):
    from stories_service.crypto import revision_context
    from stories_service.models import Revision

    submission = await make_approved_submission(runtime.cipher, title="First version")
    first = (await publish(client, editor_token, submission.id)).json()
    assert "First version" in (await client.get(f"/stories/{first['slug']}")).text
    # What the workflow does: revise, consent again, approve a revision 2 (states condensed).
    sid = submission.id
    await Revision.create(
        submission_id=sid,
        number=2,
        title_enc=runtime.cipher.encrypt("Second version", revision_context("title", sid, 2)),
        summary_enc=runtime.cipher.encrypt("Updated.", revision_context("summary", sid, 2)),
        body_enc=runtime.cipher.encrypt("<p>Now longer.</p>", revision_context("body", sid, 2)),
        approved_at=datetime.now(UTC),
    )
    await Submission.filter(id=sid).update(state="approved")
    second = await publish(client, editor_token, sid)
    assert second.status_code == 200
    assert second.json()["slug"] == first["slug"]  # stable address and feed id
    page = (await client.get(f"/stories/{first['slug']}")).text
    assert "Second version" in page and "First version" not in page
    event = await OutboxEvent.get(event_type="story.updated")
    assert json.loads(await event_body(event))["data"]["title"] == "Second version"
    story = await PublishedStory.get(slug=first["slug"])
    assert story.revision_number == 2
