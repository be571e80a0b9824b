# ruff: noqa: RUF001  (typographic quotes are data)
"""Names listed next to a found name: "mis hijos santiago, valentina y jesus daniel", "me vine
con maikel y yonathan", "se llevaron a jesus y a angel", "avec maman et espoir".

A person found by any detector makes its neighbours in a list (joined by a comma, "y", "e",
"and", "et", with "a"/"à" repeated) people too when they look like names: a given name of the
lists or a word rare in English, Spanish and French, capitalised in a capitalised text. A guess,
below the leak guard's threshold."""

from __future__ import annotations

import re

from .latin_word_frequencies import latin_frequency
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name, is_ordinary
from .scan import written_in_lower_case

_CONFIDENCE = 0.6
_RARE = 3.0  # a word rarer than this in en, es and fr looks like a name ("maikel", "britany")
_CAPITALISED = 4.5  # the same for a capitalised word in a text with capitals
_COMMON_GIVEN = 5.2  # a listed given name more frequent than this is a word first ("will")
_ARTICLE_A = r"(?:(?:a|à)[ \t]+)?"
# After a name: a comma, a conjunction or both, then perhaps a repeated "a" ("a jesus y a angel").
_JOIN_AFTER = re.compile(
    r"(?:[ \t]*,[ \t]*(?:(?:y|e|and|et)[ \t]+)?|[ \t]+(?:y|e|and|et)[ \t]+)"
    + _ARTICLE_A
    + r"(?P<word>[^\W\d_][\w'’-]*)(?:[ \t]+(?P<second>[^\W\d_][\w'’-]*))?",
    re.IGNORECASE,
)
# Before a name: a word, then a comma or a conjunction (and perhaps "a").
_JOIN_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<word>[^\W\d_][\w'’-]*)"
    r"(?:[ \t]*,[ \t]*(?:(?:y|e|and|et)[ \t]+)?|[ \t]+(?:y|e|and|et)[ \t]+)" + _ARTICLE_A + r"$",
    re.IGNORECASE,
)


def _words(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_STOP = frozenset(
    _words(
        "the a an my our his her their your this that to at in from of and or is was were with "
        "for by on we he she they it who which when but not i me you him them us la el los las "
        "le les lo un une una unos unas de del du des y e et en que con por para sin mi mis tu "
        "tus su sus ce cette mon ma mes ton ta tes son sa ses il elle ils elles nous vous on qui "
        "où se te nos ne pas es era fue al ya yo ella ellos ellas usted ustedes él moi toi lui "
        "eux todos todas tous toutes all both ambos mama mamá papa papá maman papa mom dad "
        "mother father madre padre mère pere père hijos hijas niños children enfants kids "
        "dios god jesús allah señor lord"
    )
)


def _looks_like_a_name(word: str, lower_text: bool) -> bool:
    """A word that may be a name in a list: a given name of the lists (not a very common word)
    or a word rare in en, es and fr; capitalised unless the whole text is in lower case."""
    low = word.lower()
    if len(low) < 3 or low in _STOP or not low.replace("-", "").isalpha():
        return False
    if not lower_text and not word[0].isupper():
        return False
    frequency = latin_frequency(low)
    if is_given_name(low):
        return frequency < _COMMON_GIVEN or not is_ordinary(low)
    # a capitalised word inside a capitalised sentence may be a little more common ("avec
    # Précieux et Dieumerci")
    return frequency < (_RARE if lower_text else _CAPITALISED)


def listed_neighbours(text: str, found: list[Suggestion]) -> list[Suggestion]:
    """People listed right before or after a found person (see the module's docstring)."""
    persons = [s for s in found if s.kind == "person" and s.confidence >= 0.6]
    if not persons:
        return []
    lower_text = written_in_lower_case(text)
    taken = sorted((s.start, s.end) for s in found)
    out: list[Suggestion] = []
    seen: set[tuple[int, int]] = set()
    queue = [(s.start, s.end) for s in persons]
    while queue:
        start, end = queue.pop()
        for span in _neighbours(text, start, end, lower_text):
            if span in seen or any(a < span[1] and span[0] < b for a, b in taken):
                continue
            seen.add(span)
            out.append(suggestion(*span, "person", _CONFIDENCE, "names", text[span[0] : span[1]]))
            queue.append(span)
    return out


def _neighbours(text: str, start: int, end: int, lower_text: bool) -> list[tuple[int, int]]:
    """The spans of the names that may be listed right after and right before [start, end)."""
    spans = []
    after = _JOIN_AFTER.match(text, end)
    if after and _looks_like_a_name(after.group("word"), lower_text):
        stop = after.end("word")
        second = after.group("second")
        if second and _looks_like_a_name(second, lower_text):
            stop = after.end("second")
        spans.append((after.start("word"), stop))
    before = (
        _JOIN_BEFORE.search(text, max(0, start - 40), start) if _join_before(text, start) else None
    )
    if before and _looks_like_a_name(before.group("word"), lower_text):
        spans.append(before.span("word"))
    return spans


_JOIN_ENDS = (",", " y", " e", " and", " et", "\ty", "\te", "\tand", "\tet")


def _join_before(text: str, start: int) -> bool:
    """Whether a comma or a conjunction (and perhaps "a") ends right before start: a cheap test
    before _JOIN_BEFORE, which most found names fail."""
    head = text[max(0, start - 12) : start].rstrip(" \t").lower()
    if head.endswith((" a", " à", "\ta", "\tà")):
        head = head[:-2].rstrip(" \t")
    return head.endswith(_JOIN_ENDS)
