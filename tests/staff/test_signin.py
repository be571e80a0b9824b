"""Signing in: argon2 runs off the event loop (issue 14 #10), and the per-account limit cannot
be used by a stranger to keep the owner out (issue 14 #9)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher
from starlette.applications import Starlette

from stories_service.staff.devices import DEVICE_COOKIE
from tests.conftest import Backend
from tests.staffing import PASSWORD, StaffUser, csrf_from, make_staff, sign_in


async def _login(
    http: httpx.AsyncClient, user: StaffUser, password: str, address: str = "192.0.2.1"
) -> httpx.Response:
    """One sign-in attempt from ``address`` (sent as X-Forwarded-For, trusted in these tests)."""
    page = await http.get("/staff/login", follow_redirects=True)
    return await http.post(
        "/staff/login",
        data={"email": user.email, "password": password, "csrf_token": csrf_from(page.text)},
        headers={"X-Forwarded-For": address},
    )


async def test_the_worker_answers_while_a_sign_in_verifies_its_password(
    client: httpx.AsyncClient, backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shown by order, not by timing: argon2's verify is held inside the sign-in until the test
    has had /healthz answered. On the event loop, the held verify would stall the loop (and
    /healthz behind it) until the hold times out, so the sign-in would finish first."""
    moderator = await make_staff("moderator")
    entered, release = threading.Event(), threading.Event()
    verify = PasswordHasher.verify

    def held_verify(self: PasswordHasher, hash: Any, password: Any) -> bool:
        entered.set()
        release.wait(timeout=60)  # reached only if the test fails: the loop is blocked
        return verify(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", held_verify)
    page = await client.get("/staff/login")
    login = asyncio.create_task(
        client.post(
            "/staff/login",
            data={
                "email": moderator.email,
                "password": PASSWORD,
                "csrf_token": csrf_from(page.text),
            },
        )
    )
    assert await asyncio.to_thread(entered.wait, 60)
    health = await client.get("/healthz")
    assert health.status_code == 200
    assert not login.done(), "the sign-in finished before /healthz was answered"
    release.set()
    assert (await login).status_code == 303


@asynccontextmanager
async def stranger(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """A browser that never signed in; its address comes from X-Forwarded-For per request."""
    transport = httpx.ASGITransport(app=app, client=("192.0.2.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def test_guessing_from_many_addresses_does_not_lock_the_owner_out(
    client: httpx.AsyncClient, backend: Backend, app: Starlette, override_settings: object
) -> None:
    override_settings(login_rate_per_15min=2, trust_forwarded_for=True)  # type: ignore[operator]
    owner = await make_staff("moderator")
    csrf = await sign_in(client, owner)  # the owner's browser signed in before
    assert DEVICE_COOKIE in client.cookies
    await client.post("/staff/logout", data={"csrf_token": csrf})

    # Two guesses from each of six addresses: the account's limit (5 x 2, of which the owner's
    # first sign-in, from a browser not yet known, took one) is spent.
    statuses = []
    async with stranger(app) as attacker:
        for n in range(6):
            for _ in range(2):
                answer = await _login(attacker, owner, "wrong password!!", f"198.51.100.{n}")
                statuses.append(answer.status_code)
        assert statuses == [401] * 9 + [429] * 3
        # Guessing stays refused from any new address, even with the right password.
        fresh = await _login(attacker, owner, PASSWORD, "198.51.100.99")
        assert fresh.status_code == 429

    # The owner's browser, from an address of the attacker's even, is counted on its own.
    mine = await _login(client, owner, PASSWORD, "198.51.100.0")
    assert mine.status_code == 303
    assert (await client.get("/staff")).status_code == 200


async def test_a_known_device_has_a_limit_of_its_own_and_for_its_account_only(
    client: httpx.AsyncClient, backend: Backend, override_settings: object
) -> None:
    """A stolen device cookie gives a thief no more guesses than an address would."""
    override_settings(login_rate_per_15min=2, trust_forwarded_for=True)  # type: ignore[operator]
    owner = await make_staff("moderator")
    other = await make_staff("moderator")
    await sign_in(client, owner)
    statuses = [
        (await _login(client, owner, "wrong password!!", f"203.0.113.{n}")).status_code
        for n in range(3)
    ]
    assert statuses == [401, 401, 429]
    # For another account the cookie counts for nothing: the address's limits apply.
    assert (await _login(client, other, PASSWORD)).status_code == 303
