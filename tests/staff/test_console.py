"""The console without JavaScript: queue, workspace, approval, admin pages, audit page."""

from __future__ import annotations

import re

import httpx

from stories_service.models import ApiToken, AuditEvent, Revision, Staff, Submission
from tests.conftest import Backend
from tests.staffing import (
    PASSWORD,
    REVISION,
    make_staff,
    sign_in,
    submit,
    to_in_review,
    to_ready,
)


async def test_queue_shows_working_titles_and_notes_never_story_text(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    await submit(client, body="A very particular sentence about the river crossing at night.")
    await sign_in(client, moderator)
    page = await client.get("/staff")
    # Before the first revision there is no working title, and the survivor's own title is
    # survivor text (issue 14 #4).
    assert "The garden on the fourth floor" not in page.text
    assert "(no working title yet)" in page.text
    assert "river crossing" not in page.text
    assert "not set yet" in page.text
    claimant = await make_staff("moderator")
    created = await submit(client, title="Kestrelwood, my street")
    await to_in_review(client, claimant, created["id"])  # saves REVISION's working title
    page = await client.get("/staff?view=in_review")
    assert REVISION["title"] in page.text and "Kestrelwood" not in page.text


async def test_moderator_redacts_in_the_workspace_without_javascript(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(
        client,
        body="My sister Leila Haddad met me in Aleppo. Write to leila@example.org.",
        never_appear=["Leila"],
    )
    sid = created["id"]
    token = await sign_in(client, moderator)
    claimed = await client.post("/staff/queue/claim-next", data={"csrf_token": token})
    assert claimed.status_code == 303
    assert claimed.headers["location"] == f"/staff/submissions/{sid}"

    page = await client.get(f"/staff/submissions/{sid}")
    assert page.status_code == 200
    html = page.text
    # The content-note banner comes before any story text.
    assert html.index("Content notes are not set yet") < html.index("Aleppo")
    assert '<mark class="kind-place"' in html and '<mark class="kind-never_appear"' in html
    values = re.findall(r'name="accept" value="([^"]+)"', html)
    assert values
    save = await client.post(
        f"/staff/submissions/{sid}/save",
        data={
            "csrf_token": token,
            "accept": [v.replace("&#34;", '"') for v in values],
            "accept_kind": ["never_appear"],
            "manual_phrase_0": "my sister",
            "manual_kind_0": "person",
            "title": "Meeting again",
            "summary": "Two sisters meet again.",
            "tags": "family, reunion",
            "content_notes": ["war", "displacement"],
            "body": "<p>My sister Leila Haddad met me in Aleppo. Write to leila@example.org.</p>",
            "mode": "placeholder",
        },
    )
    assert save.status_code == 303, save.text
    revision = await Revision.get(submission_id=sid)
    assert revision.number == 1 and revision.content_notes == ["displacement", "war"]
    detail = await client.get(f"/staff/submissions/{sid}")
    working = detail.text[detail.text.index('id="working-text"') :]
    working = working[: working.index("</div>")]
    for leaked in ("Leila", "leila@example.org", "My sister"):
        assert leaked not in working
    assert "[name]" in working and "[place]" in working
    assert "Saved as revision" not in detail.text  # only shown right after saving

    compare = await client.get(f"/staff/submissions/{sid}/compare?a=0&b=1")
    assert compare.status_code == 200 and 'class="removed"' in compare.text

    sent = await client.post(
        f"/staff/submissions/{sid}/send-for-consent", data={"csrf_token": token}
    )
    assert sent.status_code == 303
    assert (await Submission.get(id=sid)).state == "awaiting_consent"


async def test_editor_approves_in_the_console_and_leak_guard_shows_findings(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    editor = await make_staff("editor")
    created = await submit(client, never_appear=["mint"])  # the body says "mint"
    await to_ready(client, moderator, created["id"], created["receipt_code"])
    token = await sign_in(client, editor)
    approvals = await client.get("/staff/approvals")
    assert created["id"] in approvals.text
    workspace = await client.get(f"/staff/submissions/{created['id']}")
    assert 'id="guard-preview"' in workspace.text
    refused = await client.post(
        f"/staff/submissions/{created['id']}/approve", data={"csrf_token": token}
    )
    assert refused.status_code == 409
    assert 'data-code="leak_guard"' in refused.text and "mint" in refused.text
    approved = await client.post(
        f"/staff/submissions/{created['id']}/approve",
        data={"csrf_token": token, "override_reason": "Mint is a plant, not a person here."},
    )
    assert approved.status_code == 303
    assert (await Submission.get(id=created["id"])).state == "approved"


async def test_waived_review_is_shown_in_the_workspace(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    from tests.staffing import post, waived_review

    moderator = await make_staff("moderator")
    created = await submit(client, consent=waived_review())
    await to_in_review(client, moderator, created["id"])
    await sign_in(client, moderator)
    page = await client.get(f"/staff/submissions/{created['id']}")
    assert 'id="review-waived"' in page.text and 'id="skip-consent"' in page.text
    assert (
        await post(client, moderator, f"/api/v1/submissions/{created['id']}/skip-consent")
    ).json()["status"] == "ready"


async def test_admin_manages_staff_and_tokens_and_reads_the_audit_log(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    admin = await make_staff("admin")
    token = await sign_in(client, admin)
    added = await client.post(
        "/staff/admin/staff",
        data={
            "csrf_token": token,
            "email": "new.moderator@example.org",
            "role": "moderator",
            "password": PASSWORD,
        },
    )
    assert added.status_code == 303
    member = await Staff.get(email="new.moderator@example.org")
    assert member.role == "moderator"
    short = await client.post(
        "/staff/admin/staff",
        data={"csrf_token": token, "email": "x@example.org", "role": "editor", "password": "short"},
    )
    assert short.status_code == 422

    role = await client.post(
        f"/staff/admin/staff/{member.id}/role", data={"csrf_token": token, "role": "editor"}
    )
    assert role.status_code == 303
    member = await Staff.get(id=member.id)
    assert member.role == "editor"  # and its sessions ended: tests/staff/test_sessions.py

    moderator = await make_staff("moderator")
    api_token = await ApiToken.get(staff_id=moderator.id)
    page = await client.get("/staff/admin")
    assert api_token.prefix in page.text
    revoked = await client.post(
        f"/staff/admin/tokens/{api_token.id}/revoke", data={"csrf_token": token}
    )
    assert revoked.status_code == 303
    assert (await client.get("/api/v1/queue", headers=moderator.headers)).status_code == 401

    deactivated = await client.post(
        f"/staff/admin/staff/{member.id}/deactivate", data={"csrf_token": token}
    )
    assert deactivated.status_code == 303
    assert not (await Staff.get(id=member.id)).active

    audit = await client.get("/staff/audit")
    assert audit.status_code == 200
    # Verifying reads the whole chain, so it happens only when asked.
    assert "intact" not in audit.text and "Verify the whole chain" in audit.text
    verified = await client.get("/staff/audit?verify=1")
    assert verified.status_code == 200 and "The audit chain is intact" in verified.text
    for action in ("staff.create", "staff.role", "token.revoke", "staff.deactivate"):
        assert action in audit.text
        assert await AuditEvent.exists(action=action)


async def test_openapi_lists_the_workflow_operations(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    for path in (
        "/api/v1/queue",
        "/api/v1/queue/claim-next",
        "/api/v1/submissions/{submission_id}/approve",
        "/api/v1/receipt/consent",
        "/api/v1/audit",
    ):
        assert path in document["paths"], path
    assert "RevisionIn" in document["components"]["schemas"]


async def test_a_rejection_reason_is_stored_encrypted_and_shown_to_staff(
    client: httpx.AsyncClient,
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(client)
    await to_in_review(client, moderator, created["id"])
    reason = "We cannot publish a story that names the shelter in Dunmarrow."
    rejected = await client.post(
        f"/api/v1/submissions/{created['id']}/reject",
        json={"reason": reason},
        headers=moderator.headers,
    )
    assert rejected.status_code == 200, rejected.text
    row = await Submission.get(id=created["id"])
    assert row.rejection_reason_enc is not None and b"Dunmarrow" not in row.rejection_reason_enc
    await sign_in(client, moderator)
    page = await client.get(f"/staff/submissions/{created['id']}")
    assert f"Rejected: {reason}" in page.text
    api = await client.get(f"/api/v1/submissions/{created['id']}", headers=moderator.headers)
    assert api.json()["rejection_reason"] == reason
