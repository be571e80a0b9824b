# ruff: noqa: RUF001  (multilingual text: Arabic letters and odd letters are data)
"""find_dates tries its patterns only where they can match; it finds what the plain version
(every pattern over the whole text) finds."""

from __future__ import annotations

import random
import re
import sys

from moderation.redaction import dates
from moderation.redaction.model import Suggestion
from tests.moderation.redaction._speed_texts import texts


def _plain_dates(text: str) -> list[Suggestion]:
    """The plain version: every pattern's finditer over the whole text, no gates."""
    out = []
    for pattern, conf in dates._PATTERNS:
        for m in pattern.finditer(text):
            s = m.group().rstrip(" ,")
            if not s.strip():
                continue
            if conf == 0.6 and ":" not in s and "." not in s and "h" not in s.lower():  # noqa: SIM102
                if not re.search(r"(?i)[ap]\.?m", s):
                    continue
            start = m.start() + (len(s) - len(s.lstrip()))
            out.append(Suggestion(start, m.start() + len(s), "date", conf, "date", s.strip()))
    for m in dates._BARE_YEAR.finditer(text):
        out.append(Suggestion(m.start(1), m.end(1), "date", 0.4, "date", m.group(1)))
    return out


_EXTRA = [
    "On 12 March 2019, in 1987, since 2001, MARCH 3rd, mars 2020, marzo de 2018, 2019-03-12",
    "12/03/2019 10:30pm, 3.12.19, 22h15, 7 a.m., 10.30, ١٢ آذار ٢٠١٩, في ٣ رمضان, شهر رمضان 2019",
    "jusqu'en 2019, année 2020, عام 2015, in\t 1999x, from 2030, 12 de   marzo, 1 ſept 2019",
    "the 12 people of 1990; 3 days; 12 MAI 2019 and mai 12 1999; 5° mar; 31st of May",
]


def test_find_dates_matches_the_plain_version() -> None:
    found = 0
    for text in _EXTRA + texts(12000, 21):
        want = _plain_dates(text)
        assert dates.find_dates(text) == want, text
        found += len(want)
    assert found > 500  # the texts do exercise the patterns


def test_after_day_letters_cover_ignorecase() -> None:
    # Every character that (?i) lets start "of", "de" or a month is in _AFTER_DAY_SPACE
    # once lower-cased, so the day-month pre-check never drops a match.
    letters = "".join(sorted({w[0] for w in dates._MONTHS.split("|")} | {"o", "d"}))
    first = re.compile("(?i)[" + letters + "]")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if first.match(c):
            assert c.lower() in dates._AFTER_DAY_SPACE, hex(cp)


def test_arabic_month_year_starts_cover_the_matches() -> None:
    rnd = random.Random(9)
    pieces = [
        "شهر", "آذار", "رمضان", "كانون الثاني", "تشرين الأول", "اب", "آب", "شباط", "عام", "سنة",
        "في", "2019", "٢٠١٩", "19", "20190", " ", " ", "  ", "\t", "\n", "x", "ش", "هر", "م",
    ]  # fmt: skip
    pattern = dates._PATTERNS[6][0]
    found = 0
    for _ in range(30000):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", "", " "]) for _ in range(8))
        want = [m.span() for m in pattern.finditer(text)]
        led = dates._led_starts(text, True)[6]
        got = [
            m.span()
            for m in dates.matches_at(pattern, text, dates._ar_month_year_starts(text, led))
        ]
        assert got == want, text
        found += len(want)
    assert found > 2000, found
