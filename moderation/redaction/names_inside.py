"""Guesses inside a longer name take that name's kind (for kind_rules.settle_kinds):

- a given name of the lexicon inside a longer place that names a known town or follows a place
  cue is the place's: "diego" in "en san diego", "Peñas" in "salió por Peñas Blancas";
- a person or place guess inside a longer organisation named by a type word is the
  organisation's: "El Marlín" in "la pescadería El Marlín", "Josefa Ortiz de Domínguez" in "la
  escuela primaria Josefa Ortiz de Domínguez" (a school named after a person is a school).

The guesses keep their spans: merging joins them with the longer name's.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from .folding import fold
from .gazetteer import load_gazetteer
from .model import Suggestion, suggestion
from .organisation_kinds import GUESSING_DETECTORS

_TOWN = 1_000  # inhabitants
# The detectors that guess a person or place, but for the cued names of name_cues.
_GUESSING = GUESSING_DETECTORS - {"name_cues"}
# Organisations named by a type word (named_organisations, under the name_parts detector); not
# the organisation detector's, whose "Kónya, Becker and Vasquez" holds three people.
_NAMING_ORGANISATIONS = frozenset({"name_parts"})
# A person after a person cue ("la abogada Sonia") keeps its kind.
_CUED_PERSON = 0.9


class _Spans:
    """Spans of suggestions, to find the one that holds a guess's span and more."""

    def __init__(self, found: Iterable[Suggestion]) -> None:
        self.spans = sorted((s.start, s.end) for s in found)
        self.starts = [start for start, _ in self.spans]

    def hold_longer(self, s: Suggestion) -> bool:
        """Whether one of the spans holds s's span and more."""
        j = bisect_right(self.starts, s.start) - 1
        while j >= 0 and self.spans[j][1] > s.start:
            start, end = self.spans[j]
            if s.end <= end and end - start > s.end - s.start:
                return True
            j -= 1
        return False


def names_inside(found: list[Suggestion], cued_places: list[Suggestion]) -> list[Suggestion]:
    """The suggestions, with the guesses inside a longer place or organisation (see the
    module's docstring) given its kind; cued_places are the places kind_rules made of person
    guesses after a place cue."""
    lexicon = [i for i, s in enumerate(found) if s.detector == "given_names" and s.kind == "person"]
    guesses = [
        i
        for i, s in enumerate(found)
        if s.kind in ("person", "place") and s.detector in _GUESSING and s.confidence < _CUED_PERSON
    ]
    organisations = [
        s for s in found if s.kind == "organisation" and s.detector in _NAMING_ORGANISATIONS
    ]
    if not lexicon and not (guesses and organisations):
        return found
    out = list(found)
    if organisations:
        named = _Spans(organisations)
        for i in guesses:
            s = out[i]
            if named.hold_longer(s):
                out[i] = suggestion(
                    s.start, s.end, "organisation", s.confidence, s.detector, s.text
                )
    if lexicon:
        towns = load_gazetteer().latin
        places = _Spans(
            [
                *cued_places,
                *(
                    s
                    for s in found
                    if s.kind == "place" and " " in s.text and towns.get(fold(s.text), 0) >= _TOWN
                ),
            ]
        )
        for i in lexicon:
            s = out[i]
            if s.kind == "person" and places.hold_longer(s):
                out[i] = suggestion(s.start, s.end, "place", s.confidence, s.detector, s.text)
    return out
