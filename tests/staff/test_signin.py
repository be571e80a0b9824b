"""Signing in: argon2 runs off the event loop (issue 14 #10)."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher

from tests.conftest import Backend
from tests.staffing import PASSWORD, csrf_from, make_staff


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
