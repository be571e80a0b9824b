"""A real server answers /healthz as soon as it starts, while the redaction engine warms up in
the background: /readyz says "warming" meanwhile, a request that needs the engine waits for it
without holding up the others, and /readyz turns 200.

Measured by order, not by a stopwatch: the engine takes seconds to warm (tens on a loaded
machine), the port opens before it is done, and everything below happens in that gap.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from tests.conftest import valid_submission
from tests.servers import (
    STARTUP_DEADLINE,
    free_port,
    live_client,
    local_url,
    run_cli,
    spawned_server,
    uvicorn_command,
)
from tests.staffing import PASSWORD


def _admin_token(database_url: str, data_dir: Path) -> str:
    """A fresh database with one admin and an API token (admins need no claim for suggestions)."""
    for args, stdin in (
        (("migrate",), None),
        (
            ("create-staff", "--email", "a@example.org", "--role", "admin", "--password-stdin"),
            PASSWORD,
        ),
    ):
        done = run_cli(database_url, data_dir, *args, stdin=stdin)
        assert done.returncode == 0, done.stderr
    issued = run_cli(database_url, data_dir, "create-token", "--email", "a@example.org")
    assert issued.returncode == 0, issued.stderr
    return issued.stdout.strip()


async def test_health_answers_while_the_engine_warms_and_readiness_follows(
    tmp_path: Path,
) -> None:
    database_url = f"sqlite://{tmp_path / 'stories.sqlite3'}"
    token = _admin_token(database_url, tmp_path)
    port = free_port()
    env = {
        **os.environ,
        "STORIES_ENV": "test",
        "STORIES_DATA_DIR": str(tmp_path),
        "STORIES_CACHE_DIR": str(tmp_path / "cache"),  # empty: the engine is built from scratch
        "STORIES_REDACTION_WARM_UP": "start",  # the default (the tests' servers defer it)
        "DATABASE_URL": database_url,
        "STORIES_BACKGROUND_JOBS": "false",
    }
    started = time.monotonic()
    with spawned_server(uvicorn_command(port), port, env, ready_path="/healthz"):
        assert time.monotonic() - started < STARTUP_DEADLINE / 2  # generous: seconds in fact
        async with live_client(base_url=local_url(port), timeout=STARTUP_DEADLINE) as http:
            # Healthy, not ready yet: the engine is still warming.
            first = await http.get("/readyz")
            assert first.status_code == 503, first.text
            assert int(first.headers["retry-after"]) > 0
            assert first.headers["cache-control"] == "no-store"
            error = first.json()["error"]
            assert error["code"] == "not_ready"
            assert error["checks"] == {"database": "ok", "redaction": "warming"}

            # A request that needs the engine waits for the warm-up, off the event loop: the
            # server keeps answering meanwhile.
            created = await http.post("/api/v1/submissions", json=valid_submission())
            assert created.status_code == 201
            suggestions = asyncio.create_task(
                http.get(
                    f"/api/v1/submissions/{created.json()['id']}/suggestions",
                    headers={"Authorization": f"Bearer {token}"},
                )
            )
            answered_meanwhile = 0
            while not suggestions.done():
                assert (await http.get("/healthz")).status_code == 200
                answered_meanwhile += 0 if suggestions.done() else 1
                await asyncio.sleep(0.1)
            assert (await suggestions).status_code == 200
            assert answered_meanwhile > 0

            # It waited for the warm-up, so the service is ready now.
            ready = await http.get("/readyz")
            assert ready.status_code == 200, ready.text
            assert ready.json() == {
                "status": "ready",
                "checks": {"database": "ok", "redaction": "warm"},
            }

    # The gazetteer built by that start was kept; the next start reads it instead of building
    # it again (a rebuilt copy would be a new file).
    [kept] = (tmp_path / "cache").glob("gazetteer-*.txt")
    first_copy = kept.stat()
    with spawned_server(uvicorn_command(port), port, env, ready_path="/readyz"):
        pass
    assert list((tmp_path / "cache").glob("gazetteer-*.txt")) == [kept]
    again = kept.stat()
    assert (again.st_ino, again.st_mtime_ns) == (first_copy.st_ino, first_copy.st_mtime_ns)
