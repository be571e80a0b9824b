# ruff: noqa: RUF001  (typographic quotes are data)
"""Places listed next to a found place in Spanish: "pasamos corinto, tecun, tapachula, huixtla y
arriaga",
"despues canaan membrillo, bajo chiquito, lajas blancas", "marcala, la paz, escondida".

A journey is told as a list of stops. A place found by any detector makes its neighbours in the
list (joined by a comma, "y", "e", "and", "et") places too when they look like a place: a known
place of the gazetteer, words rare in English, Spanish and French, or, between two joints of the
list, one to three words of which one is rare or known. Capitalised words in a capitalised
text. A guess, below the leak guard's threshold.
"""

from __future__ import annotations

import re

from .folding import fold
from .gazetteer import load_gazetteer
from .latin_word_frequencies import latin_frequency
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .name_word_lists import FUNCTION_WORDS
from .place_words import PLACE_WORD_SET, VERB_ENDINGS
from .scan import written_in_lower_case

_CONFIDENCE = 0.6
_RARE = 3.2  # a word rarer than this in en, es and fr may name a small place ("tecun")
_TOWN = 1_000  # inhabitants: a known place
_CITY = 100_000  # a known place this big is a place even when its name is a given name
_COMMON = 5.0  # a known place of one word more frequent than this is a word first ("paz")
# Between two joints, words of which one is fairly rare and none very common ("bajo chiquito").
_FAIRLY_RARE = 4.0
_VERY_COMMON = 5.7
_ARTICLES = frozenset(("el", "la", "los", "las"))
_CONNECTORS = frozenset(("de", "del", "la", "las", "los", "el"))
_WORD = r"[^\W\d_][\w'’-]*"
# A joint of a list: a comma and perhaps a conjunction, or a conjunction alone.
_JOINT = r"(?:[ \t]*,[ \t]*(?:(?:y|e|and|et)[ \t]+)?|[ \t]+(?:y|e|and|et)[ \t]+)"
_AFTER = re.compile(_JOINT + rf"(?P<words>{_WORD}(?:[ \t]+{_WORD}){{0,3}})", re.IGNORECASE)
_BEFORE = re.compile(rf"(?P<words>{_WORD}(?:[ \t]+{_WORD}){{0,2}}){_JOINT}$", re.IGNORECASE)
_JOINT_AHEAD = re.compile(r"[ \t]*(?:[,.;:)]|$)|[ \t]+(?:y|e|and|et)[ \t]")
_JOINT_BEHIND = re.compile(r"[,(][ \t]*$")
_WORD_RE = re.compile(_WORD)


def _place_like(words: list[str], lower_text: bool, closed: bool, comma: bool) -> bool:
    """Whether a run of words may be a place in a list; closed: a joint on both sides; comma:
    a comma before the run (one rare word after \"y\" is often a verb: \"y rento\")."""
    lows = [w.lower() for w in words]
    if lows[-1] in _CONNECTORS or (lows[0] in FUNCTION_WORDS and lows[0] not in _ARTICLES):
        return False
    inner = [(w, low) for w, low in zip(words, lows, strict=True) if low not in _CONNECTORS]
    if not inner or len(inner) > 3:
        return False
    for word, low in inner:
        if low in FUNCTION_WORDS or low in PLACE_WORD_SET or len(low) < 3:
            return False
        if low.endswith(VERB_ENDINGS):
            return False  # "en tapachula, vivíamos con ..."
        if not lower_text and not word[0].isupper():
            return False
    known = load_gazetteer().latin.get(fold(" ".join(words)), 0)
    if len(inner) == 1:
        word, low = inner[0]
        if is_given_name(low) and known < _CITY:
            return False
        return (known >= _TOWN and (latin_frequency(low) < _COMMON or closed)) or (
            latin_frequency(low) < _RARE and (closed or comma)
        )
    if known >= _TOWN:
        return True
    frequencies = [latin_frequency(low) for _, low in inner]
    if closed:  # "bajo chiquito", between two joints of a list
        return min(frequencies) < _FAIRLY_RARE and max(frequencies) < _VERY_COMMON
    return max(frequencies) < _RARE


# One more word between a found place and a joint: "despues canaan membrillo, bajo chiquito".
_REST = re.compile(rf"[ \t]+(?P<word>{_WORD})(?=[ \t]*,)")


def _rest_of_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The found place at [start, end) with the rare word that follows it before a comma (the
    rest of its name), if there is one."""
    m = _REST.match(text, end)
    if m is None:
        return None
    low = m.group("word").lower()
    if low in FUNCTION_WORDS or is_given_name(low) or latin_frequency(low) >= _RARE:
        return None
    return start, m.end()


def _after(text: str, end: int, lower_text: bool) -> tuple[int, int] | None:
    """The span of the place listed right after a place that ends at end, if any."""
    tail = text[end : end + 6].lstrip(" \t").lower()
    if not tail.startswith((",", "y ", "e ", "and ", "et ")):
        return None  # no joint right after: most found places
    m = _AFTER.match(text, end)
    if m is None:
        return None
    words = list(_WORD_RE.finditer(text, m.start("words"), m.end("words")))
    for n in range(len(words), 0, -1):
        stop = words[n - 1].end()
        closed = _JOINT_AHEAD.match(text, stop) is not None
        comma = "," in text[end : m.start("words")]
        if (closed or n == 1) and _place_like(
            [w.group() for w in words[:n]], lower_text, closed, comma
        ):
            return m.start("words"), stop
    return None


def _before(text: str, start: int, lower_text: bool) -> tuple[int, int] | None:
    """The span of the place listed right before a place that starts at start, if any."""
    head = text[max(0, start - 6) : start].rstrip(" \t").lower()
    if not head.endswith((",", " y", " e", " and", " et")):
        return None  # no joint right before: most found places
    m = _BEFORE.search(text, max(0, start - 60), start)
    if m is None:
        return None
    words = list(_WORD_RE.finditer(text, m.start("words"), m.end("words")))
    for n in range(len(words), 0, -1):
        begin = words[-n].start()
        closed = _JOINT_BEHIND.search(text, max(0, begin - 4), begin) is not None
        comma = "," in text[m.end("words") : start]
        if _place_like([w.group() for w in words[-n:]], lower_text, closed, comma):
            return begin, m.end("words")
    return None


# A word between two commas, as a stop of a journey told as a list ("los chiles, managua, el").
_BETWEEN_COMMAS = re.compile(rf",[ \t]*({_WORD})(?=[ \t]*,)")


def _cities_between_commas(text: str, found: list[Suggestion]) -> list[Suggestion]:
    """Big known places whose name is no common word, alone between two commas: each starts
    a list of places even when no detector found it."""
    out = []
    places = load_gazetteer().latin
    for m in _BETWEEN_COMMAS.finditer(text):
        low = m.group(1).lower()
        if (
            places.get(fold(low), 0) >= _CITY
            and latin_frequency(low) < _FAIRLY_RARE
            and not is_given_name(low)
            and not any(s.start < m.end(1) and m.start(1) < s.end for s in found)
        ):
            out.append(suggestion(*m.span(1), "place", _CONFIDENCE, "names", m.group(1)))
    return out


def _joint_near(text: str, start: int, end: int) -> bool:
    """Whether a comma or a conjunction is near enough to [start, end) for a list: a cheap
    test before the three rules, which most found places fail."""
    tail = text[end : end + 30]
    if "," in tail or " y " in tail or " e " in tail or " and " in tail or " et " in tail:
        return True
    head = text[max(0, start - 6) : start]
    return "," in head or " y " in head or " e " in head or "and " in head or "et " in head


def listed_places(text: str, lang: str, found: list[Suggestion]) -> list[Suggestion]:
    """Places listed right before or after a found place (see the module's docstring), in a
    Spanish text (the others' places are found well enough without it, and it has a cost)."""
    if lang != "es" or ("," not in text and " y " not in text):
        return []
    out = _cities_between_commas(text, found) if text.count(",") >= 2 else []
    places = [s for s in [*found, *out] if s.kind == "place" and s.confidence >= 0.5]
    if not places:
        return []
    lower_text = written_in_lower_case(text)
    queue = [(s.start, s.end) for s in places]
    seen = set(queue)
    while queue:
        start, end = queue.pop()
        if not _joint_near(text, start, end):
            continue  # most found places are in no list
        for span in (
            _rest_of_name(text, start, end),
            _after(text, end, lower_text),
            _before(text, start, lower_text),
        ):
            if span is None or span in seen:
                continue
            seen.add(span)
            kinds = {s.kind for s in found if s.start < span[1] and span[0] < s.end}
            if kinds - {"place"}:
                continue  # a person or an organisation in the list ends it there
            queue.append(span)
            if not any(s.start <= span[0] and span[1] <= s.end for s in found):
                out.append(suggestion(*span, "place", _CONFIDENCE, "names", text[slice(*span)]))
    return out
