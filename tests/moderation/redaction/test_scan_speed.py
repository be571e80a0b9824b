"""The per-text facts of scan.py (faster forms) equal the plain definitions."""

from __future__ import annotations

import re

from moderation.redaction import scan
from tests.moderation.redaction._speed_texts import texts

_EXTRA = ["", "7", "abc", "١٢ آذار ٢٠١٩", "x²³ 12", "a\u0660\u0669b", "ق", "é1", "\u0621", "\u064b"]


def test_digit_facts_match_the_plain_definitions() -> None:
    for text in _EXTRA + texts(6000, 51):
        plain_digit = re.search(r"\d", text)
        assert scan.first_digit(text) == (-1 if plain_digit is None else plain_digit.start())
        assert scan.has_arabic(text) == bool(re.search(r"[\u0621-\u064A]", text))
        runs = tuple(
            (m.start(), m.end(), text[m.end() : m.end() + 1]) for m in re.finditer(r"\d+", text)
        )
        assert scan.digit_runs(text) == runs, text
