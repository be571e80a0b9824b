"""The state the late passes over Arabic-script tokens share (``arabic_weak_names``,
``arabic_extra_people``): which tokens the suggestions so far cover, where the people found so
far end, and the people the pass adds."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from .arabic_words import Tok
from .model import Suggestion, suggestion


class PersonPass:
    """One look over the tokens, with the suggestions already made."""

    def __init__(self, text: str, toks: Sequence[Tok], found: Sequence[Suggestion]) -> None:
        self.text = text
        self.toks = toks
        self.starts = [t.start for t in toks]
        self.covered: set[int] = set()
        self.person_ends: set[int] = set()
        self.out: list[Suggestion] = []
        for s in found:
            self.cover(s.start, s.end)
            if s.kind == "person":
                self.person_ends.add(s.end)

    def cover(self, start: int, end: int) -> None:
        """Mark the tokens of text[start:end] as taken."""
        self.covered.update(range(bisect_left(self.starts, start), bisect_left(self.starts, end)))

    def add_person(self, start: int, end: int, conf: float) -> None:
        """Suggest text[start:end] as a person."""
        raw = self.text[start:end]
        self.out.append(suggestion(start, end, "person", conf, "arabic_names", raw))
        self.cover(start, end)
        self.person_ends.add(end)
