# ruff: noqa: RUF001  (Arabic-Indic and Persian digits are data)
"""Dates written in Arabic-Indic and Persian digits (moderation/redaction/dates.py): the same
dates as in ASCII digits, with the text as written. Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction.dates import find_dates


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("وصلنا الى عمان في ١٤/٩/٢٠١٥ بالليل.", "١٤/٩/٢٠١٥"),
        ("خرجنا يوم ٢٠١٦-٠٣-٠٧ من الحسكة.", "٢٠١٦-٠٣-٠٧"),
        # a Solar Hijri date in Persian digits (1399/07/21)
        ("در تاریخ ۱۳۹۹/۰۷/۲۱ به مرز رسیدیم.", "۱۳۹۹/۰۷/۲۱"),
    ],
)
def test_a_date_in_eastern_digits(text: str, date: str) -> None:
    found = [(s.text, s.kind) for s in find_dates(text)]
    assert (date, "date") in found
    start = text.index(date)
    assert [s.start for s in find_dates(text) if s.text == date] == [start]


def test_the_same_date_in_ascii_digits() -> None:
    assert [s.text for s in find_dates("We arrived on 14/9/2015 at night.")] == ["14/9/2015"]
