"""The app builds the redaction engine's tables itself, in the background once it has started:
not the first request that needs them."""

from __future__ import annotations

import asyncio
import time

import httpx

from moderation.redaction import gazetteer, preload

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
