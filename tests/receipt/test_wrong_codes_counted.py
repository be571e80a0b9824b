"""Receipt-code look-ups count wrong codes only: a right code always opens, even from an address
over its limit, so people behind one shelter network or Tor exit cannot lock each other out of
/my-story or out of withdrawing (issue 14 #9)."""

from __future__ import annotations

import httpx

from stories_service.models import Submission, ThrottleBucket
from stories_service.receipt import codes
from tests.protection.factories import Story, submit

LIMIT = 20  # the default STORIES_RECEIPT_RATE_PER_15MIN


async def _spend_the_limit(client: httpx.AsyncClient, wrong_codes: int = 25) -> list[int]:
    statuses = []
    for _ in range(wrong_codes):
        response = await client.post("/my-story", data={"receipt_code": codes.new_code()})
        statuses.append(response.status_code)
    return statuses


async def test_a_right_code_opens_my_story_after_25_wrong_ones_from_the_same_address(
    client: httpx.AsyncClient, override_settings
) -> None:
    story = await submit(client, "shelter")
    override_settings(receipt_rate_per_15min=LIMIT)
    statuses = await _spend_the_limit(client)
    assert statuses == [404] * LIMIT + [429] * (25 - LIMIT)
    right = await client.post("/my-story", data={"receipt_code": story.receipt_code})
    assert right.status_code == 200
    assert 'name="receipt_token"' in right.text  # the survivor's own page, with its forms
    # and the API and the digits form of the code open it just the same
    api = await client.post(
        "/api/v1/receipt/status", json={"receipt_code": codes.as_digits(story.receipt_code)}
    )
    assert api.status_code == 200
    assert api.json()["id"] == story.id
    # A wrong code from there is still refused.
    wrong = await client.post("/my-story", data={"receipt_code": codes.new_code()})
    assert wrong.status_code == 429


async def _over_the_limit(client: httpx.AsyncClient, override_settings) -> Story:
    story = await submit(client, "withdraw")
    override_settings(receipt_rate_per_15min=3)
    statuses = await _spend_the_limit(client, 5)
    assert statuses == [404, 404, 404, 429, 429]
    return story


async def test_withdrawal_with_a_right_code_is_never_throttled_api(
    client: httpx.AsyncClient, override_settings
) -> None:
    story = await _over_the_limit(client, override_settings)
    response = await client.post(
        "/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    assert (await Submission.get(id=story.id)).state == "withdrawn"


async def test_withdrawal_with_a_right_code_is_never_throttled_page(
    client: httpx.AsyncClient, override_settings
) -> None:
    story = await _over_the_limit(client, override_settings)
    step_one = await client.post("/my-story/withdraw", data={"receipt_code": story.receipt_code})
    assert step_one.status_code == 200
    confirmed = await client.post(
        "/my-story/withdraw/confirm", data={"receipt_code": story.receipt_code}
    )
    assert confirmed.status_code == 200
    assert (await Submission.get(id=story.id)).state == "withdrawn"


async def test_right_codes_are_not_counted(client: httpx.AsyncClient, override_settings) -> None:
    story = await submit(client, "counted")
    override_settings(receipt_rate_per_15min=3)
    for path in ("/api/v1/receipt/status", "/api/v1/receipt/export"):
        for _ in range(5):
            response = await client.post(path, json={"receipt_code": story.receipt_code})
            assert response.status_code == 200
    for _ in range(5):
        page = await client.post("/my-story", data={"receipt_code": story.receipt_code})
        assert page.status_code == 200
    assert await ThrottleBucket.filter(key__startswith="receipt:").count() == 0
    # The three wrong codes the limit allows are all still there.
    statuses = []
    for _ in range(4):
        response = await client.post(
            "/api/v1/receipt/status", json={"receipt_code": codes.new_code()}
        )
        statuses.append(response.status_code)
    assert statuses == [404, 404, 404, 429]
