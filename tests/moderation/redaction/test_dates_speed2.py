# ruff: noqa: RUF001  (multilingual text: odd letters are data)
"""The month-led date patterns are tried where a month name then a number starts, found from
the runs of digits: the same positions as the earlier search of _MONTH_THEN_DIGIT (stepping one
character after each hit)."""

from __future__ import annotations

import random
import sys

from moderation.redaction import dates
from moderation.redaction.scan import lower_matches_ignorecase, lower_same_length
from tests.moderation.redaction._speed_texts import texts


def _old_month_led_starts(text: str) -> list[int] | None:
    """The earlier _month_led_starts: a search of the whole lower-cased text."""
    if not lower_matches_ignorecase(text):
        return None
    lower = lower_same_length(text)
    starts = []
    pos = 0
    while (m := dates._MONTH_THEN_DIGIT.search(lower, pos)) is not None:
        starts.append(m.start())
        pos = m.start() + 1
    return starts


_PIECES = [
    "march", "MAR", "mar.", "may", "mayo", "dismay", "sep", "sept", "september", "june", "abril",
    "avril", "juillet", "août", "décembre", "Décembre", "janvier", "de", "del", "DE", "dél",
    "d", "e", "l", ".", "..", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "1", "12", "2019",
    "١٢", "٣", "x", "a", ",", "İ", "ſ", "é",
]  # fmt: skip


def test_month_led_starts_match_the_search() -> None:
    rnd = random.Random(17)
    glued = [
        "".join(rnd.choice(_PIECES) + rnd.choice(["", "", " "]) for _ in range(10))
        for _ in range(30000)
    ]
    found = 0
    for text in glued + texts(10000, 43):
        want = _old_month_led_starts(text)
        assert dates._month_led_starts(text) == want, text
        found += len(want or ())
    assert found > 3000, found


def test_lower_case_keeps_digits_and_white_space() -> None:
    # _month_led_starts takes the runs of digits of the text for those of its lower-cased
    # form, and checks white space on the lower-cased form: lower-casing a character into one
    # character never makes or unmakes a digit or white space.
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) == 1:
            assert low.isdecimal() == c.isdecimal(), hex(cp)
            assert low.isspace() == c.isspace(), hex(cp)
