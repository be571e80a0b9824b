"""GET /api/v1/withdrawals keeps its documented shape and gains an ETag (304 when unchanged) and
keyset paging with an opaque cursor (issue 16 #1); a client that never pages gets what it
always got."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import httpx
import pytest

from stories_service.models import Tombstone
from stories_service.publishing.withdrawal_list import (
    SETTLE_SECONDS,
    WithdrawalCursor,
    page_of_withdrawals,
)

pytestmark = pytest.mark.db

ITEM_KEYS = {"id", "slug", "withdrawn_at"}


async def _tombstone(slug: str, withdrawn_at: datetime) -> Tombstone:
    return await Tombstone.create(
        slug=slug, entry_id=f"urn:uuid:{uuid.uuid4()}", withdrawn_at=withdrawn_at
    )


async def _walk(client: httpx.AsyncClient, url: str) -> list[dict]:
    """Follow next_url while has_more; every item of every page."""
    items: list[dict] = []
    while True:
        response = await client.get(url)
        assert response.status_code == 200, response.text
        page = response.json()
        items.extend(page["withdrawals"])
        if not page["has_more"]:
            return items
        url = page["next_url"].removeprefix("http://testserver")


async def test_paging_gives_every_withdrawal_once_in_order_even_at_the_same_instant(client):
    old = datetime.now(UTC) - timedelta(days=2)
    same = old + timedelta(hours=1)
    await _tombstone("first-gone", old)
    await _tombstone("twin-one", same)
    await _tombstone("twin-two", same)
    await _tombstone("last-gone", same + timedelta(minutes=5))

    everything = await client.get("/api/v1/withdrawals")
    body = everything.json()
    assert set(body) == {"withdrawals", "next_cursor", "next_url", "has_more"}
    assert body["has_more"] is False
    slugs = [item["slug"] for item in body["withdrawals"]]
    assert slugs == ["first-gone", "twin-one", "twin-two", "last-gone"]
    assert all(set(item) == ITEM_KEYS for item in body["withdrawals"])

    paged = await _walk(client, "/api/v1/withdrawals?limit=1")
    assert paged == body["withdrawals"]
    first = (await client.get("/api/v1/withdrawals?limit=2")).json()
    assert first["has_more"] is True
    assert "after=" in first["next_url"] and "limit=2" in first["next_url"]

    # since still filters, and paging keeps it.
    since = quote((same - timedelta(minutes=1)).isoformat())
    recent = await _walk(client, f"/api/v1/withdrawals?since={since}&limit=1")
    assert [item["slug"] for item in recent] == ["twin-one", "twin-two", "last-gone"]


async def test_polling_from_the_end_finds_only_what_is_new(client):
    await _tombstone("long-gone", datetime.now(UTC) - timedelta(days=1))
    end = (await client.get("/api/v1/withdrawals")).json()
    idle = (await client.get(f"/api/v1/withdrawals?after={end['next_cursor']}")).json()
    assert idle["withdrawals"] == [] and idle["next_cursor"] == end["next_cursor"]
    await _tombstone("just-gone", datetime.now(UTC) - timedelta(hours=1))
    fresh = (await client.get(f"/api/v1/withdrawals?after={end['next_cursor']}")).json()
    assert [item["slug"] for item in fresh["withdrawals"]] == ["just-gone"]


async def test_the_cursor_stays_before_a_withdrawal_that_may_not_have_settled(client):
    now = datetime.now(UTC)
    await _tombstone("settled", now - timedelta(seconds=SETTLE_SECONDS * 4))
    await _tombstone("young", now - timedelta(seconds=1))
    page = await page_of_withdrawals(None, None, now=now)
    assert [item["slug"] for item in page.withdrawals] == ["settled", "young"]
    again = await page_of_withdrawals(None, page.next_cursor, now=now)
    # The young one is listed again (a racing commit could still sort before it) ...
    assert [item["slug"] for item in again.withdrawals] == ["young"]
    # ... until it has settled: then the cursor moves past it.
    later = now + timedelta(seconds=SETTLE_SECONDS * 2)
    settled = await page_of_withdrawals(None, again.next_cursor, now=later)
    done = await page_of_withdrawals(None, settled.next_cursor, now=later)
    assert done.withdrawals == []


async def test_withdrawals_answer_304_until_one_is_added(client):
    await _tombstone("gone-a", datetime.now(UTC) - timedelta(days=1))
    first = await client.get("/api/v1/withdrawals")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = await client.get("/api/v1/withdrawals", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b"" and again.headers["etag"] == etag
    await _tombstone("gone-b", datetime.now(UTC) - timedelta(hours=1))
    changed = await client.get("/api/v1/withdrawals", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    assert len(changed.json()["withdrawals"]) == 2


@pytest.mark.parametrize(
    "query",
    ["after=not-a-cursor", "after=", "limit=0", "limit=1001", "limit=x", "cursor=abc"],
)
async def test_a_bad_cursor_or_limit_is_a_400(client, query):
    response = await client.get(f"/api/v1/withdrawals?{query}")
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] in {"bad_cursor", "bad_query", "unknown_parameter"}


def test_a_cursor_has_one_spelling_and_round_trips():
    cursor = WithdrawalCursor(datetime(2026, 11, 1, 12, 30, 5, 123456, tzinfo=UTC), 42)
    assert WithdrawalCursor.decode(cursor.encode()) == cursor
    assert len(cursor.encode()) < 96
