"""Staff write tags and rejection reasons that the survivor reads as written: the workspace says
in which language (the one the survivor consented in), and takes tags separated the way that
language writes a list (issue 19)."""

from __future__ import annotations

import httpx

from stories_service.models import Revision
from tests.conftest import Backend, valid_submission
from tests.staffing import make_staff, sign_in

WRITE_IN_ARABIC = "Write tags and reasons in Arabic (العربية): the survivor reads them."


async def _submitted_in_arabic(client: httpx.AsyncClient) -> str:
    """A French story sent through the Arabic interface (the consent wording is Arabic)."""
    body = valid_submission(
        title="Le jardin", body="Quand je suis arrivée, je ne dormais pas.", language="fr"
    )
    response = await client.post(
        "/api/v1/submissions", json=body, headers={"Accept-Language": "ar"}
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def test_the_workspace_asks_for_tags_and_reasons_in_the_survivors_language(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    sid = await _submitted_in_arabic(client)
    moderator = await make_staff("moderator")
    token = await sign_in(client, moderator)
    claimed = await client.post("/staff/queue/claim-next", data={"csrf_token": token})
    assert claimed.status_code == 303

    html = (await client.get(f"/staff/submissions/{sid}")).text
    assert "The survivor reads our pages in <strong>Arabic (العربية)</strong>" in html
    assert "story in French (Français)" in html
    tags_field = html[html.index('<label for="tags">') : html.index('id="tags"')]
    assert WRITE_IN_ARABIC in tags_field
    reason_field = html[
        html.index('<label for="reject-reason">') : html.index('id="reject-reason"')
    ]
    assert WRITE_IN_ARABIC in reason_field

    # Tags typed in Arabic are separated by the Arabic comma.
    saved = await client.post(
        f"/staff/submissions/{sid}/save",
        data={
            "csrf_token": token,
            "title": "الحديقة",
            "summary": "",
            "tags": "السكن، الحديقة",
            "content_notes": ["displacement"],
            "body": "<p>Quand je suis arrivée, je ne dormais pas.</p>",
            "mode": "placeholder",
        },
    )
    assert saved.status_code == 303, saved.text
    revision = await Revision.get(submission_id=sid)
    assert revision.tags == ["السكن", "الحديقة"]
