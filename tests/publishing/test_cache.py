"""Pages are served from memory and dropped on every public change, here and in other workers."""

from __future__ import annotations

import asyncio
import time

from tortoise.transactions import in_transaction

from stories_service.models import PublishedStory
from stories_service.publishing import changes
from stories_service.publishing.changes import PageCache, bump_public_change, read_public_counter
from stories_service.publishing.serving import page_cache
from tests.publishing.conftest import wait_until
from tests.publishing.factories import bearer, publish_story
from tests.servers import live_client


async def _poller_caught_up(runtime) -> None:
    cache = page_cache(runtime)
    current = await read_public_counter()
    for _ in range(100):
        if cache.counter == current and cache.fresh():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the change poller did not catch up")


async def test_hot_path_serves_from_memory_until_the_counter_moves(client, runtime, editor_token):
    story = await publish_story(client, runtime.cipher, editor_token, title="Before")
    await _poller_caught_up(runtime)
    assert "Before" in (await client.get(f"/stories/{story['slug']}")).text
    # Change the row behind the cache's back: the cached page is still served, no database read.
    await PublishedStory.filter(slug=story["slug"]).update(title="After")
    assert "Before" in (await client.get(f"/stories/{story['slug']}")).text
    assert len(page_cache(runtime)) >= 1
    async with in_transaction() as connection:
        await bump_public_change(connection)
    assert "After" in (await client.get(f"/stories/{story['slug']}")).text


async def test_a_change_in_another_worker_is_seen_through_the_counter(
    client, runtime, editor_token
):
    cache = PageCache()
    cache.observe(await read_public_counter())
    generation = cache.generation
    cache.put("k", changes.CachedPage(b"x", "text/plain", '"e"', "d"), generation)
    assert cache.get("k") is not None
    # Another worker bumps the counter (only the database sees it, not this process's hooks).
    await publish_story(client, runtime.cipher, editor_token)
    assert cache.observe(await read_public_counter()) is True
    assert cache.get("k") is None


async def test_an_unconfirmed_cache_is_not_trusted(client):
    cache = PageCache()
    cache.observe(0)
    cache.put("k", changes.CachedPage(b"x", "text/plain", '"e"', "d"), cache.generation)
    assert cache.get("k") is not None
    cache.confirmed_at = time.monotonic() - 10  # the poller has not confirmed for 10 seconds
    assert cache.get("k") is None


async def test_render_racing_a_change_is_not_kept(client):
    cache = PageCache()
    cache.observe(0)
    generation = cache.generation
    cache.drop()  # a change lands while the page is being rendered
    cache.put("k", changes.CachedPage(b"old", "text/plain", '"e"', "d"), generation)
    assert cache.get("k") is None


async def test_other_process_drops_its_cache_within_a_second(
    client, runtime, live_server, editor_token
):
    story = await publish_story(client, runtime.cipher, editor_token, title="Live one")
    url = f"{live_server}/stories/{story['slug']}"
    async with live_client() as live:

        async def status_is(code: int) -> bool:
            return (await live.get(url)).status_code == code

        await wait_until(lambda: status_is(200))
        assert "Live one" in (await live.get(url)).text
        response = await client.post(
            f"/api/v1/stories/{story['slug']}/unpublish", headers=bearer(editor_token)
        )
        assert response.status_code == 200
        # The other process follows the change counter (polled every second) and drops its page.
        await wait_until(lambda: status_is(404))
