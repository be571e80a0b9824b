"""Running the real service with uvicorn in a subprocess, for multi-process and browser tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from tests.conftest import ROOT


def uvicorn_command(port: int, *extra: str) -> list[str]:
    """One uvicorn worker serving the app on 127.0.0.1:``port`` (tests and benchmarks)."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "stories_service.asgi:app",
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


@contextlib.contextmanager
def running_service(
    database_url: str, data_dir: Path, *, workers: int = 1, **env: str
) -> Iterator[str]:
    """Serve the app on 127.0.0.1 with ``stories-service serve``; yields the base URL."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
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
    log = open(data_dir / f"uvicorn-{port}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "stories_service.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=environment,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(600):
            if process.poll() is not None:
                raise RuntimeError((data_dir / f"uvicorn-{port}.log").read_text())
            try:
                if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        else:
            raise RuntimeError("the service did not start")
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def run_cli(database_url: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
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
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
