"""Detector for dates and times precise enough to pin down an event (en, es, fr, ar)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .model import Suggestion, suggestion
from .regex_util import CaselessPattern, trie_regex
from .scan import digit_runs, first_digit, matches_at

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
# Persian month names: the Solar Hijri months of Iran and of Afghanistan (Dari), and the
# Gregorian months as written in Persian. Several are everyday words too ("تیر" a bullet, "جدی"
# serious, "میزان" amount), so only a day, a month and a year make a date with them.
_FA_MONTHS = (
    "فروردین|اردیبهشت|خرداد|تیر|مرداد|امرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
    "|حمل|ثور|جوزا|سرطان|اسد|سنبله|میزان|عقرب|قوس|جدی|دلو|حوت"
    "|ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|ژوئيه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر"
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

# Each pattern with its confidence and, for a pattern led by a number, the lengths of the run of
# digits that a match starts with (a look-behind or \b keeps a digit out before it, and what
# follows the number is never a digit): it is tried only at those runs (see scan.digit_runs).
# None: led by a month name, searched for in the whole text.
_PATTERNS: list[tuple[re.Pattern[str] | CaselessPattern, float, tuple[int, ...] | None]] = [
    # 2019-03-12, 2019/03/12 with optional time
    (
        re.compile(
            # 13xx and 14xx: the Solar Hijri years of Iran and Afghanistan (1398/05/12, written
            # in Persian digits)
            r"(?=[12])(?<![\d.-])(?:1[389]|14|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:[0-2]?\d|3[01])"
            r"(?:[ T][0-2]\d:[0-5]\d(?::[0-5]\d)?)?(?![\d])"
        ),
        0.9,
        (4,),
    ),
    # 12/03/2019, 3.12.19, 12-03-2019
    (
        re.compile(
            r"(?=\d)(?<![\d./-])(?:[0-2]?\d|3[01])[/.-](?:[0-2]?\d|3[01])[/.-](?:1[89]\d\d|20\d\d|\d\d)"
            r"(?![\d/.-]\d)" + _TIME
        ),
        0.9,
        (1, 2),
    ),
    # 12 March 2019, 12th of March, 12 de marzo de 2019, le 12 mars 2019
    (
        CaselessPattern(
            r"(?=\d)\b" + _DAY + r"\s*(?:of\s+|de\s+)?" + _MONTH_TRIE + r"\.?"
            r"(?:,?\s*(?:de\s+|del\s+)?(?P<year>" + _YEAR4 + r"))?(?![^\W\d_])" + _TIME
        ),
        0.9,
        (1, 2),
    ),
    # March 12, 2019 / March 12th
    (
        CaselessPattern(
            _MONTH_START
            + r"\b"
            + _MONTH_TRIE
            + r"\.?\s+"
            + _DAY
            + r"(?:,?\s*(?P<year>"
            + _YEAR4
            + r"))?\b"
            + _TIME
        ),
        0.88,
        None,
    ),
    # March 2019, marzo de 2019, mars 2019 (month-level precision)
    (
        CaselessPattern(
            _MONTH_START + r"\b" + _MONTH_TRIE + r"\s+(?:de\s+|del\s+)?" + _YEAR4 + r"\b"
        ),
        0.75,
        None,
    ),
    # Arabic: ١٢ آذار ٢٠١٩ / 12 مارس 2019 / في ٣ رمضان
    (
        re.compile(
            r"(?=\d)(?<!\d)\d{1,2}\s*(?:من\s+)?(?:"
            + _AR_MONTHS
            + r")(?:\s+(?:عام|سنة)?\s*(?P<year>\d{4}))?(?![\u0621-\u064A])"
        ),
        0.9,
        (1, 2),
    ),
    (
        re.compile(
            _AR_MONTH_START + r"(?:شهر\s+)?(?:" + _AR_MONTHS + r")\s+(?:عام|سنة)?\s*\d{4}(?!\d)"
        ),
        0.75,
        None,
    ),
    # Persian: "25 آبان 1401", "8 سپتامبر 2020" in either digits (a year always: see _FA_MONTHS)
    (
        re.compile(
            r"(?=\d)(?<!\d)\d{1,2}\s*(?:"
            + trie_regex(_FA_MONTHS.split("|"))
            + r")\s+(?:سال\s+)?\d{4}(?!\d)"
        ),
        0.9,
        (1, 2),
    ),
    # Times of day: 10:30, 10.30pm, 22h15
    (
        CaselessPattern(
            r"(?=\d)(?<![\d:.])[0-2]?\d(?::[0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?|\s*[ap]\.m\.|"
            r"h[0-5]\d)(?![\d:])"
        ),
        0.6,
        (1, 2),
    ),
]
# A day and month without a year ("24 de diciembre", "le 14 juillet", "في ٣ رمضان") names a day
# that comes back every year, like a month and year names a month: suggested, below the leak
# guard's threshold. A full date (a day of one year) is sure.
_YEARLESS = 0.75

# A year on its own with a preposition ("in 2015") narrows an event less; lower confidence.
_BARE_YEAR = CaselessPattern(
    r"(?=[isoufbedhjaعس])\b(?:in|since|of|until|from|by|en|desde|hasta|depuis|jusqu'en|année"
    r"|عام|سنة)\s+"
    r"(" + _YEAR4 + r")\b"
)


def _matches_at(
    pattern: re.Pattern[str] | CaselessPattern, text: str, starts: Sequence[int]
) -> list[re.Match[str]]:
    """pattern.finditer(text) when every match starts at one of starts (see scan.matches_at)."""
    if isinstance(pattern, CaselessPattern):
        return pattern.matches_at(text, starts)
    return matches_at(pattern, text, starts)


def _words_before_years(runs: Sequence[tuple[int, int, str]], text: str) -> list[int]:
    """Where the letters of the word before each run of four digits (and its spacing) start:
    a _BARE_YEAR match starts there, or its year is found from there all the same (from "en"
    in "jusqu'en 2015"; only the year's span is used)."""
    starts: list[int] = []
    for start, end, _ in runs:
        if end - start != len("2015"):
            continue
        word_end = start
        while word_end > 0 and text[word_end - 1].isspace():
            word_end -= 1
        word_start = word_end
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        if word_start < word_end < start:
            starts.append(word_start)
    return starts


# Arabic-Indic and Persian digits as ASCII ones, one character for one: the patterns spell out
# digits ("1[89]", "[0-2]") and a date in Arabic or Persian script is written with those (3/6/2012
# in Arabic-Indic digits). Offsets stay the same; the suggestion keeps the text as written.
_ARABIC_INDIC = "".join(map(chr, range(0x0660, 0x066A)))
_PERSIAN = "".join(map(chr, range(0x06F0, 0x06FA)))
_ASCII_DIGITS = str.maketrans(_ARABIC_INDIC + _PERSIAN, "0123456789" * 2)
_EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]+")


def _ascii_digits(text: str) -> str:
    """The text with its Arabic-Indic and Persian digits written as ASCII ones (each run of
    them translated: str.translate over a whole story costs about 100 instructions a
    character)."""
    if _EASTERN_DIGITS.search(text) is None:
        return text
    return _EASTERN_DIGITS.sub(lambda m: m.group().translate(_ASCII_DIGITS), text)


def find_dates(written: str) -> list[Suggestion]:
    """Full dates, day-month dates, month-year dates, times of day and years after a preposition."""
    out: list[Suggestion] = []
    if first_digit(written) < 0:
        return out  # every pattern needs a digit
    text = _ascii_digits(written)
    runs = digit_runs(text)
    for pattern, conf, run_lengths in _PATTERNS:
        if run_lengths is None:
            matches: Iterable[re.Match[str]] = pattern.finditer(text)
        else:
            starts = [start for start, end, _ in runs if end - start in run_lengths]
            matches = _matches_at(pattern, text, starts)
        for m in matches:
            s = text[m.start() : m.end()].rstrip(" ,")
            if not s.strip():
                continue
            if conf == 0.6 and ":" not in s and "." not in s and "h" not in s.lower():  # noqa: SIM102 (reads as two separate conditions)
                if not re.search(r"(?i)[ap]\.?m", s):
                    continue
            start = m.start() + (len(s) - len(s.lstrip()))
            end = m.start() + len(s)
            sure = "year" not in m.re.groupindex or m.group("year") is not None
            date_conf = conf if sure else _YEARLESS
            out.append(suggestion(start, end, "date", date_conf, "date", written[start:end]))
    for m in _BARE_YEAR.matches_at(text, _words_before_years(runs, text)):
        start, end = m.span(1)
        out.append(suggestion(start, end, "date", 0.4, "date", written[start:end]))
    return out
