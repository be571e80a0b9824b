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


class GroupCues:
    """Context cues around a group, each read only when _classify asks (the regex matches and
    searches are the expensive part; the answers are the same as computing them all)."""

    __slots__ = ("_person", "_place", "_prev", "_strong", "end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self._prev = prev_word(text, start)
        self._person: bool | None = None
        self._strong: bool | None = None
        self._place: bool | None = None

    def _after(self, cue: re.Pattern[str]) -> bool:
        """Whether the cue (PERSON_AFTER or PLACE_AFTER) matches right after the group."""
        return cue.match(self.text[self.end : self.end + 30]) is not None

    def person(self) -> bool:
        """A person cue before ("my brother") or after ("said")."""
        if self._person is None:
            self._person = self._after(cues.PERSON_AFTER) or bool(
                self._prev in _PERSON_GATE
                and cues.cue_before(cues.PERSON_BEFORE, self.text, self.start)
            )
        return self._person

    def strong_place(self) -> bool:
        """A strong place cue before ("born in", "village of") or after ("camp")."""
        if self._strong is None:
            self._strong = self._after(cues.PLACE_AFTER) or bool(
                self._prev in _STRONG_PLACE_GATE
                and cues.cue_before(cues.STRONG_PLACE_BEFORE, self.text, self.start)
            )
        return self._strong

    def place(self) -> bool:
        """A strong place cue or a place preposition before ("in", "from")."""
        if self._place is None:
            self._place = self.strong_place() or bool(
                self._prev in _PLACE_GATE
                and cues.cue_before(cues.PLACE_BEFORE, self.text, self.start)
            )
        return self._place
