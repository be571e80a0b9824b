"""Withdrawal from every state: the text is deleted, a tombstone and an event follow if it was
ever public, the audit log records it without text; staff can withdraw for a survivor."""

from __future__ import annotations

import asyncio
import json
import re
import uuid

import httpx
import pytest
from itsdangerous import URLSafeTimedSerializer

from moderation.states import StaffRole, SubmissionState
from stories_service.crypto import column_context
from stories_service.models import (
    AuditEvent,
    ChangeCounter,
    ConsentRecord,
    OutboxEvent,
    PublishedStory,
    Revision,
    Submission,
    Tombstone,
)
from tests.protection.factories import PATHS, drive_to, submit
from tests.staffing import make_staff

S = SubmissionState
TEXT_COLUMNS = (
    "title_enc",
    "body_enc",
    "contact_enc",
    "never_appear_enc",
    "survivor_comment_enc",
    "rejection_reason_enc",
    "leak_override_reason",
    "withdrawal_note_enc",
)
EVER_PUBLIC = {S.PUBLISHED, S.UNPUBLISHED}


async def public_counter() -> int:
    row = await ChangeCounter.get_or_none(name="public")
    return row.value if row else 0


@pytest.mark.parametrize("state", list(PATHS), ids=lambda s: s.value)
async def test_survivor_withdraws_from_every_state(
    client: httpx.AsyncClient, runtime, state: SubmissionState
) -> None:
    canary = f"canary{uuid.uuid4().hex[:12]}"
    story = await submit(client, canary)
    await drive_to(runtime, story, state, canary)
    assert (await Submission.get(id=story.id)).state == state
    counter_before = await public_counter()

    response = await client.post(
        "/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code}
    )

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "withdrawn"
    assert response.json()["id"] == story.id
    submission = await Submission.get(id=story.id)
    assert submission.state == S.WITHDRAWN
    assert submission.withdrawn_at is not None
    assert all(getattr(submission, column) is None for column in TEXT_COLUMNS)
    assert await Revision.filter(submission_id=story.id).count() == 0
    assert await ConsentRecord.filter(submission_id=story.id).count() == 0
    assert await PublishedStory.filter(submission_id=story.id).count() == 0
    assert await public_counter() == counter_before + 1

    event = await AuditEvent.filter(submission_id=story.id).order_by("-id").first()
    assert event.action == "submission.withdraw"
    assert (event.from_state, event.to_state) == (state.value, "withdrawn")
    assert event.actor == "survivor"
    assert canary not in json.dumps(event.data)

    outbox = await OutboxEvent.all()
    assert all(canary not in json.dumps(e.payload) for e in outbox)
    withdrawn_events = [e for e in outbox if e.event_type == "story.withdrawn"]
    tombstones = await Tombstone.all()
    if state in EVER_PUBLIC:
        assert [t.slug for t in tombstones] == [story.slug]
        assert tombstones[0].entry_id == story.entry_id
        assert len(withdrawn_events) == 1
        assert withdrawn_events[0].payload["slug"] == story.slug
        assert withdrawn_events[0].payload["id"] == story.entry_id
        assert withdrawn_events[0].event_id.startswith("msg_")
    else:
        assert tombstones == []
        assert withdrawn_events == []

    status = await client.post("/api/v1/receipt/status", json={"receipt_code": story.receipt_code})
    assert status.json()["status"] == "withdrawn"
    assert canary not in status.text


async def test_withdrawing_twice_is_not_an_error(client: httpx.AsyncClient) -> None:
    story = await submit(client)
    first = await client.post("/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code})
    second = await client.post(
        "/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code}
    )
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert await AuditEvent.filter(action="submission.withdraw").count() == 1


async def test_unknown_code_cannot_withdraw(client: httpx.AsyncClient) -> None:
    story = await submit(client)
    response = await client.post(
        "/api/v1/receipt/withdraw", json={"receipt_code": "apple " * 5 + "apple"}
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unknown_code"
    assert (await Submission.get(id=story.id)).state == S.SUBMITTED


def withdrawal_note(runtime, submission: Submission) -> str | None:
    return runtime.cipher.decrypt_optional(
        submission.withdrawal_note_enc,
        column_context("submissions", "withdrawal_note", submission.id),
    )


async def test_editor_takes_a_story_down_with_a_reason(client: httpx.AsyncClient, runtime) -> None:
    story = await submit(client, "takedowncanary")
    await drive_to(runtime, story, S.PUBLISHED, "takedowncanary")
    editor = await make_staff(StaffRole.EDITOR)
    note = "Called from the shelter's phone at 9 on Tuesday."
    response = await client.post(
        f"/api/v1/submissions/{story.id}/withdraw",
        json={"reason_category": "survivor_asked_by_phone", "note": note},
        headers=editor.headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "withdrawn"
    event = await AuditEvent.filter(action="submission.withdraw").get()
    assert event.actor == f"staff:{editor.staff.id}"
    # The permanent log keeps the category only; the note is encrypted on the submission.
    assert event.data["reason_category"] == "survivor_asked_by_phone"
    assert "reason" not in event.data and note not in json.dumps(event.data)
    assert event.data["note_kept"] is True
    assert event.data["on_behalf_of_survivor"] is True
    assert withdrawal_note(runtime, await Submission.get(id=story.id)) == note
    assert await Tombstone.filter(slug=story.slug).exists()
    again = await client.post(
        f"/api/v1/submissions/{story.id}/withdraw", json={"reason": "again"}, headers=editor.headers
    )
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "illegal_transition"


async def test_the_older_free_text_reason_is_read_as_other(
    client: httpx.AsyncClient, runtime
) -> None:
    story = await submit(client)
    editor = await make_staff(StaffRole.EDITOR)
    text = "survivor asked by phone"
    response = await client.post(
        f"/api/v1/submissions/{story.id}/withdraw", json={"reason": text}, headers=editor.headers
    )
    assert response.status_code == 200, response.text
    event = await AuditEvent.filter(action="submission.withdraw").get()
    assert event.data["reason_category"] == "other"
    assert text not in json.dumps(event.data)
    assert withdrawal_note(runtime, await Submission.get(id=story.id)) == text


async def test_a_category_without_a_note_keeps_no_text(client: httpx.AsyncClient) -> None:
    story = await submit(client)
    editor = await make_staff(StaffRole.EDITOR)
    response = await client.post(
        f"/api/v1/submissions/{story.id}/withdraw",
        json={"reason_category": "safety_risk"},
        headers=editor.headers,
    )
    assert response.status_code == 200, response.text
    event = await AuditEvent.filter(action="submission.withdraw").get()
    assert event.data["reason_category"] == "safety_risk"
    assert event.data["note_kept"] is False
    assert (await Submission.get(id=story.id)).withdrawal_note_enc is None


async def test_staff_take_down_needs_an_editor_and_a_reason(client: httpx.AsyncClient) -> None:
    story = await submit(client)
    moderator = await make_staff(StaffRole.MODERATOR)
    editor = await make_staff(StaffRole.EDITOR)
    path = f"/api/v1/submissions/{story.id}/withdraw"
    anonymous = await client.post(path, json={"reason": "x"})
    assert anonymous.status_code == 401
    forbidden = await client.post(path, json={"reason": "x"}, headers=moderator.headers)
    assert forbidden.status_code == 403
    no_reason = await client.post(path, json={"reason": ""}, headers=editor.headers)
    assert no_reason.status_code == 422
    assert "reason" in no_reason.json()["error"]["fields"]
    blank = await client.post(path, json={"reason": "   "}, headers=editor.headers)
    assert blank.status_code == 422
    for body in (
        {},
        {"reason_category": "because"},
        {"reason_category": "other"},  # "other" needs a note
        {"reason_category": "other", "note": "  "},
        {"reason_category": "safety_risk", "reason": "both at once"},
        {"reason_category": "safety_risk", "note": "x" * 501},
    ):
        refused = await client.post(path, json=body, headers=editor.headers)
        assert refused.status_code == 422, body
    unknown = await client.post(
        f"/api/v1/submissions/{uuid.uuid4()}/withdraw", json={"reason": "x"}, headers=editor.headers
    )
    assert unknown.status_code == 404
    not_uuid = await client.post(
        "/api/v1/submissions/nope/withdraw", json={"reason": "x"}, headers=editor.headers
    )
    assert not_uuid.status_code == 404
    assert (await Submission.get(id=story.id)).state == S.SUBMITTED


def hidden_access(page: str, action: str) -> str:
    """The access token in the hidden field of the form posting to ``action``."""
    form = page.split(f'action="{action}"', 1)[1].split("</form>", 1)[0]
    match = re.search(r'name="receipt_token" value="([^"]+)"', form)
    assert match, f"no access token in the form for {action}"
    return match.group(1)


async def test_two_step_withdrawal_on_my_story(client: httpx.AsyncClient, runtime) -> None:
    story = await submit(client, "pagecanary")
    await drive_to(runtime, story, S.PUBLISHED, "pagecanary")
    status_page = await client.post("/my-story", data={"receipt_code": story.receipt_code})
    assert status_page.status_code == 200
    assert story.receipt_code not in status_page.text  # shown once, at submission, never again
    access = hidden_access(status_page.text, "/my-story/withdraw")

    step_one = await client.post("/my-story/withdraw", data={"receipt_token": access})
    assert step_one.status_code == 200
    assert "cannot be undone" in step_one.text
    assert "removed from our website and our feeds" in step_one.text
    assert story.receipt_code not in step_one.text
    confirm_access = hidden_access(step_one.text, "/my-story/withdraw/confirm")
    assert (await Submission.get(id=story.id)).state == S.PUBLISHED  # nothing happened yet

    step_two = await client.post(
        "/my-story/withdraw/confirm", data={"receipt_token": confirm_access}
    )
    assert step_two.status_code == 200
    assert "has been withdrawn" in step_two.text
    assert "pagecanary" not in step_two.text
    assert 'action="/my-story/withdraw"' not in step_two.text
    assert (await Submission.get(id=story.id)).state == S.WITHDRAWN


async def test_a_typed_code_works_for_each_step_too(client: httpx.AsyncClient) -> None:
    story = await submit(client)
    step_one = await client.post("/my-story/withdraw", data={"receipt_code": story.receipt_code})
    assert "Your story will not be published." in step_one.text
    step_two = await client.post(
        "/my-story/withdraw/confirm", data={"receipt_code": story.receipt_code}
    )
    assert step_two.status_code == 200
    assert (await Submission.get(id=story.id)).state == S.WITHDRAWN


async def test_forged_or_foreign_access_tokens_are_refused(
    client: httpx.AsyncClient, runtime
) -> None:
    mine = await submit(client)
    other = await submit(client)
    page = await client.post("/my-story", data={"receipt_code": other.receipt_code})
    token = hidden_access(page.text, "/my-story/withdraw")
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    response = await client.post("/my-story/withdraw/confirm", data={"receipt_token": forged})
    assert response.status_code == 403
    assert "enter your receipt code again" in response.text
    signer = URLSafeTimedSerializer("another-secret-" + "z" * 32, salt="healing-stories.my-story")
    submission = await Submission.get(id=mine.id)
    foreign = signer.dumps({"s": str(submission.id), "h": submission.receipt_hash[:16]})
    response = await client.post("/my-story/withdraw/confirm", data={"receipt_token": foreign})
    assert response.status_code == 403
    assert await Submission.filter(state=S.WITHDRAWN).count() == 0


async def test_confirmation_with_a_wrong_code_changes_nothing(client: httpx.AsyncClient) -> None:
    story = await submit(client)
    response = await client.post(
        "/my-story/withdraw/confirm", data={"receipt_code": "wrong code words here at all"}
    )
    assert response.status_code == 404
    assert "could not find" in response.text
    assert (await Submission.get(id=story.id)).state == S.SUBMITTED


async def test_concurrent_withdrawals_both_succeed_once(client: httpx.AsyncClient, runtime) -> None:
    story = await submit(client, "doubleclick")
    await drive_to(runtime, story, S.PUBLISHED, "doubleclick")
    code = {"receipt_code": story.receipt_code}
    first, second = await asyncio.gather(
        client.post("/api/v1/receipt/withdraw", json=code),
        client.post("/api/v1/receipt/withdraw", json=code),
    )
    assert first.status_code == second.status_code == 200
    assert await AuditEvent.filter(action="submission.withdraw").count() == 1
    assert await Tombstone.all().count() == 1
    assert await OutboxEvent.filter(event_type="story.withdrawn").count() == 1
