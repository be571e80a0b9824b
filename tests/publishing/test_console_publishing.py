"""Editors publish, schedule and take stories down from the console workspace."""

from __future__ import annotations

from stories_service.models import PublishedStory, Submission
from tests.staffing import make_staff, post, sign_in, submit, to_ready


async def _approved(client) -> str:
    moderator = await make_staff("moderator")
    approver = await make_staff("editor")
    created = await submit(client)
    await to_ready(client, moderator, created["id"], created["receipt_code"])
    assert (await post(client, approver, f"/api/v1/submissions/{created['id']}/approve")).is_success
    return created["id"]


async def test_editor_publishes_and_unpublishes_in_the_console(client):
    sid = await _approved(client)
    editor = await make_staff("editor")
    csrf = await sign_in(client, editor)
    page = await client.get(f"/staff/submissions/{sid}")
    assert 'id="publish-form"' in page.text
    published = await client.post(
        f"/staff/submissions/{sid}/publish", data={"csrf_token": csrf, "at": ""}
    )
    assert published.status_code == 303, published.text
    story = await PublishedStory.get(submission_id=sid)
    assert (await client.get(f"/stories/{story.slug}")).status_code == 200
    taken_down = await client.post(f"/staff/submissions/{sid}/unpublish", data={"csrf_token": csrf})
    assert taken_down.status_code == 303
    assert (await client.get(f"/stories/{story.slug}")).status_code == 404
    assert (await Submission.get(id=sid)).state == "unpublished"


async def test_editor_schedules_in_the_console(client):
    sid = await _approved(client)
    editor = await make_staff("editor")
    csrf = await sign_in(client, editor)
    scheduled = await client.post(
        f"/staff/submissions/{sid}/publish", data={"csrf_token": csrf, "at": "2099-01-01T09:30"}
    )
    assert scheduled.status_code == 303
    submission = await Submission.get(id=sid)
    assert submission.state == "scheduled"
    assert submission.publish_at.isoformat().startswith("2099-01-01T09:30")


async def test_moderator_cannot_publish_in_the_console(client):
    sid = await _approved(client)
    moderator = await make_staff("moderator")
    csrf = await sign_in(client, moderator)
    refused = await client.post(f"/staff/submissions/{sid}/publish", data={"csrf_token": csrf})
    assert refused.status_code == 403
    assert (await Submission.get(id=sid)).state == "approved"
