"""Retention: originals and contact details go a set time after publication or rejection,
once, even with several workers; admins can see what will be purged when."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import httpx

from moderation.states import StaffRole, SubmissionState
from stories_service.leases import acquire_lease
from stories_service.models import AuditEvent, JobLease, Revision, Submission
from stories_service.protection.jobs import RETENTION_JOB, retention_job
from stories_service.protection.retention import planned_purges, run_retention
from tests.protection.factories import drive_to, submit
from tests.staffing import make_staff

S = SubmissionState
LATER = datetime.now(UTC) + timedelta(days=31)


async def test_originals_are_purged_after_the_retention_time(
    client: httpx.AsyncClient, runtime
) -> None:
    published = await submit(client, "keepthen")
    await drive_to(runtime, published, S.PUBLISHED, "keepthen")
    rejected = await submit(client, "rejectthen")
    await drive_to(runtime, rejected, S.REJECTED, "rejectthen")
    waiting = await submit(client, "stillwaiting")
    await drive_to(runtime, waiting, S.IN_REVIEW, "stillwaiting")

    assert await run_retention(30) == 0  # nothing is due yet; the dates are recorded
    recorded = await Submission.get(id=published.id)
    assert recorded.originals_purge_after is not None
    assert recorded.body_enc is not None

    assert await run_retention(30, now=LATER) == 2
    done = await Submission.get(id=published.id)
    assert done.body_enc is None and done.title_enc is None and done.contact_enc is None
    assert done.never_appear_enc is not None  # the leak guard still needs it while public
    assert done.originals_purged_at is not None
    assert await Revision.filter(submission_id=published.id).count() == 1  # the public text
    gone = await Submission.get(id=rejected.id)
    assert gone.body_enc is None and gone.contact_enc is None and gone.never_appear_enc is None
    untouched = await Submission.get(id=waiting.id)
    assert untouched.body_enc is not None and untouched.originals_purged_at is None
    events = await AuditEvent.filter(action="submission.purge_originals").order_by("id")
    assert {str(e.submission_id) for e in events} == {published.id, rejected.id}
    assert all(e.actor == "system" for e in events)

    assert await run_retention(30, now=LATER) == 0  # purged once
    export = await client.post(
        "/api/v1/receipt/export", json={"receipt_code": published.receipt_code}
    )
    assert export.json()["submission"]["body"] is None
    assert export.json()["submission"]["originals_purged_at"] is not None


async def test_two_workers_purge_each_submission_once(client: httpx.AsyncClient, runtime) -> None:
    stories = []
    for i in range(4):
        story = await submit(client, f"twice{i}")
        await drive_to(runtime, story, S.PUBLISHED, f"twice{i}")
        stories.append(story)
    results = await asyncio.gather(run_retention(30, now=LATER), run_retention(30, now=LATER))
    assert sum(results) == 4
    assert await AuditEvent.filter(action="submission.purge_originals").count() == 4


async def test_the_job_runs_on_one_worker_at_a_time(client: httpx.AsyncClient, runtime) -> None:
    assert await acquire_lease(RETENTION_JOB, "worker-a", 600)
    assert not await acquire_lease(RETENTION_JOB, "worker-b", 600)
    assert await acquire_lease(RETENTION_JOB, "worker-a", 600)  # renewal
    assert await retention_job(runtime.settings, "worker-b") is None
    await JobLease.filter(name=RETENTION_JOB).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    assert await retention_job(runtime.settings, "worker-b") == 0
    assert (await JobLease.get(name=RETENTION_JOB)).holder == "worker-b"


async def test_withdrawn_submissions_are_not_planned(client: httpx.AsyncClient, runtime) -> None:
    story = await submit(client, "plannedthenwithdrawn")
    await drive_to(runtime, story, S.PUBLISHED, "plannedthenwithdrawn")
    assert [str(p.submission_id) for p in await planned_purges(30)] == [story.id]
    await client.post("/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code})
    assert await planned_purges(30) == []


async def test_admins_see_what_will_be_purged_when(
    client: httpx.AsyncClient, runtime, override_settings
) -> None:
    override_settings(retention_days=10)
    story = await submit(client, "listed")
    await drive_to(runtime, story, S.REJECTED, "listed")
    admin = await make_staff(StaffRole.ADMIN)
    editor = await make_staff(StaffRole.EDITOR)

    response = await client.get("/api/v1/retention", headers=admin.headers)
    assert response.status_code == 200
    body = response.json()
    assert body["retention_days"] == 10
    [plan] = body["planned"]
    assert plan["id"] == story.id and plan["because"] == "rejected"
    since = datetime.fromisoformat(plan["since"])
    assert datetime.fromisoformat(plan["purge_after"]) - since == timedelta(days=10)
    assert "listed" not in response.text

    assert (await client.get("/api/v1/retention", headers=editor.headers)).status_code == 403
    assert (await client.get("/api/v1/retention")).status_code == 401
