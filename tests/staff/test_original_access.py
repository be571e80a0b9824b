"""The decrypted original: only for the claimant, editors deciding on approval and admins; each
read audited without the text."""

from __future__ import annotations

import httpx

from stories_service.models import AuditEvent
from tests.conftest import Backend
from tests.staffing import make_staff, sign_in, submit, to_in_review, to_ready

SECRET = "My brother Samir Haddad drove us out of Aleppo. Now the balcony is full of mint."


async def _detail(client: httpx.AsyncClient, user: object, sid: str) -> dict[str, object]:
    response = await client.get(f"/api/v1/submissions/{sid}", headers=user.headers)  # type: ignore[attr-defined]
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


async def test_original_only_for_claimant_and_admin_while_in_review(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    claimant = await make_staff("moderator")
    other = await make_staff("moderator")
    editor = await make_staff("editor")
    admin = await make_staff("admin")
    sid = (await submit(client, body=SECRET))["id"]
    await to_in_review(client, claimant, sid)

    assert (await _detail(client, other, sid))["original"] is None
    assert (await _detail(client, editor, sid))["original"] is None
    assert "Samir" in (await _detail(client, claimant, sid))["original"]["body"]  # type: ignore[index]
    assert "Samir" in (await _detail(client, admin, sid))["original"]["body"]  # type: ignore[index]

    reads = await AuditEvent.filter(action="submission.original_read").order_by("id")
    assert [r.actor for r in reads] == [f"staff:{claimant.id}", f"staff:{admin.id}"]
    assert all("Samir" not in str(r.data) for r in reads)


async def test_editor_reads_the_original_when_deciding_on_approval(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    other = await make_staff("moderator")
    editor = await make_staff("editor")
    created = await submit(client, body=SECRET)
    sid = created["id"]
    await to_ready(client, moderator, sid, created["receipt_code"])
    assert (await _detail(client, other, sid))["original"] is None
    assert "Samir" in (await _detail(client, editor, sid))["original"]["body"]  # type: ignore[index]
    assert await AuditEvent.filter(
        action="submission.original_read", actor=f"staff:{editor.id}"
    ).exists()


async def test_console_compare_with_original_is_refused_to_others(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    claimant = await make_staff("moderator")
    other = await make_staff("moderator")
    sid = (await submit(client, body=SECRET))["id"]
    await to_in_review(client, claimant, sid)
    await sign_in(client, other)
    page = await client.get(f"/staff/submissions/{sid}/compare?a=0")
    assert page.status_code == 403
    assert "Samir Haddad" not in page.text
    workspace = await client.get(f"/staff/submissions/{sid}")
    assert workspace.status_code == 200 and "Samir Haddad" not in workspace.text
    assert not await AuditEvent.filter(action="submission.original_read").exists()


async def test_workspace_before_the_first_revision_hides_the_original_from_others(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    other = await make_staff("moderator")
    admin = await make_staff("admin")
    sid = (await submit(client, body=SECRET))["id"]
    await sign_in(client, other)
    page = await client.get(f"/staff/submissions/{sid}")
    assert page.status_code == 200 and "Haddad" not in page.text
    client.cookies.clear()
    await sign_in(client, admin)
    page = await client.get(f"/staff/submissions/{sid}")
    assert page.status_code == 200 and "Haddad" in page.text
