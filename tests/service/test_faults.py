"""Faults on loopback, with a PostgreSQL server of the test's own: restarted under a submission
load, and slowed down by a lock held for seconds. Every request is bounded by a client timeout,
so a hang fails the test instead of stalling it.

The service is one real ``stories-service serve`` process for the module; the server and it are
always reaped. (A worker killed in the middle of a job: ``test_faults_sigkill.py``.)
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from tortoise.exceptions import TransactionManagementError

from stories_service.db.unavailable import database_unavailable
from stories_service.settings import new_encryption_key
from tests.conftest import valid_submission
from tests.private_postgres import PrivatePostgres, private_postgres
from tests.servers import free_port, live_client, local_url, spawned_server

pytestmark = pytest.mark.postgres_only

# Bounds, not performance figures: a request that takes longer than this has hung.
CLIENT_TIMEOUT = 20.0
STATEMENT_TIMEOUT = 2  # seconds (STORIES_DB_STATEMENT_TIMEOUT of the service under test)
CLIENTS = 3
SUBMISSIONS_PER_CLIENT = 6


@pytest.fixture(scope="module")
def pg() -> Iterator[PrivatePostgres]:
    try:
        with private_postgres() as server:
            yield server
    except LookupError as missing:
        if os.environ.get("STORIES_REQUIRE_POSTGRES") == "1":
            pytest.fail(str(missing))
        pytest.skip(str(missing))


def service_env(pg: PrivatePostgres, data_dir: Path, port: int, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "STORIES_ENV": "test",
        "DATABASE_URL": pg.url,
        "STORIES_DATA_DIR": str(data_dir),
        "STORIES_BASE_URL": local_url(port),
        "STORIES_SECRET_KEY": "fault-test-secret-" + "f" * 32,
        "STORIES_ENCRYPTION_KEY": new_encryption_key(),
        "STORIES_BACKGROUND_JOBS": "false",
        "STORIES_SUBMIT_RATE_PER_HOUR": "100000",
        "STORIES_RECEIPT_RATE_PER_15MIN": "100000",
        "STORIES_DB_STATEMENT_TIMEOUT": str(STATEMENT_TIMEOUT),
        **extra,
    }


def serve_command(port: int) -> list[str]:
    return [sys.executable, "-m", "stories_service.cli", "serve", "--port", str(port)]


@pytest.fixture(scope="module")
def service(pg: PrivatePostgres, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One service on the private server. Submissions need no warm engine: /healthz will do
    (``serve`` migrates before it opens the port)."""
    port = free_port()
    env = service_env(pg, tmp_path_factory.mktemp("fault-data"), port)
    log = tmp_path_factory.mktemp("fault-log") / "service.log"
    with (
        log.open("w+b") as output,
        spawned_server(serve_command(port), port, env, ready_path="/healthz", output=output),
    ):
        yield local_url(port)
    # What the service logged: warnings about the outage, never an unhandled error.
    logged = log.read_text(errors="replace")
    assert "unhandled" not in logged, logged[-3000:]


def _wrapped(error: BaseException) -> BaseException:
    """``error`` as the ORM raises it: the driver's error as the cause of its own."""
    try:
        try:
            raise error
        except BaseException as cause:
            raise TransactionManagementError("wrapped") from cause
    except TransactionManagementError as wrapper:
        return wrapper


@pytest.mark.parametrize(
    ("error", "unavailable"),
    [
        (asyncpg.QueryCanceledError("statement timeout"), True),
        (asyncpg.ConnectionDoesNotExistError("closed"), True),
        (asyncpg.CannotConnectNowError("starting up"), True),
        (ConnectionRefusedError(), True),
        (sqlite3.OperationalError("database is locked"), False),  # no error code: not busy
        (asyncpg.UndefinedTableError("no such table"), False),  # a bug stays a 500
        (asyncpg.InterfaceError("another operation is in progress"), False),
        (BrokenPipeError(), False),
        (ValueError("x"), False),
    ],
)
def test_what_counts_as_the_database_being_unavailable(
    error: BaseException, unavailable: bool
) -> None:
    assert database_unavailable(error) is unavailable
    assert database_unavailable(_wrapped(error)) is unavailable


async def _submission_rows(pg: PrivatePostgres) -> list[str]:
    connection = await asyncpg.connect(pg.url)
    try:
        return [str(row["id"]) for row in await connection.fetch("SELECT id FROM submissions")]
    finally:
        await connection.close()


def _assert_clear_503(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert int(response.headers["retry-after"]) > 0
    assert response.json()["error"]["code"] == "database_unavailable"


async def test_postgres_restarted_under_load_loses_no_acknowledged_submission(
    pg: PrivatePostgres, service: str
) -> None:
    before = set(await _submission_rows(pg))
    acknowledged: dict[str, str] = {}  # Idempotency-Key -> id
    statuses: list[int] = []
    enough = asyncio.Event()

    async def one_client(http: httpx.AsyncClient, n: int) -> None:
        """Send submissions one after another; a 503 is retried with the same key (what the
        Retry-After asks for, sooner) until it goes through, at most 60 tries (a bound)."""
        for i in range(SUBMISSIONS_PER_CLIENT):
            key = str(uuid.uuid4())
            body = valid_submission(title=f"Restart story {n}-{i}")
            for _ in range(60):
                response = await http.post(
                    "/api/v1/submissions", json=body, headers={"Idempotency-Key": key}
                )
                statuses.append(response.status_code)
                if response.status_code == 201:
                    acknowledged[key] = response.json()["id"]
                    break
                _assert_clear_503(response)
                await asyncio.sleep(0.25)
            assert key in acknowledged, "the service did not recover"
            if len(acknowledged) >= 4:
                enough.set()

    async def restart_postgres() -> None:
        await enough.wait()
        await asyncio.to_thread(pg.stop)  # fast shutdown: every session is ended
        await asyncio.sleep(1.0)  # clients keep sending to a database that is not there
        await asyncio.to_thread(pg.start)

    async with live_client(base_url=service, timeout=CLIENT_TIMEOUT) as http:
        restarter = asyncio.create_task(restart_postgres())
        await asyncio.gather(*[one_client(http, n) for n in range(CLIENTS)])
        await restarter

    # No 500 and no hang (the client timeout), the outage was seen, and the service (the same
    # process: the module's fixture checks it never died) recovered by itself.
    assert set(statuses) <= {201, 503}, statuses
    assert 503 in statuses
    rows = await _submission_rows(pg)
    new_rows = [row for row in rows if row not in before]
    assert sorted(new_rows) == sorted(acknowledged.values())  # none lost, none twice
    print(
        f"\n{len(acknowledged)} submissions across a PostgreSQL restart: "
        f"{statuses.count(503)} answers were 503 (retried with the same key), none lost"
    )


async def test_a_slow_database_answers_503_in_bounded_time_and_healthz_stays_fast(
    pg: PrivatePostgres, service: str
) -> None:
    blocker = await asyncpg.connect(pg.url)
    try:
        transaction = blocker.transaction()
        await transaction.start()
        await blocker.execute("LOCK TABLE submissions IN ACCESS EXCLUSIVE MODE")
        started = time.monotonic()
        async with live_client(base_url=service, timeout=CLIENT_TIMEOUT) as http:
            submission = asyncio.create_task(
                http.post("/api/v1/submissions", json=valid_submission())
            )
            await asyncio.sleep(0.5)  # the submission now waits for the lock
            health = await http.get("/healthz", timeout=2.0)  # liveness: no database involved
            assert health.status_code == 200
            assert not submission.done()
            response = await submission
            waited = time.monotonic() - started
            _assert_clear_503(response)
            await transaction.rollback()
            again = await http.post("/api/v1/submissions", json=valid_submission())
            assert again.status_code == 201, again.text
    finally:
        await blocker.close()
    print(f"\na submission behind a held lock: 503 after {waited:.1f} s")
