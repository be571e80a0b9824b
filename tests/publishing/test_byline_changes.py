"""A survivor's new byline on a public story (issue 14 #5): a name on their own never-appear list
is refused; a new name waits for an editor (the console shows it, an editor confirms it or
publishes again) while the story stays signed as it was; becoming anonymous never waits."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from stories_service.models import AuditEvent, ConsentRecord, OutboxEvent
from stories_service.publishing.publisher import publish_due_stories
from stories_service.runtime import Runtime
from tests.conftest import Backend, valid_submission
from tests.staffing import (
    StaffUser,
    make_staff,
    my_story_attribution,
    post,
    sign_in,
    submit,
    to_ready,
)

OLD, NEW, NEVER = "Blue Heron", "Green Finch", "Samira Haddad"
PUBLIC_PATHS = ["/stories/{slug}", "/feed.json", "/feed.atom", "/api/v1/stories/{slug}"]


async def _approved_story(client: httpx.AsyncClient) -> dict[str, Any]:
    """A survivor's story signed "Blue Heron" (never-appear: "Samira Haddad"), approved."""
    moderator = await make_staff("moderator", password=None)
    editor = await make_staff("editor")
    consent = dict(valid_submission()["consent"])  # type: ignore[arg-type]
    consent.update(attribution="pseudonym", display_name=OLD)
    created = await submit(client, consent=consent, never_appear=[NEVER])
    sid, code = created["id"], created["receipt_code"]
    await to_ready(client, moderator, sid, code)
    assert (await post(client, editor, f"/api/v1/submissions/{sid}/approve")).is_success
    return {"sid": sid, "code": code, "editor": editor}


async def _published_story(client: httpx.AsyncClient) -> dict[str, Any]:
    story = await _approved_story(client)
    published = await post(client, story["editor"], f"/api/v1/submissions/{story['sid']}/publish")
    assert published.status_code == 200, published.text
    return {**story, "slug": published.json()["slug"]}


async def _public_text(client: httpx.AsyncClient, slug: str) -> str:
    return "".join([(await client.get(p.format(slug=slug))).text for p in PUBLIC_PATHS])


def _attribution(code: str, name: str | None, attribution: str = "pseudonym") -> dict[str, Any]:
    return {"receipt_code": code, "attribution": attribution, "display_name": name}


async def _updates() -> int:
    return await OutboxEvent.filter(event_type="story.updated").count()


@pytest.mark.parametrize("name", [NEVER, "samira  HADDAD", "Samira Haddad\u200b"])
async def test_a_name_on_the_never_appear_list_is_refused(
    client: httpx.AsyncClient, backend: Backend, name: str
) -> None:
    story = await _published_story(client)
    records = await ConsentRecord.filter(submission_id=story["sid"]).count()
    refused = await client.post(
        "/api/v1/receipt/attribution", json=_attribution(story["code"], name)
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"]["code"] == "byline_never_appear"
    form = await my_story_attribution(client, story["code"], "first_name", name)
    assert form.status_code == 422
    assert "on your list of names that must never appear" in form.text
    public = await _public_text(client, story["slug"])
    assert OLD in public and "Samira" not in public and "samira" not in public
    assert await ConsentRecord.filter(submission_id=story["sid"]).count() == records
    assert await _updates() == 0


async def test_a_new_name_waits_for_an_editor_who_confirms_it_in_the_console(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    story = await _published_story(client)
    sid, slug = story["sid"], story["slug"]
    changed = await client.post(
        "/api/v1/receipt/attribution", json=_attribution(story["code"], NEW)
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["byline"] == "awaiting_editor"
    assert "editor checks a new name" in changed.json()["message"]
    public = await _public_text(client, slug)
    assert OLD in public and NEW not in public
    assert await _updates() == 0
    page = await client.post("/my-story", data={"receipt_code": story["code"]})
    assert 'id="byline-awaiting-editor"' in page.text

    # A moderator neither reads the new name (survivor text, issue 14 #4) nor confirms it.
    moderator = await make_staff("moderator")
    csrf = await sign_in(client, moderator)
    workspace = await client.get(f"/staff/submissions/{sid}")
    assert workspace.status_code == 200
    assert 'id="byline-change"' not in workspace.text and NEW not in workspace.text
    assert 'id="confirm-byline"' not in workspace.text
    refused = await client.post(
        f"/staff/submissions/{sid}/confirm-byline", data={"csrf_token": csrf}
    )
    assert refused.status_code == 403
    assert NEW not in await _public_text(client, slug)

    editor: StaffUser = story["editor"]
    client.cookies.clear()  # sign the moderator out
    csrf = await sign_in(client, editor)
    approvals = await client.get("/staff/approvals")
    listed = approvals.text[approvals.text.index('id="byline-changes"') :]
    assert f"/staff/submissions/{sid}#byline-change" in listed and NEW in listed
    confirmed = await client.post(
        f"/staff/submissions/{sid}/confirm-byline", data={"csrf_token": csrf}
    )
    assert confirmed.status_code == 303, confirmed.text
    public = await _public_text(client, slug)
    assert NEW in public and OLD not in public
    assert await _updates() == 1
    event = await AuditEvent.filter(action="story.byline_confirmed").get()
    assert event.actor == f"staff:{editor.id}" and NEW not in json.dumps(event.data)
    approvals = await client.get("/staff/approvals")
    assert NEW not in approvals.text[approvals.text.index('id="byline-changes"') :]
    again = await post(client, editor, f"/api/v1/submissions/{sid}/confirm-byline")
    assert again.status_code == 409
    page = await client.post("/my-story", data={"receipt_code": story["code"]})
    assert 'id="byline-awaiting-editor"' not in page.text


async def test_an_editor_confirms_through_the_api(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    story = await _published_story(client)
    sid = story["sid"]
    await client.post("/api/v1/receipt/attribution", json=_attribution(story["code"], NEW))
    moderator = await make_staff("moderator", password=None)
    assert (
        await post(client, moderator, f"/api/v1/submissions/{sid}/confirm-byline")
    ).status_code == 403
    confirmed = await post(client, story["editor"], f"/api/v1/submissions/{sid}/confirm-byline")
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json() == {"id": sid, "status": "published", "slug": story["slug"]}
    assert NEW in await _public_text(client, story["slug"])


async def test_becoming_anonymous_never_waits_even_with_a_name_pending(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    story = await _published_story(client)
    await client.post("/api/v1/receipt/attribution", json=_attribution(story["code"], NEW))
    anonymous = await client.post(
        "/api/v1/receipt/attribution", json=_attribution(story["code"], None, "anonymous")
    )
    assert anonymous.status_code == 200
    assert anonymous.json()["byline"] == "applied"
    assert "no longer shows a name" in anonymous.json()["message"]
    public = await _public_text(client, story["slug"])
    assert OLD not in public and NEW not in public
    assert await _updates() == 1


async def test_publishing_again_confirms_the_new_name(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    story = await _published_story(client)
    sid, editor = story["sid"], story["editor"]
    await client.post("/api/v1/receipt/attribution", json=_attribution(story["code"], NEW))
    assert (await post(client, editor, f"/api/v1/stories/{story['slug']}/unpublish")).is_success
    assert (await post(client, editor, f"/api/v1/submissions/{sid}/publish")).is_success
    assert NEW in await _public_text(client, story["slug"])


async def test_a_change_before_publication_is_used_when_an_editor_publishes(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    story = await _approved_story(client)
    changed = await client.post(
        "/api/v1/receipt/attribution", json=_attribution(story["code"], NEW)
    )
    assert changed.json()["byline"] == "at_publication"
    published = await post(client, story["editor"], f"/api/v1/submissions/{story['sid']}/publish")
    assert NEW in await _public_text(client, published.json()["slug"])


async def test_the_scheduler_keeps_the_byline_the_editor_scheduled(
    client: httpx.AsyncClient, backend: Backend, runtime: Runtime
) -> None:
    story = await _approved_story(client)
    at = datetime.now(UTC) + timedelta(hours=1)
    scheduled = await post(
        client,
        story["editor"],
        f"/api/v1/submissions/{story['sid']}/publish",
        {"at": at.isoformat()},
    )
    assert scheduled.json()["status"] == "scheduled"
    changed = await client.post(
        "/api/v1/receipt/attribution", json=_attribution(story["code"], NEW)
    )
    assert changed.json()["byline"] == "awaiting_editor"
    [slug] = await publish_due_stories(
        runtime.cipher, "http://testserver", now=at + timedelta(minutes=1)
    )
    public = await _public_text(client, slug)
    assert OLD in public and NEW not in public


async def test_a_submission_whose_chosen_name_is_on_its_never_appear_list_is_422(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    consent = dict(valid_submission()["consent"])  # type: ignore[arg-type]
    consent.update(attribution="first_name", display_name="Samira")
    response = await client.post(
        "/api/v1/submissions", json=valid_submission(consent=consent, never_appear=["samira"])
    )
    assert response.status_code == 422
    assert "never_appear" in response.json()["error"]["fields"]
