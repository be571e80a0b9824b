"""No client address in what `stories-service serve` writes (issue 14 #13): by default there is
no access log at all; `--access-log` gives one with method, path and status, never an address.

The server is bound to `localhost` and the client connects to 127.0.0.1, so that uvicorn's
"running on" line names `localhost`: any `127.0.0.1` in the output is a client's address.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from pathlib import Path

from tests.conftest import valid_submission
from tests.servers import free_port, live_client, local_url, run_cli, spawned_server
from tests.staffing import PASSWORD, post_login

CLIENT_ADDRESS = "127.0.0.1"


def _serve(tmp_path: Path, *options: str) -> tuple[list[str], int, dict[str, str]]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "stories_service.cli",
        "serve",
        "--host",
        "localhost",
        "--port",
        str(port),
        *options,
    ]
    env = {
        **{name: value for name, value in os.environ.items() if name != "STORIES_BASE_URL"},
        "STORIES_ENV": "test",
        "DATABASE_URL": f"sqlite://{tmp_path / 'stories.sqlite3'}",
        "STORIES_DATA_DIR": str(tmp_path),
        "STORIES_BACKGROUND_JOBS": "false",
    }
    return command, port, env


async def _lifecycle(base_url: str, tmp_path: Path) -> None:
    """What survivors, readers and staff do: submit, check the receipt, read the feeds, sign in
    to the console, and a few requests that go wrong."""
    staff = run_cli(
        f"sqlite://{tmp_path / 'stories.sqlite3'}",
        tmp_path,
        "create-staff",
        "--email",
        "logs@example.org",
        "--role",
        "moderator",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert staff.returncode == 0, staff.stderr
    async with live_client(base_url=base_url, timeout=30) as http:
        created = await http.post("/api/v1/submissions", json=valid_submission())
        assert created.status_code == 201, created.text
        code = created.json()["receipt_code"]
        assert (await http.post("/my-story", data={"receipt_code": code})).status_code == 200
        feed = await http.get("/feed.json")
        assert feed.status_code == 200
        # No STORIES_BASE_URL: the base URL follows serve's host and port (issue 17 #7).
        port = base_url.rsplit(":", 1)[1]
        assert feed.json()["feed_url"].startswith(f"http://localhost:{port}/")
        assert (await http.get("/api/v1/stories", params={"language": "en"})).status_code == 200
        assert (await http.get("/no-such-page")).status_code == 404
        signed_in = await post_login(http, "logs@example.org", PASSWORD)
        assert signed_in.status_code == 303, signed_in.text
        assert (await http.get("/staff")).status_code == 200


def _websocket_upgrade(port: int) -> None:
    """uvicorn logs WebSocket handshakes with the client's address; the service has none."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as raw:
        raw.sendall(
            b"GET /feed.json HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\n"
            b"Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
        )
        assert raw.recv(4096)  # an answer, whatever it is


async def _served_output(tmp_path: Path, *options: str) -> str:
    command, port, env = _serve(tmp_path, *options)
    with tempfile.TemporaryFile() as output:
        with spawned_server(command, port, env, ready_path="/healthz", output=output):
            await _lifecycle(local_url(port), tmp_path)
            _websocket_upgrade(port)
        output.seek(0)
        return output.read().decode(errors="replace")


async def test_serve_writes_no_client_address_by_default(tmp_path: Path) -> None:
    logged = await _served_output(tmp_path)
    assert "Uvicorn running on http://localhost" in logged  # the output was captured
    assert CLIENT_ADDRESS not in logged, logged
    assert "/api/v1/submissions" not in logged  # no access log at all


async def test_the_access_log_holds_requests_without_addresses_or_query_strings(
    tmp_path: Path,
) -> None:
    logged = await _served_output(tmp_path, "--access-log")
    assert '"POST /api/v1/submissions HTTP/1.1" 201' in logged, logged
    assert '"GET /no-such-page HTTP/1.1" 404' in logged
    assert '"GET /api/v1/stories HTTP/1.1" 200' in logged
    assert CLIENT_ADDRESS not in logged, logged
    assert "language=en" not in logged
