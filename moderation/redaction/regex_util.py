"""Helpers that build faster but equivalent regular expressions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeAlias

from .scan import lower_matches_ignorecase, lower_same_length, matches_at

# A prefix tree: each character leads to the subtree of the words that go on with it.
_Trie: TypeAlias = dict[str, "_Trie"]


def trie_regex(words: Iterable[str], after_first: str = "") -> str:
    """A non-capturing alternation of the words as a prefix tree (longer words tried first).

    The regex engine tries one branch per first character instead of every word in turn. Only
    use it where no word can match in a place where a longer word that extends it could too
    (for instance when every word must be followed by a non-letter). after_first is inserted
    after the first character of every word: a pattern that starts with the tree and puts its
    look-behinds there lets the engine scan quickly for the possible first characters.
    """
    trie: _Trie = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def build(node: _Trie, first: bool = False) -> str:
        extra = after_first if first else ""
        alts = [re.escape(c) + extra + build(child) for c, child in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + build(trie, first=True) + ")"


def first_chars(words: Iterable[str], extra: str = "") -> str:
    """A look-ahead on the first characters of the words: lets the engine skip other positions."""
    chars = sorted({w[0] for w in words if w} | set(extra))
    return "(?=[" + "".join(re.escape(c) for c in chars) + "])"


class CaselessPattern:
    """A case-insensitive pattern written in lower case, run without IGNORECASE over the
    lower-cased text (same length) where that finds the same matches. Under IGNORECASE the
    engine compares each letter in both cases and cannot skip ahead to the letters a match
    can start with: over a whole text it is several times slower.

    The matches are those of the lower-cased text: use their spans, not their text."""

    __slots__ = ("ignorecase", "lower_case", "pattern")

    def __init__(self, source: str) -> None:
        self.pattern = source
        self.ignorecase = re.compile(source, re.IGNORECASE)
        self.lower_case = re.compile(source)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches in the text (of its lower-cased copy where that tells the same)."""
        if lower_matches_ignorecase(text):
            return self.lower_case.finditer(lower_same_length(text))
        return self.ignorecase.finditer(text)

    def matches_at(self, text: str, starts: Sequence[int]) -> list[re.Match[str]]:
        """finditer(text) when every match starts at one of starts (see scan.matches_at)."""
        if lower_matches_ignorecase(text):
            return matches_at(self.lower_case, lower_same_length(text), starts)
        return matches_at(self.ignorecase, text, starts)

    def found_in(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether the pattern finds a match in text[start:end], taken on its own (look-arounds
        and word boundaries see nothing outside it)."""
        if lower_matches_ignorecase(text):
            return self.lower_case.search(lower_same_length(text)[start:end]) is not None
        return self.ignorecase.search(text[start:end]) is not None
