"""Staff password hashing (argon2id with the library's current parameters), off the event loop.

One argon2 hash or verification costs tens of milliseconds of CPU and 64 MiB of memory. Run on
the event loop, it stalls every other request of the worker (issue 14 #10: `/healthz` took
265 ms during eight sign-ins), so both run in a small thread pool of this module's own: the
bindings release the GIL while they hash, and the pool's size bounds the memory that a burst of
sign-ins can take (the attempts beyond it wait their turn; the login throttles bound how many
come).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
MIN_PASSWORD_LENGTH = 12
HASHING_THREADS = 2
_pool = ThreadPoolExecutor(max_workers=HASHING_THREADS, thread_name_prefix="argon2")


@cache
def _dummy_hash() -> str:
    """Verified against when the account is unknown, so that both cases cost the same time;
    made at the first sign-in (in the pool), not at import, which would delay every start."""
    return _hasher.hash("not-a-real-password-for-timing")


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        verified = _hasher.verify(password_hash or _dummy_hash(), password)
        return verified and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


async def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    return await asyncio.get_running_loop().run_in_executor(_pool, _hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    return await asyncio.get_running_loop().run_in_executor(_pool, _verify, password_hash, password)


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
