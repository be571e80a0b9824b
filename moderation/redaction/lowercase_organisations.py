# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Organisations with no type word in a lower-case Latin-script text, told by what they do or who
comes from them:

- the subject of a verb of helping, giving or taking at a clause start, when its words look like
  a body's name rather than a person's: a number in it ("utopia 56 nous donne des tentes", "y
  fm4 nos apoya"), a short word no language uses, as an acronym is ("la-bas jrs nous a aides",
  "and msf took her"), or three words or more ("maryhill integration network helps me");
- in English, the words after a member of staff and "from" ("sister eugenia from slaves no
  more", "the nurse from medair", "the ladies from rays of mercy"), unless they name a known
  place or are one frequent word ("a lady from church").

Guesses, below the leak guard's threshold.
"""

from __future__ import annotations

import re

from .folding import fold
from .gazetteer import load_gazetteer
from .language import zipf
from .latin_word_frequencies import unaccented_zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .name_word_lists import FUNCTION_WORDS
from .nationalities import is_nationality
from .scan import lower_same_length, written_in_lower_case

DETECTOR = "lowercase_organisations"
_CONFIDENCE = 0.5
_TOWN = 1_000  # inhabitants
_ACRONYM_LETTERS = 4
_ACRONYM_MAX_ZIPF = 3.0  # an acronym is a word no language uses
_ONE_WORD_MAX_ZIPF = 4.0  # "a lady from church": a frequent word alone is a word
_FIRST_MAX_ZIPF = 5.0  # a name of three words does not start with "como", "when", "quand"
_WORD = r"[a-zß-ÿ0-9][a-zß-ÿ0-9'’-]*"
# Where a clause starts: the text's start, punctuation, a conjunction or an adverb of place or
# time ("la-bas jrs nous a aides", "y fm4 nos apoya", "then msf took her").


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_CLAUSE_WORDS = _split(
    "and then there here but et puis alors mais ici la-bas là-bas y pero luego despues después "
    "aqui aquí alla allá"
)
_CLAUSE_START = r"(?:^|[.!?,;:][ \t]*|(?<![\w'’-])(?:" + "|".join(_CLAUSE_WORDS) + r")[ \t]+)"
_HELPING = (
    r"(?:helps?|helped|gave|gives?|took|takes?|sent|sends?|brought|brings?|paid|pays?|"
    r"supports?|supported|rescued|hid)[ \t]+(?:me|us|her|him|them|my|our)|"
    r"(?:nous|m['’]|me|l['’]|les|leur)[ \t]*(?:a|ont|avait|avaient)[ \t]+"
    r"(?:aid[ée]e?s?|donn[ée]e?s?|envoy[ée]e?s?|cach[ée]e?s?|h[ée]berg[ée]e?s?|"
    r"accueilli(?:e|s|es)?|pris(?:e|es)?|sauv[ée]e?s?|soign[ée]e?s?)|"
    r"(?:nous|m['’]|me)[ \t]*(?:aide|aident|donne|donnent|h[ée]berge|h[ée]bergent|"
    r"soutient|soutiennent|accompagne|accompagnent)|"
    r"(?:nos|me|le|la|les)[ \t]+(?:apoya|apoyan|apoy[oó]|apoyaron|ayuda|ayudan|ayud[oó]|"
    r"ayudaron|dio|dieron|da|dan|mand[oó]|mandaron|llev[oó]|llevaron|recibi[oó]|recibieron)"
)
_SUBJECT = re.compile(
    _CLAUSE_START + rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})[ \t]+(?:{_HELPING})(?![\w'’-])"
)
_STAFF_FROM = re.compile(
    r"(?<![\w'’-])(?:nurse|nurses|sister|sisters|lady|ladies|pastor|father|people|volunteer|"
    r"volunteers|staff|worker|workers|doctor|lawyer|nuns|priest|caseworker)"
    rf"(?:[ \t]+{_WORD})?[ \t]+from[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
)
# Function words that may be inside a name ("rays of mercy", "slaves no more"); a name does not
# end with the first two.
_JOINERS = frozenset(("of", "for"))
_INSIDE = frozenset(("of", "for", "no", "more"))
# Words that end the name: verbs and pronouns that follow it.
_ENDS = frozenset(
    _split(
        "is are was were be been help helps helped helping gave give gives took take takes came "
        "come comes brought bring brings sent send sends said says told tell who that which "
        "hid paid found care"
    )
)


def find_lowercase_organisations(text: str, lang: str) -> list[Suggestion]:
    """Organisations in a lower-case text (see the module's docstring)."""
    if lang not in ("en", "es", "fr") or not written_in_lower_case(text):
        return []
    lower = lower_same_length(text)
    out = []
    for m in _SUBJECT.finditer(lower):
        span = _subject(lower, *m.span("name"), lang)
        if span is not None:
            out.append(suggestion(*span, "organisation", _CONFIDENCE, DETECTOR, text[slice(*span)]))
    if lang == "en":
        for m in _STAFF_FROM.finditer(lower):
            span = _after_from(lower, *m.span("name"))
            if span is not None:
                out.append(
                    suggestion(*span, "organisation", _CONFIDENCE, DETECTOR, text[slice(*span)])
                )
    return out


def _subject(lower: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """The subject's span if its words look like a body's name (a number, an acronym, three
    words or more), none a function word and none a known place."""
    words = lower[start:end].split()
    while words and words[0] in _CLAUSE_WORDS:  # ". la-bas jrs nous a aides"
        start = lower.index(words[0], start) + len(words[0])
        start += len(lower[start:end]) - len(lower[start:end].lstrip(" \t"))
        words = words[1:]
    if not words or any(w in FUNCTION_WORDS for w in words):
        return None
    if len(words) == 1 and _acronym(words[0]):
        return start, end  # the gazetteer's alternate names hold many such codes ("jrs")
    if any(_a_place(w) for w in words):
        return None
    if any(any(c.isdigit() for c in w) for w in words):
        return start, end
    if len(words) >= 3 and _frequency(words[0], lang) < _FIRST_MAX_ZIPF:
        return start, end  # not "y como no habia me llevo"
    return None


def _frequency(word: str, lang: str) -> float:
    """The word's Zipf value in the text's language, as written or with its accents."""
    return max(zipf(word, lang), unaccented_zipf(word, lang))


def _acronym(word: str) -> bool:
    """A short word that no language uses and that is no listed given name ("jrs", "msf")."""
    return (
        word.isalpha()
        and len(word) <= _ACRONYM_LETTERS
        and not is_given_name(word)
        and max(zipf(word, "en"), zipf(word, "es"), zipf(word, "fr")) < _ACRONYM_MAX_ZIPF
    )


def _after_from(lower: str, start: int, end: int) -> tuple[int, int] | None:
    """The words after "from" up to a function word or a verb ("joiners" inside), if they are
    no known place, nationality or single frequent word."""
    kept: list[str] = []
    stop = start
    pos = start
    for w in re.finditer(_WORD, lower[start:end]):
        word = w.group()
        if word in _ENDS or (word in FUNCTION_WORDS and (word not in _INSIDE or not kept)):
            break
        kept.append(word)
        pos = start + w.end()
        if word not in _JOINERS:
            stop = pos
    names = [w for w in kept if w not in _JOINERS]
    if not names or stop == start:
        return None
    if any(_a_place(w) or is_nationality(w) for w in names) or _a_place(lower[start:stop]):
        return None
    if len(names) == 1 and zipf(names[0], "en") >= _ONE_WORD_MAX_ZIPF:
        return None
    return start, stop


def _a_place(words: str) -> bool:
    """Whether the words name a known place of a thousand inhabitants or more."""
    return load_gazetteer().latin.get(fold(words), 0) >= _TOWN
