# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""The submitter's never-appear list: every listed term in any case, with or without diacritics,
in possessive / inflected forms, with offsets mapped back to the original text exactly."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from .folding import fold, fold_with_map, map_span
from .model import Suggestion

# Endings that inflect a name without changing it: English possessive and plural, Spanish/French
# plural, Arabic attached pronouns and dual/plural suffixes.
_SUFFIX = r"(?:'s|'|s|es|ها|هم|نا|ي|ه|ك|ان|ين|ون|ات)?"
# Arabic proclitics and the article that may be glued to the front of a word.
_ARABIC_PREFIX = r"(?:[وف]?(?:[بلك]|لل)?(?:ال)?)"
_SEPARATORS = re.compile(r"[\s\-‐.]+")


def _words(term: str) -> list[str]:
    """The folded words of a term, as its pattern matches them (separators vary)."""
    return [p for p in _SEPARATORS.split(fold(term).strip()) if p]


@lru_cache(maxsize=1024)
def _first_words(terms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(words[0] for t in terms if (words := _words(t)))


def _term_pattern(term: str) -> str | None:
    folded = fold(term).strip()
    # Any run of spaces/hyphens/dots between words matches any other such run.
    parts = [re.escape(p) for p in _words(term)]
    if not parts:
        return None  # only separators ("-", "..."): nothing to look for
    body = r"[\s\-‐.]*".join(parts) if len(parts) > 1 else parts[0]
    arabic = any("\u0600" <= c <= "\u06ff" for c in folded)
    prefix = _ARABIC_PREFIX if arabic else ""
    return r"(?<![^\W_])" + prefix + "(" + body + ")" + _SUFFIX + r"(?![^\W_])"


def compile_terms(terms: Sequence[str]) -> re.Pattern[str] | None:
    """One alternation over all folded terms, longest first so 'Samir Haddad' beats 'Samir'."""
    return _compile_terms(tuple(terms))


@lru_cache(maxsize=1024)
def _compile_terms(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    # Cached: a submitter's list is the same for every text and revision they submit.
    pats = [p for t in sorted(set(terms), key=lambda x: -len(x)) if (p := _term_pattern(t))]
    if not pats:
        return None
    return re.compile("|".join(pats))


def find_never_appear(text: str, terms: Sequence[str]) -> Iterator[Suggestion]:
    """Every occurrence of a never-appear term (case-, accent- and inflection-insensitive)."""
    listed = [t for t in terms if t and t.strip()]
    if not listed:
        return
    folded, index = fold_with_map(text)
    # A match contains the first word of its term as it is: when no first word occurs, nothing
    # can match, and compiling the pattern (about 0.1 ms for a new list) is not needed.
    if not any(word in folded for word in _first_words(tuple(listed))):
        return
    pattern = compile_terms(listed)
    if pattern is None:
        return
    for m in pattern.finditer(folded):
        group = next(i for i in range(1, (m.re.groups or 0) + 1) if m.group(i) is not None)
        start, end = map_span(index, m.start(group), m.end(group), text)
        yield Suggestion(start, end, "never_appear", 1.0, "never_appear", text[start:end])
