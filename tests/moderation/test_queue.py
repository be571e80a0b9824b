"""Claiming, claim-next, and claim expiry (the periodic job's work)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

import httpx
import pytest

from stories_service import leases
from stories_service.leases import acquire_lease
from stories_service.models import AuditEvent, JobLease, Submission
from stories_service.moderating.queue import expire_idle_claims
from tests.conftest import Backend
from tests.staffing import make_staff, post, submit


async def test_claim_next_takes_the_oldest_unclaimed_and_never_the_same_twice(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    first, second = await make_staff("moderator"), await make_staff("moderator")
    ids = [(await submit(client))["id"] for _ in range(3)]
    a = await post(client, first, "/api/v1/queue/claim-next")
    b = await post(client, second, "/api/v1/queue/claim-next")
    assert [a.json()["id"], b.json()["id"]] == ids[:2]
    assert b.json()["claimed_by"] == second.id
    c = await post(client, first, "/api/v1/queue/claim-next", {"language": "fr"})
    assert c.status_code == 404
    assert c.json()["error"]["code"] == "queue_empty"
    mine = await client.get("/api/v1/queue?state=in_review&claimant=me", headers=first.headers)
    assert [r["id"] for r in mine.json()["items"]] == [ids[0]]


async def test_idle_claims_expire_back_to_the_queue(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    idle, busy = (await submit(client))["id"], (await submit(client))["id"]
    for sid in (idle, busy):
        assert (
            await post(client, moderator, f"/api/v1/submissions/{sid}/claim")
        ).status_code == 200
    long_ago = datetime.now(UTC) - timedelta(minutes=121)
    await Submission.filter(id=idle).update(claim_touched_at=long_ago)

    assert await expire_idle_claims(idle_minutes=120) == 1
    expired = await Submission.get(id=idle)
    assert expired.state == "submitted" and expired.claimed_by_id is None  # type: ignore[attr-defined]
    kept = await Submission.get(id=busy)
    assert kept.state == "in_review" and kept.claimed_by_id == moderator.id  # type: ignore[attr-defined]
    event = await AuditEvent.get(action="submission.expire_claim")
    assert (event.actor, event.from_state, event.to_state) == ("system", "in_review", "submitted")
    assert await expire_idle_claims(idle_minutes=120) == 0  # nothing left to expire

    # The old claimant has lost it; another moderator can claim it now.
    lost = await post(client, moderator, f"/api/v1/submissions/{idle}/release")
    assert lost.status_code == 409
    other = await make_staff("moderator")
    assert (await post(client, other, f"/api/v1/submissions/{idle}/claim")).status_code == 200


async def test_only_one_worker_holds_the_job_lease(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    now = datetime.now(UTC)
    assert await acquire_lease("expire_claims", "worker-a", 120, now)
    assert not await acquire_lease("expire_claims", "worker-b", 120, now)
    assert await acquire_lease("expire_claims", "worker-a", 120, now)  # renewal
    later = now + timedelta(seconds=121)
    assert await acquire_lease("expire_claims", "worker-b", 120, later)  # a dead holder's lease
    assert (await JobLease.get(name="expire_claims")).holder == "worker-b"


async def test_a_host_whose_clock_runs_ahead_does_not_take_a_held_lease(
    client: httpx.AsyncClient, backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Several hosts share one PostgreSQL: a lease ends by the database server's clock, so a
    host an hour ahead (no NTP) still sees another host's lease as held."""
    if backend.pg_database is None:
        pytest.skip("several hosts share PostgreSQL; SQLite's database is on its one host")
    assert await acquire_lease("expire_claims", "worker-a", 120)

    class AnHourAhead(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> datetime:  # type: ignore[override]
            return datetime.now(tz) + timedelta(hours=1)

    monkeypatch.setattr(leases, "datetime", AnHourAhead)
    assert not await acquire_lease("expire_claims", "worker-b", 120)
    assert (await JobLease.get(name="expire_claims")).holder == "worker-a"


async def test_the_periodic_job_expires_claims_once_it_holds_the_lease(
    client: httpx.AsyncClient, backend: Backend, runtime: object
) -> None:
    from stories_service.moderating.claim_expiry import run_once

    moderator = await make_staff("moderator")
    sid = (await submit(client))["id"]
    await post(client, moderator, f"/api/v1/submissions/{sid}/claim")
    await Submission.filter(id=sid).update(
        claim_touched_at=datetime.now(UTC) - timedelta(minutes=500)
    )
    settings = runtime.settings  # type: ignore[attr-defined]
    assert await run_once(settings) == 1
    assert (await Submission.get(id=sid)).state == "submitted"


async def test_queue_filters_by_age_and_language(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    old = (await submit(client))["id"]
    new = (await submit(client, language="fr"))["id"]
    await Submission.filter(id=old).update(created_at=datetime.now(UTC) - timedelta(days=4))

    async def ids(query: str) -> list[str]:
        response = await client.get(f"/api/v1/queue?{query}", headers=moderator.headers)
        assert response.status_code == 200, response.text
        return [row["id"] for row in response.json()["items"]]

    assert await ids("") == [old, new]  # oldest first
    assert await ids("min_age_hours=72") == [old]
    assert await ids("language=fr") == [new]
    bad = await client.get("/api/v1/queue?min_age_hours=soon", headers=moderator.headers)
    assert bad.status_code == 422
