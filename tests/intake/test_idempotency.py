"""Idempotency-Key: a retry gets the first answer, stored encrypted; anonymous keys must hold
128 random bits and are scoped to the client, so a receipt code is never replayed to anyone
else (issue 14 #12)."""

from __future__ import annotations

import asyncio
import secrets
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette

from stories_service.models import ConsentRecord, IdempotencyRecord, Submission, ThrottleBucket
from tests.conftest import valid_submission
from tests.staffing import make_staff


def strong_key() -> str:
    """128 random bits, as a client library makes them (22 characters of base64url)."""
    return secrets.token_urlsafe(16)


@pytest.fixture
async def other_client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """Another anonymous client, from another address, on the same app and database."""
    transport = httpx.ASGITransport(app=app, client=("198.51.100.23", 41000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def test_retry_with_same_key_returns_first_result(client: httpx.AsyncClient) -> None:
    headers = {"Idempotency-Key": strong_key()}
    first = await client.post("/api/v1/submissions", json=valid_submission(), headers=headers)
    second = await client.post("/api/v1/submissions", json=valid_submission(), headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["idempotency-replayed"] == "true"
    assert await Submission.all().count() == 1
    assert await ConsentRecord.all().count() == 1


async def test_stored_answer_is_encrypted(client: httpx.AsyncClient) -> None:
    key = strong_key()
    created = await client.post(
        "/api/v1/submissions", json=valid_submission(), headers={"Idempotency-Key": key}
    )
    record = await IdempotencyRecord.get()
    assert created.json()["receipt_code"].encode() not in bytes(record.response_enc)
    assert key not in record.key_hash


async def test_same_key_different_body_is_refused(client: httpx.AsyncClient) -> None:
    headers = {"Idempotency-Key": strong_key()}
    await client.post("/api/v1/submissions", json=valid_submission(), headers=headers)
    other = await client.post(
        "/api/v1/submissions", json=valid_submission(title="Another"), headers=headers
    )
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    assert await Submission.all().count() == 1


async def test_different_keys_store_twice(client: httpx.AsyncClient) -> None:
    for key in (strong_key(), strong_key()):
        response = await client.post(
            "/api/v1/submissions", json=valid_submission(), headers={"Idempotency-Key": key}
        )
        assert response.status_code == 201
    assert await Submission.all().count() == 2


async def test_concurrent_retries_store_once(client: httpx.AsyncClient) -> None:
    headers = {"Idempotency-Key": strong_key()}
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
        "/api/v1/submissions", json=valid_submission(), headers={"Idempotency-Key": strong_key()}
    )
    record = await IdempotencyRecord.get()
    with pytest.raises(DecryptionError):
        runtime.cipher.decrypt(record.response_enc, f"idempotency:{record.key_hash}")


async def test_housekeeping_deletes_expired_records(client: httpx.AsyncClient) -> None:
    from datetime import UTC, datetime, timedelta

    from stories_service.housekeeping import run_housekeeping_once
    from stories_service.models import ThrottleBucket

    await client.post(
        "/api/v1/submissions", json=valid_submission(), headers={"Idempotency-Key": strong_key()}
    )
    await IdempotencyRecord.all().update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    await ThrottleBucket.all().update(window_start=0)
    deleted = await run_housekeeping_once()
    assert deleted[0] == 1 and deleted[1] >= 1
    assert await IdempotencyRecord.all().count() == 0
    assert await ThrottleBucket.all().count() == 0


async def test_another_client_with_the_same_key_and_body_never_gets_the_receipt_code(
    client: httpx.AsyncClient, other_client: httpx.AsyncClient
) -> None:
    headers = {"Idempotency-Key": strong_key()}
    first = await client.post("/api/v1/submissions", json=valid_submission(), headers=headers)
    assert first.status_code == 201
    # Someone else sends the very same request (a copied key, a shared script, a guess).
    second = await other_client.post(
        "/api/v1/submissions", json=valid_submission(), headers=headers
    )
    assert second.status_code == 201
    assert "idempotency-replayed" not in second.headers
    assert first.json()["receipt_code"] not in second.text
    assert first.json()["receipt_code_digits"] not in second.text
    assert second.json()["id"] != first.json()["id"]
    assert await Submission.all().count() == 2
    # Each of them retrying still gets their own first answer.
    again = await other_client.post("/api/v1/submissions", json=valid_submission(), headers=headers)
    assert again.json() == second.json()
    assert again.headers["idempotency-replayed"] == "true"
    mine = await client.post("/api/v1/submissions", json=valid_submission(), headers=headers)
    assert mine.json() == first.json()
    assert await Submission.all().count() == 2


@pytest.mark.parametrize(
    "key",
    [
        "phone-retry-1",  # the kind of key this file used to send
        "k" * 21,  # one character short of 128 bits of base64url
        "my story sent from the shelter",  # long, but not base64url: no room for the bits
        "=" * 24,
    ],
)
async def test_an_anonymous_key_without_128_random_bits_is_refused(
    client: httpx.AsyncClient, key: str
) -> None:
    response = await client.post(
        "/api/v1/submissions", json=valid_submission(), headers={"Idempotency-Key": key}
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "weak_idempotency_key"
    assert "128 random bits" in error["message"]
    assert "UUID" in error["message"] and "22" in error["message"]
    assert "Idempotency-Key" in error["fields"]
    assert await Submission.all().count() == 0
    assert await ThrottleBucket.all().count() == 0  # a refused key spends no quota


async def test_the_key_requirement_is_told_in_the_clients_language(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/api/v1/submissions",
        json=valid_submission(),
        headers={"Idempotency-Key": "short", "Accept-Language": "es"},
    )
    assert response.status_code == 422
    assert "al menos 128 bits aleatorios" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "key",
    [
        str(uuid.uuid4()),
        uuid.uuid4().hex,
        secrets.token_urlsafe(16),
        secrets.token_urlsafe(32),
        "aGVhbGluZy1zdG9yaWVzLWtleQ==",  # padded base64url
    ],
    # Fixed ids: the keys are random, and parallel test workers must collect the same tests.
    ids=["uuid", "uuid-hex", "base64url-16", "base64url-32", "padded-base64url"],
)
async def test_keys_with_room_for_128_random_bits_are_accepted(
    client: httpx.AsyncClient, key: str
) -> None:
    response = await client.post(
        "/api/v1/submissions", json=valid_submission(), headers={"Idempotency-Key": key}
    )
    assert response.status_code == 201


async def test_staff_with_a_token_keep_their_own_keys(client: httpx.AsyncClient) -> None:
    """Intake staff are scoped to their account: a short key of theirs is theirs alone."""
    staff = await make_staff("moderator", password=None)
    body = valid_submission(
        on_behalf={"survivor_consented": True, "attestation": "Read aloud and agreed in Arabic."}
    )
    headers = {**staff.headers, "Idempotency-Key": "intake-7"}
    first = await client.post("/api/v1/submissions", json=body, headers=headers)
    again = await client.post("/api/v1/submissions", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotency-replayed"] == "true"
    # The same key without the token is someone else's, and too short for them.
    anonymous = await client.post(
        "/api/v1/submissions", json=valid_submission(), headers={"Idempotency-Key": "intake-7"}
    )
    assert anonymous.status_code == 422
