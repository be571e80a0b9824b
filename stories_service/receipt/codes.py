"""Making, normalising and hashing receipt codes.

A code is six words from the EFF large word list (7,776 words, 12.9 bits each: 77.5 bits), or
the same number written as six groups of four digits (each group a word's index, 0000-7775), for
people who find digits easier to copy than Latin letters. Only an HMAC of the canonical form is
ever stored.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
from functools import cache
from importlib import resources

WORDS_PER_CODE = 6


@cache
def word_list() -> tuple[str, ...]:
    text = resources.files(__package__).joinpath("eff_large_wordlist.txt").read_text("utf-8")
    words = tuple(line.strip() for line in text.splitlines() if line.strip())
    if len(words) != 7776 or len(set(words)) != 7776:
        raise RuntimeError("the receipt word list is damaged")
    return words


@cache
def _index() -> dict[str, int]:
    return {word: i for i, word in enumerate(word_list())}


def entropy_bits() -> float:
    return WORDS_PER_CODE * math.log2(len(word_list()))


def new_code() -> str:
    """A fresh random code, words separated by spaces."""
    words = word_list()
    return " ".join(secrets.choice(words) for _ in range(WORDS_PER_CODE))


def as_digits(code: str) -> str:
    """The same code as groups of four digits ("0412 7719 …")."""
    indices = _parse(code)
    if indices is None:
        raise ValueError("not a receipt code")
    return " ".join(f"{i:04d}" for i in indices)


_SEPARATORS = re.compile(r"[\s,.;:_/\-\u2013\u2014\u00b7]+")


def _parse(raw: str) -> list[int] | None:
    tokens = [t for t in _SEPARATORS.split(raw.strip().lower()) if t]
    if len(tokens) == 1 and tokens[0].isdecimal() and len(tokens[0]) == 4 * WORDS_PER_CODE:
        tokens = [tokens[0][i : i + 4] for i in range(0, len(tokens[0]), 4)]
    if len(tokens) != WORDS_PER_CODE:
        return None
    index = _index()
    out = []
    for token in tokens:
        if token.isdecimal():
            value = int(token)
            if len(token) != 4 or value >= len(index):
                return None
            out.append(value)
        elif token in index:
            out.append(index[token])
        else:
            return None
    return out


def canonical(raw: str) -> str | None:
    """The canonical word form of a code typed in either form, or None if it cannot be one."""
    indices = _parse(raw)
    if indices is None:
        return None
    words = word_list()
    return " ".join(words[i] for i in indices)


def code_hash(canonical_code: str, secret_key: str) -> str:
    """The keyed hash stored in place of the code."""
    key = hashlib.sha256(b"receipt-code:" + secret_key.encode("utf-8")).digest()
    return hmac.new(key, canonical_code.encode("utf-8"), hashlib.sha256).hexdigest()


def hash_for_lookup(raw: str, secret_key: str) -> str:
    """The hash to look a typed code up by; an unparseable code hashes to a value never stored."""
    canon = canonical(raw)
    if canon is None:
        # Hash it anyway so that a malformed code costs the same as a wrong one.
        return code_hash("\x00invalid\x00" + raw[:200], secret_key)
    return code_hash(canon, secret_key)
