# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Countries by their Spanish, French and English names, in any case: "se quedó en libye",
"nos fuimos para estados unidos", "Alemania". The gazetteer has countries under their English
and usual other names; the names in Spanish and French come from the Unicode CLDR through
Babel (already a dependency of the service), for two-letter territory codes only (not
continents or world regions). Below the leak guard's threshold: a country alone rarely tells
who someone is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

from .folding import fold
from .model import Suggestion, suggestion
from .name_lexicon import is_ordinary
from .regex_util import trie_regex
from .scan import lower_same_length

_LANGUAGES = ("en", "es", "fr")
_CONFIDENCE = 0.8


# The short forms people write for countries CLDR names in full ("je suis du burkina", "en
# centrafrique", "la rdc", "los eeuu", "arabia saudita"), and the nations of the United Kingdom.
_USUAL_SHORT_FORMS = (
    "burkina",
    "centrafrique",
    "rdc",
    "rd congo",
    "congo-kinshasa",
    "congo-brazzaville",
    "eeuu",
    "ee.uu",
    "ee. uu",
    "arabia saudita",
    "emiratos",
    "emirats",
    "dominicana",
    "república dominicana",
    "republique dominicaine",
    "trinidad",
    # the United Kingdom's nations, which people name for the whole ("le camion vers
    # angleterre", "me mandaron para inglaterra")
    "angleterre",
    "inglaterra",
    "england",
    "écosse",
    "ecosse",
    "escocia",
    "scotland",
    "pays de galles",
    "país de gales",
    "pais de gales",
    "wales",
    "irlande du nord",
    "irlanda del norte",
    "northern ireland",
)


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """Country names in lower case, as CLDR writes them and without accents, and their usual
    short forms."""
    out: set[str] = {fold(name) for name in _USUAL_SHORT_FORMS} | set(_USUAL_SHORT_FORMS)
    for language in _LANGUAGES:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha() and len(name) >= 4:
                low = name.lower().replace("’", "'")
                out |= {low, fold(low)}
    return frozenset(out)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """The names, on word boundaries, over lower-cased text."""
    return re.compile(r"(?<![\w-])" + trie_regex(_names()) + r"(?![\w'’-])")


# A preposition of place (or the next stop of a journey: "puis le mexique") right before a
# country written in lower case, with the article French and Spanish put before many
# countries ("pour le chili", "en la india").
_PREPOSITION = re.compile(
    r"(?i)(?<![\w'’])(?:in|from|to|en|de|del|desde|hacia|hasta|para|à|au|aux|pour|vers|"
    r"depuis|puis|ensuite|luego|después|despues|then)[ \t]+"
    r"(?:(?:le|la|les|el|los|las|the)[ \t]+|l['’])?$"
    # Spanish "a" with its article ("se fue a los eeuu"; English "a guinea pig" is no place)
    r"|(?<![\w'’])a[ \t]+(?:la|el|los|las)[ \t]+$"
)


# Countries written as their initials, in capitals ("reached the UK", "from the DRC"; "rdc"
# and "eeuu" are above, in any case); "US" only after "the" (else the pronoun in a shouted
# sentence).
_INITIALS = re.compile(
    r"(?<![\w.-])(?:UK|U\.K\.|USA|U\.S\.A\.|UAE|DRC|KSA|(?:(?<=the )|(?<=The ))(?:US|U\.S\.))"
    r"(?![\w$-])"
)


def find_countries(text: str) -> list[Suggestion]:
    """Countries named in Spanish, French or English; one that is also an ordinary word
    ("chad", "libye") only when it is capitalised or follows a preposition of place."""
    out = [
        suggestion(m.start(), m.end(), "place", _CONFIDENCE, "country_names", m.group())
        for m in _INITIALS.finditer(text)
    ]
    for m in _pattern().finditer(lower_same_length(text)):
        written = text[m.start() : m.end()]
        if (
            " " not in written
            and not written[0].isupper()
            and is_ordinary(written)
            and not _PREPOSITION.search(text, max(0, m.start() - 16), m.start())
        ):
            continue
        out.append(suggestion(m.start(), m.end(), "place", _CONFIDENCE, "country_names", written))
    return out


def warm_up() -> None:
    """Build the pattern now."""
    _pattern()
