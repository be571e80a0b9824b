"""Number shapes tried only where they can start: ID tokens where an ASCII word with digits
starts (numbers._words_with_digits), phone candidates at a run of digits or the "+", "(" before
it (numbers._phone_starts). The same matches as a search of the whole text."""

from __future__ import annotations

import pytest

from moderation.redaction.numbers import (
    _ID_TOKEN,
    _PHONE_CANDIDATE,
    _phone_starts,
    _words_with_digits,
)
from moderation.redaction.scan import matches_at


@pytest.mark.parametrize(
    "text",
    [
        "Case XXX-17-045329 and passport AB1234567, file 476-05J16233.",
        "V-24.563.118 then E12345678; a1b2c3d4 and 12-34-56-78",
        "٣AB12345 ٣-123456 X٣12345 AB-٣٤٥٦٧٨٩",
        "abcAB123456 _AB123456 -AB123456 AB123456-",
        "",
        "no digits here",
    ],
)
def test_id_tokens_found_at_the_word_starts_are_all_of_them(text: str) -> None:
    expected = [m.span() for m in _ID_TOKEN.finditer(text)]
    assert [m.span() for m in matches_at(_ID_TOKEN, text, _words_with_digits(text))] == expected


def test_one_start_for_a_word_with_several_runs_of_digits() -> None:
    assert _words_with_digits("id A1-B2-C3 and 45") == [3, 16]


@pytest.mark.parametrize(
    "text",
    [
        "Call +(33) 6 12 34 56 78 or (0612) 345 678, or +44 20 7946 0958.",
        "tel 0031612345678 / 12.34.56.78.90 and x+(1) 555 0100",
        "((12345678 ++12345678 a(12345678 1-2345678 /12345678",
        "",
    ],
)
def test_phone_candidates_found_at_their_starts_are_all_of_them(text: str) -> None:
    expected = [m.span() for m in _PHONE_CANDIDATE.finditer(text)]
    found = matches_at(_PHONE_CANDIDATE, text, _phone_starts(text))
    assert [m.span() for m in found] == expected
