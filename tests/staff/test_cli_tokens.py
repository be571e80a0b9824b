"""`stories-service revoke-token` ends an API token."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from tests.conftest import ROOT, Backend
from tests.staffing import make_staff


def _cli(backend: Backend, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": backend.database_url,
        "STORIES_DATA_DIR": str(tmp_path),
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


async def test_revoke_token_by_prefix(
    client: httpx.AsyncClient, backend: Backend, tmp_path: Path
) -> None:
    moderator = await make_staff("moderator")
    assert (await client.get("/api/v1/queue", headers=moderator.headers)).status_code == 200
    done = _cli(backend, tmp_path, "revoke-token", "--prefix", moderator.token[:10])
    assert done.returncode == 0, done.stderr
    assert "revoked 1 token" in done.stdout
    assert (await client.get("/api/v1/queue", headers=moderator.headers)).status_code == 401
    again = _cli(backend, tmp_path, "revoke-token", "--prefix", moderator.token[:10])
    assert again.returncode == 1  # nothing left to revoke
