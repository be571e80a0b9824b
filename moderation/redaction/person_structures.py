# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""People named by the shape of a Spanish or French sentence rather than by a cue word before
them, in any case:

- the personal "a" and an object pronoun that doubles it: "a milagros la conocí en el camino",
  "Y a Dolores la encontraron", "a consuelo le pegaban": whom something was done to, so a
  person when the word is a given name of the lists or a rare word;
- a name, a comma and who the named one is: "conocí a chuy, un muchacho de fresnillo", "fue
  Rosario, una muchacha de Usulután";
- someone remembered doing something: "i remember precious laughing", "me acuerdo de socorro
  riéndose", "je me souviens de Fidèle qui riait";
- a name set off by commas after a kin or role noun: "el papá de él, german, anda en el otro
  lado", "la dame de l'association, isabelle, m'a donné", "mi compañera de cuarto, rosario,
  también": a given name of the lists only (a town follows a comma as often).

Below the leak guard's threshold: the shape is evidence, not proof.
"""

from __future__ import annotations

import re

from .latin_word_frequencies import latin_frequency
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .name_tokens import sentence_start
from .name_word_lists import FUNCTION_WORDS
from .regex_util import CaselessPattern


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_CONFIDENCE = 0.65
# The detector name of these suggestions (made within the given_names detector's run): a rare
# word's guess of a place does not take them in (name_parts).
SHAPE_DETECTOR = "name_shapes"
# A name followed by who the named one is ("Rosario, una muchacha de Usulután") is a person
# even when a town has the name: these beat the gazetteer's guesses (0.75-0.8), still below
# the guard.
_WHO_CONFIDENCE = 0.75
_WHO_CAPITALISED_CONFIDENCE = 0.8
_CAPITALISED_CONFIDENCE = 0.7
_RARE_ZIPF = 3.0

_NAME = r"[^\W\d_][\w'’-]*"
# " a " (a literal the engine can search for), one or two words, an object pronoun and a verb.
_PERSONAL_A_SOURCE = (
    rf"a[ \t]+(?P<name>{_NAME}(?:[ \t]+{_NAME})?)[ \t]+"
    r"(?:la|lo|le|les|los|las)[ \t]+(?![ \t])[^\W\d_]{3,}"
)
_PERSONAL_A = CaselessPattern(" " + _PERSONAL_A_SOURCE)
_PERSONAL_A_AT_START = re.compile(_PERSONAL_A_SOURCE, re.IGNORECASE)  # "A Dolores la..."
# Words that follow the personal "a" without naming anyone: pronouns, quantifiers, "veces".
_NOT_NAMES = frozenset(
    _split(
        "ella él el ellos ellas usted ustedes nosotros nosotras alguien nadie todos todas "
        "uno una otro otra otros otras unos unas ese esa esos esas este esta estos estas "
        "aquel aquella cada veces ver pesar través partir causa lado menos eso esto quien "
        "quién cual cuál mí mi ti si sí"
    )
)
# A word set off by commas: ", german,".
_BETWEEN_COMMAS = re.compile(rf",[ \t]*(?P<name>{_NAME})[ \t]*,")
# A kin or role noun, then up to four words (and "de"), right before the comma: "el papá de
# él, german,".
_KIN_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:papá|papa|mamá|mama|hermano|hermana|hijo|hija|primo|prima|tío|tio|"
    r"tía|tia|esposo|esposa|marido|mujer|novio|novia|amigo|amiga|vecino|vecina|compañero|"
    r"compañera|compañeros|señora|señor|muchacha|muchacho|abuelo|abuela|suegro|suegra|"
    r"cuñado|cuñada|sobrino|sobrina|jefe|jefa|patrón|patrona|dueño|dueña|"
    r"père|pere|mère|mere|frère|frere|sœur|soeur|fils|fille|cousin|cousine|oncle|tante|"
    r"mari|femme|ami|amie|voisin|voisine|dame|monsieur|madame|patron|patronne|"
    r"father|mother|brother|sister|son|daughter|cousin|uncle|aunt|husband|wife|friend|"
    r"neighbour|neighbor|lady|boss|woman|man)"
    rf"(?:[ \t]+{_NAME}){{0,4}}[ \t]*$"
)


_NAME_BEFORE = re.compile(rf"(?<![\w'’-]){_NAME}$")
# A name, a comma (or not) and "a young man", "una muchacha", "une dame" (who the named one
# is): "ahi conoci a chuy, un muchacho de fresnillo", "fue Rosario, una muchacha de Usulután",
# "conoci a chuy un muchacho de choloma".
_WHO = CaselessPattern(
    r"(?:,[ \t]*|[ \t])(?:un|una|a|an|une)[ \t]+(?:muchacho|muchacha|señor|señora|"
    r"senor|senora|chavo|chava|joven|niño|niña|nino|nina|hombre|mujer|amigo|amiga|vecino|vecina|"
    r"compañero|compañera|companero|companera|chico|chica|cipote|cipota|patojo|patoja|chamo|"
    r"chama|monja|enfermera|doctora|abogada|abogado|maestra|maestro|"
    r"man|woman|boy|girl|lady|friend|neighbour|neighbor|nurse|teacher|"
    r"homme|femme|dame|fille|garçon|garcon|jeune|amie|ami|voisine|voisin|infirmière)\b"
)

# A name and whose kin the named one is: "Salvador, el hijo de ella", "wislet le mari de ma
# cousine", "Andrii, my husband, is still there", "Nelly, la esposa de mi primo".
_KIN_NOUNS = (
    r"hijo|hija|esposo|esposa|marido|mujer|hermano|hermana|primo|prima|tío|tio|tía|tia|"
    r"sobrino|sobrina|novio|novia|papá|papa|mamá|mama|padre|madre|nieto|nieta|"
    r"mari|femme|fils|fille|frère|frere|sœur|soeur|cousin|cousine|oncle|tante|père|pere|"
    r"mère|mere|husband|wife|son|daughter|brother|sister|cousin|uncle|aunt|father|mother"
)
_WHOSE_KIN = CaselessPattern(
    rf"(?:,[ \t]*|[ \t])(?:(?:el|la|le|the)[ \t]+(?:{_KIN_NOUNS})[ \t]+(?:de|del|du|of)\b|"
    rf"(?:mi|mon|ma|my|su|sa|son|his|her|our|nuestro|nuestra|notre)[ \t]+(?:{_KIN_NOUNS})[ \t]*,)"
)


# Someone remembered doing something: "i remember precious laughing", "me acuerdo de socorro
# riéndose", "Je me souviens de Fidèle qui riait": a word there is a person unless it is a
# frequent word ("i remember home being"; a kin word, "mom", is frequent too).
_REMEMBERED = re.compile(
    r"(?i)(?<![\w'’])(?:i[ \t]+(?:still[ \t]+)?remember|we[ \t]+remember|me[ \t]+acuerdo[ \t]+de|"
    r"nos[ \t]+acordamos[ \t]+de|recuerdo[ \t]+a|je[ \t]+me[ \t]+souviens[ \t]+de|"
    r"je[ \t]+me[ \t]+rappelle[ \t]+de|on[ \t]+se[ \t]+souvient[ \t]+de)"
    rf"[ \t]+(?P<name>{_NAME})"
    r"(?=[ \t]+(?:[^\W\d_]+(?:ing|ndo|ndose)(?![\w'’])|qui[ \t]|que[ \t]))"
)
_FREQUENT_ZIPF = 5.0

_PLACE_PREPOSITION_BEFORE = re.compile(
    r"(?i)(?<![\w'’])(?:en|in|à|dans|desde|hasta|from|near|at|au|depuis|vers)[ \t]+$"
)


def _rare(low: str) -> bool:
    """Whether a lower-case word is rare in es, en and fr, also typed without its accents."""
    return latin_frequency(low) < (_RARE_ZIPF)


def _confidence(text: str, start: int) -> float:
    return _CAPITALISED_CONFIDENCE if text[start].isupper() else _CONFIDENCE


def find_people_by_structure(text: str, lang: str | None) -> list[Suggestion]:
    """People after the personal "a" doubled by a pronoun (in Spanish), and between commas
    after a kin or role noun (see the module's docstring)."""
    out = []
    at_start = _PERSONAL_A_AT_START.match(text) if lang == "es" else None
    found_a = [at_start] if at_start else []
    for m in [*found_a, *(_PERSONAL_A.finditer(text) if lang == "es" else ())]:
        start, end = m.span("name")
        words = text[start:end].split()
        first = words[0].lower()
        if first in _NOT_NAMES or first in FUNCTION_WORDS:
            continue
        if not (is_given_name(first) or (len(first) >= 3 and _rare(first))):
            continue
        if len(words) == 2 and not (is_given_name(words[1]) or _rare(words[1].lower())):
            continue  # "a rosa ayer la vi" is rare; "a uvira avec les enfants" is French
        out.append(
            suggestion(
                start, end, "person", _confidence(text, start), SHAPE_DETECTOR, text[start:end]
            )
        )
    for who in [*_WHO.finditer(text), *_WHOSE_KIN.finditer(text)]:
        m = _NAME_BEFORE.search(text, max(0, who.start() - 30), who.start())
        if m is None:
            continue
        start, end = m.span()
        word = text[start:end]
        low = word.lower()
        if (
            low in FUNCTION_WORDS
            or low in _NOT_NAMES
            or _PLACE_PREPOSITION_BEFORE.search(text, max(0, start - 10), start)
        ):
            continue  # "En Tapachula, una mujer nos ayudó": the town where it happened
        if (
            is_given_name(low)
            or _rare(low)
            or (word[0].isupper() and not sentence_start(text, start))
        ):
            conf = _WHO_CAPITALISED_CONFIDENCE if word[0].isupper() else _WHO_CONFIDENCE
            out.append(suggestion(start, end, "person", conf, SHAPE_DETECTOR, word))
    for m in _REMEMBERED.finditer(text):
        start, end = m.span("name")
        word = text[start:end]
        low = word.lower()
        if low in FUNCTION_WORDS or low in _NOT_NAMES or len(low) < 3:
            continue
        if is_given_name(low) or latin_frequency(low) < _FREQUENT_ZIPF:
            conf = _WHO_CAPITALISED_CONFIDENCE if word[0].isupper() else _WHO_CONFIDENCE
            out.append(suggestion(start, end, "person", conf, SHAPE_DETECTOR, word))
    for m in _BETWEEN_COMMAS.finditer(text):
        start, end = m.span("name")
        word = text[start:end]
        if word.lower() in FUNCTION_WORDS or not is_given_name(word):
            continue
        if not _KIN_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue
        out.append(suggestion(start, end, "person", _confidence(text, start), SHAPE_DETECTOR, word))
    return out
