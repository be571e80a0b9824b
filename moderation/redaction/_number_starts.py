"""Where the number detectors' patterns can start, for all of them in one pass over the runs of
digits (computed once per text, cached for the last few texts).

Each pattern of numbers.py starts at (or a fixed distance before) the first digit of a run of
digits, and needs that run to have a certain length or to be followed by a certain character.
Checking that in Python is much cheaper than a regex match call, so each detector tries its
pattern only at the runs that pass such an exact necessary condition (see scan.matches_at).
One loop serves all of them: on short texts the per-detector loops and calls cost more than
the checks themselves, and a detector with no start returns at once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .scan import digit_runs

# The characters that may follow the first digits of a phone candidate (besides more digits).
_PHONE_SEPARATORS = frozenset(" \t\u00a0().-/")
_CARD_SEPARATORS = frozenset(" -")
_UPPER_OR_HYPHEN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ-")


class NumberStarts(NamedTuple):
    """Candidate start positions per pattern, in text order (shared: do not modify)."""

    phone: list[int]
    card: list[int]
    iban: list[int]
    ssn: list[int]
    id_token: list[int]


@lru_cache(maxsize=8)
def number_starts(text: str) -> NumberStarts:
    """The start positions where each number pattern can match (a superset of its matches'
    starts; the conditions are explained per pattern below)."""
    phone: list[int] = []
    card: list[int] = []
    iban: list[int] = []
    ssn: list[int] = []
    id_token: list[int] = []
    for start, end, nxt in digit_runs(text):
        length = end - start
        prev = text[start - 1] if start else ""
        # _PHONE_CANDIDATE: its first digit starts a run (it follows no [\w+/.-], or "+" /
        # "(" / "+("), the candidate starts there or at that prefix, and from that digit on it
        # has at least six digits and separators: a shorter run must be followed by one.
        if length >= 6 or nxt in _PHONE_SEPARATORS:
            if prev == "+" or prev == "(":
                if start >= 2 and text[start - 2 : start] == "+(":
                    phone.append(start - 2)
                phone.append(start - 1)
            phone.append(start)
        # _CARD: starts a run that has 12 digits or is followed by a separator.
        if length >= 12 or nxt in _CARD_SEPARATORS:
            card.append(start)
        # _IBAN: two letters (not after a word character: \w is isalnum() or "_"), then a run
        # of at least two digits.
        if length >= 2 and start >= 2 and prev.isalpha():
            third = text[start - 3] if start > 2 else ""
            if not (third.isalnum() or third == "_"):
                iban.append(start - 2)
        # _SSN: starts a run of three digits followed by "-".
        if length == 3 and nxt == "-":
            ssn.append(start)
        # _ID_TOKEN: each match has a digit reached through [A-Z0-9-] (its look-ahead); the
        # first such digit starts a run and has at most six of [A-Z-] before it (the longest
        # head is "[A-Z0-9]{2,5}-"). Walking back over [A-Z-] from a run start, only the first
        # character of that stretch can start a match (the others follow a [\w-]), and only
        # if it is not "-" and does not itself follow [\w-].
        q = start
        before = prev
        while before in _UPPER_OR_HYPHEN and start - q < 6:
            q -= 1
            before = text[q - 1] if q else ""
        if not (before in _UPPER_OR_HYPHEN or before.isalnum() or before == "_") and (
            text[q] != "-"
        ):
            id_token.append(q)
    return NumberStarts(phone, card, iban, ssn, id_token)
