"""Detector for dates and times precise enough to pin down an event (en, es, fr, ar)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Suggestion, suggestion
from .regex_util import trie_regex
from .scan import (
    digit_runs,
    first_digit,
    has_arabic,
    lower_matches_ignorecase,
    lower_same_length,
    matches_at,
)

_MONTHS = (
    # English (full and abbreviated)
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    # Spanish
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    "|noviembre|diciembre"
    # French
    "|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    "|novembre|décembre|decembre"
)
# Arabic month names: Syriac/Levantine (كانون الثاني ...), Gregorian transliterated (يناير ...)
# and Hijri (محرم ...).
_AR_MONTHS = (
    "كانون الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|اب|أيلول|ايلول|تشرين الأول"
    "|تشرين الاول|تشرين الثاني|كانون الأول|كانون الاول|يناير|فبراير|مارس|أبريل|ابريل|إبريل"
    "|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|محرم|صفر|ربيع الأول"
    "|ربيع الآخر|جمادى الأولى|جمادى الآخرة|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة"
)

# A leading look-ahead on the possible first characters lets the regex engine skip quickly to
# candidate positions (same matches, several times faster than trying every position).
_MONTH_START = "(?=[" + "".join(sorted({m[0] for m in _MONTHS.split("|")})) + "])"
_AR_MONTH_START = "(?=[" + "".join(sorted({m[0] for m in _AR_MONTHS.split("|")} | {"ش"})) + "])"
# Month names always end before a non-letter in these patterns, so a prefix tree is equivalent.
_MONTH_TRIE = trie_regex(_MONTHS.split("|"))
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|\d{2}(?!\d))"
_YEAR4 = r"(?:1[89]\d\d|20\d\d)"
_TIME = r"(?:\s*(?:at|a las|à|vers|,)?\s*[0-2]?\d[:h.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?)?"

_PATTERNS: list[tuple[re.Pattern[str], float]] = [
    # 2019-03-12, 2019/03/12 with optional time
    (
        re.compile(
            r"(?=[12])(?<![\d.-])(?:1[89]|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:[0-2]?\d|3[01])"
            r"(?:[ T][0-2]\d:[0-5]\d(?::[0-5]\d)?)?(?![\d])"
        ),
        0.9,
    ),
    # 12/03/2019, 3.12.19, 12-03-2019
    (
        re.compile(
            r"(?=\d)(?<![\d./-])(?:[0-2]?\d|3[01])[/.-](?:[0-2]?\d|3[01])[/.-](?:1[89]\d\d|20\d\d|\d\d)"
            r"(?![\d/.-]\d)" + _TIME
        ),
        0.9,
    ),
    # 12 March 2019, 12th of March, 12 de marzo de 2019, le 12 mars 2019
    (
        re.compile(
            r"(?i)(?=\d)\b" + _DAY + r"\s*(?:of\s+|de\s+)?" + _MONTH_TRIE + r"\.?"
            r"(?:,?\s*(?:de\s+|del\s+)?" + _YEAR4 + r")?(?![^\W\d_])" + _TIME
        ),
        0.9,
    ),
    # March 12, 2019 / March 12th
    (
        re.compile(
            r"(?i)"
            + _MONTH_START
            + r"\b"
            + _MONTH_TRIE
            + r"\.?\s+"
            + _DAY
            + r"(?:,?\s*"
            + _YEAR4
            + r")?\b"
            + _TIME
        ),
        0.88,
    ),
    # March 2019, marzo de 2019, mars 2019 (month-level precision)
    (
        re.compile(
            r"(?i)" + _MONTH_START + r"\b" + _MONTH_TRIE + r"\s+(?:de\s+|del\s+)?" + _YEAR4 + r"\b"
        ),
        0.75,
    ),
    # Arabic: ١٢ آذار ٢٠١٩ / 12 مارس 2019 / في ٣ رمضان
    (
        re.compile(
            r"(?=\d)(?<!\d)\d{1,2}\s*(?:من\s+)?(?:" + _AR_MONTHS + r")(?:\s+(?:عام|سنة)?\s*\d{4})?"
            r"(?![\u0621-\u064A])"
        ),
        0.9,
    ),
    (
        re.compile(
            _AR_MONTH_START + r"(?:شهر\s+)?(?:" + _AR_MONTHS + r")\s+(?:عام|سنة)?\s*\d{4}(?!\d)"
        ),
        0.75,
    ),
    # Times of day: 10:30, 10.30pm, 22h15
    (
        re.compile(
            r"(?i)(?=\d)(?<![\d:.])[0-2]?\d(?::[0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?|\s*[ap]\.m\.|"
            r"h[0-5]\d)(?![\d:])"
        ),
        0.6,
    ),
]
# Patterns whose matches always start with a digit that does not follow another digit.
_DIGIT_LED = tuple(
    p.pattern.replace("(?i)", "", 1).startswith(("(?=\\d)", "(?=[12])")) for p, _ in _PATTERNS
)
# Patterns whose matches start with a month name, followed by a number.
_MONTH_LED = tuple(p.pattern.startswith("(?i)" + _MONTH_START) for p, _ in _PATTERNS)
# What each of their matches starts with. Only a specification: _month_led_starts finds where
# it matches without a scan (the speed tests compare the two).
_MONTH_THEN_DIGIT = re.compile(_MONTH_TRIE + r"\.?\s+(?:del?\s+)?\d")
# Patterns that need an Arabic month name (Arabic letters).
_NEEDS_ARABIC = tuple(_AR_MONTHS.split("|")[0] in p.pattern for p, _ in _PATTERNS)
# A year on its own with a preposition ("in 2015") narrows an event less; lower confidence.
_BARE_YEAR = re.compile(
    r"(?i)(?=[isoufbedhjaعس])\b(?:in|since|of|until|from|by|en|desde|hasta|depuis|jusqu'en|année"
    r"|عام|سنة)\s+"
    r"(" + _YEAR4 + r")\b"
)


# Exact necessary conditions on the run of digits where a digit-led pattern can match (its
# length and what follows it), by pattern index; see _led_starts. Pattern 0 needs a
# four-digit year then a separator; 1 a day then a separator; 2 a day then a suffix, a sign,
# or a month (after white space, "of" / "de"); 5 a day then white space or an Arabic month;
# 7 an hour then ":" or "h" and minutes, or "a.m."-like letters (only ASCII letters match
# "a", "p", "h" under IGNORECASE). The Arabic month-year pattern (6, not digit-led) ends with
# a run of exactly four digits.
_NUMERIC_SEPARATORS = frozenset("-/.")
_DAY_SUFFIX_SIGNS = frozenset("º°")
# After a day and white space, pattern 2 goes on with "of", "de" or a month name; lower-cased
# (IGNORECASE), their first letters are these (the long s matches "s"; no month starts with
# "i" or "k").
_AFTER_DAY_SPACE = frozenset({m[0] for m in _MONTHS.split("|")} | {"o", "d", "\u017f"})
_MINUTE_TENS = frozenset("012345")
_AM_PM = frozenset("aApP")


def _led_starts(text: str, arabic: bool) -> tuple[list[int], ...]:
    """Per pattern, the digit-run starts where it can match (the others cannot: a digit-led
    pattern matches at a run start, and its length and what follows are checked here)."""
    led: tuple[list[int], ...] = tuple([[] for _ in _PATTERNS])
    n = len(text)
    for start, end, nxt in digit_runs(text):
        length = end - start
        if length == 4:
            if nxt in _NUMERIC_SEPARATORS:
                led[0].append(start)
            led[6].append(start)  # the Arabic month-year pattern needs a four-digit run
        elif length <= 2 and nxt:
            after = text[end + 1 : end + 2]
            if nxt.isspace():
                # Pattern 2: "of", "de" or a month after the white space; 7: "a.m."-like.
                j = end + 1
                while j < n and text[j].isspace():
                    j += 1
                word = text[j : j + 1]
                if word.lower() in _AFTER_DAY_SPACE:
                    led[2].append(start)
                if arabic:
                    led[5].append(start)
                if word in _AM_PM and text[j + 1 : j + 2] == ".":
                    led[7].append(start)
                continue
            if nxt in _NUMERIC_SEPARATORS:
                led[1].append(start)
            # Pattern 2: a suffix, a sign or a month name right after the day.
            if nxt.isalpha() or nxt in _DAY_SUFFIX_SIGNS:
                led[2].append(start)
            if arabic and "\u0621" <= nxt <= "\u064a":
                led[5].append(start)
            # Pattern 7: ":" or "h" then a minutes' tens digit, or "a"/"p" then ".".
            if ((nxt == ":" or nxt == "h" or nxt == "H") and after in _MINUTE_TENS) or (
                nxt in _AM_PM and after == "."
            ):
                led[7].append(start)
    return led


_MONTH_NAMES = tuple(_MONTHS.split("|"))
# The month names by their last three letters (every name has three or more).
_MONTHS_BY_ENDING: dict[str, tuple[str, ...]] = {
    e: tuple(m for m in _MONTH_NAMES if m.endswith(e)) for e in {m[-3:] for m in _MONTH_NAMES}
}


def _month_ends(lower: str, digit: int) -> list[int]:
    r"""Where a month name must end for _MONTH_THEN_DIGIT ("MONTH\.?\s+(?:del?\s+)?\d") to
    match with its \d at digit, a digit after white space: before the white space, or before
    "de" / "del" and the white space before it; one less where a "." is there (month names
    have no dots). Candidates only: the caller checks which names end there. (Slices, not
    str.endswith: with positions, that is a much slower call.)"""
    space = _space_before(lower, digit)
    ends = [space]
    word = -1
    if space >= 2 and lower[space - 2 : space] == "de":
        word = space - 2
    elif space >= 3 and lower[space - 3 : space] == "del":
        word = space - 3
    if word > 0:
        before = _space_before(lower, word)
        if before < word:
            ends.append(before)
    for i in range(len(ends)):
        end = ends[i]
        if end > 0 and lower[end - 1] == ".":
            ends.append(end - 1)
    return ends


def _month_led_starts(text: str) -> list[int] | None:
    r"""Where the month-led patterns can match (a month name then a number starts there, on the
    lower-cased text), or None when that cannot be told from the lower-cased text.

    These are the positions where _MONTH_THEN_DIGIT matches on the lower-cased text. Its \d
    follows white space, so it starts a run of digits (lower-casing keeps every digit and
    every white space character where it is and adds none: see the tests); from each run
    start after white space, the month names that end where _month_ends says are looked up
    (the text between is then exactly what the pattern needs). A scan of the text for the
    pattern would try every position where a month name could start."""
    if not lower_matches_ignorecase(text):
        return None
    lower = lower_same_length(text)
    found: list[int] = []
    for start, _, _ in digit_runs(text):
        if start == 0 or not lower[start - 1].isspace():
            continue
        for end in _month_ends(lower, start):
            names = _MONTHS_BY_ENDING.get(lower[end - 3 : end]) if end >= 3 else None
            if names is None:
                continue
            for name in names:
                month = end - len(name)
                if month >= 0 and lower[month:end] == name and month not in found:
                    found.append(month)
    found.sort()
    return found


_AR_MONTH_NAMES = tuple(_AR_MONTHS.split("|"))
_AR_YEAR_WORDS = ("عام", "سنة")


def _space_before(text: str, end: int) -> int:
    """Where the run of white space that ends at end starts (end itself if there is none)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _ar_month_year_starts(text: str, four_digit_runs: list[int]) -> list[int]:
    r"""Where the Arabic month-year pattern can match, in order: a match is
    "[شهر\s+]MONTH\s+[عام|سنة]\s*" then a run of exactly four digits, so for each such run
    the month must end where the white space (and the optional year word) before it starts;
    the match starts at that month or at "شهر" and white space before it."""
    starts: list[int] = []
    for run in four_digit_runs:
        space = _space_before(text, run)
        month_ends = [space] if space < run else []
        if text.endswith(_AR_YEAR_WORDS, 0, space):
            before_word = _space_before(text, space - 3)
            if before_word < space - 3:
                month_ends.append(before_word)
        found = set()
        for end in month_ends:
            if not text.endswith(_AR_MONTH_NAMES, 0, end):
                continue  # (one call for all names; then the ones that end there)
            for name in _AR_MONTH_NAMES:
                if text.endswith(name, 0, end):
                    month = end - len(name)
                    found.add(month)
                    shahr = _space_before(text, month)
                    if shahr < month and text.endswith("شهر", 0, shahr):
                        found.add(shahr - 3)
        starts.extend(sorted(found))
    return starts


# A bare-year match ends with the preposition, then white space, then the year: the
# preposition is looked for just before the white space in front of a four-digit run.
_PREPOSITION_END = re.compile(_BARE_YEAR.pattern.split(r"\s+")[0] + r"\Z")


def _bare_years(text: str, four_digit_runs: list[int]) -> list[Suggestion]:
    """_BARE_YEAR.finditer(text) as suggestions, tried only at four-digit runs (their starts)
    that start a year and follow white space (each match has one such year, its group 1)."""
    out = []
    for start in four_digit_runs:
        nxt = text[start + 4 : start + 5]
        if (
            start == 0
            or text[start : start + 2] not in ("18", "19", "20")
            or nxt.isalnum()
            or nxt == "_"
            or not text[start - 1].isspace()
        ):
            continue
        space = start - 1
        while space > 0 and text[space - 1].isspace():
            space -= 1
        if _PREPOSITION_END.search(text, max(0, space - 12), space) is not None:
            out.append(suggestion(start, start + 4, "date", 0.4, "date", text[start : start + 4]))
    return out


def find_dates(text: str) -> list[Suggestion]:
    """Full dates, day-month dates, month-year dates, times of day and years after a preposition."""
    out: list[Suggestion] = []
    first = first_digit(text)
    if first < 0:
        return out  # every pattern needs a digit
    arabic = has_arabic(text)
    led = _led_starts(text, arabic)
    # Month-led patterns need a month name followed by a number (found on lower-cased text
    # without IGNORECASE, which scans much faster); they are tried only there.
    month_starts = _month_led_starts(text)
    found: Iterable[re.Match[str]]
    for (pattern, conf), digit_led, needs_arabic, needs_month, starts in zip(
        _PATTERNS, _DIGIT_LED, _NEEDS_ARABIC, _MONTH_LED, led, strict=True
    ):
        if needs_arabic and not arabic:
            continue
        if digit_led:
            if not starts:
                continue
            found = matches_at(pattern, text, starts)
        elif needs_month:
            found = (
                pattern.finditer(text)
                if month_starts is None
                else matches_at(pattern, text, month_starts)
            )
        elif starts:  # the Arabic month-year pattern, with a four-digit run
            found = matches_at(pattern, text, _ar_month_year_starts(text, starts))
        else:
            continue
        for m in found:
            s = m.group().rstrip(" ,")
            if not s.strip():
                continue
            if conf == 0.6 and ":" not in s and "." not in s and "h" not in s.lower():  # noqa: SIM102 (reads as two separate conditions)
                if not re.search(r"(?i)[ap]\.?m", s):
                    continue
            start = m.start() + (len(s) - len(s.lstrip()))
            out.append(suggestion(start, m.start() + len(s), "date", conf, "date", s.strip()))
    if led[6]:
        out.extend(_bare_years(text, led[6]))
    return out
