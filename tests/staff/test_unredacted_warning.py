"""The console warns, and asks for a confirmation, before a moderator sends the survivor a text
with nothing redacted while the engine still suggests redactions (issue 17 #2)."""

from __future__ import annotations

import httpx

from stories_service.models import AuditEvent, Submission
from tests.conftest import Backend
from tests.staffing import make_staff, sign_in, submit

STORY = "Our neighbour Yusuf Karimi taught me to float in Hamburg, every Tuesday."


async def _save(client: httpx.AsyncClient, sid: str, token: str, **fields: object) -> None:
    form = {
        "csrf_token": token,
        "title": "Learning to float",
        "summary": "Learning to float, one Tuesday at a time.",
        "tags": "water",
        "content_notes": ["displacement"],
        "body": f"<p>{STORY}</p>",
        "mode": "placeholder",
        **fields,
    }
    saved = await client.post(f"/staff/submissions/{sid}/save", data=form)
    assert saved.status_code == 303, saved.text


async def test_sending_an_unredacted_text_needs_a_confirmation(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    sid = (await submit(client, body=STORY))["id"]
    token = await sign_in(client, moderator)
    await client.post(f"/staff/submissions/{sid}/claim", data={"csrf_token": token})
    await _save(client, sid, token)  # no suggestion accepted, nothing typed: 0 redactions

    workspace = await client.get(f"/staff/submissions/{sid}")
    assert 'id="unredacted-warning"' in workspace.text
    assert "Nothing has been redacted in this text" in workspace.text
    assert 'name="confirm_unredacted"' in workspace.text

    refused = await client.post(
        f"/staff/submissions/{sid}/send-for-consent", data={"csrf_token": token, "revision": "1"}
    )
    assert refused.status_code == 409
    assert 'data-code="unredacted_not_confirmed"' in refused.text
    assert (await Submission.get(id=sid)).state == "in_review"

    sent = await client.post(
        f"/staff/submissions/{sid}/send-for-consent",
        data={"csrf_token": token, "revision": "1", "confirm_unredacted": "yes"},
    )
    assert sent.status_code == 303
    assert (await Submission.get(id=sid)).state == "awaiting_consent"
    event = await AuditEvent.filter(action="submission.send_for_consent").first()
    assert event is not None and event.data == {"revision": 1, "unredacted_confirmed": True}


async def test_a_redacted_text_goes_without_a_question_but_only_as_seen(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    sid = (await submit(client, body=STORY))["id"]
    token = await sign_in(client, moderator)
    await client.post(f"/staff/submissions/{sid}/claim", data={"csrf_token": token})
    await _save(client, sid, token, manual_phrase_0="Yusuf Karimi", manual_kind_0="person")
    workspace = await client.get(f"/staff/submissions/{sid}")
    assert 'id="unredacted-warning"' not in workspace.text
    assert 'name="revision" value="1"' in workspace.text

    # A newer revision saved since the page was shown (another tab): not sent unseen.
    body = "<p>Our neighbour [name] taught me to float in Hamburg, every Tuesday.</p>"
    await _save(client, sid, token, body=body, manual_phrase_0="Hamburg", manual_kind_0="place")
    stale = await client.post(
        f"/staff/submissions/{sid}/send-for-consent", data={"csrf_token": token, "revision": "1"}
    )
    assert stale.status_code == 409 and "Revision 2 was saved after" in stale.text
    sent = await client.post(
        f"/staff/submissions/{sid}/send-for-consent", data={"csrf_token": token, "revision": "2"}
    )
    assert sent.status_code == 303
    assert (await Submission.get(id=sid)).state == "awaiting_consent"
