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

from .scan import digit_runs

# The characters that may follow the first digits of a phone candidate (besides more digits).
_PHONE_SEPARATORS = frozenset(" \t\u00a0().-/")
_CARD_SEPARATORS = frozenset(" -")
_UPPER_OR_HYPHEN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ-")


class NumberStarts:
    """Candidate start positions per pattern, in text order (shared: do not modify).

    A plain class, not a NamedTuple: compiled, it is a native class, built without the
    interpreted __new__ of a named tuple."""

    def __init__(
        self,
        phone: list[int],
        card: list[int],
        iban: list[int],
        ssn: list[int],
        id_token: list[int],
    ) -> None:
        self.phone = phone
        self.card = card
        self.iban = iban
        self.ssn = ssn
        self.id_token = id_token


def _reach(text: str, runs: tuple[tuple[int, int, str], ...]) -> tuple[list[int], list[int]]:
    """Per run of digits: how many digits a card can take from its start on (the run's, and
    those of the next runs while one " " or "-" is all that separates them), and the last
    digit a phone candidate can reach (the next runs count while only phone separators lie
    between). Computed from the last run back."""
    n = len(runs)
    card_digits = [0] * n
    phone_last = [0] * n
    for i in range(n - 1, -1, -1):
        start, end, nxt = runs[i]
        card_digits[i] = end - start
        phone_last[i] = end - 1
        if i + 1 < n:
            following = runs[i + 1][0]
            if following == end + 1 and nxt in _CARD_SEPARATORS:
                card_digits[i] += card_digits[i + 1]
            if _only_phone_separators(text, end, following):
                phone_last[i] = phone_last[i + 1]
    return card_digits, phone_last


def _only_phone_separators(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all phone separators."""
    for i in range(start, end):  # noqa: SIM110 (compiled, cheaper than all() of a generator)
        if text[i] not in _PHONE_SEPARATORS:
            return False
    return True


@lru_cache(maxsize=8)
def number_starts(text: str) -> NumberStarts:
    """The start positions where each number pattern can match (a superset of the positions
    where it matches; the conditions are explained per pattern below)."""
    phone: list[int] = []
    card: list[int] = []
    iban: list[int] = []
    ssn: list[int] = []
    id_token: list[int] = []
    runs = digit_runs(text)
    card_digits, phone_last = _reach(text, runs)
    for i, (start, end, nxt) in enumerate(runs):
        length = end - start
        prev = text[start - 1] if start else ""
        # _PHONE_CANDIDATE: its first digit starts a run (it follows no [\w+/.-], or "+" /
        # "(" / "+("), the candidate starts there or at that prefix, and from that digit on it
        # has digits and separators up to a digit at least five characters on.
        if phone_last[i] >= start + 5:
            if prev == "+" or prev == "(":
                if start >= 2 and text[start - 2 : start] == "+(":
                    phone.append(start - 2)
                phone.append(start - 1)
            phone.append(start)
        # _CARD: starts a run; 12 digits or more, each pair of them apart by at most one " "
        # or "-".
        if card_digits[i] >= 12:
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
        after_no_word = not (before in _UPPER_OR_HYPHEN or before.isalnum() or before == "_")
        # At the run start itself only the digit-led alternatives can match: six digits or
        # more, digits then "-" or "/", or digits and capitals then "-".
        shape = q < start or length >= 6 or nxt == "-" or nxt == "/" or "A" <= nxt <= "Z"
        if after_no_word and text[q] != "-" and shape:
            id_token.append(q)
    return NumberStarts(phone, card, iban, ssn, id_token)
