"""Fixtures for publishing tests: an editor's token, dropped caches, a live uvicorn server."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import time
from collections.abc import Iterator

import httpx
import pytest

from stories_service.publishing.serving import page_cache
from tests.conftest import ROOT, Backend
from tests.servers import uvicorn_command


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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(backend: Backend, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service under uvicorn in its own process, on the test database (read side only)."""
    yield from _serve(backend, tmp_path_factory.mktemp("live"))


def _serve(backend: Backend, data_dir, **extra_env: str) -> Iterator[str]:
    port = _free_port()
    env = {
        **os.environ,
        "STORIES_ENV": "test",
        "STORIES_DATA_DIR": str(data_dir),
        "DATABASE_URL": backend.database_url,
        "STORIES_BASE_URL": f"http://127.0.0.1:{port}",
        "STORIES_MIGRATE_ON_START": "false",
        "STORIES_BACKGROUND_JOBS": "false",
        **extra_env,
    }
    process = subprocess.Popen(
        uvicorn_command(port),
        cwd=ROOT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        else:
            raise RuntimeError("the live server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


async def wait_until(condition, attempts: int = 100, pause: float = 0.05) -> None:
    """Wait for another process to catch up (its cache follows the change counter)."""
    for _ in range(attempts):
        if await condition():
            return
        await asyncio.sleep(pause)
    raise AssertionError("condition not reached")
