"""Detector for postcodes (a private part of addresses.py, which exports find_postcodes)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Suggestion
from .scan import digit_runs, first_digit, lower_matches_ignorecase, matches_at

_POSTCODE_STRONG: list[tuple[re.Pattern[str], float]] = [
    (
        re.compile(
            r"(?=GIR|[A-Z][A-Z]?\d)\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b"
        ),
        0.85,
    ),  # UK
    (
        re.compile(
            r"(?=[ABCEGHJ-NPRSTVXY]\d)\b"
            r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b"
        ),
        0.85,
    ),  # CA
]
# A capital followed by a digit, or "GIR": every strong match has one at most one character
# after its start. A class first lets the engine scan for capitals.
_STRONG_GATE = re.compile(r"[A-Z](?:\d|(?<=G)IR)")
# Numeric shapes (each alternative written after its first digit, so the pattern starts with
# the digit class: the engine scans for digits; a match starts a run of digits).
_POSTCODE_SHAPE = re.compile(
    r"\d(?<![\w.,:/-]\d)"
    r"(?:\d{4}-\d{3,4}|\d{3}-\d{3}|\d-\d{3}|\d{2} \d{2}|\d{3} ?[A-Z]{2}|\d{2,4})"
    r"(?![\w:/-]|[.,]\d)"
)
# Characters that may not come just before a shape (its look-behind less \w).
_NOT_BEFORE_SHAPE = "_.,:/-"
_POSTCODE_CUE = re.compile(
    r"(?:(?i:zip|zip code|postcode|post code|postal code|código postal|code postal|cp|c\.p\.)"
    r"(?:\s*(?:is|es|est|:))?|\b[A-Z]{2}|,|\n|\b[A-Z][a-zà-ÿ]+)\s*$"
)
# The cue is searched in the 25 characters before a candidate and must end there (before white
# space): its alternatives end with ",", a capital, a lower-case run after a capital, or one of
# these endings of the cue words (lower-cased); or it is a line break in the trailing space.
# Only where a cue word can end is the regex needed to find where the cue starts.
_CUE_WORD_ENDINGS = ("zip", "code", "postal", "cp", "c.p.", "is", "es", "est", ":")
_CUE_LOWER_RUN = "".join(map(chr, range(ord("a"), ord("z") + 1))) + "".join(
    map(chr, range(ord("à"), ord("ÿ") + 1))
)
_STRONG_CUE = re.compile(r"(?i)zip|post|cód|code|cp|c\.p")
_STRONG_STARTS = ("zip", "post", "cód", "code", "cp")  # a capitalised word that is one
# Matched at the end of the candidate (match with pos and endpos, as on the 25-character slice).
_AFTER_CUE = re.compile(r"[ \t]+[A-ZÀ-Þ][\w'-]+")


def _cue_start(before: str, core: str, plain_lower: bool) -> int:
    """Where _POSTCODE_CUE.search(before) matches (-1: nowhere); core is before.rstrip().

    Every alternative of the cue ends where core ends (white space follows to the end of
    before), or is a line break in that white space; the match text runs from its start to the
    end of before. Unless a cue word could end there (or the text has one of the odd letters
    for which lower-casing is not what IGNORECASE matches), the start is worked out directly:
    a final ",", two capitals or a capitalised word after a word boundary (the last character
    decides which one can match), else the first line break after core.
    """
    if not core:
        return before.find("\n")
    if not plain_lower or core.lower().endswith(_CUE_WORD_ENDINGS):
        cue = _POSTCODE_CUE.search(before)
        return -1 if cue is None else cue.start()
    n = len(core)
    last = core[-1]
    if last == ",":
        return n - 1
    if "A" <= last <= "Z":
        if n >= 2 and "A" <= core[n - 2] <= "Z" and (n == 2 or not _is_word(core[n - 3])):
            return n - 2
    else:
        run_start = len(core.rstrip(_CUE_LOWER_RUN))  # a lower-case run ending core
        if (
            0 < run_start < n
            and "A" <= core[run_start - 1] <= "Z"
            and (run_start == 1 or not _is_word(core[run_start - 2]))
        ):
            return run_start - 1
    return before.find("\n", n)


def _shape_starts(text: str) -> list[int]:
    """Where a _POSTCODE_SHAPE match can start: the first digit of a run of two to five digits
    not just after a \\w character or one of .,:/- (every match starts a run, as its digit is
    not after a \\w character; its first run of digits is followed by "-", " ", a capital or
    a character that is not \\w: two, three, four or five digits long)."""
    out = []
    for start, end, _ in digit_runs(text):
        if 2 <= end - start <= 5 and (start == 0 or _may_precede_shape(text[start - 1])):
            out.append(start)
    return out


def _may_precede_shape(c: str) -> bool:
    return not (_is_word(c) or c in _NOT_BEFORE_SHAPE)


def _is_word(c: str) -> bool:
    """Whether the character is one that \\w matches (\\b lies between one and a non-one)."""
    return c.isalnum() or c == "_"


def _may_have_strong_cue(core: str, plain_lower: bool) -> bool:
    """False only if no _POSTCODE_CUE match in the window (core is its rstrip()) is a strong
    cue (_STRONG_CUE): that needs a cue word at the end ("CP" is one), or a capitalised last
    word that starts like one ("Zip", "Postal")."""
    if not plain_lower:
        return True
    if core.lower().endswith(_CUE_WORD_ENDINGS):
        return True
    run_start = len(core.rstrip(_CUE_LOWER_RUN))
    return (
        0 < run_start < len(core)
        and "A" <= core[run_start - 1] <= "Z"
        and core[run_start - 1 :].lower().startswith(_STRONG_STARTS)
    )


def find_postcodes(text: str) -> Iterator[Suggestion]:
    """Postcodes: distinctive national formats anywhere, numeric ones only beside address cues."""
    first = first_digit(text)
    if first < 0:
        return
    gate = _STRONG_GATE.search(text, max(0, first - 4))  # "GIR 0AA": 4 before the digit
    if gate is not None:
        for pattern, conf in _POSTCODE_STRONG:
            for m in pattern.finditer(text, max(0, gate.start() - 1)):
                yield Suggestion(m.start(), m.end(), "postcode", conf, "postcode", m.group())
    plain_lower = lower_matches_ignorecase(text)
    # The shape tried only where a match can start (same matches as finditer, fewer scans).
    for m in matches_at(_POSTCODE_SHAPE, text, _shape_starts(text)):
        s = m.group()
        start, end = m.span()
        before = text[max(0, start - 25) : start]
        core = before.rstrip()
        # A candidate of fewer than four characters needs a strong cue (see below).
        if len(s) >= 4:
            cue = _cue_start(before, core, plain_lower)
        elif _may_have_strong_cue(core, plain_lower):
            found = _POSTCODE_CUE.search(before)
            cue = -1 if found is None else found.start()
        else:
            cue = -1
        # The cue's text is before[cue:] (it runs to the end of the window).
        strong = cue >= 0 and _STRONG_CUE.match(before, cue) is not None
        if not strong and s.isdigit() and len(s) == 4 and s.startswith(("19", "20")):
            continue  # a year ("In 2013 the road was closed"), unless "postcode 2013"
        if strong:
            conf = 0.85
        elif cue >= 0 and len(s) >= 4 and before[cue:].strip() not in {",", ""}:
            conf = 0.6
        elif (
            len(s) >= 4
            and core.endswith((",", "\n"))
            and _AFTER_CUE.match(text, end, end + 25) is not None
        ):
            conf = 0.55
        else:
            continue
        yield Suggestion(start, end, "postcode", conf, "postcode", s)
