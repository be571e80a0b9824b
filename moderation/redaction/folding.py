# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Case- and accent-insensitive folding of text with an exact map back to original offsets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# Arabic letters whose variants writers use interchangeably (hamza seats, alef maqsura, ta marbuta).
_ARABIC_EQUIV = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
}
_DROP = {"ـ", "\u200c", "\u200d", "\u200e", "\u200f", "\u00ad"}  # tatweel, joiners, marks, SHY
# The same runs as [^\x00-\x7f]+, written to start with a character class: re then skips to the
# next non-ASCII character in a fast loop instead of trying a match at every position.
_NON_ASCII = re.compile(r"[^\x00-\x7f][^\x00-\x7f]*")
_APOSTROPHES = {"’": "'", "ʼ": "'", "‘": "'", "`": "'", "ʻ": "'"}


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """Fold one character: NFKD, drop combining marks, casefold, unify Arabic variants."""
    if ch in _DROP:
        return ""
    if ch in _APOSTROPHES:
        return "'"
    if ch in _ARABIC_EQUIV:
        return _ARABIC_EQUIV[ch]
    if ch.isascii():
        return ch.lower()
    out = []
    for c in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(c):
            continue
        out.append(_ARABIC_EQUIV.get(c, c))
    return "".join(out).casefold()


def fold(text: str) -> str:
    """Fold a string for comparison (no offset map)."""
    if text.isascii():
        return _lower_ascii(text)
    if len(text) > _SHORT:
        return text.translate(_FOLD_TABLE)
    # A word or short name (the detectors fold every word they weigh, and words recur):
    # str.translate through the table's mapping protocol costs about 100 instructions per
    # character, a dict hit one lookup.
    folded = _FOLDED_WORDS.get(text)
    if folded is None:
        if len(_FOLDED_WORDS) >= _FOLDED_WORDS_MAX:
            _FOLDED_WORDS.clear()
        folded = _FOLDED_WORDS[text] = text.translate(_FOLD_TABLE)
    return folded


def folded_words(words: str) -> frozenset[str]:
    """The words of a space-separated list, each folded: the word lists of the detectors."""
    return frozenset(fold(w) for w in words.split())


_SHORT = 40  # longer strings (whole texts) are not kept
_FOLDED_WORDS: dict[str, str] = {}  # fold() of recent short non-ASCII strings
_FOLDED_WORDS_MAX = 65536


def _lower_ascii(text: str) -> str:
    """fold_char() of each character of ASCII text: lower case, and the backtick (the one ASCII
    apostrophe variant) as an apostrophe."""
    lower = text.lower()
    return lower.replace("`", "'") if "`" in lower else lower


@lru_cache(maxsize=4)
def fold_with_map(text: str) -> tuple[str, Sequence[int]]:
    """Fold text and return, for each folded character, the index of its source character.

    The map has one extra trailing entry equal to len(text) so that end offsets map too.
    Cached for the last few texts (several detectors fold the same text); do not modify the
    returned sequence.
    """
    if text.isascii():
        return _lower_ascii(text), range(len(text) + 1)
    irregular = _irregular()
    if irregular.search(text) is None:
        # Every character folds to exactly one: the map is the identity (the common case).
        return _fold_regular(text), range(len(text) + 1)
    # Between the characters that do not fold to exactly one (Arabic vowel marks, combining
    # accents, ligatures), the map is the identity; only those need a look of their own.
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    for m in irregular.finditer(text):
        i = m.start()
        if i > pos:
            parts.append(_fold_regular(text[pos:i]))
            index.extend(range(pos, i))
        folded = fold_char(text[i])
        if folded:
            parts.append(folded)
            index.extend([i] * len(folded))
        pos = i + 1
    if pos < len(text):
        parts.append(_fold_regular(text[pos:]))
        index.extend(range(pos, len(text)))
    index.append(len(text))
    return "".join(parts), index


def _fold_regular(text: str) -> str:
    """fold() of text whose characters each fold to exactly one character."""
    if text.isascii():
        return _lower_ascii(text)
    if 4 * (len(text.encode()) - len(text)) > len(text):
        return text.translate(_FOLD_TABLE)  # mostly non-ASCII, such as Arabic script
    # Mostly ASCII: str.lower() runs much faster than translate() over the ASCII runs (not over
    # the others: "İ".lower() is two characters).
    parts: list[str] = []
    pos = 0
    for m in _NON_ASCII.finditer(text):
        parts.append(_lower_ascii(text[pos : m.start()]))
        parts.append(m.group().translate(_FOLD_TABLE))
        pos = m.end()
    parts.append(_lower_ascii(text[pos:]))
    return "".join(parts)


class _FoldTable(dict[int, str]):
    """A str.translate table: code point -> fold_char(character), filled in on first sight."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=1)
def _irregular() -> re.Pattern[str]:
    """Characters that do not fold to exactly one character (dropped marks and joiners,
    expanding ligatures), and everything outside the Basic Multilingual Plane, which is not
    examined (about 0.1 s, once; warm_up() calls it)."""
    codes = [c for c in range(0x10000) if len(fold_char.__wrapped__(chr(c))) != 1]
    ranges: list[str] = []
    start = prev = codes[0]
    for c in [*codes[1:], -1]:
        if c != prev + 1:
            ranges.append(_class_char(start) + ("-" + _class_char(prev) if prev > start else ""))
            start = c
        prev = c
    return re.compile("[" + "".join(ranges) + "\U00010000-\U0010ffff]")


def _class_char(code: int) -> str:
    return f"\\u{code:04x}"


def warm_up() -> None:
    """Build the table of irregular characters now."""
    _irregular()


def map_span(index: Sequence[int], start: int, end: int, text: str) -> tuple[int, int]:
    """Map a [start, end) span over folded text back to the original text."""
    o_start = index[start]
    # The end is just past the source character of the last folded char.
    o_end = index[end - 1] + 1 if end > start else o_start
    # Take along combining marks that folding dropped, so no accent is left dangling.
    while o_end < len(text) and not fold_char(text[o_end]) and text[o_end] not in _DROP:
        o_end += 1
    return o_start, o_end
