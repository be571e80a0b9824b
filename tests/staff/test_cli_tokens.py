"""`stories-service revoke-token` ends an API token."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.conftest import Backend
from tests.servers import run_cli
from tests.staffing import make_staff


async def test_revoke_token_by_prefix(
    client: httpx.AsyncClient, backend: Backend, tmp_path: Path
) -> None:
    moderator = await make_staff("moderator")
    assert (await client.get("/api/v1/queue", headers=moderator.headers)).status_code == 200
    done = run_cli(backend.database_url, tmp_path, "revoke-token", "--prefix", moderator.token[:10])
    assert done.returncode == 0, done.stderr
    assert "revoked 1 token" in done.stdout
    assert (await client.get("/api/v1/queue", headers=moderator.headers)).status_code == 401
    again = run_cli(
        backend.database_url, tmp_path, "revoke-token", "--prefix", moderator.token[:10]
    )
    assert again.returncode == 1  # nothing left to revoke
