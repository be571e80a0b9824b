from __future__ import annotations

import asyncio

import httpx

from stories_service.models import ConsentRecord, IdempotencyRecord, Submission
from tests.conftest import valid_submission


async def test_retry_with_same_key_returns_first_result(client: httpx.AsyncClient) -> None:
    headers = {"Idempotency-Key": "phone-retry-1"}
    first = await client.post("/api/v1/submissions", json=valid_submission(), headers=headers)
    second = await client.post("/api/v1/submissions", json=valid_submission(), headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["idempotency-replayed"] == "true"
    assert await Submission.all().count() == 1
    assert await ConsentRecord.all().count() == 1


async def test_stored_answer_is_encrypted(client: httpx.AsyncClient) -> None:
    headers = {"Idempotency-Key": "enc-check"}
    created = await client.post("/api/v1/submissions", json=valid_submission(), headers=headers)
    record = await IdempotencyRecord.get()
    assert created.json()["receipt_code"].encode() not in bytes(record.response_enc)
    assert "enc-check" not in record.key_hash


async def test_same_key_different_body_is_refused(client: httpx.AsyncClient) -> None:
    headers = {"Idempotency-Key": "k-2"}
    await client.post("/api/v1/submissions", json=valid_submission(), headers=headers)
    other = await client.post(
        "/api/v1/submissions", json=valid_submission(title="Another"), headers=headers
    )
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    assert await Submission.all().count() == 1


async def test_different_keys_store_twice(client: httpx.AsyncClient) -> None:
    for key in ("a", "b"):
        response = await client.post(
            "/api/v1/submissions", json=valid_submission(), headers={"Idempotency-Key": key}
        )
        assert response.status_code == 201
    assert await Submission.all().count() == 2


async def test_concurrent_retries_store_once(client: httpx.AsyncClient) -> None:
    headers = {"Idempotency-Key": "burst"}
    responses = await asyncio.gather(
        *[
            client.post("/api/v1/submissions", json=valid_submission(), headers=headers)
            for _ in range(5)
        ]
    )
    assert {r.status_code for r in responses} == {201}
    assert len({r.json()["id"] for r in responses}) == 1
    assert await Submission.all().count() == 1
