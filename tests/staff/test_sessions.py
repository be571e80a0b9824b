"""Console sessions end when they should, on every worker (issue 14 #2): logout, a role change,
deactivation, the idle timeout and the absolute one. Time is moved by editing the session's row,
never by sleeping."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from starlette.applications import Starlette

from stories_service.models import StaffSession
from stories_service.runtime import Runtime
from stories_service.staff.sessions import SESSION_COOKIE, forget_ended_sessions
from tests.conftest import Backend
from tests.servers import live_client, running_service
from tests.staffing import StaffUser, make_staff, sign_in


@asynccontextmanager
async def browser(app: Starlette, cookie: str | None = None) -> AsyncIterator[httpx.AsyncClient]:
    """Another browser on the same app (another person, or a copy of someone's cookie)."""
    transport = httpx.ASGITransport(app=app, client=("198.51.100.20", 50000))
    cookies = {SESSION_COOKIE: cookie} if cookie else None
    async with httpx.AsyncClient(
        transport=transport, base_url="http://testserver", cookies=cookies
    ) as http:
        yield http


async def opens_console(http: httpx.AsyncClient) -> bool:
    """Whether the browser's cookie opens the console page and the staff API, both or neither."""
    page = (await http.get("/staff")).status_code
    api = (await http.get("/api/v1/queue")).status_code
    assert (page, api) in {(200, 200), (303, 401)}, (page, api)
    return page == 200


async def test_a_cookie_kept_from_before_logout_opens_nothing(
    client: httpx.AsyncClient, backend: Backend, app: Starlette
) -> None:
    """The review's request: keep the cookie, log out, send the kept cookie again."""
    moderator = await make_staff("moderator")
    csrf = await sign_in(client, moderator)
    kept = client.cookies[SESSION_COOKIE]
    assert await opens_console(client)

    assert (await client.post("/staff/logout", data={"csrf_token": csrf})).status_code == 303
    async with browser(app, kept) as replay:
        assert not await opens_console(replay)
    assert not await StaffSession.exists(staff_id=moderator.id)


async def test_logout_ends_only_that_session(
    client: httpx.AsyncClient, backend: Backend, app: Starlette
) -> None:
    moderator = await make_staff("moderator")
    csrf = await sign_in(client, moderator)
    async with browser(app) as other_device:
        await sign_in(other_device, moderator)
        await client.post("/staff/logout", data={"csrf_token": csrf})
        assert not await opens_console(client)
        assert await opens_console(other_device)


async def _signed_in_twice(app: Starlette, user: StaffUser) -> tuple[str, str]:
    cookies = []
    for _ in range(2):
        async with browser(app) as device:
            await sign_in(device, user)
            cookies.append(device.cookies[SESSION_COOKIE])
    return cookies[0], cookies[1]


async def test_role_change_and_deactivation_end_every_session_of_the_account(
    client: httpx.AsyncClient, backend: Backend, app: Starlette
) -> None:
    admin = await make_staff("admin")
    csrf = await sign_in(client, admin)
    member = await make_staff("moderator")
    bystander = await make_staff("moderator")
    bystander_cookie = (await _signed_in_twice(app, bystander))[0]

    for change, data in (("role", {"role": "editor"}), ("deactivate", {})):
        cookies = await _signed_in_twice(app, member)
        answer = await client.post(
            f"/staff/admin/staff/{member.id}/{change}", data={"csrf_token": csrf, **data}
        )
        assert answer.status_code == 303, answer.text
        for cookie in cookies:
            async with browser(app, cookie) as device:
                assert not await opens_console(device), change
        assert not await StaffSession.exists(staff_id=member.id)

    async with browser(app, bystander_cookie) as device:
        assert await opens_console(device)  # other accounts keep their sessions
    assert await opens_console(client)


async def _age(staff_id: int, **ages: timedelta) -> None:
    now = datetime.now(UTC)
    await StaffSession.filter(staff_id=staff_id).update(
        **{f"{column}_at": now - age for column, age in ages.items()}
    )


async def test_an_idle_session_ends_after_the_idle_timeout(
    client: httpx.AsyncClient, backend: Backend, runtime: Runtime, override_settings: object
) -> None:
    assert runtime.settings.session_idle_minutes == 30  # the default
    moderator = await make_staff("moderator")
    await sign_in(client, moderator)

    await _age(moderator.id, last_seen=timedelta(minutes=29))
    assert await opens_console(client)
    # Using the session moved its last-seen time to now (written at most once a minute).
    record = await StaffSession.get(staff_id=moderator.id)
    assert datetime.now(UTC) - record.last_seen_at < timedelta(minutes=1)

    await _age(moderator.id, last_seen=timedelta(minutes=31))
    override_settings(session_idle_minutes=60)  # type: ignore[operator]
    assert await opens_console(client)  # the timeout is a setting

    override_settings(session_idle_minutes=30)  # type: ignore[operator]
    await _age(moderator.id, last_seen=timedelta(minutes=31))
    assert not await opens_console(client)
    assert not await StaffSession.exists(staff_id=moderator.id)


async def test_an_active_session_still_ends_after_twelve_hours(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    await sign_in(client, moderator)
    await _age(moderator.id, created=timedelta(hours=11, minutes=59), last_seen=timedelta(0))
    assert await opens_console(client)
    await _age(moderator.id, created=timedelta(hours=12, minutes=1), last_seen=timedelta(0))
    assert not await opens_console(client)


async def test_the_periodic_job_deletes_sessions_that_timed_out(
    client: httpx.AsyncClient, backend: Backend, app: Starlette
) -> None:
    idle, old, live = [await make_staff("moderator") for _ in range(3)]
    for user in (idle, old, live):
        async with browser(app) as device:
            await sign_in(device, user)
    await _age(idle.id, last_seen=timedelta(minutes=31))
    await _age(old.id, created=timedelta(hours=13), last_seen=timedelta(0))
    assert await forget_ended_sessions(idle_minutes=30) == 2
    assert [s.staff_id for s in await StaffSession.all()] == [live.id]


async def test_logout_through_another_worker_ends_the_session_here(
    client: httpx.AsyncClient, backend: Backend, runtime: Runtime, tmp_path: Path
) -> None:
    """Workers share only the database: a logout served by another process (a real uvicorn
    serving the same database) ends the session for this in-process app too."""
    moderator = await make_staff("moderator")
    csrf = await sign_in(client, moderator)
    kept = client.cookies[SESSION_COOKIE]
    with running_service(
        backend.database_url,
        tmp_path,
        ready_path="/healthz",
        STORIES_SECRET_KEY=runtime.settings.secret_key,
    ) as other_worker:
        async with live_client(base_url=other_worker, cookies={SESSION_COOKIE: kept}) as far:
            assert (await far.get("/api/v1/queue")).status_code == 200
            logout = await far.post("/staff/logout", data={"csrf_token": csrf})
            assert logout.status_code == 303
    assert not await opens_console(client)
