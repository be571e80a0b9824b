# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Case- and accent-insensitive folding of text with an exact map back to original offsets."""

from __future__ import annotations

import re
import unicodedata
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
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
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
        return text.lower()
    return "".join(fold_char(c) for c in text)


@lru_cache(maxsize=4)
def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold text and return, for each folded character, the index of its source character.

    The map has one extra trailing entry equal to len(text) so that end offsets map too.
    Cached for the last few texts (several detectors fold the same text); do not modify the
    returned list.
    """
    if text.isascii():
        return text.lower(), list(range(len(text) + 1))
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    # ASCII runs fold 1:1 with lower(); only the other characters need the slow path.
    for m in _NON_ASCII.finditer(text):
        if m.start() > pos:
            parts.append(text[pos : m.start()].lower())
            index.extend(range(pos, m.start()))
        for i in range(m.start(), m.end()):
            f = fold_char(text[i])
            if f:
                parts.append(f)
                index.extend([i] * len(f))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:].lower())
        index.extend(range(pos, len(text)))
    index.append(len(text))
    return "".join(parts), index


def map_span(index: list[int], start: int, end: int, text: str) -> tuple[int, int]:
    """Map a [start, end) span over folded text back to the original text."""
    o_start = index[start]
    # The end is just past the source character of the last folded char.
    o_end = index[end - 1] + 1 if end > start else o_start
    # Take along combining marks that folding dropped, so no accent is left dangling.
    while o_end < len(text) and not fold_char(text[o_end]) and text[o_end] not in _DROP:
        o_end += 1
    return o_start, o_end
