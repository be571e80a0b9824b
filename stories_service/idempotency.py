"""``Idempotency-Key``: a retried request gets the first answer instead of a second effect.

The stored answer can hold a receipt code, so it is encrypted with a key derived from the
client's own Idempotency-Key (never stored; only its keyed hash is) and the server secret: the
database and the service's keys alone cannot open it. Records expire after a day and are deleted
by the housekeeping job.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from stories_service.crypto import FieldCipher
from stories_service.errors import ApiError
from stories_service.models import IdempotencyRecord

KEEP_FOR = timedelta(hours=24)
MAX_KEY_LENGTH = 200


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    status_code: int
    body: dict[str, object]


def _key_hash(secret_key: str, key: str, scope: str) -> str:
    message = f"{scope}|{key}".encode()
    return hmac.new(secret_key.encode(), message, hashlib.sha256).hexdigest()


def _answer_cipher(secret_key: str, key: str, scope: str) -> FieldCipher:
    derived = hmac.new(
        secret_key.encode(), f"idempotency-answer|{scope}|{key}".encode(), hashlib.sha256
    ).digest()
    return FieldCipher((derived,))


def request_fingerprint(raw_body: bytes) -> str:
    return hashlib.sha256(raw_body).hexdigest()


def check_key(key: str) -> str:
    key = key.strip()
    if not key or len(key) > MAX_KEY_LENGTH or not key.isprintable():
        raise ApiError(
            400,
            f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} printable characters.",
            code="invalid_idempotency_key",
        )
    return key


async def find_answer(
    secret_key: str, key: str, scope: str, fingerprint: str
) -> StoredAnswer | None:
    key_hash = _key_hash(secret_key, key, scope)
    record = await IdempotencyRecord.get_or_none(key_hash=key_hash)
    if record is None or record.expires_at < datetime.now(UTC):
        return None
    if not hmac.compare_digest(record.request_hash, fingerprint):
        raise ApiError(
            422,
            "This Idempotency-Key was already used for a different request.",
            code="idempotency_key_reused",
        )
    cipher = _answer_cipher(secret_key, key, scope)
    body = json.loads(cipher.decrypt(record.response_enc, f"idempotency:{key_hash}"))
    return StoredAnswer(status_code=record.status_code, body=body)


async def store_answer(
    connection: BaseDBAsyncClient,
    secret_key: str,
    key: str,
    scope: str,
    fingerprint: str,
    answer: StoredAnswer,
) -> None:
    """Store the answer in the same transaction as the effect (a duplicate key rolls both back)."""
    key_hash = _key_hash(secret_key, key, scope)
    cipher = _answer_cipher(secret_key, key, scope)
    await (
        IdempotencyRecord.filter(key_hash=key_hash, expires_at__lt=datetime.now(UTC))
        .using_db(connection)
        .delete()
    )
    await IdempotencyRecord.create(
        using_db=connection,
        key_hash=key_hash,
        request_hash=fingerprint,
        status_code=answer.status_code,
        response_enc=cipher.encrypt(json.dumps(answer.body), f"idempotency:{key_hash}"),
        expires_at=datetime.now(UTC) + KEEP_FOR,
    )


async def forget_expired() -> int:
    return await IdempotencyRecord.filter(expires_at__lt=datetime.now(UTC)).delete()
