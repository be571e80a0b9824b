"""Claiming under real concurrency: uvicorn workers on PostgreSQL, requests over real HTTP."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from stories_service.models import Submission
from tests.conftest import Backend, valid_submission
from tests.servers import live_client, running_service
from tests.staffing import StaffUser, make_staff

pytestmark = pytest.mark.postgres_only


@pytest.fixture
def postgres_backend(backend: Backend) -> Backend:
    if backend.name != "postgres":
        pytest.skip("the concurrency test runs on PostgreSQL (FOR UPDATE SKIP LOCKED)")
    return backend


async def _moderators(count: int) -> list[StaffUser]:
    return [await make_staff("moderator") for _ in range(count)]


async def _submit(http: httpx.AsyncClient, count: int) -> list[str]:
    ids = []
    for _ in range(count):
        response = await http.post("/api/v1/submissions", json=valid_submission())
        assert response.status_code == 201
        ids.append(response.json()["id"])
    return ids


async def test_twenty_moderators_claim_one_submission_and_exactly_one_wins(
    client: httpx.AsyncClient, postgres_backend: Backend, tmp_path: Path
) -> None:
    moderators = await _moderators(20)
    with running_service(
        postgres_backend.database_url, tmp_path, workers=2, ready_path="/healthz"
    ) as base_url:
        async with live_client(base_url=base_url, timeout=30) as http:
            [sid] = await _submit(http, 1)
            answers = await asyncio.gather(
                *[
                    http.post(f"/api/v1/submissions/{sid}/claim", headers=m.headers)
                    for m in moderators
                ]
            )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200] + [409] * 19
    [winner] = [a.json() for a in answers if a.status_code == 200]
    row = await Submission.get(id=sid)
    assert row.state == "in_review"
    assert row.claimed_by_id == winner["claimed_by"]  # type: ignore[attr-defined]


async def test_ten_moderators_claim_next_from_a_queue_of_ten_and_all_differ(
    client: httpx.AsyncClient, postgres_backend: Backend, tmp_path: Path
) -> None:
    moderators = await _moderators(10)
    with running_service(
        postgres_backend.database_url, tmp_path, workers=2, ready_path="/healthz"
    ) as base_url:
        async with live_client(base_url=base_url, timeout=30) as http:
            ids = await _submit(http, 10)
            answers = await asyncio.gather(
                *[http.post("/api/v1/queue/claim-next", headers=m.headers) for m in moderators]
            )
    assert [a.status_code for a in answers] == [200] * 10
    claimed = [a.json()["id"] for a in answers]
    assert sorted(claimed) == sorted(ids)  # ten different submissions, every one claimed
    owners = {a.json()["claimed_by"] for a in answers}
    assert owners == {m.id for m in moderators}
