"""Staff side of data protection: the retention page, and CSRF on a cookie-signed take-down."""

from __future__ import annotations

import httpx

from moderation.states import SubmissionState
from stories_service.models import AuditEvent, Submission
from tests.protection.factories import drive_to, submit
from tests.staffing import make_staff, sign_in

S = SubmissionState


async def test_admins_see_planned_purges_in_the_console(
    client: httpx.AsyncClient, runtime, override_settings
) -> None:
    override_settings(retention_days=7)
    story = await submit(client, "consoleplan")
    await drive_to(runtime, story, S.PUBLISHED, "consoleplan")
    admin = await make_staff("admin")
    await sign_in(client, admin)
    page = await client.get("/staff/retention")
    assert page.status_code == 200
    assert "7 days after" in page.text
    assert story.id[:8] in page.text
    assert "published" in page.text
    assert "consoleplan" not in page.text
    assert 'href="/staff/retention"' in page.text  # in the admin's navigation


async def test_the_retention_page_is_for_admins_only(client: httpx.AsyncClient) -> None:
    anonymous = await client.get("/staff/retention")
    assert anonymous.status_code == 303
    assert anonymous.headers["location"] == "/staff/login"
    editor = await make_staff("editor")
    await sign_in(client, editor)
    assert (await client.get("/staff/retention")).status_code == 403


async def test_a_cookie_signed_take_down_needs_the_csrf_token(client: httpx.AsyncClient) -> None:
    story = await submit(client, "csrftakedown")
    editor = await make_staff("editor")
    token = await sign_in(client, editor)
    path = f"/api/v1/submissions/{story.id}/withdraw"
    body = {"reason": "The survivor asked by phone."}

    forged = await client.post(path, json=body, headers={"X-CSRF-Token": "forged"})
    missing = await client.post(path, json=body)
    assert forged.status_code == missing.status_code == 403
    assert missing.json()["error"]["code"] == "csrf_failed"
    assert (await Submission.get(id=story.id)).state == S.SUBMITTED

    done = await client.post(path, json=body, headers={"X-CSRF-Token": token})
    assert done.status_code == 200
    event = await AuditEvent.get(action="submission.withdraw")
    assert event.actor == f"staff:{editor.id}"


async def test_staff_views_of_a_withdrawn_submission_hold_no_text(
    client: httpx.AsyncClient, runtime
) -> None:
    story = await submit(client, "staffviewcanary")
    await drive_to(runtime, story, S.AWAITING_CONSENT, "staffviewcanary")
    await client.post("/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code})
    admin = await make_staff("admin")
    api = await client.get(f"/api/v1/submissions/{story.id}", headers=admin.headers)
    assert api.status_code == 200
    assert api.json()["status"] == "withdrawn"
    await sign_in(client, admin)
    for path in (f"/staff/submissions/{story.id}", "/staff", "/staff/audit", "/staff/retention"):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert "staffviewcanary" not in response.text, path
    queue = await client.get("/api/v1/queue", headers=admin.headers)
    assert queue.status_code == 200 and "staffviewcanary" not in queue.text
