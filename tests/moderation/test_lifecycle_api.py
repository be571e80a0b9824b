"""The whole moderation lifecycle through the staff and survivor JSON API (both backends)."""

from __future__ import annotations

import httpx

from stories_service.audit_log import verify_audit_chain
from stories_service.models import AuditEvent, ConsentRecord, Submission
from tests.conftest import Backend
from tests.staffing import REVISION, make_staff, post, submit, to_in_review, to_ready


async def test_whole_lifecycle_with_changes_requested_then_approved(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    editor = await make_staff("editor")
    created = await submit(
        client,
        body="My brother Samir Haddad drove us out of Aleppo. Now the balcony is full of mint.",
        never_appear=["Samir"],
    )
    sid, code = created["id"], created["receipt_code"]

    queue = await client.get("/api/v1/queue", headers=moderator.headers)
    assert queue.status_code == 200
    [row] = queue.json()["items"]
    # No working title before the first revision: the survivor's own title is survivor text.
    assert row["id"] == sid and row["title"] is None and row["revision"] is None
    assert "body" not in row  # the queue never shows story text

    claim = await post(client, moderator, f"/api/v1/submissions/{sid}/claim")
    assert claim.json() == {"id": sid, "status": "in_review", "claimed_by": moderator.id}

    suggestions = await client.get(
        f"/api/v1/submissions/{sid}/suggestions", headers=moderator.headers
    )
    assert suggestions.status_code == 200
    found = suggestions.json()["suggestions"]
    assert any("Samir" in s["text"] for s in found)
    assert all({"start", "end", "kind", "confidence", "detector", "text"} <= set(s) for s in found)

    detail = (await client.get(f"/api/v1/submissions/{sid}", headers=moderator.headers)).json()
    original = detail["original"]["body"]
    saved = await post(
        client,
        moderator,
        f"/api/v1/submissions/{sid}/revisions",
        {
            **REVISION,
            "body": original,
            "redactions": [
                {"start": s["start"], "end": s["end"], "kind": s["kind"]} for s in found
            ],
        },
    )
    assert saved.status_code == 201, saved.text
    assert saved.json()["revision"] == 1

    detail = (await client.get(f"/api/v1/submissions/{sid}", headers=moderator.headers)).json()
    redacted_body = detail["revisions"][0]["body"]
    assert "Samir" not in redacted_body and "[name]" in redacted_body
    assert detail["revisions"][0]["redactions"][0].keys() == {"start", "end", "kind"}

    sent = await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")
    assert sent.json()["status"] == "awaiting_consent"

    status = await client.post("/api/v1/receipt/status", json={"receipt_code": code})
    assert status.json()["review"]["body"] == redacted_body

    changes = await client.post(
        "/api/v1/receipt/consent",
        json={
            "receipt_code": code,
            "decision": "request_changes",
            "comment": "Please drop the town.",
        },
    )
    assert changes.status_code == 200, changes.text
    assert changes.json()["status"] == "in_review"
    detail = (await client.get(f"/api/v1/submissions/{sid}", headers=moderator.headers)).json()
    assert detail["survivor_comment"] == "Please drop the town."
    row = await Submission.get(id=sid)
    assert b"drop the town" not in bytes(row.survivor_comment_enc)

    second = await post(
        client,
        moderator,
        f"/api/v1/submissions/{sid}/revisions",
        {**REVISION, "body": redacted_body.replace("mint", "basil")},
    )
    assert second.json()["revision"] == 2
    compare = await client.get(
        f"/api/v1/submissions/{sid}/compare?a=1&b=2", headers=moderator.headers
    )
    assert compare.status_code == 200
    ops = {line["op"] for line in compare.json()["fields"]["body"]}
    assert {"-", "+"} <= ops

    assert (await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")).json()[
        "status"
    ] == "awaiting_consent"
    approved_by_survivor = await client.post(
        "/api/v1/receipt/consent", json={"receipt_code": code, "decision": "approve"}
    )
    assert approved_by_survivor.json()["status"] == "ready"

    approved = await post(client, editor, f"/api/v1/submissions/{sid}/approve")
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved"

    events = await AuditEvent.filter(submission_id=sid).order_by("id")
    reads = [e for e in events if e.action == "submission.original_read"]
    assert reads and {e.actor for e in reads} == {f"staff:{moderator.id}"}
    actions = [e.action for e in events if e not in reads]
    assert actions == [
        "submission.create",
        "submission.claim",
        "submission.revision",
        "submission.send_for_consent",
        "submission.survivor_request_changes",
        "submission.revision",
        "submission.send_for_consent",
        "submission.survivor_approve",
        "submission.approve",
    ]
    for event in await AuditEvent.all():
        assert "Samir" not in str(event.data) and "town" not in str(event.data)
    count, broken = await verify_audit_chain()
    assert broken is None and count == len(events)

    audit = await client.get(f"/api/v1/audit?submission={sid}", headers=moderator.headers)
    assert audit.status_code == 403
    admin = await make_staff("admin")
    audit = await client.get(f"/api/v1/audit?submission={sid}", headers=admin.headers)
    assert audit.json()["events"][0]["action"] == "submission.approve"


async def test_illegal_transitions_answer_409_naming_the_state(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    editor = await make_staff("editor")
    created = await submit(client)
    sid, code = created["id"], created["receipt_code"]

    # From submitted: only claim (and reject) are possible.
    for action in ("release", "send-for-consent", "skip-consent", "approve", "send-back"):
        user = editor if action in {"approve", "send-back"} else moderator
        response = await post(client, user, f"/api/v1/submissions/{sid}/{action}")
        assert response.status_code in {403, 409}, (action, response.text)
        if response.status_code == 409:
            assert "submitted" in response.json()["error"]["message"]
    survivor = await client.post(
        "/api/v1/receipt/consent", json={"receipt_code": code, "decision": "approve"}
    )
    assert survivor.status_code == 409
    assert survivor.json()["error"]["code"] == "illegal_transition"
    assert "submitted" in survivor.json()["error"]["message"]

    await to_in_review(client, moderator, sid)
    again = await post(client, moderator, f"/api/v1/submissions/{sid}/claim")
    assert again.status_code == 409
    assert "in_review" in again.json()["error"]["message"]
    approve = await post(client, editor, f"/api/v1/submissions/{sid}/approve")
    assert approve.status_code == 409
    assert approve.json()["error"]["allowed"]  # says what is possible instead

    await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")
    revision = await post(client, moderator, f"/api/v1/submissions/{sid}/revisions", REVISION)
    assert revision.status_code == 409
    rejected = await post(
        client, moderator, f"/api/v1/submissions/{sid}/reject", {"reason": "Not a recovery story."}
    )
    assert rejected.json()["status"] == "rejected"
    for action in ("claim", "release", "send-for-consent", "reject"):
        body = {"reason": "again"} if action == "reject" else {}
        response = await post(client, moderator, f"/api/v1/submissions/{sid}/{action}", body)
        assert response.status_code == 409, action
        assert "rejected" in response.json()["error"]["message"]


async def test_role_violations_answer_403(client: httpx.AsyncClient, backend: Backend) -> None:
    moderator = await make_staff("moderator")
    other = await make_staff("moderator")
    editor = await make_staff("editor")
    created = await submit(client)
    sid, code = created["id"], created["receipt_code"]

    assert (await client.get("/api/v1/queue")).status_code == 401
    bad = await client.get("/api/v1/queue", headers={"Authorization": "Bearer hs_nope"})
    assert bad.status_code == 401
    assert (await client.get("/api/v1/audit", headers=moderator.headers)).status_code == 403
    assert (await client.get("/api/v1/audit", headers=editor.headers)).status_code == 403

    await to_in_review(client, moderator, sid)
    # Only the claimant works on a claimed submission.
    for action, body in [
        ("release", {}),
        ("revisions", REVISION),
        ("send-for-consent", {}),
    ]:
        response = await post(client, other, f"/api/v1/submissions/{sid}/{action}", body)
        assert response.status_code == 403, action
    suggestions = await client.get(f"/api/v1/submissions/{sid}/suggestions", headers=other.headers)
    assert suggestions.status_code == 403

    await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")
    await client.post("/api/v1/receipt/consent", json={"receipt_code": code, "decision": "approve"})
    # Moderators may not approve or send back: editors only.
    assert (await post(client, other, f"/api/v1/submissions/{sid}/approve")).status_code == 403
    assert (await post(client, other, f"/api/v1/submissions/{sid}/send-back")).status_code == 403

    await (await Submission.get(id=sid)).fetch_related("claimed_by")
    from stories_service.models import Staff

    await Staff.filter(id=editor.id).update(active=False)
    gone = await post(client, editor, f"/api/v1/submissions/{sid}/approve")
    assert gone.status_code == 401  # a deactivated account's token stops working


async def test_four_eyes_rule(client: httpx.AsyncClient, backend: Backend) -> None:
    # An editor who redacted the story cannot approve it; another editor can.
    redacting_editor = await make_staff("editor")
    second_editor = await make_staff("editor")
    created = await submit(client)
    sid = created["id"]
    await to_ready(client, redacting_editor, sid, created["receipt_code"])

    refused = await post(client, redacting_editor, f"/api/v1/submissions/{sid}/approve")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "four_eyes"
    assert (await Submission.get(id=sid)).state == "ready"

    approved = await post(client, second_editor, f"/api/v1/submissions/{sid}/approve")
    assert approved.json()["status"] == "approved"
    row = await Submission.get(id=sid)
    assert row.approved_by_id == second_editor.id  # type: ignore[attr-defined]
    assert row.redacted_by_id == redacting_editor.id  # type: ignore[attr-defined]


async def test_leak_guard_refuses_then_accepts_a_written_override(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    editor = await make_staff("editor")
    created = await submit(
        client, body="Nadia helped me every Tuesday at the pool.", never_appear=["Nadia"]
    )
    sid = created["id"]
    await post(client, moderator, f"/api/v1/submissions/{sid}/claim")
    leaky = {**REVISION, "body": "Nadia helped me every Tuesday at the pool."}
    await post(client, moderator, f"/api/v1/submissions/{sid}/revisions", leaky)
    await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")
    await client.post(
        "/api/v1/receipt/consent",
        json={"receipt_code": created["receipt_code"], "decision": "approve"},
    )

    refused = await post(client, editor, f"/api/v1/submissions/{sid}/approve")
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert error["code"] == "leak_guard"
    assert error["message"]
    assert any(f["kind"] == "never_appear" and f["text"] == "Nadia" for f in error["findings"])
    assert (await Submission.get(id=sid)).state == "ready"

    too_short = await post(
        client, editor, f"/api/v1/submissions/{sid}/approve", {"override_reason": "ok"}
    )
    assert too_short.status_code == 422

    reason = "The survivor asked for her helper's first name to stay; confirmed by phone."
    approved = await post(
        client, editor, f"/api/v1/submissions/{sid}/approve", {"override_reason": reason}
    )
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved"
    row = await Submission.get(id=sid)
    assert "Nadia" not in row.leak_override_reason and reason not in row.leak_override_reason
    detail = await client.get(f"/api/v1/submissions/{sid}", headers=editor.headers)
    assert detail.json()["leak_override_reason"] == reason
    event = await AuditEvent.filter(action="submission.approve").get()
    assert event.data["leak_guard"] == "overridden"
    assert event.data["kinds"] == {"never_appear": 1}
    assert "Nadia" not in str(event.data)


async def test_rejection_reason_reaches_the_survivor(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(client)
    no_reason = await post(client, moderator, f"/api/v1/submissions/{created['id']}/reject")
    assert no_reason.status_code == 422
    reason = "Your story names people who are still in danger; we cannot publish it safely."
    rejected = await post(
        client, moderator, f"/api/v1/submissions/{created['id']}/reject", {"reason": reason}
    )
    assert rejected.json()["status"] == "rejected"
    status = await client.post(
        "/api/v1/receipt/status", json={"receipt_code": created["receipt_code"]}
    )
    assert status.json()["status"] == "rejected"
    assert status.json()["rejection_reason"] == reason


async def test_waived_review_skips_consent_only_when_waived(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    wants_review = await submit(client)
    await to_in_review(client, moderator, wants_review["id"])
    refused = await post(
        client, moderator, f"/api/v1/submissions/{wants_review['id']}/skip-consent"
    )
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "precondition_failed"

    from tests.staffing import waived_review

    waived = await submit(client, consent=waived_review())
    await to_in_review(client, moderator, waived["id"])
    detail = await client.get(f"/api/v1/submissions/{waived['id']}", headers=moderator.headers)
    assert detail.json()["review_waived"] is True
    skipped = await post(client, moderator, f"/api/v1/submissions/{waived['id']}/skip-consent")
    assert skipped.json()["status"] == "ready"


async def test_content_notes_are_required_before_consent(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(client)
    sid = created["id"]
    await post(client, moderator, f"/api/v1/submissions/{sid}/claim")
    no_revision = await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")
    assert no_revision.status_code == 409
    await post(
        client, moderator, f"/api/v1/submissions/{sid}/revisions", {**REVISION, "content_notes": []}
    )
    refused = await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")
    assert refused.status_code == 409
    assert "content notes" in refused.json()["error"]["message"]
    unknown = await post(
        client,
        moderator,
        f"/api/v1/submissions/{sid}/revisions",
        {**REVISION, "content_notes": ["gore"]},
    )
    assert unknown.status_code == 422
    assert "content_notes" in unknown.json()["error"]["fields"]


async def test_attribution_change_appends_a_consent_record(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    created = await submit(client)
    first = await ConsentRecord.filter(submission_id=created["id"]).get()
    changed = await client.post(
        "/api/v1/receipt/attribution",
        json={
            "receipt_code": created["receipt_code"],
            "attribution": "pseudonym",
            "display_name": "Mariam K.",
        },
    )
    assert changed.status_code == 200, changed.text
    records = await ConsentRecord.filter(submission_id=created["id"]).order_by("id")
    assert len(records) == 2
    assert records[0].attribution == first.attribution == "anonymous"  # untouched
    assert records[1].attribution == "pseudonym"
    assert b"Mariam" not in bytes(records[1].display_name_enc)
    admin = await make_staff("admin")
    detail = await client.get(f"/api/v1/submissions/{created['id']}", headers=admin.headers)
    assert detail.json()["consent"][-1]["display_name"] == "Mariam K."
    wrong = await client.post(
        "/api/v1/receipt/attribution",
        json={"receipt_code": "not a code", "attribution": "anonymous"},
    )
    assert wrong.status_code == 404


async def test_send_back_and_release(client: httpx.AsyncClient, backend: Backend) -> None:
    moderator = await make_staff("moderator")
    editor = await make_staff("editor")
    created = await submit(client)
    sid = created["id"]
    await to_ready(client, moderator, sid, created["receipt_code"])
    back = await post(client, editor, f"/api/v1/submissions/{sid}/send-back", {"reason": "x"})
    assert back.json() == {"id": sid, "status": "in_review", "claimed_by": moderator.id}
    released = await post(client, moderator, f"/api/v1/submissions/{sid}/release")
    assert released.json() == {"id": sid, "status": "submitted", "claimed_by": None}
    queue = await client.get(
        "/api/v1/queue?state=submitted&claimant=none", headers=moderator.headers
    )
    assert [r["id"] for r in queue.json()["items"]] == [sid]
    assert (
        await client.get("/api/v1/queue?state=bogus", headers=moderator.headers)
    ).status_code == 422


async def test_a_published_story_is_revised_through_consent_again(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    editor = await make_staff("editor")
    created = await submit(client)
    sid = created["id"]
    await to_ready(client, moderator, sid, created["receipt_code"])
    await post(client, editor, f"/api/v1/submissions/{sid}/approve")
    too_early = await post(client, moderator, f"/api/v1/submissions/{sid}/revise")
    assert too_early.status_code == 409
    # Publishing belongs to the publishing feature; here the state is set as it would leave it.
    await Submission.filter(id=sid).update(state="published")
    revised = await post(client, moderator, f"/api/v1/submissions/{sid}/revise")
    assert revised.json() == {"id": sid, "status": "in_review", "claimed_by": moderator.id}
    saved = await post(client, moderator, f"/api/v1/submissions/{sid}/revisions", REVISION)
    assert saved.json()["revision"] == 2
    sent = await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")
    assert sent.json()["status"] == "awaiting_consent"


async def test_four_eyes_covers_anyone_who_wrote_a_revision(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    admin = await make_staff("admin")
    editor = await make_staff("editor")
    created = await submit(client)
    sid = created["id"]
    await post(client, moderator, f"/api/v1/submissions/{sid}/claim")
    # An admin steps in and edits the claimed story; the moderator then sends it on.
    by_admin = await post(client, admin, f"/api/v1/submissions/{sid}/revisions", REVISION)
    assert by_admin.status_code == 201
    await post(client, moderator, f"/api/v1/submissions/{sid}/revisions", REVISION)
    await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")
    await client.post(
        "/api/v1/receipt/consent",
        json={"receipt_code": created["receipt_code"], "decision": "approve"},
    )
    refused = await post(client, admin, f"/api/v1/submissions/{sid}/approve")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "four_eyes"
    assert (await post(client, editor, f"/api/v1/submissions/{sid}/approve")).status_code == 200
