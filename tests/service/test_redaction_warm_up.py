"""The app builds the redaction engine's tables at start-up, before it serves."""

from __future__ import annotations

import httpx

from moderation.redaction import gazetteer, preload


async def test_engine_is_warm_once_the_app_has_started(client: httpx.AsyncClient) -> None:
    # The app fixture has run the lifespan's start-up.
    assert preload._warm_up_once.cache_info().currsize == 1
    assert gazetteer._build_gazetteer.cache_info().currsize == 1
    assert (await client.get("/healthz")).status_code == 200
