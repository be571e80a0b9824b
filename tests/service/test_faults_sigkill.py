"""A worker killed with SIGKILL in the middle of a scheduled publication and of a withdrawal.

To stop it mid-way without any hook in the service, the test holds the row lock of the public
change counter, which both bump last in their transaction: the worker blocks there with the
story materialised (or deleted, and the tombstone written) and the audit event appended, but
nothing committed. Then it is killed, the lock released, and the state checked: nothing half
done. The next run (another host's scheduler; the survivor's retried withdrawal on a restarted
host) does the whole job once: one audit event, one change, one webhook delivered.
"""

from __future__ import annotations

import asyncio
import os
import signal
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
from tests.conftest import Backend
from tests.hosts import (
    backends_alive,
    backends_waiting_for_a_lock,
    change_counter_held,
    expire_leases_of,
    lease_holder_pid,
    new_hosts,
    wait_for,
)
from tests.publishing.test_webhooks import Receiver
from tests.servers import spawned_server, spawned_servers
from tests.staffing import make_staff, post, submit, to_ready

pytestmark = pytest.mark.postgres_only
CLIENT_TIMEOUT = 60.0


@pytest.fixture
def postgres_backend(backend: Backend) -> Backend:
    if backend.name != "postgres":
        pytest.skip("holds PostgreSQL row locks to stop a worker inside its transaction")
    return backend


async def _count(model: type, **filters: object) -> int:
    return await model.filter(**filters).count()  # type: ignore[attr-defined, no-any-return]


async def _kill_when_blocked(database_url: str, pid: int) -> None:
    """Wait until a backend waits for the held lock, SIGKILL ``pid``, release nothing yet."""
    await wait_for(lambda: backends_waiting_for_a_lock(database_url), "the worker to block")
    os.kill(pid, signal.SIGKILL)


async def test_a_worker_killed_mid_publication_or_withdrawal_leaves_nothing_half_done(
    client: httpx.AsyncClient, postgres_backend: Backend, tmp_path: Path
) -> None:
    url = postgres_backend.database_url
    moderator, editor = await make_staff("moderator"), await make_staff("editor")
    admin = await make_staff("admin")
    first, second, third = new_hosts(tmp_path, 3)
    with Receiver(refuse=0) as receiver:
        servers = [(h.command(), h.port) for h in (first, second)]
        envs = [h.env(url) for h in (first, second)]
        with spawned_servers(servers, envs=envs) as [one, two]:
            by_pid = {one.pid: first, two.pid: second}
            async with httpx.AsyncClient(base_url=first.url, timeout=CLIENT_TIMEOUT) as http:
                hook = await http.post(
                    "/api/v1/webhooks",
                    json={"url": receiver.url, "events": ["*"]},
                    headers=admin.headers,
                )
                assert hook.status_code == 201, hook.text
                created = await submit(http)
                sid, code = created["id"], created["receipt_code"]
                await to_ready(http, moderator, sid, code)
                assert (await post(http, editor, f"/api/v1/submissions/{sid}/approve")).is_success
                due = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
                scheduled = await post(
                    http, editor, f"/api/v1/submissions/{sid}/publish", {"at": due}
                )
                assert scheduled.json()["status"] == "scheduled", scheduled.text

            # 1. The scheduler's worker blocks inside the publication; it is killed there.
            async with change_counter_held(url):
                holder = await wait_for(
                    lambda: lease_holder_pid(url, "publish-due"), "a scheduler to take its lease"
                )
                await _kill_when_blocked(url, holder)
                orphans = await backends_waiting_for_a_lock(url)
            await wait_for(lambda: _none_alive(url, orphans), "the killed worker's session to end")
            row = await Submission.get(id=sid)
            assert row.state == "scheduled"  # nothing half-published
            assert await _count(AuditEvent, submission_id=sid, action="submission.publish_due") == 0
            assert await _count(OutboxEvent, event_type="story.published") == 0
            assert await _count(PublicChange) == 0

            # The next run: the other host's scheduler, once the dead one's lease runs out.
            survivor = next(h for pid, h in by_pid.items() if pid != holder)
            await expire_leases_of(url, holder)
            await wait_for(_published(sid), "the other host to publish the story", 90)
            assert await _count(AuditEvent, submission_id=sid, action="submission.publish_due") == 1
            assert await _count(OutboxEvent, event_type="story.published") == 1
            assert await _count(PublicChange, kind="published") == 1
            await wait_for(_received(receiver, "story.published"), "the webhook")

            # 2. The survivor withdraws through the surviving host, whose worker blocks inside
            # the withdrawal and is killed there.
            survivor_pid = next(pid for pid, h in by_pid.items() if h is survivor)
            async with httpx.AsyncClient(base_url=survivor.url, timeout=CLIENT_TIMEOUT) as http:
                async with change_counter_held(url):
                    withdrawal = asyncio.create_task(
                        http.post("/api/v1/receipt/withdraw", json={"receipt_code": code})
                    )
                    await _kill_when_blocked(url, survivor_pid)
                    orphans = await backends_waiting_for_a_lock(url)
                    with pytest.raises(httpx.TransportError):
                        await withdrawal
                await wait_for(
                    lambda: _none_alive(url, orphans), "the killed worker's session to end"
                )
            row = await Submission.get(id=sid)
            assert row.state == "published"  # the withdrawal did not happen at all: no
            assert await _count(Tombstone) == 0  # tombstone without a removal
            assert await _count(PublishedStory, submission_id=sid, state="published") == 1
            assert await _count(OutboxEvent, event_type="story.withdrawn") == 0

            # The survivor tries again on a host started anew: done once, announced once.
            with spawned_server(third.command(), third.port, third.env(url), ready_path="/healthz"):
                await expire_leases_of(url, survivor_pid)
                async with httpx.AsyncClient(base_url=third.url, timeout=CLIENT_TIMEOUT) as http:
                    again = await http.post("/api/v1/receipt/withdraw", json={"receipt_code": code})
                    assert again.status_code == 200, again.text
                    slug = (await Tombstone.get()).slug
                    assert (await http.get(f"/stories/{slug}")).status_code == 410
                await wait_for(_received(receiver, "story.withdrawn"), "the webhook", 90)
    assert await _count(Tombstone) == 1
    assert await _count(PublishedStory, submission_id=sid) == 0
    assert await _count(PublicChange, kind="removed") == 1
    assert await _count(AuditEvent, submission_id=sid, action="submission.withdraw") == 1
    assert receiver_types(receiver).count("story.published") == 1
    assert receiver_types(receiver).count("story.withdrawn") == 1
    count, broken = await verify_audit_chain()
    assert broken is None and count > 0


async def _none_alive(url: str, pids: list[int]) -> bool:
    return not await backends_alive(url, pids)


def _published(sid: str):  # type: ignore[no-untyped-def]
    async def check() -> bool:
        return (await Submission.get(id=sid)).state == "published"

    return check


def receiver_types(receiver: Receiver) -> list[str]:
    import json

    with receiver.lock:
        return [json.loads(body)["type"] for _, body in receiver.requests]


def _received(receiver: Receiver, event_type: str):  # type: ignore[no-untyped-def]
    async def check() -> bool:
        return event_type in receiver_types(receiver)

    return check
