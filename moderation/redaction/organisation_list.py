"""The organisation's list: terms staff told the engine about (places and organisations the
organisation works with, common local names), looked for in every story.

A listed term matches as a never-appear term does (``never_appear.find_term_spans``: folded
text, so any case and with or without diacritics; whole words; inflections and, for Arabic
terms, the clitics و ف ب ل ك and the article ال glued to the front). Each match is a suggestion
of the term's kind, at a confidence that makes the leak guard block publication.

A term whose longest folded word occurs in none of the text's distinct words is left out before
the expression is built, so a list of a thousand terms costs a thousand substring searches over
the story's vocabulary (a few kilobytes) per story.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from .folding import fold_with_map
from .model import Suggestion, suggestion
from .never_appear import find_term_spans, separated_parts, term_words

# The kinds staff choose from; each is also the kind of the suggestions it gives.
LIST_KINDS: tuple[str, ...] = ("person", "place", "organisation", "other")
DETECTOR = "organisation_list"
# Above every other detector's (a listed term's kind wins when spans overlap), below the
# never-appear list's 1.0, and at or above the leak guard's threshold.
CONFIDENCE = 0.99


class ListedTerm(NamedTuple):
    """One term of the organisation's list and its kind (one of ``LIST_KINDS``)."""

    term: str
    kind: str


@lru_cache(maxsize=8)
def _prepared(terms: tuple[ListedTerm, ...]) -> tuple[tuple[str, str, str], ...]:
    """(term, its longest folded word, kind) of each usable term (a list is prepared once)."""
    out = []
    for t in terms:
        words = term_words(t.term)
        if words and t.kind in LIST_KINDS:
            out.append((t.term, max(words, key=len), t.kind))
    return tuple(out)


@lru_cache(maxsize=4)
def _vocabulary(folded: str) -> str:
    """The distinct separator-delimited tokens of a folded text, one per line: a term's word
    (which holds no separator) occurs in the text only inside one of them."""
    return "\n".join(set(separated_parts(folded)))


def find_listed_terms(text: str, terms: Sequence[ListedTerm]) -> Iterator[Suggestion]:
    """Every occurrence of a term of the organisation's list, labelled with the term's kind."""
    if not terms or not text:
        return
    vocabulary = _vocabulary(fold_with_map(text)[0])
    present: dict[str, list[str]] = {}
    for term, word, kind in _prepared(tuple(terms)):
        if word in vocabulary:  # wherever the term matches, each of its words is in there
            present.setdefault(kind, []).append(term)
    for kind in LIST_KINDS:
        for start, end in find_term_spans(text, present.get(kind, ())):
            yield suggestion(start, end, kind, CONFIDENCE, DETECTOR, text[start:end])
