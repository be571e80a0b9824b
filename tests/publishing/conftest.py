"""Fixtures for publishing tests: an editor's token, dropped caches, a live uvicorn server, and
Debian's headless Chromium for the browser tests."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser

from stories_service.publishing.serving import page_cache
from tests.browsing import launched_chromium
from tests.conftest import Backend
from tests.servers import free_port, local_url, spawned_server, uvicorn_command


@pytest.fixture(autouse=True)
def _fresh_page_cache(request: pytest.FixtureRequest) -> None:
    # Tables are emptied between tests behind the cache's back; start each test cold.
    if "runtime" in request.fixturenames or "client" in request.fixturenames:
        runtime = request.getfixturevalue("runtime")
        page_cache(runtime).drop()


@pytest.fixture
async def editor_token(client: httpx.AsyncClient) -> str:
    from tests.publishing.factories import staff_token

    return await staff_token("editor")


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    """Debian's Chromium, launched once per module (about 1.3 s of CPU a launch). Each test
    opens its own context (``browser.new_context``): cookies, storage and cache of its own."""
    async with launched_chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def live_server(backend: Backend, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service under uvicorn in its own process, on the test database (read side only)."""
    with serving(backend, tmp_path_factory.mktemp("live")) as url:
        yield url


@contextlib.contextmanager
def serving(backend: Backend, data_dir: Path, **extra_env: str) -> Iterator[str]:
    """The service under uvicorn on the test database; yields its base URL."""
    port = free_port()
    env = {
        **os.environ,
        "STORIES_ENV": "test",
        "STORIES_DATA_DIR": str(data_dir),
        "DATABASE_URL": backend.database_url,
        "STORIES_BASE_URL": local_url(port),
        "STORIES_MIGRATE_ON_START": "false",
        "STORIES_BACKGROUND_JOBS": "false",
        **extra_env,
    }
    with spawned_server(uvicorn_command(port), port, env):
        yield local_url(port)


async def wait_until(condition, deadline: float = 60.0, pause: float = 0.05) -> None:
    """Wait for another process to catch up (its cache follows the change counter); the
    deadline is generous for a loaded machine, and the wait ends as soon as it has."""
    give_up = time.monotonic() + deadline
    while time.monotonic() < give_up:
        if await condition():
            return
        await asyncio.sleep(pause)
    raise AssertionError("condition not reached")
