"""Detector for postcodes (a private part of addresses.py, which exports find_postcodes)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Suggestion
from .scan import first_digit, lower_matches_ignorecase

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
_POSTCODE_CUE = re.compile(
    r"(?:(?i:zip|zip code|postcode|post code|postal code|código postal|code postal|cp|c\.p\.)"
    r"(?:\s*(?:is|es|est|:))?|\b[A-Z]{2}|,|\n|\b[A-Z][a-zà-ÿ]+)\s*$"
)
# The cue is searched in the 25 characters before a candidate and must end there (before white
# space): its alternatives end with ",", a capital, a lower-case run after a capital, or one of
# these endings of the cue words (lower-cased); or it is a line break in the trailing space.
# A window that ends in none of them has no cue, and the regex search is not needed.
_CUE_ENDINGS = ("zip", "code", "postal", "cp", "c.p.", "is", "es", "est", ":", ",")
_CUE_LOWER_RUN = "".join(map(chr, range(ord("a"), ord("z") + 1))) + "".join(
    map(chr, range(ord("à"), ord("ÿ") + 1))
)
_STRONG_CUE = re.compile(r"(?i)zip|post|cód|code|cp|c\.p")
_STRONG_STARTS = ("zip", "post", "cód", "code", "cp")  # a capitalised word that is one
# Matched at the end of the candidate (match with pos and endpos, as on the 25-character slice).
_AFTER_CUE = re.compile(r"[ \t]+[A-ZÀ-Þ][\w'-]+")


def _may_have_cue(before: str, core: str, plain_lower: bool) -> bool:
    """False only if _POSTCODE_CUE cannot match before (core is before.rstrip())."""
    if not core:
        return "\n" in before
    last = core[-1]
    if "A" <= last <= "Z" or "\n" in before[len(core) :]:
        return True
    run_start = len(core.rstrip(_CUE_LOWER_RUN))  # a lower-case run ending the text
    if 0 < run_start < len(core) and "A" <= core[run_start - 1] <= "Z":
        return True
    # Case-insensitive cue words: lower-casing is exact unless the text has the odd letters.
    return not plain_lower or core.lower().endswith(_CUE_ENDINGS)


def _may_have_strong_cue(core: str, plain_lower: bool) -> bool:
    """False only if no _POSTCODE_CUE match in the window (core is its rstrip()) is a strong
    cue (_STRONG_CUE): that needs a cue word at the end ("CP" is one), or a capitalised last
    word that starts like one ("Zip", "Postal")."""
    if not plain_lower:
        return True
    if core.lower().endswith(_CUE_ENDINGS[:-1]):  # not ","
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
    for m in _POSTCODE_SHAPE.finditer(text, first):
        s = m.group()
        start, end = m.span()
        before = text[max(0, start - 25) : start]
        core = before.rstrip()
        # A candidate of fewer than four characters needs a strong cue (see below).
        if len(s) >= 4:
            may = _may_have_cue(before, core, plain_lower)
        else:
            may = _may_have_strong_cue(core, plain_lower)
        cue_before = _POSTCODE_CUE.search(before) if may else None
        if s.isdigit() and len(s) == 4 and s.startswith(("19", "20")) and not cue_before:
            continue  # a year
        if cue_before and _STRONG_CUE.match(cue_before.group()):
            conf = 0.85
        elif cue_before and cue_before.group().strip() not in {",", ""} and len(s) >= 4:
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
