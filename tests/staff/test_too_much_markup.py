"""Staff saving a revision meet the same markup limits as survivors, with a clear message and
their text kept (issue 14 #1)."""

from __future__ import annotations

import httpx

from stories_service.models import Revision
from tests.conftest import Backend
from tests.intake.test_too_much_markup import DEEP_BODY, REVIEW_BODY
from tests.staffing import REVISION, make_staff, post, sign_in, submit


async def test_the_revision_api_refuses_too_much_markup(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    sid = (await submit(client))["id"]
    assert (await post(client, moderator, f"/api/v1/submissions/{sid}/claim")).status_code == 200
    for body in (REVIEW_BODY, DEEP_BODY):
        response = await post(
            client, moderator, f"/api/v1/submissions/{sid}/revisions", {**REVISION, "body": body}
        )
        assert response.status_code == 422, response.text[:300]
        assert "nests HTML elements more than 10 deep" in response.json()["error"]["fields"]["body"]
    assert await Revision.filter(submission_id=sid).count() == 0


async def test_the_workspace_refuses_too_much_markup_and_keeps_the_text(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    sid = (await submit(client))["id"]
    token = await sign_in(client, moderator)
    claimed = await client.post("/staff/queue/claim-next", data={"csrf_token": token})
    assert claimed.status_code == 303
    response = await client.post(
        f"/staff/submissions/{sid}/save",
        data={
            "csrf_token": token,
            "title": "A working title",
            "summary": "",
            "content_notes": ["displacement"],
            "body": DEEP_BODY,
            "mode": "placeholder",
        },
    )
    assert response.status_code == 422, response.text[:300]
    assert "nests HTML elements more than 10 deep" in response.text
    assert "&lt;blockquote&gt;" * 11 + "I remember." in response.text
    assert await Revision.filter(submission_id=sid).count() == 0
