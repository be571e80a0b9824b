"""Authenticated encryption of survivor text at rest (AES-256-GCM, key rotation by key id).

A ciphertext is ``b"\\x01" + key_id(4) + nonce(12) + AESGCM(plaintext, aad)``. The associated
data binds a value to its row and column, so a ciphertext copied into another row fails to open.
"""

from __future__ import annotations

import hashlib
import json
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_VERSION = b"\x01"


class DecryptionError(Exception):
    """The ciphertext is damaged, belongs elsewhere, or its key is not configured."""


def _key_id(key: bytes) -> bytes:
    return hashlib.sha256(b"healing-stories-key-id" + key).digest()[:4]


class FieldCipher:
    """Encrypts and decrypts column values with the first key; decrypts with any key."""

    def __init__(self, keys: tuple[bytes, ...]) -> None:
        if not keys:
            raise ValueError("at least one key is needed")
        self._current = (_key_id(keys[0]), AESGCM(keys[0]))
        self._by_id = {_key_id(key): AESGCM(key) for key in keys}

    def encrypt(self, plaintext: str, context: str) -> bytes:
        key_id, aead = self._current
        nonce = secrets.token_bytes(12)
        sealed = aead.encrypt(nonce, plaintext.encode("utf-8"), context.encode("utf-8"))
        return _VERSION + key_id + nonce + sealed

    def decrypt(self, blob: bytes, context: str) -> str:
        if len(blob) < 17 + 16 or blob[:1] != _VERSION:
            raise DecryptionError("not a ciphertext of this service")
        aead = self._by_id.get(bytes(blob[1:5]))
        if aead is None:
            raise DecryptionError("encrypted with a key that is not configured")
        try:
            plain = aead.decrypt(bytes(blob[5:17]), bytes(blob[17:]), context.encode("utf-8"))
        except InvalidTag:
            raise DecryptionError("ciphertext failed authentication") from None
        return plain.decode("utf-8")

    def is_current(self, blob: bytes) -> bool:
        """Whether ``blob`` is sealed under the first key (the one new values get)."""
        return bytes(blob[1:5]) == self._current[0] and blob[:1] == _VERSION

    def reseal(self, blob: bytes, context: str) -> bytes:
        """``blob`` opened with whichever configured key sealed it, sealed again under the
        first key for the same ``context`` (``stories-service rekey``)."""
        return self.encrypt(self.decrypt(blob, context), context)

    def encrypt_optional(self, plaintext: str | None, context: str) -> bytes | None:
        return None if plaintext is None else self.encrypt(plaintext, context)

    def decrypt_optional(self, blob: bytes | None, context: str) -> str | None:
        return None if blob is None else self.decrypt(blob, context)

    def seal_column(self, plaintext: str, table: str, column: str, row_key: object) -> bytes:
        """``plaintext`` encrypted for one column of one row (``column_context``)."""
        return self.encrypt(plaintext, column_context(table, column, row_key))

    def encrypt_json(self, value: object, context: str) -> bytes:
        return self.encrypt(json.dumps(value, ensure_ascii=False), context)

    def decrypt_json(self, blob: bytes, context: str) -> object:
        return json.loads(self.decrypt(blob, context))


def column_context(table: str, column: str, row_id: object) -> str:
    """The associated data for one column of one row."""
    return f"{table}.{column}:{row_id}"


def revision_context(column: str, submission_id: object, number: int) -> str:
    """The associated data for one column of one revision."""
    return column_context("revisions", column, f"{submission_id}:{number}")
