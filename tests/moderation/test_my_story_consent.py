"""The survivor's consent check on /my-story: review, ask for changes, approve, attribution."""

from __future__ import annotations

import re

import httpx

from stories_service.models import ConsentRecord, Submission
from tests.conftest import Backend
from tests.staffing import REVISION, make_staff, post, submit, to_in_review


def _token(html: str) -> str:
    match = re.search(r'name="receipt_token" value="([^"]+)"', html)
    assert match, "no receipt token in the page"
    return match.group(1)


async def test_survivor_asks_for_changes_then_approves_on_my_story(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(client)
    sid, code = created["id"], created["receipt_code"]
    await to_in_review(client, moderator, sid)
    await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")

    page = await client.post("/my-story", data={"receipt_code": code})
    assert page.status_code == 200
    assert REVISION["summary"] in page.text
    assert code not in page.text  # forms carry a signed token, not the code
    assert 'id="approve-form"' in page.text and 'id="changes-form"' in page.text

    changes = await client.post(
        "/my-story",
        data={
            "receipt_token": _token(page.text),
            "action": "request_changes",
            "comment": "Please leave out the balcony.",
        },
    )
    assert changes.status_code == 200
    assert 'data-status="in_review"' in changes.text
    detail = await client.get(f"/api/v1/submissions/{sid}", headers=moderator.headers)
    assert detail.json()["survivor_comment"] == "Please leave out the balcony."

    await post(client, moderator, f"/api/v1/submissions/{sid}/revisions", REVISION)
    await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")
    page = await client.post("/my-story", data={"receipt_code": code})
    approved = await client.post(
        "/my-story", data={"receipt_token": _token(page.text), "action": "approve"}
    )
    assert approved.status_code == 200
    assert 'data-status="ready"' in approved.text
    assert (await Submission.get(id=sid)).state == "ready"

    # Approving twice is not a silent no-op.
    again = await client.post(
        "/my-story", data={"receipt_token": _token(page.text), "action": "approve"}
    )
    assert again.status_code == 409
    assert "not waiting for your review" in again.text


async def test_attribution_form_appends_a_record_and_forged_tokens_fail(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    created = await submit(client)
    page = await client.post("/my-story", data={"receipt_code": created["receipt_code"]})
    changed = await client.post(
        "/my-story",
        data={
            "receipt_token": _token(page.text),
            "action": "attribution",
            "attribution": "first_name",
            "display_name": "Amina",
        },
    )
    assert changed.status_code == 200
    records = await ConsentRecord.filter(submission_id=created["id"]).order_by("id")
    assert [r.attribution for r in records] == ["anonymous", "first_name"]
    forged = await client.post(
        "/my-story", data={"receipt_token": "forged.token.value", "action": "approve"}
    )
    assert forged.status_code == 403


async def test_pseudonym_without_a_name_is_refused_in_plain_words(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    created = await submit(client)
    page = await client.post("/my-story", data={"receipt_code": created["receipt_code"]})
    refused = await client.post(
        "/my-story",
        data={
            "receipt_token": _token(page.text),
            "action": "attribution",
            "attribution": "pseudonym",
        },
    )
    assert refused.status_code == 422
    assert "write the name to show" in refused.text
    assert await ConsentRecord.filter(submission_id=created["id"]).count() == 1
    api = await client.post(
        "/api/v1/receipt/attribution",
        json={"receipt_code": created["receipt_code"], "attribution": "first_name"},
    )
    assert api.status_code == 422
