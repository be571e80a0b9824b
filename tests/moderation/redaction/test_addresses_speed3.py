# ruff: noqa: RUF001  (multilingual text: typographic quotes and odd letters are data)
"""The street gates of ASCII texts from the scan of their runs of letters (addresses
._ascii_street_gates) are the ones the street-words regex found (the previous version, kept
here as the oracle), on generated texts full of street, unit and compound words in every case
and with every kind of neighbour, and on the bench sets."""

from __future__ import annotations

import random
import re

from moderation.redaction import addresses as A
from moderation.redaction import scan


def _old_street_gates(text: str, lower: str, digit: bool = True) -> list[int]:
    """The previous _street_gates: the exact gates matched where the street-words gate does."""
    gates: tuple[tuple[re.Pattern[str], str], ...] = (
        (A._PREFIX_GATE, text),
        (A._STREET_WORD_GATE, text),
        (A._COMPOUND_GATE_LOWER, lower),
        (A._UNIT_GATE_LOWER, lower),
    )
    found = [-1, -1, -1, -1]
    missing = 4
    words_gate = A._STREET_WORDS_GATE
    if not digit:
        words_gate = A._STREET_WORDS_GATE_NO_UNIT
        missing = 3
        gates = gates[:3]
    pos = 0
    while missing and (hit := words_gate.search(lower, pos)) is not None:
        at = hit.start()
        for k, (gate, where) in enumerate(gates):
            if found[k] < 0 and gate.match(where, at) is not None:
                found[k] = at
                missing -= 1
        pos = at + 1
    return found


def _words() -> list[str]:
    """Every word of the gates, as written, lower-cased, upper-cased and capitalised."""
    words = list(A._PREFIX_WORDS) + list(A._COMPOUND_WORDS) + list(A._UNIT_WORDS)
    words += A._STREET_WORD[3:-1].replace("\\", "").split("|")
    words += ["p.o. box", "P.O.Box", "po box", "pobox", "p o box", "PO BOX", "no", "No.", "#"]
    words += ["during", "string", "true", "replace", "trivia", "gateway", "streets", "music"]
    words += ["soul", "grav", "admin", "boxno", "aptno", "unitno", "poboxno", "ring", "Kring"]
    return sorted({v for w in words for v in (w, w.lower(), w.upper(), w.capitalize())})


_NEIGHBOURS = [
    "", "", "", " ", " ", "  ", "\t", "\n", "\x0b", "\x1c", "\x1f", "\x85", "\u00a0", "\u2003",
    ".", ",", "-", "'", "’", "/", "#", "_", ":", "5", "12", "x", "K", "a", "é", "İ", "ı", "ſ",
    "\u212a", "ß", "no", "No.", "(", "á", "ó", "Ç", "ç", "Ä", "ú", "Í", "٣", "\u0301", "Σ", "€",
]  # fmt: skip


def _texts(count: int, seed: int, ascii_only: bool = False) -> list[str]:
    rnd = random.Random(seed)
    words = [w for w in _words() if w.isascii() or not ascii_only]
    neighbours = [w for w in _NEIGHBOURS if w.isascii() or not ascii_only]
    return [
        "".join(
            rnd.choice(words if rnd.random() < 0.6 else neighbours) + rnd.choice(neighbours)
            for _ in range(rnd.randint(1, 14))
        )
        for _ in range(count)
    ]


def _ascii_texts(count: int, seed: int) -> list[str]:
    out = _texts(count, seed, ascii_only=True)
    rnd = random.Random(seed)
    alphabet = "aprtsuoebnxcd ./'-#5_\t\n\x1c"
    out += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 30))) for _ in range(count)]
    return out


def _check(texts: list[str]) -> int:
    hits = 0
    for text in texts:
        if not scan.lower_matches_ignorecase(text):
            continue
        lower = scan.lower_same_length(text)
        for digit in (True, False):
            old = _old_street_gates(text, lower, digit)
            assert A._street_gates(text, lower, digit) == old, (text, digit)
            hits += sum(x >= 0 for x in old)
    return hits


def test_ascii_street_gates_same_as_the_street_words_regex() -> None:
    texts = _ascii_texts(20000, 31)
    assert all(t.isascii() for t in texts)
    assert _check(texts) > 20000


def test_street_gates_same_on_mixed_texts() -> None:
    texts = _texts(6000, 32)
    # Texts with other characters but none of the letters of the words that are not ASCII:
    # the scan of runs of letters (with "?" for each other character) is used for them.
    scanned = [t for t in texts if not any(c in t.lower() for c in A._NON_ASCII_WORD_LETTERS)]
    assert sum(not t.isascii() for t in scanned) > 500
    assert _check(texts) > 2000


def test_street_gates_same_on_the_bench_sets() -> None:
    from bench.redaction import load_presidio
    from bench.redaction_corpus import generate

    texts = [t for t, _, _ in load_presidio()] + [s.text for s in generate()]
    assert _check(texts) > 500


def test_every_gate_word_is_letters_then_non_letters() -> None:
    # The reasoning of _ascii_street_gates: a word's letters are a run's ending or beginning.
    for letters, _, _ in A._ENDS + A._STARTS:
        assert letters.isascii() and letters.isalpha() and letters.islower(), letters
