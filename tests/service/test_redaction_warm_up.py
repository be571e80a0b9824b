"""The app builds the redaction engine's tables itself, in the background once it has started:
not the first request that needs them; unless STORIES_REDACTION_WARM_UP=first_use leaves them to
the first request that does."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from moderation.redaction import gazetteer, preload
from stories_service import health
from stories_service.redaction_tables import gazetteer_file
from stories_service.redaction_warm_up import WarmUpState, _WarmUp
from stories_service.runtime import Runtime
from stories_service.settings import Settings
from tests.conftest import Backend
from tests.publishing.conftest import serving
from tests.servers import STARTUP_DEADLINE, live_client
from tests.service.keyed import keys_env
from tests.staffing import make_staff, submit, to_in_review

READY_DEADLINE = 120.0  # a loaded machine, plain Python: 43 s seen


async def test_engine_is_warm_once_the_app_is_ready(client: httpx.AsyncClient) -> None:
    # The app fixture has run the lifespan's start-up; only /healthz and /readyz are asked,
    # and neither calls the engine.
    assert (await client.get("/healthz")).status_code == 200
    give_up = time.monotonic() + READY_DEADLINE
    while (ready := await client.get("/readyz")).status_code != 200:
        assert ready.status_code == 503, ready.text
        assert ready.json()["error"]["checks"]["redaction"] == "warming"
        assert time.monotonic() < give_up, "the engine did not warm up"
        await asyncio.sleep(0.2)
    assert ready.json() == {"status": "ready", "checks": {"database": "ok", "redaction": "warm"}}
    assert preload._warm_up_once.cache_info().currsize == 1
    assert len(gazetteer._LOADED) == 1


async def test_a_warm_up_left_to_first_use_keeps_the_tables_in_the_apps_cache_folder(
    tmp_path: Path,
) -> None:
    # The app only says where the tables are kept; the first engine_ready() builds them there.
    deferred = _WarmUp()
    deferred.remember(tmp_path)
    assert deferred.state() == WarmUpState.NOT_STARTED
    assert await asyncio.wrap_future(deferred.start()) is True
    assert deferred.state() == WarmUpState.WARM
    assert gazetteer_file(tmp_path).exists()


@pytest.mark.parametrize(
    ("when", "state", "status"),
    [
        ("first_use", WarmUpState.NOT_STARTED, 200),
        ("first_use", WarmUpState.WARMING, 200),
        ("first_use", WarmUpState.FAILED, 503),
        ("start", WarmUpState.NOT_STARTED, 503),
        ("start", WarmUpState.WARMING, 503),
    ],
)
async def test_readiness_waits_for_the_engine_only_when_it_warms_at_start(
    client: httpx.AsyncClient,
    override_settings: Callable[..., Settings],
    monkeypatch: pytest.MonkeyPatch,
    when: str,
    state: WarmUpState,
    status: int,
) -> None:
    override_settings(redaction_warm_up=when)
    monkeypatch.setattr(health, "warm_up_state", lambda: state)
    ready = await client.get("/readyz")
    assert ready.status_code == status, ready.text
    checks = ready.json()["checks"] if status == 200 else ready.json()["error"]["checks"]
    assert checks == {"database": "ok", "redaction": state.value}


async def test_a_server_left_to_warm_on_first_use_is_ready_at_once_and_warms_when_asked(
    client: httpx.AsyncClient,
    runtime: Runtime,
    backend: Backend,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    moderator = await make_staff("moderator")
    sid = (await submit(client))["id"]
    await to_in_review(client, moderator, sid)
    env = {**keys_env(runtime.settings), "STORIES_REDACTION_WARM_UP": "first_use"}
    with serving(backend, tmp_path_factory.mktemp("first-use"), **env) as url:
        async with live_client(base_url=url, timeout=STARTUP_DEADLINE) as http:
            ready = await http.get("/readyz")  # ready although nothing warmed the engine
            assert ready.json() == {
                "status": "ready",
                "checks": {"database": "ok", "redaction": "not_started"},
            }
            # The first request that needs the engine warms it (and waits for it).
            suggested = await http.get(
                f"/api/v1/submissions/{sid}/suggestions", headers=moderator.headers
            )
            assert suggested.status_code == 200, suggested.text
            after = await http.get("/readyz")
            assert after.json()["checks"]["redaction"] == "warm"
