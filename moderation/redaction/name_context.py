# ruff: noqa: RUF001  (typographic quotes are data)
"""The context cues around a capitalised group that the names detector weighs: a person cue
before ("my brother") or after ("said"), a strong place cue ("born in", "camp") and a place
preposition ("in", "from"). Read lazily: the cues before a group only when asked."""

from __future__ import annotations

import re

from . import cues
from .name_tokens import prev_word

__all__ = ["GroupCues"]

# A word before a group after which the cue pattern can match (cues._ending_in): the regex
# search is skipped for any other word ("the", "my", "a", ...), with the same answer.
_PERSON_GATE = cues.PERSON_LAST & cues.PERSON_ENDS
_STRONG_PLACE_GATE = cues.PLACE_LAST & cues.STRONG_PLACE_ENDS
_PLACE_GATE = cues.PLACE_LAST & cues.PLACE_ENDS


# PERSON_AFTER and PLACE_AFTER in one match call: each is an optional look-ahead at the start,
# so each group is set exactly when that pattern matches there (both answers for one call).
_AFTER = re.compile(
    "(?:(?=(?P<person>" + cues.PERSON_AFTER.pattern + "))|)"
    "(?:(?=(?P<place>" + cues.PLACE_AFTER.pattern + "))|)",
    cues.PERSON_AFTER.flags,
)
assert cues.PERSON_AFTER.flags == cues.PLACE_AFTER.flags
# The same, to match in the text itself at the group's end (pos) with endpos 30 further: each
# pattern's "^" (which would only match at the text start) is left out. Neither looks before
# its start, and endpos makes the text end there: the same answers as matching the slice.
assert cues.PERSON_AFTER.pattern[0] == cues.PLACE_AFTER.pattern[0] == "^"
_AFTER_AT = re.compile(
    "(?:(?=(?P<person>" + cues.PERSON_AFTER.pattern[1:] + "))|)"
    "(?:(?=(?P<place>" + cues.PLACE_AFTER.pattern[1:] + "))|)",
    cues.PERSON_AFTER.flags,
)


def _after_cue_possible(text: str, end: int) -> bool:
    """False only where neither PERSON_AFTER nor PLACE_AFTER matches text[end : end + 30].

    Either pattern needs one of its word groups W, after an optional "'s" (either apostrophe;
    then text[end] is one) and whitespace and commas only (here skipped in any order, a
    superset). W starts with a word of letters, which must match text from the first
    other character k: under IGNORECASE only letters (str.isalpha) match a letter, so the
    letters there (up to end + 30) are at least as many as W's first word; then comes a
    character matching W's next character (a space or an apostrophe: only that character
    matches it) or, at W's end, the word boundary after W (not a letter either). So the letters
    from k are exactly as many, and if they are ASCII, their lower case is that first word
    (in cues.AFTER_FIRST_WORDS; no ASCII character matches a non-ASCII letter of W).
    """
    stop = min(len(text), end + 30)
    k = end
    while k < stop and (text[k] == " " or text[k] == "," or text[k].isspace()):
        k += 1
    if k == stop:
        return False  # no word group fits
    c = text[k]
    if c == "'" or c == "’":
        return True  # "'s" (only at end, but that need not be checked here)
    j = k
    while j < stop and text[j].isalpha():
        j += 1
    word = text[k:j]
    return not word.isascii() or word.lower() in cues.AFTER_FIRST_WORDS


class GroupCues:
    """Context cues around a group. The cues after the group are read at once (every decision
    of _classify needs one of them); those before it only when _classify asks (the regex
    searches are the expensive part; the answers are the same as computing them all)."""

    __slots__ = (
        "_after_person",
        "_after_place",
        "_person",
        "_place",
        "_prev",
        "_strong",
        "start",
        "text",
    )

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        if _after_cue_possible(text, end):
            after = _AFTER_AT.match(text, end, end + 30)  # _AFTER on the 30 characters after
            assert after is not None  # both parts are optional: it always matches
            self._after_person = after.group("person") is not None
            self._after_place = after.group("place") is not None
        else:
            self._after_person = self._after_place = False
        self._prev = prev_word(text, start)
        self._person: bool | None = None
        self._strong: bool | None = None
        self._place: bool | None = None

    def person(self) -> bool:
        """A person cue before ("my brother") or after ("said")."""
        if self._person is None:
            self._person = self._after_person or bool(
                self._prev in _PERSON_GATE
                and cues.cue_before(cues.PERSON_BEFORE_REVERSED, self.text, self.start)
            )
        return self._person

    def strong_place(self) -> bool:
        """A strong place cue before ("born in", "village of") or after ("camp")."""
        if self._strong is None:
            self._strong = self._after_place or bool(
                self._prev in _STRONG_PLACE_GATE
                and cues.cue_before(cues.STRONG_PLACE_BEFORE_REVERSED, self.text, self.start)
            )
        return self._strong

    def place(self) -> bool:
        """A strong place cue or a place preposition before ("in", "from")."""
        if self._place is None:
            self._place = self.strong_place() or bool(
                self._prev in _PLACE_GATE
                and cues.cue_before(cues.PLACE_BEFORE_REVERSED, self.text, self.start)
            )
        return self._place
