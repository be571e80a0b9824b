"""Shared fixtures: one app per database backend per session, emptied between tests.

The database comes from STORIES_TEST_BACKEND: ``sqlite`` (the default) or ``postgres`` (a fresh
database on the local server, dropped afterwards). ``make test`` runs the whole suite on SQLite,
then every test marked ``db`` (any test that touches the database), browser tests apart, again
on PostgreSQL, in a second process: Tortoise keeps per-process state that does not survive
switching backends.
On PostgreSQL, a server that does not answer skips the run, unless STORIES_REQUIRE_POSTGRES=1
(as in CI), where it fails instead.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import asyncpg
import httpx
import pytest
from starlette.applications import Starlette
from tortoise import connections

from stories_service.app import create_app
from stories_service.db.lifecycle import apply_migrations
from stories_service.runtime import Runtime
from stories_service.settings import Settings, load_settings, new_encryption_key

# tests.hang_report: a hung test shows where its asyncio tasks wait; tests.old_database: the
# migration tests' database at an earlier migration.
pytest_plugins = ["tests.hang_report", "tests.old_database"]

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = ROOT / "tests" / "data"
ARTIFACTS = ROOT / "test-artifacts"
PG_ADMIN_URL = os.environ.get(
    "STORIES_TEST_PG_ADMIN", "postgres://postgres@127.0.0.1:5432/postgres"
)
# Kept between tests: the migrations, and the change counters, which in the service only ever
# grow; emptying the tables is a change, so each counter moves on instead (see
# empty_all_tables). Emptied, their values repeated from one test to the next, and a server
# started beside the tests (a session's `live_server`) could keep a page it rendered while it
# still held the last test's value, once the counter came back to that value ("an unpublished
# story served for 60 s", seen once in CI on 2026-12-07).
_KEEP_TABLES = {"tortoise_migrations", "sqlite_sequence", "change_counters"}
_MOVE_COUNTERS = "UPDATE change_counters SET value = value + 1;"
# Every service the tests start, in this process or as a child (which inherits the variable),
# keeps the redaction engine's gazetteer in one folder of the run: only the first start builds
# it. Tests about that cache, and the several-hosts tests (no shared files), give their own.
os.environ.setdefault("STORIES_CACHE_DIR", str(ARTIFACTS / "cache"))
# Most servers the tests start never redact: they leave the engine's warm-up (about 8 s of CPU
# each) to a first use that never comes. Those whose tests redact through them, and the tests
# of the warm-up itself, ask for the default (STORIES_REDACTION_WARM_UP=start).
os.environ.setdefault("STORIES_REDACTION_WARM_UP", "first_use")


@dataclass
class Backend:
    name: str
    database_url: str
    sqlite_path: Path | None = None
    pg_database: str | None = None


def _postgres_answers() -> bool:
    async def probe() -> bool:
        try:
            conn = await asyncpg.connect(PG_ADMIN_URL, timeout=3)
        except (TimeoutError, OSError, asyncpg.PostgresError):
            return False
        await conn.close()
        return True

    return asyncio.run(probe())


@pytest.fixture(scope="session")
def postgres_available() -> bool:
    if BACKEND != "postgres":
        return False
    available = _postgres_answers()
    if not available and os.environ.get("STORIES_REQUIRE_POSTGRES") == "1":
        pytest.fail("STORIES_REQUIRE_POSTGRES=1 but PostgreSQL does not answer on 127.0.0.1:5432")
    return available


async def create_pg_database() -> tuple[str, str]:
    name = f"hs_test_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(PG_ADMIN_URL)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    return name, f"{base}/{name}"


async def drop_pg_database(name: str) -> None:
    conn = await asyncpg.connect(PG_ADMIN_URL)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def make_settings(data_dir: Path, database_url: str, **overrides: object) -> Settings:
    env = {
        "STORIES_ENV": "test",
        "STORIES_DATA_DIR": str(data_dir),
        "STORIES_CACHE_DIR": os.environ["STORIES_CACHE_DIR"],
        "DATABASE_URL": database_url,
        "STORIES_SECRET_KEY": "test-secret-key-" + "x" * 32,
        "STORIES_ENCRYPTION_KEY": new_encryption_key(),
        "STORIES_BASE_URL": "http://testserver",
        "STORIES_SUBMIT_RATE_PER_HOUR": "100000",
        "STORIES_RECEIPT_RATE_PER_15MIN": "100000",
        "STORIES_LOGIN_RATE_PER_15MIN": "100000",
        "STORIES_MIGRATE_ON_START": "false",
        "STORIES_BACKGROUND_JOBS": "false",
        # The tests' webhook receivers listen on loopback, which webhooks may reach only when
        # allowed; tests/publishing/test_webhook_targets.py shows them refused without this.
        "STORIES_WEBHOOK_ALLOW_NETWORKS": "127.0.0.0/8,::1/128",
    }
    return load_settings(env).with_overrides(**overrides)


BACKEND = os.environ.get("STORIES_TEST_BACKEND", "sqlite")


def pytest_report_header() -> str:
    return f"database backend: {BACKEND}"


# The tests that take longest, started first so that no test process starts one while the others
# run out of work. The figures are rough seconds per test on a quiet 2-core machine (a third of
# a loaded run's `--durations` of 2026-12-07, the PostgreSQL ones from CI): only their sizes
# relative to each other matter. A key naming a whole module keeps its tests in one process
# (they share a module-scoped fixture that is costly to build, e.g. a built wheel); any other
# key is one test or a group of parametrised tests, dealt out over the processes. A test that
# is not listed runs in its usual place.
SLOW_TESTS: dict[str, float] = {
    "tests/service/test_seed_demo_beside_server.py": 50,
    "tests/service/test_fast_start.py": 36,
    "tests/protection/test_api_fuzz.py::test_the_api_keeps_its_documented_contract[negative]": 36,
    "tests/protection/test_api_fuzz.py::test_the_api_keeps_its_documented_contract[positive]": 21,
    "tests/publishing/test_api_docs_browser.py::": 6,
    "tests/publishing/test_accessibility_survivor.py::": 20,
    "tests/deploy/test_installed_wheel.py": 20,
    "tests/service/test_rekey.py::test_rekey_while_serving_then_the_old_key_goes": 28,
    "tests/publishing/test_publisher.py::test_several_processes_publish_each_due_story_once": 28,
    "tests/service/test_backup_restore.py::test_restore_drill_brings_back_data": 18,
    "tests/service/test_multi_host.py::test_the_lifecycle_across_hosts_runs_each_job_once": 35,
    "tests/service/test_faults_sigkill.py": 32,
    "tests/service/test_log_canary.py::test_a_whole_lifecycle_logs_json_lines": 12,
    "tests/service/test_metrics.py::test_several_workers_report_the_same_sums": 12,
    "tests/protection/test_xss_corpus.py::test_every_vector_is_inert_on_every_surface": 11,
    "tests/staff/test_cli_passwords.py::test_reset_password_from_standard_input": 11,
    "tests/service/test_access_log.py": 10,
    "tests/service/test_encrypting_migration.py::test_0004_encrypts_what_earlier_releases": 10,
    "tests/publishing/test_mirror.py": 9,
    "tests/intake/test_submit_draft_browser.py": 4,
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "backend" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.db)
    # Soak variants run only when the marker expression names them (`-m soak`).
    if "soak" not in (config.option.markexpr or ""):
        kept = [item for item in items if item.get_closest_marker("soak") is None]
        if len(kept) != len(items):
            config.hook.pytest_deselected(items=[i for i in items if i not in kept])
            items[:] = kept


# After pytest's own reordering and the `-m` selection.
@pytest.hookimpl(trylast=True, specname="pytest_collection_modifyitems")
def pytest_collection_modifyitems_slow_first(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """The slow tests of SLOW_TESTS first in each test process's share.

    ``make test`` runs pytest-xdist with ``--dist worksteal``: the collection is cut into one
    contiguous block per process (process i gets ``remaining // (processes - i)`` items), and a
    process that runs out takes half of what another has left. The slow tests are dealt out to
    the blocks by their expected time (longest first, each to the block with the least so far)
    and put at each block's start, the other tests following in their order. Every process
    collects the same items and computes the same order, as xdist requires."""
    workers = int(getattr(config, "workerinput", {}).get("workercount", 1))
    units: dict[str, list[int]] = {}
    weight: dict[str, float] = {}
    for index, item in enumerate(items):
        key = next((k for k in SLOW_TESTS if item.nodeid.startswith(k)), None)
        if key is None or (BACKEND != "postgres" and item.get_closest_marker("postgres_only")):
            continue  # (a PostgreSQL-only test is skipped at once on SQLite)
        unit = key if key.endswith(".py") else item.nodeid
        units.setdefault(unit, []).append(index)
        weight[unit] = weight.get(unit, 0.0) + SLOW_TESTS[key]
    if not units:
        return
    shares: list[list[int]] = [[] for _ in range(workers)]
    loads = [0.0] * workers
    for unit in sorted(units, key=lambda u: (-weight[u], u)):
        least = loads.index(min(loads))
        shares[least] += units[unit]
        loads[least] += weight[unit]
    slow = {index for share in shares for index in share}
    rest = iter([item for index, item in enumerate(items) if index not in slow])
    ordered: list[pytest.Item] = []
    remaining = len(items)
    for n, share in enumerate(shares):
        size = remaining // (workers - n)
        block = [items[index] for index in sorted(share)]
        block += islice(rest, max(size - len(block), 0))
        ordered += block
        remaining -= len(block)
    ordered += list(rest)
    assert len(ordered) == len(items)
    items[:] = ordered


@pytest.fixture(scope="session")
async def backend(
    tmp_path_factory: pytest.TempPathFactory, postgres_available: bool
) -> AsyncIterator[Backend]:
    if BACKEND == "sqlite":
        path = tmp_path_factory.mktemp("sqlite") / "stories.sqlite3"
        backend = Backend("sqlite", f"sqlite://{path}", sqlite_path=path)
        await apply_migrations(backend.database_url)
        yield backend
        return
    if not postgres_available:
        pytest.skip("PostgreSQL does not answer on 127.0.0.1:5432")
    name, url = await create_pg_database()
    backend = Backend("postgres", url, pg_database=name)
    await apply_migrations(url)
    try:
        yield backend
    finally:
        await drop_pg_database(name)


@pytest.fixture(scope="session")
async def app(
    backend: Backend, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Starlette]:
    settings = make_settings(tmp_path_factory.mktemp("data"), backend.database_url)
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


async def empty_all_tables() -> None:
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        rows = await connection.execute_query_dict(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        )
        tables = [r["tablename"] for r in rows if r["tablename"] not in _KEEP_TABLES]
        sequences = await connection.execute_query_dict(
            "SELECT sequence_name FROM information_schema.sequences"
            " WHERE sequence_schema = 'public' AND sequence_name <> 'tortoise_migrations_id_seq'"
        )
        # DELETE, not TRUNCATE: truncating 19 tables gives each new files on disk, 0.4-0.5 s
        # per test on a loaded machine against about 15 ms for this. As with TRUNCATE, no row
        # trigger fires (the replica role), so the order of the tables does not matter.
        await connection.execute_script(
            "BEGIN; SET LOCAL session_replication_role = replica;"
            + "".join(f'DELETE FROM "{t}";' for t in tables)
            + "".join(f'ALTER SEQUENCE "{r["sequence_name"]}" RESTART;' for r in sequences)
            + _MOVE_COUNTERS
            + "COMMIT;"
        )
        return
    rows = await connection.execute_query_dict(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
    )
    tables = [r["name"] for r in rows if r["name"] not in _KEEP_TABLES]
    script = "PRAGMA foreign_keys = OFF;" + "".join(f'DELETE FROM "{t}";' for t in tables)
    await connection.execute_script(script + _MOVE_COUNTERS + "PRAGMA foreign_keys = ON;")


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to the app in-process, on a freshly emptied database."""
    await empty_all_tables()
    runtime: Runtime = app.state.runtime
    original = runtime.settings
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http
    runtime.settings = original


@pytest.fixture
def runtime(app: Starlette) -> Runtime:
    return app.state.runtime


@pytest.fixture
def override_settings(runtime: Runtime) -> Iterator[object]:
    """Call with keyword settings to change them for one test (restored by ``client``)."""

    def apply(**changes: object) -> Settings:
        runtime.settings = runtime.settings.with_overrides(**changes)
        return runtime.settings

    yield apply


def valid_submission(**changes: object) -> dict[str, object]:
    """A valid JSON submission; keyword arguments replace top-level fields."""
    body: dict[str, object] = {
        "title": "The garden on the fourth floor",
        "body": "When I arrived I could not sleep. Now the balcony is full of mint.",
        "language": "en",
        "consent": {
            "publish": True,
            "attribution": "anonymous",
            "display_name": None,
            "review_before_publish": True,
            "syndicate": True,
            "languages": ["en"],
        },
        "never_appear": [],
        "contact": None,
    }
    body.update(changes)
    return body
