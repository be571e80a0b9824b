"""Throttles live in the database: two server processes on one database share every count.
Guessed and brute-forced receipt codes: the same answer for unknown, wrong and malformed codes,
a constant-time comparison, and a limit on wrong codes per address (the right code still opens)."""

from __future__ import annotations

import asyncio
import hmac
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from stories_service.models import Submission
from stories_service.receipt import codes
from stories_service.receipt import service as receipt_service
from stories_service.settings import new_encryption_key
from tests.conftest import Backend, valid_submission
from tests.protection.factories import submit
from tests.servers import free_port, live_client, local_url, spawned_servers, uvicorn_command
from tests.staffing import PASSWORD, csrf_from, make_staff

# The counts are kept in windows aligned to the clock (15 minutes; an hour is four of them):
# a test whose requests straddle a window's end would see the count start again.
WINDOW_SECONDS = 15 * 60
MARGIN_SECONDS = 90


async def _clear_of_a_window_edge() -> None:
    left = WINDOW_SECONDS - time.time() % WINDOW_SECONDS
    if left < MARGIN_SECONDS:
        await asyncio.sleep(left + 1)


@pytest.fixture
async def two_servers(
    client: httpx.AsyncClient, backend: Backend, tmp_path: Path
) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    """Two uvicorn processes serving the same (freshly emptied) database, tight limits."""
    env = {
        **os.environ,
        "STORIES_ENV": "test",
        "STORIES_DATA_DIR": str(tmp_path),
        "DATABASE_URL": backend.database_url,
        "STORIES_SECRET_KEY": "throttle-test-secret-" + "t" * 32,
        "STORIES_ENCRYPTION_KEY": new_encryption_key(),
        "STORIES_SUBMIT_RATE_PER_HOUR": "3",
        "STORIES_RECEIPT_RATE_PER_15MIN": "4",
        "STORIES_LOGIN_RATE_PER_15MIN": "4",
        "STORIES_MIGRATE_ON_START": "false",
        "STORIES_BACKGROUND_JOBS": "false",
    }
    ports = [free_port(), free_port()]
    with spawned_servers(
        [(uvicorn_command(port), port) for port in ports], env, ready_path="/healthz"
    ):
        await _clear_of_a_window_edge()
        async with (
            live_client(base_url=local_url(ports[0]), timeout=30) as a,
            live_client(base_url=local_url(ports[1]), timeout=30) as b,
        ):
            yield a, b


async def test_code_lookups_are_counted_across_two_processes(two_servers) -> None:
    a, b = two_servers
    answers = []
    for i in range(6):
        server = a if i % 2 == 0 else b
        answers.append(
            await server.post("/api/v1/receipt/status", json={"receipt_code": codes.new_code()})
        )
    assert [r.status_code for r in answers] == [404, 404, 404, 404, 429, 429]
    for refused in answers[4:]:
        assert int(refused.headers["retry-after"]) > 0
        assert refused.json()["error"]["code"] == "throttled"
    # Withdrawal and export look codes up too, and share the same count.
    withdraw = await a.post("/api/v1/receipt/withdraw", json={"receipt_code": codes.new_code()})
    export = await b.post("/api/v1/receipt/export", json={"receipt_code": codes.new_code()})
    assert withdraw.status_code == export.status_code == 429


async def test_submissions_are_counted_across_two_processes(two_servers) -> None:
    a, b = two_servers
    statuses = []
    for server in (a, b, a, b):
        response = await server.post("/api/v1/submissions", json=valid_submission())
        statuses.append(response.status_code)
    assert statuses == [201, 201, 201, 429]
    assert "retry-after" in response.headers


async def test_logins_are_counted_across_two_processes(two_servers) -> None:
    a, b = two_servers
    admin = await make_staff("admin")
    page = await a.get("/staff/login")  # the CSRF cookie and token, valid on both servers
    token = csrf_from(page.text)
    b.cookies.set("hs_staff", a.cookies["hs_staff"])
    answers = []
    for i in range(6):
        server = a if i % 2 == 0 else b
        form = {"email": admin.email, "password": "wrong password", "csrf_token": token}
        answers.append(await server.post("/staff/login", data=form))
    assert [r.status_code for r in answers] == [401, 401, 401, 401, 429, 429]
    assert int(answers[-1].headers["retry-after"]) > 0
    right = {"email": admin.email, "password": PASSWORD, "csrf_token": token}
    assert (await b.post("/staff/login", data=right)).status_code == 429


async def test_wrong_unknown_and_malformed_codes_answer_alike_everywhere(
    client: httpx.AsyncClient,
) -> None:
    story = await submit(client)
    words = story.receipt_code.split()
    wrong = " ".join([*words[:-1], "zebra" if words[-1] != "zebra" else "apple"])
    for path in ("/api/v1/receipt/withdraw", "/api/v1/receipt/export"):
        answers = set()
        for raw in (wrong, codes.new_code(), "definitely not a code", "0000 " * 6):
            response = await client.post(path, json={"receipt_code": raw})
            answers.add((response.status_code, response.text))
        assert len(answers) == 1, path
        assert next(iter(answers))[0] == 404
    pages = set()
    for raw in (wrong, codes.new_code(), "definitely not a code"):
        response = await client.post("/my-story/withdraw", data={"receipt_code": raw})
        pages.add((response.status_code, response.text))
    assert len(pages) == 1
    assert next(iter(pages))[0] == 404


async def test_code_comparison_is_constant_time(client: httpx.AsyncClient, monkeypatch) -> None:
    story = await submit(client)
    compared: list[tuple[str, str]] = []
    real = hmac.compare_digest

    def spy(a: str, b: str) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(receipt_service.hmac, "compare_digest", spy)
    response = await client.post(
        "/api/v1/receipt/export", json={"receipt_code": story.receipt_code}
    )
    assert response.status_code == 200
    assert len(compared) == 1
    stored, typed = compared[0]
    assert stored == typed and len(stored) == 64  # keyed hashes, never the code itself
    assert story.receipt_code not in stored


async def test_a_brute_force_past_the_limit_gets_one_answer_for_every_wrong_code(
    client: httpx.AsyncClient, override_settings
) -> None:
    story = await submit(client)
    override_settings(receipt_rate_per_15min=5)
    guesses = [
        await client.post("/api/v1/receipt/withdraw", json={"receipt_code": codes.new_code()})
        for _ in range(5)
    ]
    assert {g.status_code for g in guesses} == {404}
    words = story.receipt_code.split()
    wrong = " ".join([*words[:-1], "zebra" if words[-1] != "zebra" else "apple"])
    answers = set()
    for raw in (wrong, codes.new_code(), "definitely not a code"):
        response = await client.post("/api/v1/receipt/withdraw", json={"receipt_code": raw})
        assert int(response.headers["retry-after"]) > 0
        answers.add((response.status_code, response.json()["error"]["code"]))
    assert answers == {(429, "throttled")}
    assert (await Submission.get(id=story.id)).state == "submitted"
    # The right code is not a guess: it opens (tests/receipt/test_wrong_codes_counted.py).
    right = await client.post("/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code})
    assert right.status_code == 200
