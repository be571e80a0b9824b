"""A real uvicorn process is killed with SIGKILL mid-traffic; every 2xx submission survives."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import httpx

from stories_service.settings import new_encryption_key
from tests.conftest import Backend, valid_submission
from tests.servers import free_port, live_client, local_url, spawned_server, uvicorn_command


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
    base = local_url(port)
    acknowledged: list[dict] = []
    enough = asyncio.Event()
    with spawned_server(uvicorn_command(port), port, env, ready_path="/healthz") as server:
        async with live_client(base_url=base, timeout=30) as http:

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

            kill = asyncio.create_task(killer())
            await asyncio.gather(*[submit(i) for i in range(60)])
            kill.cancel()  # (never needed unless fewer than 15 were acknowledged)
    assert len(acknowledged) >= 15
    assert server.returncode == -signal.SIGKILL

    with spawned_server(uvicorn_command(port), port, env, ready_path="/healthz"):
        async with live_client(base_url=base, timeout=30) as http:
            for created in acknowledged:
                response = await http.post(
                    "/api/v1/receipt/status", json={"receipt_code": created["receipt_code"]}
                )
                assert response.status_code == 200, created["id"]
                assert response.json()["id"] == created["id"]
