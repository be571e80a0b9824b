# ruff: noqa: RUF001  (typographic quotes are data)
"""Propagation of found names to their other mentions in the same text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import cues
from .folding import fold, fold_with_map, map_span
from .language import name_likeness, zipf
from .model import Suggestion, suggestion


def propagate(text: str, found: list[Suggestion]) -> list[Suggestion]:
    """Mark every other occurrence of names already found (including single parts of full names)."""
    terms: dict[str, tuple[str, float]] = {}
    connectors = cues.NAME_CONNECTORS
    for s in found:
        kind = s.kind
        if (kind != "person" and kind != "place") or s.confidence < 0.6:
            continue
        name = s.text
        terms.setdefault(fold(name), (kind, s.confidence))
        if kind == "person":
            for part in name.split():
                p = part.strip(".,'’")
                if (
                    p != name  # then fold(p) is the term just set: nothing to add
                    and len(p) >= 3
                    and p.lower() not in connectors
                    and p[0].isupper()
                    and name_likeness(p, "en") >= 0.5
                ):
                    terms.setdefault(fold(p), ("person", 0.6))
    if not terms:
        return []
    if text.isascii():
        # ASCII folds to lower() one character for one: offsets are the same (map_span is
        # the identity there), so no offset map is built.
        folded, index = text.lower(), None
    else:
        folded, index = fold_with_map(text)
    covered = {(s.start, s.end) for s in found}
    out = []
    for fstart, fend, term in _occurrences(folded, terms):
        start, end = (fstart, fend) if index is None else map_span(index, fstart, fend, text)
        if (start, end) in covered:
            continue
        original = text[start:end]
        if not original[0].isupper() and zipf(original.lower(), "en") >= 3.0:
            continue  # "hope" lower case is a word, not Hope
        kind, conf = terms[term]
        out.append(suggestion(start, end, kind, min(conf, 0.75), "names", original))
    return out


def _occurrences(folded: str, terms: dict[str, tuple[str, float]]) -> list[tuple[int, int, str]]:
    """Non-overlapping whole-word occurrences of the terms, leftmost first, longest at a position.

    Same result as one regex alternation (longest term first) with word boundaries, without
    compiling a pattern for every text.
    """
    best: dict[int, str] = {}
    n = len(folded)
    at_words = _first_word_starts(folded, terms)
    for term in terms:
        if not term:
            continue
        size = len(term)
        first = _FIRST_WORD.match(term)
        # A term that starts with a word can only be where that word of the text starts.
        for i in _all_starts(folded, term) if first is None else at_words[first.group()]:
            j = i + size
            # Word boundaries on both sides (\w is what str.isalnum() or "_" accepts).
            if (
                (i == 0 or not _is_word_char(folded[i - 1]))
                and folded.startswith(term, i)
                and (j == n or not _is_word_char(folded[j]))
                and size > len(best.get(i, ""))
            ):
                best[i] = term
    if len(best) <= 1:
        return [(i, i + len(term), term) for i, term in best.items()]
    out = []
    pos = 0
    for i in sorted(best):
        if i < pos:
            continue
        term = best[i]
        out.append((i, i + len(term), term))
        pos = i + len(term)
    return out


_FIRST_WORD = re.compile(r"\w+")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what the regex engine takes for \w


def _first_word_starts(folded: str, terms: Iterable[str]) -> dict[str, list[int]]:
    """Where each first word of the terms starts a word of the text: one pass over the text
    for all the terms."""
    firsts: dict[str, list[int]] = {
        m.group(): [] for term in terms if (m := _FIRST_WORD.match(term)) is not None
    }
    for m in _FIRST_WORD.finditer(folded):
        starts = firsts.get(m.group())
        if starts is not None:
            starts.append(m.start())
    return firsts


def _all_starts(folded: str, term: str) -> list[int]:
    """Every position where the term starts in the text."""
    out = []
    i = folded.find(term)
    while i >= 0:
        out.append(i)
        i = folded.find(term, i + 1)
    return out
