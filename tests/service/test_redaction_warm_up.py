"""The app builds the redaction engine's tables at start-up, in a thread of its own."""

from __future__ import annotations

import asyncio
import threading

import httpx

from moderation.redaction import gazetteer


def _warmed() -> bool:
    return gazetteer._warm_up_once.cache_info().currsize == 1


async def test_engine_is_warmed_up_in_a_thread_at_start(client: httpx.AsyncClient) -> None:
    # The app fixture has run the lifespan: the build is running in its thread, or done.
    assert _warmed() or any(t.name == "redaction-warm-up" for t in threading.enumerate())
    for _ in range(600):  # at most 60 s on a busy machine
        if _warmed():
            break
        await asyncio.sleep(0.1)
    assert _warmed()
    assert (await client.get("/healthz")).status_code == 200
