"""deploy/healing-stories.service: `systemd-analyze verify` finds nothing to say about it, and
its ExecStart= runs as systemd would run it (its Environment= and EnvironmentFile= settings,
KillSignal= and TimeoutStopSec=): the service comes up in production mode and stops cleanly.
The sandboxing directives themselves need a real systemd and are checked by `verify` only."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT
from tests.servers import free_port, spawned_server

UNIT = ROOT / "deploy" / "healing-stories.service"
ENV_EXAMPLE = ROOT / "deploy" / "healing-stories.env.example"
INSTALLED_AT = "/opt/healing-stories/bin/"
STATE_DIR = "/var/lib/healing-stories"


def _directives(text: str) -> dict[str, list[str]]:
    """Key -> values of the [Service] section (systemd allows a key several times)."""
    found: dict[str, list[str]] = {}
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line
            continue
        if section == "[Service]":
            key, _, value = line.partition("=")
            found.setdefault(key, []).append(value)
    return found


def _seconds(value: str) -> float:
    assert value.isdigit(), f"write TimeoutStopSec= in whole seconds, not {value!r}"
    return float(value)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_systemd_analyze_verify_has_nothing_to_say(tmp_path: Path) -> None:
    # verify checks that ExecStart= names an executable: point it at this environment's.
    unit = tmp_path / "healing-stories.service"
    unit.write_text(UNIT.read_text().replace(INSTALLED_AT, f"{Path(sys.executable).parent}/"))
    checked = subprocess.run(
        ["systemd-analyze", "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    about_ours = [line for line in checked.stderr.splitlines() if unit.name in line]
    assert checked.returncode == 0 and not about_ours, checked.stderr


def test_exec_start_serves_in_production_and_stops_on_the_kill_signal(
    tmp_path: Path,
) -> None:
    service = _directives(UNIT.read_text())
    assert service["Restart"] == ["always"]
    command = shlex.split(service["ExecStart"][0])
    assert command[0].startswith(INSTALLED_AT)
    port = free_port()
    command[0] = str(Path(sys.executable).parent / Path(command[0]).name)
    command[command.index("--port") + 1] = str(port)

    environment = {"PATH": os.environ["PATH"]}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            environment[key] = value
    for assignment in service["Environment"]:
        key, _, value = assignment.partition("=")
        environment[key] = value
    state = tmp_path / "state"
    state.mkdir(mode=0o700)
    assert environment["STORIES_DATA_DIR"] == STATE_DIR
    environment |= {
        # What an operator fills in: the example's CHANGE-ME values, for this test.
        "STORIES_DATA_DIR": str(state),
        "DATABASE_URL": f"sqlite://{state / 'stories.sqlite3'}",
        "STORIES_SECRET_KEY": "k" * 64,
        "STORIES_ENCRYPTION_KEY": _new_encryption_key(),
        "STORIES_BASE_URL": f"https://127.0.0.1:{port}",
    }
    assert environment["STORIES_ENV"] == "production"

    with spawned_server(command, port, environment, ready_path="/healthz") as process:
        answer = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=30)
        assert answer.json()["status"] == "ok"
        process.send_signal(getattr(signal, service["KillSignal"][0]))
        returned = process.wait(timeout=_seconds(service["TimeoutStopSec"][0]))
    assert returned == 0


def _new_encryption_key() -> str:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from stories_service.settings import new_encryption_key as k; print(k())",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
