"""``Idempotency-Key``: a retried request gets the first answer instead of a second effect.

The stored answer can hold a receipt code, so it is encrypted with a key derived from the
client's own Idempotency-Key (never stored; only its keyed hash is) and the server secret: the
database and the service's keys alone cannot open it. Records expire after a day and are deleted
by the housekeeping job.

Anonymous clients share one key space only in name: their records are scoped to the client too
(a keyed hash of its address goes into the record's key hash), and their keys must hold at least
128 random bits (``check_anonymous_key``). So a key that another client happens to send, or
copies, never replays the first client's receipt code (issue 14 #12); only the same client
retrying gets the first answer. Staff submitting with an API token are scoped to their account.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from stories_service.crypto import FieldCipher
from stories_service.errors import ApiError
from stories_service.i18n import lazy_gettext as _l
from stories_service.models import IdempotencyRecord
from stories_service.throttle import throttle_key

KEEP_FOR = timedelta(hours=24)
MAX_KEY_LENGTH = 200
# 22 characters of base64url hold 132 bits; a UUID (36 characters of the same alphabet) and 32
# hex digits pass too. The service cannot see randomness, only the room for it.
MIN_ANONYMOUS_KEY_LENGTH = 22
_BASE64URL_KEY = re.compile(r"[A-Za-z0-9_-]+={0,2}")
WEAK_KEY_MESSAGE = _l(
    "An Idempotency-Key for a submission without an API token must hold at least 128 random "
    "bits: a random UUID, or at least 22 random characters of base64url (A-Z, a-z, 0-9, - and _)."
)


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


def check_anonymous_key(key: str) -> str:
    """An anonymous client's key (already through ``check_key``): 422 unless it has room for
    128 random bits."""
    if len(key.rstrip("=")) < MIN_ANONYMOUS_KEY_LENGTH or not _BASE64URL_KEY.fullmatch(key):
        raise ApiError(
            422,
            WEAK_KEY_MESSAGE,
            code="weak_idempotency_key",
            fields={"Idempotency-Key": WEAK_KEY_MESSAGE},
        )
    return key


def anonymous_scope(secret_key: str, base_scope: str, client: str) -> str:
    """``base_scope`` narrowed to one client address (kept only inside the record's keyed hash)."""
    return f"{base_scope}|{throttle_key(secret_key, 'idempotency-client', client)}"


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
