"""Dates led by a number are tried only at runs of digits, and a year after a preposition from
the word before a run of four digits (dates._words_before_years): the same years as a search of
the whole text."""

from __future__ import annotations

import pytest

from moderation.redaction.dates import _BARE_YEAR, _words_before_years, find_dates
from moderation.redaction.scan import digit_runs


@pytest.mark.parametrize(
    "text",
    [
        "In 2015 we left; since  1999, until\t2020 and jusqu'en 2018, depuis 2001 en 1985.",
        "x'in 2015 IN 2016 année 2017 عام 2019 in2015 in 20155 of 1899 by 2100 from 12015",
        "2015 in 2015",
        "",
    ],
)
def test_bare_years_found_from_the_word_before_are_all_of_them(text: str) -> None:
    expected = [m.span(1) for m in _BARE_YEAR.finditer(text)]
    starts = _words_before_years(digit_runs(text), text)
    assert [m.span(1) for m in _BARE_YEAR.matches_at(text, starts)] == expected


def test_every_kind_of_date_in_one_sentence() -> None:
    found = find_dates("On 12/03/2019 at 10:30, jusqu'en 2018 (le 14 juillet)")
    assert [s.text for s in found] == ["12/03/2019 at 10:30", "14 juillet", "10:30", "2018"]
