# ruff: noqa: RUF001  (typographic quotes are data)
"""Facts about a text that several detectors need, computed once per text (cached for the last
few texts): where the first digit is, whether there is Arabic script, the lower-cased text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_DIGIT = re.compile(r"\d")
_ARABIC = re.compile(r"[\u0621-\u064A]")


@lru_cache(maxsize=8)
def first_digit(text: str) -> int:
    """Index of the first digit (any script), or -1."""
    m = _DIGIT.search(text)
    return -1 if m is None else m.start()


@lru_cache(maxsize=8)
def has_arabic(text: str) -> bool:
    """Whether the text has an Arabic letter (U+0621-U+064A)."""
    return not text.isascii() and _ARABIC.search(text) is not None


# The only characters that a case-insensitive regex letter matches although their (same-length)
# lower case is not that letter (found by trying every code point for a-z and the accented
# letters of the word lists): dotted/dotless i and long s.
_CASE_ODDITIES = ("\u0130", "\u0131", "\u017f")


@lru_cache(maxsize=8)
def lower_matches_ignorecase(text: str) -> bool:
    """Whether a case-sensitive lower-case regex over lower_same_length(text) finds what the
    (?i) regex finds over text (true unless the text has one of the few odd characters)."""
    return text.isascii() or not any(c in text for c in _CASE_ODDITIES)


@lru_cache(maxsize=8)
def lower_same_length(text: str) -> str:
    """text.lower(), except that characters whose lower case is not one character are kept as
    they are, so offsets stay valid."""
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lower


# Capital letters of the Latin, Greek and Cyrillic blocks, and the small letters among them
# (Latin Extended mixes both), which written_in_lower_case skips.
_CAPITAL_CANDIDATE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ɏͰ-ӿ]")
_MAX_CODES = 3  # words all in capitals (acronyms, case numbers) that a lower-case story may have
# What may stand between a sentence's end and its first word; the English "I" and its
# contractions, which phones capitalise anywhere.
_OPENERS = "¿¡\"'«“‘(*•-–—"
_ABBREVIATION = re.compile(r"(?<![^\W\d_])(?i:mr|mrs|ms|dr|st|sr|sra|srta|mme|mlle|me|m)\.$")
_ENGLISH_I = frozenset({"i", "i'm", "i’m", "i've", "i’ve", "i'll", "i’ll", "i'd", "i’d"})


def _word_around(text: str, i: int) -> tuple[int, int]:
    """The span of the word (letters, digits, apostrophes, hyphens) around position i."""
    start = end = i
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    return start, end


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at start opens the text, a line or a sentence ("¿", quotes and bullets
    before it do not count)."""
    i = start
    while i > 0 and (text[i - 1].isspace() or text[i - 1] in _OPENERS):
        if text[i - 1] == "\n":
            return True
        i -= 1
    if i > 0 and text[i - 1] == "." and _ABBREVIATION.search(text, max(0, i - 5), i):
        return False  # "Mr. Haqqani", "Dr. Amina": a title's dot ends no sentence
    return i == 0 or text[i - 1] in ".!?…"


@lru_cache(maxsize=8)
def written_in_lower_case(text: str) -> bool:
    """Whether the text is written in lower case: no word mixes capitals and small letters
    ("Maria", "McAllen") except where a phone capitalises by itself, at the start of a
    sentence or a line and the English "I" ("Me fui con pedro. I'm fine"). Up to three words
    in capitals do not count: an acronym or a case number typed in a lower-case story ("me
    atendio la COMAR", "mi caso es TAP-2024-0387")."""
    if lower_same_length(text) == text:
        return True
    codes = phone_capitals = 0
    seen_until = -1
    for m in _CAPITAL_CANDIDATE.finditer(text):
        if m.start() < seen_until or not m.group().isupper():
            continue
        start, seen_until = _word_around(text, m.start())
        word = text[start:seen_until]
        if word.lower() in _ENGLISH_I or (
            start == m.start()
            and not any(c.isupper() for c in word[1:])
            and _starts_sentence(text, start)
        ):
            phone_capitals += 1
            continue
        if any(c.islower() for c in word):
            return False
        codes += 1
        if codes > _MAX_CODES:
            return False
    # No Latin capital seen at all: capitals of another script, not known to be lower case.
    return codes > 0 or phone_capitals > 0


# "\d\d*" rather than "\d+": the same runs, but a pattern that starts with a plain character
# class lets the regex engine skip to candidate characters (about twice as fast on short text).
_DIGIT_RUN = re.compile(r"\d\d*")


@lru_cache(maxsize=8)
def digit_runs(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, the character after the run or "") for each run of digits (any script).

    Most digit-led patterns need a run of a certain length followed by a certain character
    (a date "12/" one or two digits then "/", an SSN three digits then "-"): checking that in
    Python is much cheaper than a regex match call, so detectors try their patterns only at
    the runs that pass such an exact necessary condition (see matches_at).
    """
    first = first_digit(text)
    if first < 0:
        return ()
    runs: list[tuple[int, int, str]] = []
    # From the first digit on (no run starts before it, and one starts there): the scan skips
    # the text before it. One span() call per run rather than start() and end() calls.
    for m in _DIGIT_RUN.finditer(text, first):
        start, end = m.span()
        runs.append((start, end, text[end : end + 1]))
    return tuple(runs)


def matches_at(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> list[re.Match[str]]:
    """pattern.finditer(text) when every match of pattern starts at one of starts (in order):
    the pattern is tried at those positions only. Same matches, same order."""
    out = []
    last = 0
    match = pattern.match
    for start in starts:
        if start >= last and (m := match(text, start)) is not None:
            out.append(m)
            last = m.end()
    return out
