# ruff: noqa: RUF001, RUF003  (multilingual text: Arabic letters and typographic quotes are data)
"""Folding with offset maps: the fast paths give what folding character by character gives."""

from __future__ import annotations

import random

from moderation.redaction import folding

_PIECES = [
    "Samir", "ÁNGELA", "é", "e\u0301", "İstanbul", "ß", "ﬁ", "’", "ʼ", "`", "سَمِير", "حلب", "ـ",
    "O`Brien", "أ", "ة", "\u200c", "\u00ad", "😀", "𝐀", "ǅ", " ", "\n", "-", ".", "1", "٣", "x",
    "ŉ", "Ω",
]  # fmt: skip


def _by_character(text: str) -> tuple[str, list[int]]:
    parts: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        f = folding.fold_char(c)
        parts.append(f)
        index.extend([i] * len(f))
    return "".join(parts), [*index, len(text)]


def _texts() -> list[str]:
    rnd = random.Random(11)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 20))) for _ in range(4000)]


def test_fold_with_map_equals_folding_each_character() -> None:
    regular = irregular = 0
    for text in _texts():
        folded, index = folding.fold_with_map.__wrapped__(text)
        assert (folded, list(index)) == _by_character(text), text
        assert folding.fold(text) == folded
        if isinstance(index, range):
            regular += 1
        else:
            irregular += 1
    assert regular > 100 and irregular > 100  # both paths are exercised


def test_irregular_characters_are_exactly_those_not_folding_to_one() -> None:
    pattern = folding._irregular()
    for code in [*range(0x0, 0x3000), *range(0xFB00, 0xFB60), *range(0xFE00, 0x10000, 7)]:
        c = chr(code)
        assert (pattern.match(c) is not None) == (len(folding.fold_char(c)) != 1), hex(code)
    assert pattern.match("😀") is not None  # outside the BMP: always the careful path


def test_backtick_folds_like_the_other_apostrophes_in_every_path() -> None:
    # The ASCII fast paths once kept "`" while fold_char() made it "'": a never-appear term
    # "O’Brien" then missed "O`Brien" in the text, and the leak guard let it through.
    for text in ("O`Brien", "O`Brien in Malmö", "سمير O`Brien"):
        assert "o'brien" in folding.fold(text)
        assert "o'brien" in folding.fold_with_map.__wrapped__(text)[0]
