"""Browser fixtures: Debian's Chromium (never `playwright install`) and a live service."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browsing import launched_chromium_sync
from tests.conftest import ROOT
from tests.servers import running_service
from tests.staffing import PASSWORD


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Chromium for this module only: Playwright's sync API keeps an event loop running while
    it lives, which would break the asyncio tests collected after a session-wide browser."""
    with launched_chromium_sync() as launched:
        yield launched


@dataclass
class LiveService:
    base_url: str
    env: dict[str, str]

    def create_staff(self, email: str, role: str) -> None:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "stories_service.cli",
                "create-staff",
                "--email",
                email,
                "--role",
                role,
                "--password-stdin",
            ],
            input=PASSWORD + "\n",
            env=self.env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )


@pytest.fixture(scope="module")
def live_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveService]:
    data_dir = tmp_path_factory.mktemp("live")
    database_url = f"sqlite://{data_dir / 'stories.sqlite3'}"
    # The console's pages ask the engine for suggestions: warm before the first page (the tests'
    # other servers leave it to first use, tests/conftest.py).
    with running_service(database_url, data_dir, STORIES_REDACTION_WARM_UP="start") as base_url:
        env = {
            **os.environ,
            "STORIES_ENV": "test",
            "DATABASE_URL": database_url,
            "STORIES_DATA_DIR": str(data_dir),
        }
        yield LiveService(base_url, env)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    path = ROOT / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path
