"""The survivor's data export, and the public tombstones API."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from moderation.states import SubmissionState
from stories_service.models import Tombstone
from tests.protection.factories import drive_to, submit

S = SubmissionState


async def test_export_holds_everything_about_the_submission(
    client: httpx.AsyncClient, runtime
) -> None:
    story = await submit(
        client,
        "exportcanary",
        consent={
            "publish": True,
            "attribution": "pseudonym",
            "display_name": "Rosemary",
            "review_before_publish": True,
            "syndicate": False,
            "languages": ["en"],
        },
    )
    await drive_to(runtime, story, S.PUBLISHED, "exportcanary")

    response = await client.post(
        "/api/v1/receipt/export", json={"receipt_code": story.receipt_code}
    )

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert "attachment" in response.headers["content-disposition"]
    data = response.json()
    assert data["id"] == story.id
    assert data["status"] == "published"
    original = data["submission"]
    assert original["title"] == "Title exportcanary"
    assert "exportcanary And then the garden grew." in original["body"]
    assert original["contact"] == "exportcanary@example.org"
    assert original["never_appear"] == ["Never exportcanary"]
    assert [r["number"] for r in data["revisions"]] == [1]
    assert data["revisions"][0]["body"] == "<p>Redacted story exportcanary</p>"
    assert data["revisions"][0]["summary"] == "Summary exportcanary"
    consent = data["consent_history"]
    assert len(consent) == 1
    assert consent[0]["attribution"] == "pseudonym"
    assert consent[0]["display_name"] == "Rosemary"
    assert consent[0]["syndicate"] is False
    assert data["publication"]["slug"] == story.slug
    actions = [h["action"] for h in data["history"]]
    assert actions[0] == "submission.create"
    assert "submission.publish" in actions
    assert {h["by"] for h in data["history"]} <= {"survivor", "staff", "system"}
    # Who on the staff did what is not the survivor's data: no staff ids or e-mails.
    text = json.dumps(data)
    assert "staff:" not in text
    assert "@example.org" not in text.replace("exportcanary@example.org", "")


async def test_export_after_withdrawal_holds_no_text(client: httpx.AsyncClient, runtime) -> None:
    story = await submit(client, "goneexport")
    await drive_to(runtime, story, S.AWAITING_CONSENT, "goneexport")
    await client.post("/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code})
    response = await client.post(
        "/api/v1/receipt/export", json={"receipt_code": story.receipt_code}
    )
    assert response.status_code == 200
    assert "goneexport" not in response.text
    data = response.json()
    assert data["status"] == "withdrawn"
    assert data["revisions"] == [] and data["consent_history"] == []
    assert data["submission"]["body"] is None
    assert data["history"][-1]["action"] == "submission.withdraw"


async def test_export_with_an_unknown_code_is_404(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/receipt/export", json={"receipt_code": "not a real code at all"}
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unknown_code"


async def test_export_from_the_my_story_page(client: httpx.AsyncClient) -> None:
    story = await submit(client, "pageexport")
    page = await client.post("/my-story", data={"receipt_code": story.receipt_code})
    form = page.text.split('action="/my-story/export"', 1)[1].split("</form>", 1)[0]
    token = form.split('name="receipt_token" value="', 1)[1].split('"', 1)[0]
    response = await client.post("/my-story/export", data={"receipt_token": token})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert json.loads(response.text)["submission"]["title"] == "Title pageexport"


async def test_tombstones_are_listed_since_a_time(client: httpx.AsyncClient, runtime) -> None:
    first = await submit(client, "tomb1")
    await drive_to(runtime, first, S.PUBLISHED, "tomb1")
    second = await submit(client, "tomb2")
    await drive_to(runtime, second, S.UNPUBLISHED, "tomb2")
    never_public = await submit(client, "tomb3")
    await drive_to(runtime, never_public, S.SCHEDULED, "tomb3")
    for story in (first, second, never_public):
        response = await client.post(
            "/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code}
        )
        assert response.status_code == 200
    old = await Tombstone.get(slug=first.slug)
    old.withdrawn_at = datetime.now(UTC) - timedelta(days=3)
    await old.save()

    everything = await client.get("/api/v1/withdrawals")
    assert everything.status_code == 200
    listed = everything.json()["withdrawals"]
    assert [t["slug"] for t in listed] == [first.slug, second.slug]
    assert listed[0]["id"] == first.entry_id
    assert set(listed[0]) == {"id", "slug", "withdrawn_at"}
    assert "tomb" not in everything.text.replace(first.slug, "").replace(second.slug, "")

    since = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    recent = await client.get("/api/v1/withdrawals", params={"since": since})
    assert [t["slug"] for t in recent.json()["withdrawals"]] == [second.slug]
    zulu = await client.get("/api/v1/withdrawals", params={"since": "2000-01-01T00:00:00Z"})
    assert len(zulu.json()["withdrawals"]) == 2
    date_only = await client.get("/api/v1/withdrawals", params={"since": "2999-01-01"})
    assert date_only.json()["withdrawals"] == []


@pytest.mark.parametrize(
    "since", ["yesterday", "", "2026-13-01", "2026-11-01T25:00", "1" * 100, "\x00"]
)
async def test_garbage_since_is_422(client: httpx.AsyncClient, since: str) -> None:
    response = await client.get("/api/v1/withdrawals", params={"since": since})
    assert response.status_code == 422
    assert "since" in response.json()["error"]["fields"]
