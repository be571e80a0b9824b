from __future__ import annotations

import asyncio

import httpx
import pytest

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


async def test_stored_answer_needs_the_clients_key(client: httpx.AsyncClient, runtime) -> None:
    """Neither the database nor the service's own keys open the stored receipt code."""
    from stories_service.crypto import DecryptionError

    await client.post(
        "/api/v1/submissions", json=valid_submission(), headers={"Idempotency-Key": "mine"}
    )
    record = await IdempotencyRecord.get()
    with pytest.raises(DecryptionError):
        runtime.cipher.decrypt(record.response_enc, f"idempotency:{record.key_hash}")


async def test_housekeeping_deletes_expired_records(client: httpx.AsyncClient) -> None:
    from datetime import UTC, datetime, timedelta

    from stories_service.housekeeping import run_housekeeping_once
    from stories_service.models import ThrottleBucket

    await client.post(
        "/api/v1/submissions", json=valid_submission(), headers={"Idempotency-Key": "old"}
    )
    await IdempotencyRecord.all().update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    await ThrottleBucket.all().update(window_start=0)
    deleted = await run_housekeeping_once()
    assert deleted[0] == 1 and deleted[1] >= 1
    assert await IdempotencyRecord.all().count() == 0
    assert await ThrottleBucket.all().count() == 0
