# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Person and place detection for Latin-script text: capitalised sequences scored by gazetteer,
word-frequency evidence and context cues, plus cue-led lower-case names (name_lowercase) and
propagation (name_propagation). Tokens and capitalised runs: name_tokens; the context cues
around a group: name_context."""

from __future__ import annotations

import re
from functools import lru_cache

from . import cues
from .folding import fold
from .gazetteer import load_gazetteer
from .language import name_likeness, zipf
from .latin_word_frequencies import ordinary_latin_word
from .model import Suggestion, suggestion
from .name_context import GroupCues
from .name_lexicon import is_given_name, is_ordinary
from .name_lowercase import lowercase_names
from .name_lowercase import warm_up as warm_up_lowercase
from .name_organisation_tail import split_before_organisation
from .name_propagation import propagate
from .name_tokens import Tok, cap_groups, sentence_start
from .organisations import ORG_WORDS

__all__ = ["find_names", "propagate", "warm_up"]

# Pseudonym words ("Person A"): what the former regex r"^(?:Person|Place|Organisation|Name)$"
# matched in a token (tokens have no line break, so "$" cannot match before one).
_COUNTRY = 10_000_000  # the gazetteer's pseudo-population of countries and regions
_PSEUDONYMS = frozenset(["Person", "Place", "Organisation", "Name"])


def _word(text: str) -> str:
    return text.rstrip(".").strip("'’-")


@lru_cache(maxsize=65536)
def _word_likeness(w: str, lang: str) -> float:
    if _not_name(w):
        return 0.0
    if len(w) == 1:
        return 0.3  # an initial
    return name_likeness(w, lang)


@lru_cache(maxsize=65536)
def _not_name(w: str) -> bool:
    return w in _PSEUDONYMS or fold(w) in cues.NOT_NAMES


def _ends_with_initial(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (which ends with ".") ends with an initial: a capital A-Z at
    a word start right before the full stop (the regex search this replaces, without slicing)."""
    c = text[end - 2] if end - 2 >= start else ""
    return "A" <= c <= "Z" and (end - 3 < start or not _is_word_char(text[end - 3]))


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what the regex engine takes for \w


def _span(text: str, start: int, end: int, kind: str, conf: float) -> Suggestion:
    if text[end - 1] == "." and not _ends_with_initial(text, start, end):
        end -= 1  # keep the full stop of a sentence out, but not of an initial
    return suggestion(start, end, kind, conf, "names", text[start:end])


# What _classify needs of a group that does not depend on context: its words, gazetteer
# population and the name-likeness of each word (see _facts).
_Facts = tuple[list[str], int, list[float]]


@lru_cache(maxsize=65536)
def _facts(texts: tuple[str, ...], lang: str) -> _Facts | None:
    """What _classify needs that does not depend on context: the words, gazetteer population
    and name-likeness; None when the group can never be a name. Cached (do not modify)."""
    words = [t.rstrip(".").strip("'’-") for t in texts]
    if any(w in ORG_WORDS for w in words):
        return None  # organisations are the organisation detector's business
    if all(_not_name(w) for w in words):
        return None
    pop = load_gazetteer().latin.get(fold(" ".join(words)), 0)
    likeness = [
        _word_likeness(w, lang)
        for t, w in zip(texts, words, strict=True)
        if t.lower() not in cues.NAME_CONNECTORS
    ]
    if not likeness:
        return None
    if (
        not pop
        and max(likeness) < 0.5
        and (
            len(words[0]) <= 1
            or zipf(words[0].lower(), lang if lang in ("en", "es", "fr") else "en") >= 5.5
        )
    ):
        return None  # only ordinary words ("The Big Three"); no cue can change that
    return words, pop, likeness


def _zipf_lang(lang: str) -> str:
    return lang if lang in ("en", "es", "fr") else "en"


def _classify(
    text: str, start: int, end: int, size: int, facts: _Facts, lang: str, at_sentence_start: bool
) -> Suggestion | None:
    """The suggestion for a group of size tokens at text[start:end] with these facts, if any."""
    words, pop, likeness = facts
    cue = GroupCues(text, start, end)
    if pop:
        if pop < 1_000_000 and cue.person() and not cue.strong_place():
            return _span(text, start, end, "person", 0.85)
        if cue.place():
            # A city name that is also an ordinary word ("from ATM", "to Bath"): not sure.
            plain = pop < _COUNTRY and size == 1 and ordinary_latin_word(words[0])
            return _span(text, start, end, "place", 0.8 if plain else 0.9)
        if pop >= 50_000 or size > 1:
            return _span(text, start, end, "place", 0.8 if not at_sentence_start else 0.7)
        if min(likeness) >= 0.5:
            return _span(text, start, end, "person", 0.6)
        return _span(text, start, end, "place", 0.5)
    if cue.person() and zipf(words[0].lower(), _zipf_lang(lang)) < 5.5:  # noqa: SIM102 (reads as two separate conditions)
        if not cue.strong_place() and len(words[0]) > 1:
            return _span(text, start, end, "person", 0.9)
    if size > 1 and words[-1] in _ADMINISTRATIVE and (cue.place() or _unnamed_region(words[0])):
        return _span(text, start, end, "place", 0.8)  # "in Unity State", "Benin City, Edo State"
    if max(likeness) < 0.5:
        if not at_sentence_start and _capitalised_after_locative(text, start, lang):
            return _span(text, start, end, "place", _UNKNOWN_PLACE)  # "en Guerrero"
        if (
            not at_sentence_start
            and size == 1
            and words[0].lower() not in cues.NOT_NAMES
            and _capitalised_after_companion(text, start, lang)
        ):
            return _span(text, start, end, "person", _WORD_NAME)  # "remplacée par Gloire"
        return None  # only ordinary words ("The Big Three")
    if cue.strong_place():
        return _span(text, start, end, "place", 0.85)
    if cue.person():
        return _span(text, start, end, "person", 0.9)
    rare = min(likeness) >= 0.9
    if len(likeness) >= 2:
        conf = 0.85 if rare else 0.7
        person = _looks_like_person(words) and not _locative_unknown(text, start, words)
        kind = "place" if cue.place() and not person else "person"
        return _span(text, start, end, kind, conf)
    w = words[0]
    if at_sentence_start:
        own = zipf(w.lower(), _zipf_lang(lang))
        if (
            own < 3.0
            and w.lower() not in cues.NAME_CONNECTORS
            and w.lower() not in cues.PERSON_LAST  # a cue word itself ("Sahbi kan ...")
            and w.lower() not in cues.PLACE_LAST
            and not _ELIDED_PRONOUN.match(w)  # "J'enseignais à ..."
        ):
            return _span(text, start, end, "person", 0.65)
        if likeness[0] >= 0.9 and cues.SUBJECT_VERB.match(text[end : end + 30]):
            return _span(text, start, end, "person", 0.6)
        return None
    if w.isupper() and len(w) <= 4:
        return None  # acronyms: UN, NGO, USA
    kind = "place" if (lang != "en" and cue.place()) or cue.strong_place() else "person"
    if text[start - 3 : start].lower() in ("in ", "om ") and cue.place():
        kind = "place"
    return _span(text, start, end, kind, 0.75 if rare else 0.5)


# A French elided pronoun glued to a verb: "J'enseignais", "N'oublie", "Qu'il", "C'était".
_ELIDED_PRONOUN = re.compile(r"^(?:[JjNnSsCcTtMm]|[Qq]u)['’][a-zà-ÿ]")


# The last word of a capitalised region's name, which may be made of ordinary words ("Unity
# State", "Lakes State", "Western Region"): after a place preposition, or after a word that is
# no given name ("Lofa County", not "Grace County" with no preposition), a place.
_ADMINISTRATIVE = frozenset(("State", "Province", "Region", "County", "District", "Governorate"))


def _unnamed_region(word: str) -> bool:
    """The first word of "X County", "X State" with no place preposition before: a region's
    when it is neither a given name nor an ordinary word ("The Welfare State helped us")."""
    return not is_given_name(word) and not is_ordinary(word)


# A preposition of being somewhere: a person's name is rarely right after it ("en Tecún Umán",
# "à Cité Soleil"), unlike after "de", "a" or "from" ("la hija de Rosa Pérez").
_LOCATIVE = re.compile(r"(?i)(?<![\w'’])(?:en|in|à|dans|near|cerca de|près de)[ \t]+$")
# After a verb of working the words name an employer ("trabaja en Textiles Oranzu"): kind_rules
# makes a person guess there an organisation.
_WORK_BEFORE = re.compile(r"(?i)(?:trabaj|work|travaill)[^\W\d_]*[ \t]+(?:en|in|à|dans)[ \t]+$")


# Spanish and French capitalise names, not common nouns, months or nationalities: ordinary
# words capitalised inside a sentence right after "en", "à" are a place we do not know ("en
# Guerrero", "à Carrefour-Feuilles"), or a holiday ("en Navidad"): below the guard.
_UNKNOWN_PLACE = 0.6


# Likewise an ordinary word capitalised inside a sentence right after "par", "avec", "chez" or
# "con" is a name that is a word ("remplacée par Gloire", "vine con Esperanza"): below the
# guard. Not after "para", "por", "pour", "y", "et", which come before holidays, sums and
# titles as often ("por Navidad", "y Euros", "para Usted").
_COMPANION = re.compile(r"(?<![\w'’])(?:par|avec|chez|con)[ \t]+$")
_WORD_NAME = 0.5


def _capitalised_after_companion(text: str, start: int, lang: str) -> bool:
    return lang in ("es", "fr") and _COMPANION.search(text, max(0, start - 8), start) is not None


def _capitalised_after_locative(text: str, start: int, lang: str) -> bool:
    return (
        lang in ("es", "fr")
        and _LOCATIVE.search(text, max(0, start - 12), start) is not None
        and _WORK_BEFORE.search(text, max(0, start - 30), start) is None
    )


def _locative_unknown(text: str, start: int, words: list[str]) -> bool:
    """Two capitalised words after a locative preposition whose first is no known given name:
    a place ("en Tecún Umán"), where "en Rosa Pérez" stays a person."""
    window = max(0, start - 30)
    return (
        _LOCATIVE.search(text, max(0, start - 12), start) is not None
        and _WORK_BEFORE.search(text, window, start) is None
        and not is_given_name(words[0])
    )


def _looks_like_person(words: list[str]) -> bool:
    return len(words) == 2 and len(words[0]) > 1 and len(words[1]) > 1 and words[0][0].isupper()


def find_names(text: str, lang: str = "en") -> list[Suggestion]:
    """People and places in Latin-script text (cues, gazetteer, frequency evidence)."""
    out: list[Suggestion] = []
    for run in cap_groups(text):
        # "la abogada Paola Méndez de Asylum Access": a person, then an organisation; "À
        # Beyrouth Madame Nada a pris": a place, then a person
        for group in (
            _split_before_title(split_before_organisation(run)) if len(run) > 1 else (run,)
        ):
            sug = _multi(text, group, lang)
            if sug is not None:
                out.append(sug)
    out.extend(lowercase_names(text, lang))
    return out


# Prepositions that start a sentence and no name: "In Tripoli the guard", "En Tapachula Rosa"
# ("In" and "En" are also listed names).
_PREPOSITIONS = frozenset(
    [
        "in",
        "en",
        "dans",
        "au",
        "aux",
        "à",
        "from",
        "to",
        "at",
        "on",
        "con",
        "with",
        "para",
        "por",
        "pour",
        "avec",
        "chez",
        "sur",
        "near",
        "after",
        "since",
        "desde",
        "hasta",
        "hacia",
        "durante",
        "during",
        "depuis",
        "vers",
    ]
)
# Titles that start a person's name wherever they stand in a run of capitalised words.
_TITLES = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "madame",
        "monsieur",
        "mademoiselle",
        "mme",
        "mlle",
        "señor",
        "señora",
        "doña",
        "sra",
        "sra.",
        "srta",
        "srta.",
    ]
)


def _split_before_title(groups: list[list[Tok]]) -> list[list[Tok]]:
    """The groups, each cut before a title inside it ("Beyrouth | Madame Nada")."""
    out = []
    for group in groups:
        start = 0
        for k in range(1, len(group) - 1):
            if group[k][2].lower() in _TITLES:
                out.append(group[start:k])
                start = k
        out.append(group[start:])
    return out


def _multi(text: str, group: list[Tok], lang: str) -> Suggestion | None:
    """The suggestion for a group of capitalised tokens, if any."""
    first = group[0]
    texts = tuple(t[2] for t in group)
    at_start = sentence_start(text, first[0])
    if (
        at_start
        and len(group) > 1
        and (_word_likeness(_word(first[2]), lang) < 0.5 or first[2].lower() in _PREPOSITIONS)
        and not _gazetteer_part(texts, whole=True)
    ):
        # "Then Samir Haddad came", "The Princess Royal": drop the sentence-initial word
        # (but not from a known place: "New Zealand", "South Africa").
        group = group[1:]
        while group and group[0][2].lower() in cues.NAME_CONNECTORS:
            group = group[1:]
        if not group:
            return None
        texts = tuple(t[2] for t in group)
        at_start = False
    facts = _facts(texts, lang)
    sug = (
        None
        if facts is None
        else _classify(text, group[0][0], group[-1][1], len(group), facts, lang, at_start)
    )
    if sug is None and len(group) > 1:
        # "Southern Tunisia", "Greater Manchester": ordinary words around a known place.
        part = _gazetteer_part(texts, whole=False)
        if part is not None:
            sug = _span(text, group[part[0]][0], group[part[1] - 1][1], "place", 0.7)
    return sug


# A part of a group is taken as a place on its own only if it is at least this big.
_PART_MIN_POPULATION = 100_000
_PART_MAX_ZIPF = 5.0  # and a single word must not be a very common English word


@lru_cache(maxsize=65536)
def _gazetteer_part(texts: tuple[str, ...], whole: bool) -> tuple[int, int] | None:
    """(i, j) of the longest run of the group's words that is a known place: the whole group
    only (whole=True), or a proper part of at least _PART_MIN_POPULATION (whole=False)."""
    gaz = load_gazetteer().latin
    words = [t.rstrip(".").strip("'’-") for t in texts]
    n = len(words)
    if whole:
        return (0, n) if gaz.get(fold(" ".join(words)), 0) else None
    for size in range(n - 1, 0, -1):
        for i in range(n - size + 1):
            part = words[i : i + size]
            if part[0].lower() in cues.NAME_CONNECTORS or part[-1].lower() in cues.NAME_CONNECTORS:
                continue
            if size == 1 and (
                _not_name(part[0])
                or len(part[0]) < 3
                or zipf(part[0].lower(), "en") >= _PART_MAX_ZIPF  # "Can I ..."
            ):
                continue
            if gaz.get(fold(" ".join(part)), 0) >= _PART_MIN_POPULATION:
                return i, i + size
    return None


def warm_up() -> None:
    """Build the per-language regexes now (called by gazetteer.warm_up)."""
    warm_up_lowercase()
