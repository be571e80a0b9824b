"""Stopping `serve` (SIGTERM, as systemd does): requests in progress get
STORIES_SHUTDOWN_GRACE_SECONDS to finish, then the server stops all the same, jobs and all.
A client that never finishes sending its body must not hold the stop until the service
manager's SIGKILL."""

from __future__ import annotations

import os
import signal
import socket
import sys
import time
from pathlib import Path

from tests.servers import free_port, spawned_server

STOP_BOUND_SECONDS = 120.0  # a hang, not a measurement: the grace is 1 s here


def test_a_request_that_never_ends_does_not_hold_the_stop(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "STORIES_ENV": "test",
        "STORIES_DATA_DIR": str(tmp_path / "data"),
        "STORIES_BACKGROUND_JOBS": "true",
        "STORIES_SHUTDOWN_GRACE_SECONDS": "1",
    }
    command = [sys.executable, "-m", "stories_service.cli", "serve", "--port", str(port)]
    with (
        (tmp_path / "serve.log").open("w+b") as output,
        spawned_server(command, port, env, ready_path="/healthz", output=output) as process,
        socket.create_connection(("127.0.0.1", port)) as slow,
    ):
        # A JSON submission whose body stops after 2 of its 1,000 bytes: the app waits for it.
        slow.sendall(
            b"POST /api/v1/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"'
        )
        time.sleep(1.0)  # the request reaches the app (no assertion depends on this pause)
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=STOP_BOUND_SECONDS)
        output.seek(0)
        log = output.read().decode(errors="replace")
    assert code in (0, -signal.SIGTERM), log  # uvicorn ends by the signal it was stopped with
    assert "Finished server process" in log, log
