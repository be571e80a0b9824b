"""Who may reject: the claimant while in review, an editor once the story is ready."""

from __future__ import annotations

import httpx

from stories_service.models import Submission
from tests.conftest import Backend
from tests.staffing import make_staff, post, submit, to_in_review, to_ready

REASON = {"reason": "We cannot publish this safely."}


async def test_another_moderator_cannot_reject_a_claimed_submission(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    claimant = await make_staff("moderator")
    other = await make_staff("moderator")
    admin = await make_staff("admin")
    sid = (await submit(client))["id"]
    await to_in_review(client, claimant, sid)

    refused = await post(client, other, f"/api/v1/submissions/{sid}/reject", REASON)
    assert refused.status_code == 403, refused.text
    assert refused.json()["error"]["code"] == "forbidden"
    assert (await Submission.get(id=sid)).state == "in_review"

    by_admin = await post(client, admin, f"/api/v1/submissions/{sid}/reject", REASON)
    assert by_admin.json()["status"] == "rejected"


async def test_claimant_can_reject_in_review(client: httpx.AsyncClient, backend: Backend) -> None:
    claimant = await make_staff("moderator")
    sid = (await submit(client))["id"]
    await to_in_review(client, claimant, sid)
    rejected = await post(client, claimant, f"/api/v1/submissions/{sid}/reject", REASON)
    assert rejected.json()["status"] == "rejected"


async def test_ready_submission_needs_an_editor_to_reject(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    editor = await make_staff("editor")
    created = await submit(client)
    sid = created["id"]
    await to_ready(client, moderator, sid, created["receipt_code"])

    refused = await post(client, moderator, f"/api/v1/submissions/{sid}/reject", REASON)
    assert refused.status_code == 403, refused.text
    assert (await Submission.get(id=sid)).state == "ready"

    rejected = await post(client, editor, f"/api/v1/submissions/{sid}/reject", REASON)
    assert rejected.json()["status"] == "rejected"
