"""A worker killed with SIGKILL in the middle of a scheduled publication and of a withdrawal.

To stop it mid-way without any hook in the service, the test holds the row lock of the public
change counter, which both bump last in their transaction: the worker blocks there with the
story materialised (or deleted, and the tombstone written) and the audit event appended, but
nothing committed. Then it is killed, the lock released, and the state checked: nothing half
done. The next run finishes the job once (one audit event, one change, one webhook delivered):
the scheduler's and the dispatcher's step on another host of the same cluster (the test
session's app, which shares the database and the keys), and the survivor's retried withdrawal.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from stories_service.audit_log import verify_audit_chain
from stories_service.models import (
    AuditEvent,
    OutboxEvent,
    PublicChange,
    PublishedStory,
    Submission,
    Tombstone,
)
from stories_service.publishing.jobs import run_scheduler_once
from stories_service.runtime import Runtime
from stories_service.webhooks.jobs import run_dispatcher_once
from tests.conftest import Backend
from tests.hosts import (
    backends_alive,
    backends_waiting_for_a_lock,
    change_counter_held,
    new_hosts,
    wait_for,
)
from tests.publishing.test_webhooks import Receiver
from tests.servers import live_client, spawned_server
from tests.staffing import make_staff, post, submit, to_ready

pytestmark = pytest.mark.postgres_only
CLIENT_TIMEOUT = 60.0


@pytest.fixture
def postgres_backend(backend: Backend) -> Backend:
    if backend.name != "postgres":
        pytest.skip("holds PostgreSQL row locks to stop a worker inside its transaction")
    return backend


async def _kill_inside_its_transaction(url: str, pid: int) -> None:
    """With the change counter held: wait until a backend waits for it, SIGKILL ``pid``, and
    (after the caller releases the lock) wait until the dead worker's session has ended."""
    waiting = await wait_for(lambda: backends_waiting_for_a_lock(url), "the worker to block")
    os.kill(pid, signal.SIGKILL)
    return waiting  # type: ignore[no-any-return]


async def _gone(url: str, pids: list[int]) -> None:
    async def ended() -> bool:
        return not await backends_alive(url, pids)

    await wait_for(ended, "the killed worker's database session to end")


def _types(receiver: Receiver) -> list[str]:
    with receiver.lock:
        return [json.loads(body)["type"] for _, body in receiver.requests]


async def _dispatch_until(runtime: Runtime, receiver: Receiver, event_type: str) -> None:
    async def delivered() -> bool:
        await run_dispatcher_once(runtime)
        return event_type in _types(receiver)

    await wait_for(delivered, f"{event_type} to reach the receiver")


def _state_is(sid: str, state: str) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return (await Submission.get(id=sid)).state == state

    return check


async def test_a_worker_killed_mid_publication_or_withdrawal_leaves_nothing_half_done(
    client: httpx.AsyncClient, runtime: Runtime, postgres_backend: Backend, tmp_path: Path
) -> None:
    url = postgres_backend.database_url
    moderator, editor = await make_staff("moderator"), await make_staff("editor")
    admin = await make_staff("admin")
    first, second = new_hosts(tmp_path, 2, runtime)
    with Receiver(refuse=0) as receiver:
        hook = await client.post(
            "/api/v1/webhooks", json={"url": receiver.url, "events": ["*"]}, headers=admin.headers
        )
        assert hook.status_code == 201, hook.text
        created = await submit(client)
        sid, code = created["id"], created["receipt_code"]
        await to_ready(client, moderator, sid, code)
        assert (await post(client, editor, f"/api/v1/submissions/{sid}/approve")).is_success

        # 1. A host's scheduler blocks inside the scheduled publication and is killed there.
        with spawned_server(first.command(), first.port, first.env(url)) as scheduler_host:
            async with change_counter_held(url):
                due = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
                scheduled = await post(
                    client, editor, f"/api/v1/submissions/{sid}/publish", {"at": due}
                )
                assert scheduled.json()["status"] == "scheduled", scheduled.text
                orphans = await _kill_inside_its_transaction(url, scheduler_host.pid)
            await _gone(url, orphans)
        assert (await Submission.get(id=sid)).state == "scheduled"  # nothing half-published
        assert not await AuditEvent.filter(action="submission.publish_due").exists()
        assert not await OutboxEvent.filter(event_type="story.published").exists()
        assert not await PublicChange.exists()

        # The next run of the scheduler (here: the step on another host) publishes it once.
        assert len(await run_scheduler_once(runtime)) == 1
        await _dispatch_until(runtime, receiver, "story.published")
        slug = (await PublishedStory.get(submission_id=sid)).slug

        # 2. The survivor withdraws through a host whose worker blocks inside the withdrawal
        # and is killed there: the survivor gets no answer, and nothing happened.
        with spawned_server(
            second.command(), second.port, second.env(url), ready_path="/healthz"
        ) as host:
            async with live_client(base_url=second.url, timeout=CLIENT_TIMEOUT) as http:
                async with change_counter_held(url):
                    withdrawal = asyncio.create_task(
                        http.post("/api/v1/receipt/withdraw", json={"receipt_code": code})
                    )
                    orphans = await _kill_inside_its_transaction(url, host.pid)
                    with pytest.raises(httpx.TransportError):
                        await withdrawal
                await _gone(url, orphans)
        assert (await Submission.get(id=sid)).state == "published"
        assert not await Tombstone.exists()  # no tombstone without a removal
        assert await PublishedStory.filter(slug=slug, state="published").exists()
        assert not await OutboxEvent.filter(event_type="story.withdrawn").exists()

        # The survivor tries again (on another host): done once, announced once.
        again = await client.post("/api/v1/receipt/withdraw", json={"receipt_code": code})
        assert again.status_code == 200, again.text
        assert (await client.get(f"/stories/{slug}")).status_code == 410
        await _dispatch_until(runtime, receiver, "story.withdrawn")

    assert await AuditEvent.filter(submission_id=sid, action="submission.publish_due").count() == 1
    assert await AuditEvent.filter(submission_id=sid, action="submission.withdraw").count() == 1
    assert [t.slug for t in await Tombstone.all()] == [slug]
    assert not await PublishedStory.filter(submission_id=sid).exists()
    assert await PublicChange.filter(kind="published").count() == 1
    assert await PublicChange.filter(kind="removed").count() == 1
    assert sorted(_types(receiver)) == ["story.published", "story.withdrawn"]
    count, broken = await verify_audit_chain()
    assert broken is None and count > 0
