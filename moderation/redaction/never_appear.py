# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""The submitter's never-appear list: every listed term in any case, with or without diacritics,
in possessive / inflected forms, with offsets mapped back to the original text exactly.

What a list matches is defined by one regular expression (compile_terms): the alternation,
longest term first, of one pattern per term,

    (?<![^\\W_]) PREFIX ( w1 [\\s\\-\\u2010.]* w2 ... ) SUFFIX (?![^\\W_])

(PREFIX only for terms with Arabic letters), run with finditer over the folded text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from .folding import fold, fold_with_map, map_span
from .model import Suggestion, suggestion

# Endings that inflect a name without changing it: English possessive and plural, Spanish/French
# plural, Arabic attached pronouns and dual/plural suffixes.
_SUFFIX = r"(?:'s|'|s|es|ها|هم|نا|ي|ه|ك|ان|ين|ون|ات)?"
# Arabic proclitics and the article that may be glued to the front of a word.
_ARABIC_PREFIX = r"(?:[وف]?(?:[بلك]|لل)?(?:ال)?)"
_SEPARATORS = re.compile(r"[\s\-‐.]+")


def _words(term: str) -> list[str]:
    """The folded words of a term, as its pattern matches them (separators vary)."""
    return [p for p in _SEPARATORS.split(fold(term).strip()) if p]


def _is_arabic(term: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in fold(term).strip())


def _in_order(terms: tuple[str, ...]) -> list[str]:
    """The terms in the order of the alternation: each once, longest first so 'Samir Haddad'
    beats 'Samir'; terms of one length in alphabetical order (they were in set order, which
    varies with the hash seed from process to process)."""
    return sorted(set(terms), key=lambda x: (-len(x), x))


def _term_pattern(term: str) -> str | None:
    # Any run of spaces/hyphens/dots between words matches any other such run.
    parts = [re.escape(p) for p in _words(term)]
    if not parts:
        return None  # only separators ("-", "..."): nothing to look for
    body = r"[\s\-‐.]*".join(parts) if len(parts) > 1 else parts[0]
    prefix = _ARABIC_PREFIX if _is_arabic(term) else ""
    return r"(?<![^\W_])" + prefix + "(" + body + ")" + _SUFFIX + r"(?![^\W_])"


def compile_terms(terms: Sequence[str]) -> re.Pattern[str] | None:
    """The expression that defines what a list matches: one alternation over all folded terms,
    longest first."""
    return _compile_terms(tuple(terms))


@lru_cache(maxsize=1024)
def _compile_terms(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    pats = [p for t in _in_order(terms) if (p := _term_pattern(t))]
    if not pats:
        return None
    return re.compile("|".join(pats))


def separated_parts(folded: str) -> list[str]:
    """Folded text split where a term's words may be separated (no term word spans two)."""
    return _SEPARATORS.split(folded)


def term_words(term: str) -> tuple[str, ...]:
    """The folded words of a term: every one is a substring of the folded text wherever the
    term matches (a cheap test before the expression runs)."""
    return tuple(_words(term))


def find_term_spans(text: str, terms: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Every occurrence of any of ``terms`` (case-, accent- and inflection-insensitive): the
    matches of compile_terms(terms).finditer() over the folded text, each reported as its
    term's body (the one group that took part), mapped back to the original text."""
    listed = [t for t in terms if t and t.strip()]
    if not listed:
        return
    pattern = _compile_terms(tuple(listed))
    if pattern is None:
        return
    folded, index = fold_with_map(text)
    for m in pattern.finditer(folded):
        group = m.lastindex or 0  # the only group that took part: the matched term's body
        yield map_span(index, m.start(group), m.end(group), text)


def find_never_appear(text: str, terms: Sequence[str]) -> Iterator[Suggestion]:
    """Every occurrence of a never-appear term (find_term_spans)."""
    for start, end in find_term_spans(text, terms):
        yield suggestion(start, end, "never_appear", 1.0, "never_appear", text[start:end])
