"""Prefix trees of words, each word followed by its own context check: one scan of a text finds
the first place where any of several word-led patterns could match (a private helper of
addresses.py and organisations.py).

Instead of one whole-text gate search per pattern, a single tree of all their words finds
where the first of them could match; the exact gates (or the patterns) then only search from
there, and most texts have none of the words at all. The tree is only used for "is there a
match, and where is the first one": its alternatives are not in the order of the patterns'
own alternations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeAlias

# A prefix tree: each character leads to the subtree of the words that go on with it.
_Trie: TypeAlias = dict[str, "_Trie"]


def tail_trie(items: Iterable[tuple[str, str]]) -> str:
    """A prefix tree of the words, each followed by its own tail regex (a non-capturing group).

    A word may be given several times with different tails, and a word may be a prefix of
    another: at such a node the longer words and the tails are alternatives. Only for
    match-or-none use (and the leftmost match position): the alternation order is not that of
    the words.
    """
    trie: _Trie = {}
    for word, tail in items:
        node = trie
        for c in word:
            node = node.setdefault(c, {})
        node.setdefault("", {})[tail] = {}

    def build(node: _Trie) -> str:
        alts = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        alts += sorted(node.get("", {}))
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return "(?:" + build(trie) + ")"


def preceded_by(char_class: str, word: str) -> str:
    """A look-behind, placed after the word, on the character just before the word."""
    return "(?<=" + char_class + "." * len(word) + ")"


def not_preceded_by(char_class: str, word: str) -> str:
    """A negative look-behind, placed after the word, on the character just before the word
    (true at the start of the text too)."""
    return "(?<!" + char_class + "." * len(word) + ")"
