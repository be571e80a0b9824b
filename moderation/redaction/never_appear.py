# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""The submitter's never-appear list: every listed term in any case, with or without diacritics,
in possessive / inflected forms, with offsets mapped back to the original text exactly.

What a list matches is defined by one regular expression (compile_terms): the alternation,
longest term first, of one pattern per term,

    (?<![^\\W_]) PREFIX ( w1 [\\s\\-\\u2010.]* w2 ... ) SUFFIX (?![^\\W_])

(PREFIX only for terms with Arabic letters), run with finditer over the folded text. Compiling
that expression costs about a million instructions per new list (sre_parse and sre_compile are
plain Python) and its search tries every position (it starts with a look-behind), so
find_never_appear() finds the same matches without it: str.find() of each term's first word,
then the rest of the pattern checked by hand (see _match_at). tests/moderation/redaction/
test_never_appear_speed3.py keeps the expression as the oracle.
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
# The end of a term's pattern, matched where its body ends. Nothing follows it in the pattern,
# so the ending it settles on (the first that is not followed by a letter or digit) is the one
# the whole pattern settles on.
_SUFFIX_AT_END = re.compile(_SUFFIX + r"(?![^\W_])")
_SEPARATOR_RUN = re.compile(r"[\s\-‐.]*")
_LONGEST_PREFIX = 5  # [وف] + لل + ال

# A match: (start, body start, body end, end). The body (group 1 of the term's pattern) is what
# is reported; the whole match (with prefix and ending) is where the next search starts.
_Match = tuple[int, int, int, int]


class _Term:
    """One listed term as its pattern sees it: its folded words, and whether it takes the Arabic
    prefixes."""

    def __init__(self, words: list[str], arabic: bool) -> None:
        self.words = words
        self.arabic = arabic


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
    longest first (find_never_appear() finds the same matches without compiling it)."""
    return _compile_terms(tuple(terms))


@lru_cache(maxsize=1024)
def _compile_terms(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    pats = [p for t in _in_order(terms) if (p := _term_pattern(t))]
    if not pats:
        return None
    return re.compile("|".join(pats))


@lru_cache(maxsize=1024)
def _terms(terms: tuple[str, ...]) -> tuple[_Term, ...]:
    # Cached: a submitter's list is the same for every text and revision they submit.
    return tuple(_Term(words, _is_arabic(t)) for t in _in_order(terms) if (words := _words(t)))


def _body_end(folded: str, words: list[str], at: int) -> int:
    """Where the body `w1 [\\s\\-\\u2010.]* w2 ...` matched at `at` ends, or -1. A word holds no
    separator, so the separators between two words are the whole run there: the body has at
    most one match at a position."""
    first = words[0]
    if not folded.startswith(first, at):
        return -1
    end = at + len(first)
    for word in words[1:]:
        run = _SEPARATOR_RUN.match(folded, end)
        if run is not None:  # always (the run may be empty)
            end = run.end()
        if not folded.startswith(word, end):
            return -1
        end += len(word)
    return end


def _char(folded: str, i: int) -> str:
    return folded[i] if i < len(folded) else ""


def _body_starts(folded: str, at: int) -> list[int]:
    """Where the body may start after _ARABIC_PREFIX matched at `at`, in the order the regex
    tries the prefix's choices: [وف] taken, then not; in each, [بلك], then لل, then neither; in
    each, ال, then not."""
    starts: list[int] = []
    conjunctions = [at + 1, at] if _char(folded, at) in ("و", "ف") else [at]
    for after_conjunction in conjunctions:
        prepositions: list[int] = []
        if _char(folded, after_conjunction) in ("ب", "ل", "ك"):
            prepositions.append(after_conjunction + 1)
        if folded.startswith("لل", after_conjunction):
            prepositions.append(after_conjunction + 2)
        prepositions.append(after_conjunction)
        for after_preposition in prepositions:
            if folded.startswith("ال", after_preposition):
                starts.append(after_preposition + 2)
            starts.append(after_preposition)
    return starts


def _match_at(folded: str, term: _Term, start: int) -> _Match | None:
    """The term's pattern matched at `start`, as the regex settles it, or None."""
    if start > 0 and folded[start - 1].isalnum():  # (?<![^\W_]): [^\W_] is str.isalnum()
        return None
    for body_start in _body_starts(folded, start) if term.arabic else [start]:
        body_end = _body_end(folded, term.words, body_start)
        if body_end >= 0:
            ending = _SUFFIX_AT_END.match(folded, body_end)
            if ending is not None:
                return start, body_start, body_end, ending.end()
    return None


def _next_match(folded: str, term: _Term, pos: int) -> _Match | None:
    """The term's leftmost match starting at `pos` or later. Its body starts with its first word,
    at most _LONGEST_PREFIX characters after the match's start."""
    first = term.words[0]
    reach = _LONGEST_PREFIX if term.arabic else 0
    from_pos = pos
    while (found := folded.find(first, from_pos)) >= 0:
        for start in range(max(from_pos, found - reach), found + 1):
            match = _match_at(folded, term, start)
            if match is not None:
                return match
        from_pos = found + 1
    return None


def find_never_appear(text: str, terms: Sequence[str]) -> Iterator[Suggestion]:
    """Every occurrence of a never-appear term (case-, accent- and inflection-insensitive): the
    matches of compile_terms(terms).finditer() over the folded text, group by group."""
    listed = [t for t in terms if t and t.strip()]
    if not listed:
        return
    ordered = _terms(tuple(listed))
    if not ordered:
        return
    folded, index = fold_with_map(text)
    # finditer: from `pos`, the leftmost start where some term matches, and there the first term
    # in order that does; the next search starts where that match ends. Each term's next match
    # from `pos` stays valid until `pos` passes its start.
    upcoming = [_next_match(folded, term, 0) for term in ordered]
    while True:
        best: _Match | None = None
        for match in upcoming:
            if match is not None and (best is None or match[0] < best[0]):
                best = match
        if best is None:
            return
        start, end = map_span(index, best[1], best[2], text)
        yield suggestion(start, end, "never_appear", 1.0, "never_appear", text[start:end])
        pos = best[3]
        upcoming = [
            _next_match(folded, term, pos) if match is not None and match[0] < pos else match
            for term, match in zip(ordered, upcoming, strict=True)
        ]
