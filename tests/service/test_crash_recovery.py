"""A real uvicorn process is killed with SIGKILL mid-traffic; every 2xx submission survives."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
from pathlib import Path

import httpx

from stories_service.settings import new_encryption_key
from tests.conftest import ROOT, Backend, valid_submission
from tests.servers import free_port, uvicorn_command


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        uvicorn_command(port),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def wait_until_healthy(base: str, deadline_seconds: float = 30) -> None:
    deadline = time.monotonic() + deadline_seconds
    async with httpx.AsyncClient(base_url=base, timeout=2) as http:
        while time.monotonic() < deadline:
            try:
                if (await http.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError("server did not become healthy")


async def test_sigkill_loses_no_acknowledged_submission(backend: Backend, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "STORIES_ENV": "test",
        "STORIES_DATA_DIR": str(tmp_path),
        "DATABASE_URL": backend.database_url,
        "STORIES_SECRET_KEY": "crash-test-secret-" + "k" * 32,
        "STORIES_ENCRYPTION_KEY": new_encryption_key(),
        "STORIES_SUBMIT_RATE_PER_HOUR": "100000",
        "STORIES_RECEIPT_RATE_PER_15MIN": "100000",
        "STORIES_BACKGROUND_JOBS": "false",
    }
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(env, port)
    acknowledged: list[dict] = []
    enough = asyncio.Event()
    try:
        await wait_until_healthy(base)
        async with httpx.AsyncClient(base_url=base, timeout=5) as http:

            async def submit(i: int) -> None:
                try:
                    response = await http.post(
                        "/api/v1/submissions", json=valid_submission(title=f"Crash story {i}")
                    )
                except httpx.TransportError:
                    return
                if 200 <= response.status_code < 300:
                    acknowledged.append(response.json())
                    if len(acknowledged) >= 15:
                        enough.set()

            async def killer() -> None:
                await enough.wait()
                server.send_signal(signal.SIGKILL)

            await asyncio.gather(killer(), *[submit(i) for i in range(60)])
    finally:
        if server.poll() is None:
            server.kill()
        server.wait(timeout=10)
    assert server.returncode == -signal.SIGKILL
    assert len(acknowledged) >= 15

    restarted = start_server(env, port)
    try:
        await wait_until_healthy(base)
        async with httpx.AsyncClient(base_url=base, timeout=5) as http:
            for created in acknowledged:
                response = await http.post(
                    "/api/v1/receipt/status", json={"receipt_code": created["receipt_code"]}
                )
                assert response.status_code == 200, created["id"]
                assert response.json()["id"] == created["id"]
    finally:
        restarted.terminate()
        restarted.wait(timeout=10)
