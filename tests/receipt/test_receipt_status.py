"""Status by receipt code: only the keyed hash is stored; wrong, unknown and malformed codes get
the same answer; attempts are throttled."""

from __future__ import annotations

import httpx
import pytest

from stories_service.models import Submission
from stories_service.receipt import codes
from tests.conftest import valid_submission


async def submit(client: httpx.AsyncClient) -> dict:
    response = await client.post("/api/v1/submissions", json=valid_submission())
    assert response.status_code == 201
    return response.json()


async def test_only_a_keyed_hash_of_the_code_is_stored(client: httpx.AsyncClient, runtime) -> None:
    created = await submit(client)
    submission = await Submission.get(id=created["id"])
    assert submission.receipt_hash == codes.code_hash(
        created["receipt_code"], runtime.settings.secret_key
    )
    assert created["receipt_code"] not in str(submission.__dict__)


async def test_digits_form_opens_the_same_submission(client: httpx.AsyncClient) -> None:
    created = await submit(client)
    response = await client.post(
        "/api/v1/receipt/status", json={"receipt_code": created["receipt_code_digits"]}
    )
    assert response.status_code == 200
    assert response.json()["id"] == created["id"]
    assert response.json()["review"] is None
    assert response.json()["rejection_reason"] is None


async def test_wrong_unknown_and_malformed_codes_answer_alike(client: httpx.AsyncClient) -> None:
    created = await submit(client)
    words = created["receipt_code"].split()
    wrong = " ".join([*words[:-1], "zebra" if words[-1] != "zebra" else "apple"])
    unknown = codes.new_code()
    answers = []
    for raw in (wrong, unknown, "definitely not a code"):
        response = await client.post("/api/v1/receipt/status", json={"receipt_code": raw})
        answers.append((response.status_code, response.json()))
    assert answers[0] == answers[1] == answers[2]
    assert answers[0][0] == 404
    assert answers[0][1]["error"]["code"] == "unknown_code"


async def test_code_lookups_are_throttled(client: httpx.AsyncClient, override_settings) -> None:
    override_settings(receipt_rate_per_15min=3)
    statuses = []
    for _ in range(5):
        response = await client.post(
            "/api/v1/receipt/status", json={"receipt_code": codes.new_code()}
        )
        statuses.append(response.status_code)
    assert statuses == [404, 404, 404, 429, 429]
    assert int(response.headers["retry-after"]) > 0
    assert response.json()["error"]["code"] == "throttled"


async def test_my_story_page_throttles_too(client: httpx.AsyncClient, override_settings) -> None:
    override_settings(receipt_rate_per_15min=1)
    first = await client.post("/my-story", data={"receipt_code": codes.new_code()})
    second = await client.post("/my-story", data={"receipt_code": codes.new_code()})
    assert first.status_code == 404
    assert "could not find" in first.text
    assert second.status_code == 429
    assert "retry-after" in second.headers


async def test_submissions_are_throttled(client: httpx.AsyncClient, override_settings) -> None:
    override_settings(submit_rate_per_hour=2)
    statuses = [
        (await client.post("/api/v1/submissions", json=valid_submission())).status_code
        for _ in range(3)
    ]
    assert statuses == [201, 201, 429]
    assert await Submission.all().count() == 2


@pytest.mark.parametrize("body", [{}, {"receipt_code": ""}, {"receipt_code": 5}])
async def test_status_needs_a_code_field(client: httpx.AsyncClient, body: dict) -> None:
    response = await client.post("/api/v1/receipt/status", json=body)
    assert response.status_code == 422
    assert "receipt_code" in response.json()["error"]["fields"]
