# ruff: noqa: RUF001  (typographic quotes are data)
"""English organisations named after their type word: "the agency Sunrise Manpower", "the
organisation Borderline Friends", "the hostel Dom Pod Wawelem", "the church saint joseph".

English usually puts the type word after the name ("Abu Rami bakery", named_organisations);
before it, after "the", the words that follow may also start a clause ("the shelter Maria ran"),
so the name must have two words or more and not start with a given name of the lexicon, a
frequent word ("the church Sunday service") or a title ("the church sister dolores helped");
in a text all in lower case a frequent word ends it ("the church medhanie alem in london")."""

from __future__ import annotations

import re

from .language import zipf
from .latin_word_frequencies import latin_frequency
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .name_word_lists import FUNCTION_WORDS, NOT_NAMES
from .regex_util import CaselessPattern, first_chars, trie_regex
from .scan import written_in_lower_case
from .title_names import is_title

_TYPE_WORDS = (
    "agency",
    "organisation",
    "organization",
    "ngo",
    "charity",
    "hostel",
    "shelter",
    "church",
    "mosque",
    "gang",
    "militia",
    "company",
)
_TYPE_FIRST = CaselessPattern(
    first_chars(["the"])
    + r"(?<![\w'’-])the[ \t]+"
    + trie_regex(_TYPE_WORDS)
    + r"[ \t]+(?=[^\W\d_])"
)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MAX_WORDS = 4
_FREQUENT = 5.0  # Zipf: a word this frequent in English starts no name here
# Words that start no name here, beyond the lists of words never a name (NOT_NAMES: days,
# "mr", "madame") and of titles ("sister", "pastor"): "the church sister dolores helped me".
_NOT_FIRST = frozenset(["abba", "abuna", "imam", "sheikh", "mother", "morning", "evening", "night"])
_CONFIDENCE = 0.8  # below the guard: the shape is evidence, not proof
_LOWER_CONFIDENCE = 0.7


def find_type_first_organisations(text: str) -> list[Suggestion]:
    """The organisations of the module's docstring."""
    lower_text = written_in_lower_case(text)
    out = []
    for m in _TYPE_FIRST.finditer(text):
        words: list[re.Match[str]] = []
        pos = m.end()
        while len(words) < _MAX_WORDS:
            w = _NAME_WORD.match(text, pos)
            if w is None or not _name_word(w.group(), lower_text):
                break
            words.append(w)
            if text[w.end() : w.end() + 1] != " ":
                break
            pos = w.end() + 1
        first = words[0].group() if words else ""
        low = first.lower()
        if (
            len(words) < 2
            or is_given_name(first)
            or low in NOT_NAMES
            or is_title(low)
            or low in _NOT_FIRST
            or zipf(low, "en") >= _FREQUENT
        ):
            continue
        start, end = m.end(), words[-1].end()
        conf = _LOWER_CONFIDENCE if lower_text else _CONFIDENCE
        out.append(suggestion(start, end, "organisation", conf, "name_parts", text[start:end]))
    return out


def _name_word(word: str, lower_text: bool) -> bool:
    low = word.lower()
    if low in FUNCTION_WORDS:
        return False
    if lower_text:
        return latin_frequency(low) < _FREQUENT
    return word[0].isupper()
