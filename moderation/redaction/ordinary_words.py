"""Ordinary words stay below the leak guard's threshold: a person, place or organisation that a
name detector found and whose every word is an ordinary word of a supported language (a word a
survivor may write in any sentence) is suggested at _BELOW_GUARD, not at HIGH_CONFIDENCE or
above. It is still suggested (staff decide); the leak guard does not block on it alone.

"Ordinary" is decided from word frequencies, not from lists of the words seen: a word is
ordinary when wordfreq has it at Zipf >= 3.7 in English, Spanish, French, Arabic or Persian
(with an Arabic proclitic or article taken off), or when it is an everyday word of Kurmanji or
Sorani (``kurdish_words``: wordfreq has neither), unless it may also be a name:

- a name of the engine's lists from Faker's person lists (name_lexicon for Latin script,
  arabic_name_lexicon for Arabic script; Faker compiles them from public census and
  statistics lists), so "Grace", "Samir", "مريم" keep their confidence while "Hope" or "أمل"
  (hope) do not;
- a place of the gazetteer: a Latin-script name of 100,000 inhabitants or more (countries and
  regions included) or an Arabic-script name it keeps ("Paris", "حلب").

The name of a language in English, Spanish or French (the Unicode CLDR through Babel: "Tajik",
"Pashto", "tigriña") and a nationality (nationalities: "Eritrean", "Burundaise") are ordinary
words too, however rare: "my mother Tajik", "my brother Eritrean" name no one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from babel import Locale

from .arabic_name_lexicon import given_names, lexicon_key
from .arabic_words import common_noun
from .folding import fold
from .gazetteer import load_gazetteer
from .kurdish_words import is_kurdish_word
from .language import zipf
from .model import HIGH_CONFIDENCE, Suggestion, suggestion
from .name_lexicon import is_name
from .name_lexicon import warm_up as name_lexicon_warm_up
from .nationalities import is_nationality
from .nationalities import warm_up as nationalities_warm_up

__all__ = ["cap_ordinary", "is_ordinary_word", "warm_up", "word_class"]

_NAME_KINDS = frozenset({"person", "place", "organisation"})
# The detectors that find names by evidence that an ordinary word can also give (cues, word
# frequencies, position). The organisation's and the storyteller's lists are not among them.
_NAME_DETECTORS = frozenset(
    {
        "names",
        "name_cues",
        "name_parts",
        "arabic_names",
        "organisation",
        "ner",
        "kurmanji",
        "sorani",
        "lowercase_organisations",
    }
)
_BELOW_GUARD = 0.8
_ORDINARY_ZIPF = 3.7
_BIG_PLACE = 100_000
_WORD = re.compile(r"[^\W\d_]+")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
_PROCLITICS = "وفبلك"
_MIN_LETTERS = 3  # shorter words (initials, particles) neither make a name ordinary nor not


@lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    """The one-word names of languages in English, Spanish and French, folded (CLDR)."""
    return frozenset(
        fold(name)
        for language in ("en", "es", "fr")
        for name in Locale(language).languages.values()
        if " " not in name and len(name) >= _MIN_LETTERS
    )


def is_language_name(word: str) -> bool:
    """Whether a word is the one-word name of a language in English, Spanish or French."""
    return fold(word) in _language_names()


def _listed_name(word: str) -> bool:
    """A given or family name of the Latin-script lexicon, or a given name of the
    Arabic-script one (Faker's person lists and the hand lists of community given names)."""
    return is_name(word) or lexicon_key(word) in given_names()


def _forms(word: str) -> list[str]:
    """The word, and for an Arabic-script word the word without a proclitic and the article,
    for a Latin-script one without a Kurmanji ending."""
    forms = [word]
    if _ARABIC_LETTER.match(word):
        if len(word) > 3 and word[0] in _PROCLITICS:
            forms.append(word[1:])
        forms.extend(f[2:] for f in list(forms) if f.startswith("ال") and len(f) > 4)
        forms.extend(f[1:] for f in list(forms) if f.startswith("لل") and len(f) > 4)
    elif len(word) > 4 and word.endswith(("ê", "ên")):
        # a Kurmanji oblique or ezafe ending on a word ("PTSDê", "nîşanên")
        forms.append(word[: -2 if word.endswith("yê") or word.endswith("ên") else -1])
    return forms


@lru_cache(maxsize=65536)
def word_class(word: str) -> str:
    """ "place" (the gazetteer), "name" (the name lexicons), "ordinary" (frequent, neither) or
    "rare". A place also with an Arabic proclitic or article ("بالرياض"), unless it passes
    the article test of a common noun ("كلمة", word, is also a village); a name or a word as
    written first: "لصالح" (in favour of) is a word although "صالح" is a name, "وسمير" a name."""
    low = word.lower()
    arabic = _ARABIC_LETTER.match(low) is not None
    forms = _forms(low)
    gaz = load_gazetteer()
    # An everyday Kurdish word is a word first, whatever small village shares it ("لە ناو",
    # inside; "لای", beside; "نان", bread); a big place keeps its name.
    everyday_kurdish = is_kurdish_word(low)
    for form in forms:
        folded = fold(form)
        if gaz.latin.get(folded, 0) >= _BIG_PLACE or (
            folded in gaz.arabic
            and not common_noun(form)
            and not (everyday_kurdish and gaz.arabic[folded] < _BIG_PLACE)
        ):
            return "place"
    languages = ("ar", "fa") if arabic else ("en", "es", "fr")
    for form in forms:
        if _listed_name(form):
            return "name"
        if any(zipf(form, lang) >= _ORDINARY_ZIPF for lang in languages):
            return "ordinary"
        if is_kurdish_word(form):
            return "ordinary"  # no frequencies for Kurdish: a hand list (kurdish_words)
        if not arabic and (fold(form) in _language_names() or is_nationality(form)):
            return "ordinary"
    return "rare"


def is_ordinary_word(word: str) -> bool:
    """Whether a word (any case, either script) is frequent in a supported language, or a
    language's name or a nationality, and not also a name (Faker's person lists) or a place of
    the gazetteer."""
    return word_class(word) == "ordinary"


def _all_ordinary(text: str) -> bool:
    if any(c.isdigit() for c in text):
        return False  # "the 4th Brigade": a number identifies
    words = [w for w in _WORD.findall(text) if len(w) >= _MIN_LETTERS]
    return bool(words) and all(is_ordinary_word(w) for w in words)


def cap_ordinary(found: Sequence[Suggestion]) -> list[Suggestion]:
    """The suggestions, those of the name detectors made only of ordinary words below the
    leak guard's threshold."""
    out = []
    for s in found:
        if (
            s.confidence >= HIGH_CONFIDENCE
            and s.kind in _NAME_KINDS
            and s.detector in _NAME_DETECTORS
            and _all_ordinary(s.text)
        ):
            s = suggestion(s.start, s.end, s.kind, _BELOW_GUARD, s.detector, s.text)
        out.append(s)
    return out


def warm_up() -> None:
    """Read Faker's person lists and CLDR's language and country names now."""
    name_lexicon_warm_up()
    given_names()
    _language_names()
    nationalities_warm_up()
