"""Running the real service with uvicorn in a subprocess, for multi-process and browser tests."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import httpx

from tests.conftest import ROOT

# A loaded 2-core machine took 43 s to warm the engine as plain Python, and two workers more
# than 120 s at a load of 17 with three test processes; the deadline is for a hung server, not
# a slow one. Polling returns as soon as it answers.
STARTUP_DEADLINE = 300.0
STOP_GRACE = 30.0
POLL_INTERVAL = 0.2


# uvicorn closes a connection idle for 5 s, and httpx keeps one for 5 s by default: a request
# sent on a pooled connection just as the server closes it fails with "Server disconnected
# without sending a response" (seen once in CI, on a loaded machine). A client of a live server
# lets its idle connections go well before the server does.
CLIENT_KEEPALIVE_SECONDS = 1.0


def live_client(**options: Any) -> httpx.AsyncClient:
    """An httpx client for a server in another process (``options`` as for httpx)."""
    return httpx.AsyncClient(
        limits=httpx.Limits(keepalive_expiry=CLIENT_KEEPALIVE_SECONDS), **options
    )


def live_sync_client(**options: Any) -> httpx.Client:
    """The same, blocking (for tests that drive a server from plain code or a thread)."""
    return httpx.Client(limits=httpx.Limits(keepalive_expiry=CLIENT_KEEPALIVE_SECONDS), **options)


def uvicorn_command(port: int, *extra: str, app: str = "stories_service.asgi:app") -> list[str]:
    """One uvicorn worker serving ``app`` on 127.0.0.1:``port`` (tests and benchmarks)."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        app,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        *extra,
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def local_url(port: int) -> str:
    return f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def spawned_server(
    command: list[str],
    port: int,
    env: dict[str, str] | None = None,
    *,
    ready_path: str = "/readyz",
    deadline: float = STARTUP_DEADLINE,
    output: IO[bytes] | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """Start a server process, wait until ``GET ready_path`` on ``port`` answers 200, yield the
    process, and always reap it (see ``spawned_servers``). Its output goes to ``output`` when
    given (a test that reads what the server logged)."""
    servers = spawned_servers(
        [(command, port)],
        env,
        ready_path=ready_path,
        deadline=deadline,
        outputs=[output] if output is not None else None,
    )
    with servers as [process]:
        yield process


@contextlib.contextmanager
def spawned_servers(
    servers: Sequence[tuple[list[str], int]],
    env: dict[str, str] | None = None,
    *,
    ready_path: str = "/readyz",
    deadline: float = STARTUP_DEADLINE,
    outputs: Sequence[IO[bytes]] | None = None,
    envs: Sequence[dict[str, str]] | None = None,
) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Start each (command, port) at once, wait until ``GET ready_path`` answers 200 on every
    port, yield the processes, and always reap them, whatever happens in the block (a failed
    test too): SIGTERM, then SIGKILL to the whole process group (uvicorn's workers too), then
    wait.

    The one way tests and benchmarks start servers. ``/readyz`` (the default) is what a load
    balancer waits for: the redaction engine is warm. Each server's output goes to a temporary
    file (a pipe nobody reads would fill and stall it), shown when it fails to start. ``envs``
    gives each server its own environment (several hosts: own data folder, own base URL).
    """
    give_up = time.monotonic() + deadline
    with contextlib.ExitStack() as stack:
        started = []
        for index, (command, port) in enumerate(servers):
            output = (
                outputs[index]
                if outputs is not None
                else stack.enter_context(tempfile.TemporaryFile())
            )
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=envs[index] if envs is not None else env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, reaped as one
            )
            stack.callback(_stop, process)  # runs before its output file is closed
            started.append((process, port, output))
        for process, port, output in started:
            _wait_until_answering(process, local_url(port) + ready_path, give_up, output)
        yield [process for process, _, _ in started]


def _wait_until_answering(
    process: subprocess.Popen[bytes], url: str, give_up: float, output: IO[bytes]
) -> None:
    with httpx.Client(timeout=5) as http:
        while time.monotonic() < give_up:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited ({process.returncode}):\n{_tail(output)}")
            try:
                if http.get(url).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(POLL_INTERVAL)
    raise RuntimeError(f"{url} did not answer 200 in time:\n{_tail(output)}")


def _tail(output: IO[bytes]) -> str:
    output.seek(0)
    return output.read()[-4000:].decode(errors="replace")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_GRACE)
        except subprocess.TimeoutExpired:
            # Before the leader is reaped its id cannot be reused: the group is still ours.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


@contextlib.contextmanager
def running_service(
    database_url: str,
    data_dir: Path,
    *,
    workers: int = 1,
    ready_path: str = "/readyz",
    **env: str,
) -> Iterator[str]:
    """Serve the app on 127.0.0.1 with ``stories-service serve``; yields the base URL once
    ``ready_path`` answers (``/healthz`` for tests that need no warm redaction engine)."""
    port = free_port()
    base_url = local_url(port)
    environment = {
        **os.environ,
        "STORIES_ENV": "test",
        "DATABASE_URL": database_url,
        "STORIES_DATA_DIR": str(data_dir),
        "STORIES_BASE_URL": base_url,
        "STORIES_BACKGROUND_JOBS": "false",
        "STORIES_SUBMIT_RATE_PER_HOUR": "100000",
        "STORIES_RECEIPT_RATE_PER_15MIN": "100000",
        "STORIES_LOGIN_RATE_PER_15MIN": "100000",
        **env,
    }
    command = [sys.executable, "-m", "stories_service.cli", "serve", "--port", str(port)]
    with spawned_server(
        [*command, "--workers", str(workers)], port, environment, ready_path=ready_path
    ):
        yield base_url


def run_cli(
    database_url: str,
    data_dir: Path,
    *args: str,
    stdin: str | None = None,
    timeout: float = STARTUP_DEADLINE,
) -> subprocess.CompletedProcess[str]:
    """Run ``stories-service ARGS`` in a child process against ``database_url``."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "STORIES_DATA_DIR": str(data_dir),
        "STORIES_ENV": "test",
    }
    return subprocess.run(
        [sys.executable, "-m", "stories_service.cli", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        check=False,
    )
