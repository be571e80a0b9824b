"""Numbers beyond what the database or the clock can hold answer 422 or 404, never 500."""

from __future__ import annotations

import httpx

from tests.conftest import Backend
from tests.staffing import make_staff, sign_in, submit

HUGE = "99999999999"  # beyond a 32-bit id column and beyond datetime arithmetic in hours


async def test_queue_api_refuses_an_absurd_age_and_claimant(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    await submit(client)
    refused = await client.get(f"/api/v1/queue?min_age_hours={HUGE}", headers=moderator.headers)
    assert refused.status_code == 422, refused.text
    assert "min_age_hours" in refused.json()["error"]["fields"]
    odd_digits = await client.get("/api/v1/queue?min_age_hours=%C2%B2", headers=moderator.headers)
    assert odd_digits.status_code == 422
    nobody = await client.get(
        f"/api/v1/queue?state=in_review&claimant={HUGE}", headers=moderator.headers
    )
    assert nobody.status_code == 200 and nobody.json()["items"] == []


async def test_audit_api_accepts_a_huge_before(client: httpx.AsyncClient, backend: Backend) -> None:
    admin = await make_staff("admin")
    await submit(client)
    answer = await client.get(f"/api/v1/audit?before={HUGE}", headers=admin.headers)
    assert answer.status_code == 200, answer.text
    assert answer.json()["events"]


async def test_console_pages_survive_huge_numbers(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    admin = await make_staff("admin")
    await submit(client)
    csrf = await sign_in(client, admin)
    queue = await client.get(f"/staff?min_age_hours={HUGE}")
    assert queue.status_code == 200, queue.text
    audit = await client.get(f"/staff/audit?before={HUGE}")
    assert audit.status_code == 200, audit.text
    for path in (
        f"/staff/admin/staff/{HUGE}/role",
        f"/staff/admin/staff/{HUGE}/deactivate",
        f"/staff/admin/tokens/{HUGE}/revoke",
    ):
        response = await client.post(path, data={"csrf_token": csrf, "role": "editor"})
        assert response.status_code == 404, (path, response.status_code)
