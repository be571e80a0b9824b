"""Review findings on publishing: revision-time take-down, tags/byline leak guard, webhooks
built at send time, scheduled updates, lock order, content notes, stuck schedules, exports."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from stories_service.models import AuditEvent, OutboxEvent, PublishedStory, Submission
from stories_service.publishing.changes import read_public_counter
from stories_service.receipt.routes import public_story_follows
from tests.publishing.factories import bearer, make_approved_submission, publish, staff_token

pytestmark = pytest.mark.db


async def _published_then_revised(client, runtime, editor_token) -> tuple[object, str, str]:
    """A published story whose new revision is under way (submission back in review)."""
    submission = await make_approved_submission(runtime.cipher, title="Still public")
    slug = (await publish(client, editor_token, submission.id)).json()["slug"]
    moderator = await staff_token("moderator")
    revised = await client.post(
        f"/api/v1/submissions/{submission.id}/revise", headers=bearer(moderator)
    )
    assert revised.status_code == 200, revised.text
    assert (await Submission.get(id=submission.id)).state == "in_review"
    assert (await client.get(f"/stories/{slug}")).status_code == 200
    return submission.id, slug, moderator


async def test_a_story_under_revision_can_be_unpublished(client, runtime, editor_token):
    sid, slug, _ = await _published_then_revised(client, runtime, editor_token)
    before = await read_public_counter()
    response = await client.post(f"/api/v1/stories/{slug}/unpublish", headers=bearer(editor_token))
    assert response.status_code == 200, response.text
    assert (await client.get(f"/stories/{slug}")).status_code != 200
    assert (await PublishedStory.get(slug=slug)).state == "unpublished"
    assert (await Submission.get(id=sid)).state == "unpublished"
    assert await read_public_counter() == before + 1
    assert await OutboxEvent.filter(event_type="story.unpublished").count() == 1
    again = await client.post(f"/api/v1/stories/{slug}/unpublish", headers=bearer(editor_token))
    assert again.status_code == 409


async def test_rejecting_a_revision_takes_the_public_copy_down(client, runtime, editor_token):
    sid, slug, moderator = await _published_then_revised(client, runtime, editor_token)
    before = await read_public_counter()
    rejected = await client.post(
        f"/api/v1/submissions/{sid}/reject",
        json={"reason": "The storyteller asked us to stop."},
        headers=bearer(moderator),
    )
    assert rejected.status_code == 200, rejected.text
    assert (await Submission.get(id=sid)).state == "rejected"
    assert (await client.get(f"/stories/{slug}")).status_code != 200
    assert slug not in (await client.get("/feed.json")).text
    assert (await PublishedStory.get(slug=slug)).state == "unpublished"
    assert await read_public_counter() == before + 1
    assert await OutboxEvent.filter(event_type="story.unpublished").count() == 1
    assert await AuditEvent.filter(action="submission.reject").count() == 1


async def test_a_tag_on_the_never_appear_list_is_refused_at_publication(
    client, runtime, editor_token
):
    submission = await make_approved_submission(
        runtime.cipher, tags=["hope", "amina khalil"], never_appear=["Amina Khalil"]
    )
    response = await publish(client, editor_token, submission.id)
    assert response.status_code == 409, response.text
    error = response.json()["error"]
    assert error["code"] == "leak_guard"
    assert [f["part"] for f in error["findings"]] == ["tag"]
    assert await PublishedStory.all().count() == 0
    assert "khalil" not in (await client.get("/feed.atom")).text.lower()


async def test_a_byline_on_the_never_appear_list_is_refused_but_a_chosen_name_is_not(
    client, runtime, editor_token
):
    listed = await make_approved_submission(
        runtime.cipher, attribution="pseudonym", display_name="Amina", never_appear=["Amina"]
    )
    refused = await publish(client, editor_token, listed.id)
    assert refused.status_code == 409, refused.text
    assert [f["part"] for f in refused.json()["error"]["findings"]] == ["byline"]
    named = await make_approved_submission(
        runtime.cipher, attribution="first_name", display_name="Samira"
    )
    assert (await publish(client, editor_token, named.id)).status_code == 200


async def test_the_survivor_reviews_the_tags_and_approval_checks_them(client, runtime):
    from tests.staffing import REVISION, make_staff, post, submit

    moderator = await make_staff("moderator")
    editor = await make_staff("editor")
    created = await submit(client, never_appear=["Amina Khalil"])
    sid, code = created["id"], created["receipt_code"]
    await post(client, moderator, f"/api/v1/submissions/{sid}/claim")
    saved = await post(
        client,
        moderator,
        f"/api/v1/submissions/{sid}/revisions",
        {**REVISION, "tags": ["garden", "amina khalil"]},
    )
    assert saved.status_code == 201, saved.text
    await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")
    status = await client.post("/api/v1/receipt/status", json={"receipt_code": code})
    assert status.json()["review"]["tags"] == ["garden", "amina khalil"]
    page = await client.post("/my-story", data={"receipt_code": code})
    assert "amina khalil" in page.text and "Topics shown with your story" in page.text
    approved = await client.post(
        "/api/v1/receipt/consent", json={"receipt_code": code, "decision": "approve"}
    )
    assert approved.status_code == 200, approved.text
    refused = await post(client, editor, f"/api/v1/submissions/{sid}/approve")
    assert refused.status_code == 409, refused.text
    assert refused.json()["error"]["code"] == "leak_guard"
    assert (await Submission.get(id=sid)).state == "ready"


async def test_webhook_data_is_built_when_sent_not_when_queued(
    client, runtime, override_settings, editor_token
):
    """A receiver down while the survivor turns anonymous, then syndication off: the retries
    carry the current byline, then ids only; the outbox never holds the text."""
    import json

    from standardwebhooks.webhooks import Webhook
    from tortoise.transactions import in_transaction

    from stories_service.models import ConsentRecord, WebhookDelivery
    from stories_service.moderating.consent import change_attribution
    from stories_service.publishing.publisher import apply_consent_to_public_story
    from stories_service.webhooks.jobs import run_dispatcher_once
    from tests.publishing.test_webhooks import Receiver, _register

    override_settings(webhook_retry_base_seconds=0)
    submission = await make_approved_submission(
        runtime.cipher, attribution="pseudonym", display_name="Blue Heron", title="Mint"
    )

    async def retry_now() -> None:
        await WebhookDelivery.all().update(next_attempt_at=datetime.now(UTC))
        await run_dispatcher_once(runtime)

    with Receiver(refuse=2) as receiver:
        endpoint = await _register(client, receiver.url, ["story.published"])
        slug = (await publish(client, editor_token, submission.id)).json()["slug"]
        [event] = await OutboxEvent.all()
        assert "Blue Heron" not in json.dumps(event.payload)
        assert "Mint" not in json.dumps(event.payload)
        await run_dispatcher_once(runtime)  # refused: the receiver is down
        await change_attribution(
            submission,
            "anonymous",
            None,
            runtime.cipher,
            on_consent_changed=public_story_follows(runtime.cipher),
        )
        await retry_now()  # refused again
        async with in_transaction() as connection:
            await ConsentRecord.create(
                using_db=connection,
                submission_id=submission.id,
                publish=True,
                attribution="anonymous",
                display_name_enc=None,
                review_before_publish=True,
                syndicate=False,
                languages=["en"],
                wording_version="test",
                wording_language="en",
                wording_hash="0" * 64,
                recorded_by="survivor",
            )
            await apply_consent_to_public_story(connection, submission.id, runtime.cipher)
        await retry_now()  # accepted
    verifier = Webhook(endpoint["secret"])
    first, second, third = (verifier.verify(body, headers) for headers, body in receiver.requests)
    assert first["data"]["byline"] == "Blue Heron"
    assert second["data"]["byline"] is None and second["data"]["title"] == "Mint"
    assert third["type"] == "story.published"
    assert third["data"] == {
        "id": first["data"]["id"],
        "slug": slug,
        "url": f"http://testserver/stories/{slug}",
        "syndicate": False,
    }
    assert b"Blue Heron" not in receiver.requests[1][1] + receiver.requests[2][1]
    assert (await WebhookDelivery.get()).status == "delivered"


async def _approve_revision_2(runtime, submission_id, title: str) -> None:
    from stories_service.crypto import revision_context
    from stories_service.models import Revision

    encrypt = runtime.cipher.encrypt
    await Revision.create(
        submission_id=submission_id,
        number=2,
        title_enc=encrypt(title, revision_context("title", submission_id, 2)),
        summary_enc=encrypt("Updated.", revision_context("summary", submission_id, 2)),
        body_enc=encrypt("<p>Now longer.</p>", revision_context("body", submission_id, 2)),
        approved_at=datetime.now(UTC),
    )
    await Submission.filter(id=submission_id).update(state="approved")


async def test_scheduling_an_update_keeps_the_live_story_until_the_due_time(
    client, runtime, editor_token
):
    from datetime import timedelta

    from stories_service.publishing.publisher import publish_due_stories

    submission = await make_approved_submission(runtime.cipher, title="First version")
    slug = (await publish(client, editor_token, submission.id)).json()["slug"]
    await _approve_revision_2(runtime, submission.id, "Second version")
    before = await read_public_counter()
    at = datetime.now(UTC) + timedelta(hours=1)
    scheduled = await publish(client, editor_token, submission.id, at=at.isoformat())
    assert scheduled.status_code == 200, scheduled.text
    assert scheduled.json()["status"] == "scheduled" and scheduled.json()["slug"] == slug
    assert scheduled.json()["publish_at"] is not None
    page = await client.get(f"/stories/{slug}")
    assert page.status_code == 200 and "First version" in page.text
    assert (await PublishedStory.get(slug=slug)).state == "published"
    assert (await Submission.get(id=submission.id)).publish_at is not None
    assert await read_public_counter() == before
    assert await publish_due_stories(runtime.cipher, "http://testserver") == []
    due = await publish_due_stories(
        runtime.cipher, "http://testserver", now=at + timedelta(seconds=1)
    )
    assert due == [slug]
    page = await client.get(f"/stories/{slug}")
    assert "Second version" in page.text and "First version" not in page.text
    assert await read_public_counter() == before + 1
    assert await OutboxEvent.filter(event_type="story.updated").count() == 1
    assert await OutboxEvent.filter(event_type="story.published").count() == 1


async def test_unpublish_locks_the_submission_before_the_story(
    client, runtime, editor_token, backend
):
    """A writer holding the submission (as publish and change_attribution do) then taking the
    story must not deadlock with an unpublish that started in between."""
    import asyncio

    from tortoise.transactions import in_transaction

    from stories_service.moderating.transitions import load_submission

    if backend.name != "postgres":
        pytest.skip("row locks are a PostgreSQL matter (SQLite serialises writers)")

    submission = await make_approved_submission(runtime.cipher)
    slug = (await publish(client, editor_token, submission.id)).json()["slug"]
    locked, go = asyncio.Event(), asyncio.Event()

    async def writer() -> None:  # holds the submission, then takes the story
        async with in_transaction() as connection:
            await load_submission(connection, submission.id, lock=True)
            locked.set()
            await go.wait()
            await PublishedStory.filter(slug=slug).using_db(connection).select_for_update().first()

    holder = asyncio.create_task(writer())
    await locked.wait()
    unpublish = asyncio.create_task(
        client.post(f"/api/v1/stories/{slug}/unpublish", headers=bearer(editor_token))
    )
    await asyncio.sleep(0.5)  # the unpublish is now waiting for a lock
    assert not unpublish.done()
    go.set()
    await asyncio.wait_for(holder, 10)  # a deadlock would abort one of the two
    response = await asyncio.wait_for(unpublish, 10)
    assert response.status_code == 200, response.text
    assert (await PublishedStory.get(slug=slug)).state == "unpublished"


async def test_content_notes_none_is_never_shown_and_readers_see_labels(
    client, runtime, editor_token
):
    quiet = await make_approved_submission(runtime.cipher, title="Quiet", content_notes=["none"])
    quiet_slug = (await publish(client, editor_token, quiet.id)).json()["slug"]
    page = await client.get(f"/stories/{quiet_slug}")
    assert page.status_code == 200
    assert "This story mentions" not in page.text
    assert '"none"' not in (await client.get("/feed.json")).text
    assert 'term="none"' not in (await client.get("/feed.atom")).text
    assert (await client.get(f"/api/v1/stories/{quiet_slug}")).json()["content_notes"] == []

    heavy = await make_approved_submission(
        runtime.cipher, title="Heavy", content_notes=["sexual_violence", "none"]
    )
    slug = (await publish(client, editor_token, heavy.id)).json()["slug"]
    page = (await client.get(f"/stories/{slug}")).text
    assert "<li>Sexual violence</li>" in page and "sexual_violence" not in page
    assert "Sexual violence" in (await client.get("/")).text
    atom = (await client.get("/feed.atom")).text
    assert 'term="sexual_violence"' in atom and 'label="Sexual violence"' in atom
    item = (await client.get(f"/api/v1/stories/{slug}")).json()
    assert item["content_notes"] == ["sexual_violence"]
    feed = (await client.get("/feed.json")).json()
    assert feed["items"][0]["_healing_stories"]["content_notes"] == ["sexual_violence"]


async def test_a_scheduled_story_refused_at_its_time_goes_back_to_an_editor(
    client, runtime, editor_token
):
    from datetime import timedelta

    from stories_service.models import ConsentRecord
    from stories_service.publishing.publisher import publish_due_stories
    from tests.staffing import make_staff, sign_in

    submission = await make_approved_submission(runtime.cipher, title="Later")
    at = datetime.now(UTC) + timedelta(hours=1)
    scheduled = await publish(client, editor_token, submission.id, at=at.isoformat())
    assert scheduled.json()["status"] == "scheduled"
    await ConsentRecord.create(  # the survivor no longer consents to publication
        submission_id=submission.id,
        publish=False,
        attribution="anonymous",
        review_before_publish=True,
        syndicate=True,
        languages=["en"],
        wording_version="test",
        wording_language="en",
        wording_hash="0" * 64,
        recorded_by="survivor",
    )
    later = at + timedelta(seconds=1)
    assert await publish_due_stories(runtime.cipher, "http://testserver", now=later) == []
    row = await Submission.get(id=submission.id)
    assert row.state == "approved" and row.publish_at is None
    event = await AuditEvent.get(action="submission.schedule_failed")
    assert event.data == {"reason": "no_consent"}
    assert (event.from_state, event.to_state, event.actor) == ("scheduled", "approved", "system")
    assert await publish_due_stories(runtime.cipher, "http://testserver", now=later) == []
    assert await AuditEvent.filter(action="submission.schedule_failed").count() == 1
    assert await OutboxEvent.all().count() == 0

    editor = await make_staff("editor")
    await sign_in(client, editor)
    page = await client.get(f"/staff/submissions/{submission.id}")
    assert page.status_code == 200
    assert 'id="schedule-failed" data-code="no_consent"' in page.text


async def test_the_leak_guard_runs_again_at_the_due_time(client, runtime, editor_token):
    from datetime import timedelta

    from stories_service.publishing.publisher import publish_due_stories

    submission = await make_approved_submission(runtime.cipher, title="Later")
    at = datetime.now(UTC) + timedelta(hours=1)
    await publish(client, editor_token, submission.id, at=at.isoformat())
    # The survivor adds a never-appear term after the story was scheduled.
    from stories_service.crypto import column_context

    await Submission.filter(id=submission.id).update(
        never_appear_enc=runtime.cipher.encrypt_json(
            ["balcony"], column_context("submissions", "never_appear", submission.id)
        )
    )
    later = at + timedelta(seconds=1)
    assert await publish_due_stories(runtime.cipher, "http://testserver", now=later) == []
    assert (await Submission.get(id=submission.id)).state == "approved"
    event = await AuditEvent.get(action="submission.schedule_failed")
    assert event.data["reason"] == "leak_guard" and event.data["finding_kinds"] == ["never_appear"]
    assert await PublishedStory.filter(state="published").count() == 0


async def test_no_stale_if_error_on_stories_and_feeds(client, runtime, editor_token):
    slug = (
        await publish(client, editor_token, (await make_approved_submission(runtime.cipher)).id)
    ).json()["slug"]
    paths = ("/", f"/stories/{slug}", "/feed.json", "/feed.atom", "/api/v1/stories")
    for path in (*paths, f"/api/v1/stories/{slug}"):
        response = await client.get(path)
        assert response.status_code == 200, path
        control = response.headers["cache-control"]
        assert "stale-if-error" not in control and "stale-while-revalidate" not in control, path


async def test_an_unpublished_story_does_not_survive_on_disk_after_re_export(
    client, runtime, editor_token, tmp_path
):
    from stories_service.publishing.static_export import export_static

    target = tmp_path / "site"
    target.mkdir()  # a first export over a plain folder moves it aside
    (target / "old.html").write_text("Amina was here")
    story = await make_approved_submission(runtime.cipher, title="Taken down later")
    slug = (await publish(client, editor_token, story.id)).json()["slug"]
    env = runtime.templates.env
    await export_static(target, env, "https://x.example")
    response = await client.post(f"/api/v1/stories/{slug}/unpublish", headers=bearer(editor_token))
    assert response.status_code == 200
    await export_static(target, env, "https://x.example")
    leftovers = [
        path
        for path in tmp_path.rglob("*")
        if path.is_file() and b"Taken down later" in path.read_bytes()
    ]
    assert leftovers == []
    assert not any("Amina" in p.name or p.name == "old.html" for p in tmp_path.rglob("*"))
    # Beside the site: its current version, and the (empty) lock file exports take turns on.
    others = [p.name for p in tmp_path.iterdir() if p.name not in {"site", ".site.lock"}]
    assert (tmp_path / ".site.lock").stat().st_size == 0
    assert len(others) == 1 and others[0].startswith(".site.v-")  # only the current version
