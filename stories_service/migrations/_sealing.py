"""The encryption key, lent to a migration that must encrypt rows written in clear before it.

Migrations sit below ``crypto`` and ``settings`` and import neither; whoever runs them with the
key (``db.lifecycle.apply_migrations``, called by the app and the CLI) lends a ``Seal`` for the
duration. The loader skips this module (its name starts with ``_``): it is no migration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# (plaintext, table, column, row key) -> ciphertext bound to that row and column.
Seal = Callable[[str, str, str, object], bytes]

_lent: ContextVar[Seal | None] = ContextVar("stories_migration_seal", default=None)


class KeyNeeded(RuntimeError):
    """A migration found text to encrypt but was run without the encryption key."""


@contextmanager
def lending(seal: Seal | None) -> Iterator[None]:
    """Make ``seal`` available to the migrations run inside this block."""
    token = _lent.set(seal)
    try:
        yield
    finally:
        _lent.reset(token)


def lent_seal() -> Seal:
    """The seal lent for this run; raises ``KeyNeeded`` when none was."""
    seal = _lent.get()
    if seal is None:
        raise KeyNeeded(
            "this migration encrypts text stored in clear by an earlier release and needs the "
            "encryption key: run `stories-service migrate` (or start the service) instead"
        )
    return seal
