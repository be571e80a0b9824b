"""The runs of digits of a text with their ends, for the digit-led patterns of numbers, dates
and text_patterns (cached for the last few texts, like scan's facts).

A digit-led pattern (see scan.digit_led_matches) can only match at the start of a run of
digits; most of them also need a run of a certain length followed by a certain character
(a date "12/" needs one or two digits then "/", an SSN three digits then "-"). Checking the
length and the next character in Python is much cheaper than a regex ``match`` call, so each
detector tries its patterns only at the runs that pass such an exact necessary condition.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .scan import digit_run_starts

_DIGIT_RUN = re.compile(r"\d+")  # the same runs as scan.digit_run_starts
_ASCII_DIGIT_RUN = re.compile(r"[0-9]+")  # the same in ASCII text, and a faster scan


@lru_cache(maxsize=8)
def digit_runs(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, the character after the run or "") for each run of digits."""
    # The starts are shared with the other detectors (scan's cache); the runs' lengths come
    # from a findall, which makes no match objects.
    runs = (_ASCII_DIGIT_RUN if text.isascii() else _DIGIT_RUN).findall(text)
    out = []
    for s, run in zip(digit_run_starts(text), runs, strict=True):
        e = s + len(run)
        out.append((s, e, text[e : e + 1]))
    return tuple(out)


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """scan.digit_led_matches(pattern, text) when every match of pattern starts at one of
    starts (a subset of the digit-run starts, in order): same matches, same order."""
    out = []
    last = 0
    match = pattern.match
    for start in starts:
        if start >= last and (m := match(text, start)) is not None:
            out.append(m)
            last = m.end()
    return out
