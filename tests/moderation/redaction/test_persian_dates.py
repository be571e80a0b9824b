# ruff: noqa: RUF001  (Persian digits are data)
"""Dates with a Persian month name: the Solar Hijri months of Iran and Afghanistan and the
Gregorian months as Persian writes them, with a year; a month name that is an everyday word
with no year is no date (issue 15, thirteenth round). Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction.dates import find_dates


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("در ۱۸ اردیبهشت ۱۴۰۰ از هرات بیرون شدیم", "۱۸ اردیبهشت ۱۴۰۰"),
        ("او را ۷ دی ۱۳۹۸ گرفتند", "۷ دی ۱۳۹۸"),
        ("روز ۴ جدی ۱۴۰۲ به مرز رسیدیم", "۴ جدی ۱۴۰۲"),  # the Afghan month
        ("قرار ما ۱۱ نوامبر ۲۰۲۳ در آتن است", "۱۱ نوامبر ۲۰۲۳"),
    ],
)
def test_a_persian_date(text: str, date: str) -> None:
    assert date in [s.text for s in find_dates(text)]


@pytest.mark.parametrize(
    "text",
    [
        "۳ تیر به پایش خورد",  # three bullets
        "۲ مهر روی نامه بود",  # two seals
    ],
)
def test_a_month_word_without_a_year_is_no_date(text: str) -> None:
    assert find_dates(text) == []
