"""Patterns tried only where their matches can start, not along the whole text: each detector
finds the same matches as a search of the whole text (the one rule of this module, checked for
every such pattern on texts made to miss a start).

- addresses._matches: a house number at a run of up to six digits, a state code right before
  the spacing before a run of five digits (a ZIP code);
- dates._words_before_years: a year after a preposition, from the word before a run of four
  digits (only the year's span is used);
- numbers._words_with_digits: ID tokens and tokens mixing letters and digits where an ASCII
  word with digits starts;
  numbers._phone_starts: phone candidates at a run of digits or the "+", "(" before it;
- text_patterns.email_starts: e-mail addresses in the run of local-part characters before an
  "@", at its start or after a "%";
- text_patterns.url_starts: URLs at a scheme before "://", at "www." and where a run of word
  characters, dots and hyphens with a dot in it starts;
- text_patterns._ipv6_starts: IPv6 addresses up to four hex digits before a ":";
- organisations._unit_starts: military units at a number of up to three digits or where "the"
  would be before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pytest

from moderation.redaction.addresses import _NUMBER_FIRST, _STATE_CODE, _matches
from moderation.redaction.dates import _BARE_YEAR, _words_before_years, find_dates
from moderation.redaction.numbers import (
    _ID_TOKEN,
    _MIXED_ID,
    _PHONE_CANDIDATE,
    _phone_starts,
    _words_with_digits,
)
from moderation.redaction.organisations import _UNIT, _unit_starts
from moderation.redaction.scan import digit_runs, matches_at
from moderation.redaction.text_patterns import (
    _EMAIL,
    _IPV6,
    _URL,
    _ipv6_starts,
    email_starts,
    url_starts,
)

Spans = Callable[[str], list[tuple[int, int]]]


def _spans(found: Iterable[re.Match[str]], group: int = 0) -> list[tuple[int, int]]:
    return [m.span(group) for m in found]


# For each pattern: the spans found from its starts, the spans of a search of the whole text.
DETECTORS: dict[str, tuple[Spans, Spans]] = {
    "house number": (
        lambda t: _spans(_matches(_NUMBER_FIRST, t)),
        lambda t: _spans(_NUMBER_FIRST.finditer(t)),
    ),
    "state code": (
        lambda t: _spans(_matches(_STATE_CODE, t)),
        lambda t: _spans(_STATE_CODE.finditer(t)),
    ),
    "bare year": (
        lambda t: _spans(_BARE_YEAR.matches_at(t, _words_before_years(digit_runs(t), t)), 1),
        lambda t: _spans(_BARE_YEAR.finditer(t), 1),
    ),
    "id token": (
        lambda t: _spans(matches_at(_ID_TOKEN, t, _words_with_digits(t))),
        lambda t: _spans(_ID_TOKEN.finditer(t)),
    ),
    "mixed id": (
        lambda t: _spans(matches_at(_MIXED_ID, t, _words_with_digits(t))),
        lambda t: _spans(_MIXED_ID.finditer(t)),
    ),
    "phone": (
        lambda t: _spans(matches_at(_PHONE_CANDIDATE, t, _phone_starts(t))),
        lambda t: _spans(_PHONE_CANDIDATE.finditer(t)),
    ),
    "email": (
        lambda t: _spans(matches_at(_EMAIL, t, email_starts(t))),
        lambda t: _spans(_EMAIL.finditer(t)),
    ),
    "url": (
        lambda t: _spans(_URL.matches_at(t, url_starts(t))),
        lambda t: _spans(_URL.finditer(t)),
    ),
    "ipv6": (
        lambda t: _spans(matches_at(_IPV6, t, _ipv6_starts(t))),
        lambda t: _spans(_IPV6.finditer(t)),
    ),
    "unit": (
        lambda t: _spans(matches_at(_UNIT, t, _unit_starts(t))),
        lambda t: _spans(_UNIT.finditer(t)),
    ),
}
ADDRESSES = [
    "We lived at 1234 Maple Street, Denver, CO 80202 and later at 12 3 Oak Road.",
    "CO\t\t80202-1234 TX 75001 tx 75001 XCO 80202 1234567 Elm Street 12b, Pine Ave",
    "CO 80202 NY  10001 5 12345 AB 123456",
    "",
]
TEXTS: dict[str, list[str]] = {
    "house number": ADDRESSES,
    "state code": ADDRESSES,
    "bare year": [
        "In 2015 we left; since  1999, until\t2020 and jusqu'en 2018, depuis 2001 en 1985.",
        "x'in 2015 IN 2016 année 2017 عام 2019 in2015 in 20155 of 1899 by 2100 from 12015",
        "2015 in 2015",
        "",
    ],
    "id token": [
        "Case XXX-17-045329 and passport AB1234567, file 476-05J16233.",
        "V-24.563.118 then E12345678; a1b2c3d4 and 12-34-56-78",
        "٣AB12345 ٣-123456 X٣12345 AB-٣٤٥٦٧٨٩",
        "abcAB123456 _AB123456 -AB123456 AB123456-",
        "",
        "no digits here",
    ],
    "mixed id": [
        "Case XXX-17-045329, passport ab1234567, file 476-05J16233 and 12-Mar-2019.",
        "x@AB123456 .AB123456 /ab12345 +b2156250 -AB123456 _AB123456 é1234567a",
        "٣AB12345 AB-٣٤٥٦٧٨٩ A1-B2-C3-D4-E5 ab12/cd34 12345abc.x 12345abc.",
        "",
        "no digits here",
    ],
    "phone": [
        "Call +(33) 6 12 34 56 78 or (0612) 345 678, or +44 20 7946 0958.",
        "tel 0031612345678 / 12.34.56.78.90 and x+(1) 555 0100",
        "((12345678 ++12345678 a(12345678 1-2345678 /12345678",
        "",
    ],
    "email": [
        "Write to jo.doe+tag@mail.example.org. or x%y@z.com, a@b.com%c@d.org",
        "%%q@r.io .a@b.co +a@b.co -x@y.za _u@v.fr é@ü.de a%@b.com %@c.com",
        "@@a@@b.com@c.org ab@cd.ef@gh.ij a@b @",
        "",
    ],
    "url": [
        "See https://example.org/a?b=1, HTTP://X.CO, ftp://files.net. and www.Site.com/path!",
        "a.b e.g. p.m. 3.5 mail@host.org sub-domain.example.co.uk/x x.y.z-.com -a.com _b.com",
        "http\u017f://x.org HTTPS://Y.ES ://z.fr http:// www. wwww.x.io ex.com.",
        ".com .x.org a..b.org",
        "",
    ],
    "ipv6": [
        "From 2001:db8::1 and fe80::1ff:fe23:4567:890a, then ::1 at 10:30:15.",
        "x2001:db8::1 :::: 12345:6:7 abcde:1:2 a:b:c 1:2:3:4:5:6:7:8:9 g1:2:3 é1:2:3",
        ":a:b ab:cd: :1:",
        "",
    ],
    "unit": [
        "He served in the 3rd Brigade, then THE  101st Airborne Division and 12e Régiment.",
        "the\t4 Battalion; 1234 Brigade; x5th Division; 2 3 the 4th Regiment",
        "123 5 Army then 7",
        "",
    ],
}


@pytest.mark.parametrize(
    ("detector", "text"),
    [(detector, text) for detector, texts in TEXTS.items() for text in texts],
    ids=lambda value: re.sub(r"\s+", " ", value)[:30] if isinstance(value, str) else None,
)
def test_matches_found_at_the_starts_are_all_of_them(detector: str, text: str) -> None:
    from_starts, whole_text = DETECTORS[detector]
    assert from_starts(text) == whole_text(text)


def test_one_start_for_a_word_with_several_runs_of_digits() -> None:
    assert _words_with_digits("id A1-B2-C3 and 45") == [3, 16]


def test_every_kind_of_date_in_one_sentence() -> None:
    found = find_dates("On 12/03/2019 at 10:30, jusqu'en 2018 (le 14 juillet)")
    assert [s.text for s in found] == ["12/03/2019 at 10:30", "14 juillet", "10:30", "2018"]
