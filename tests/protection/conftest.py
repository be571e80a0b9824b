"""Fixtures for the protection tests."""

from __future__ import annotations

import pytest

from stories_service.publishing.serving import page_cache


@pytest.fixture(autouse=True)
def _cold_page_cache(request: pytest.FixtureRequest) -> None:
    # Tables are emptied between tests behind the page cache's back: start every test cold.
    if "client" in request.fixturenames:
        page_cache(request.getfixturevalue("runtime")).drop()
