# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Context cue words (en, es, fr, Arabic script and transliterated Arabic) for names and places.
The connectors inside names and the words never names on their own: name_word_lists."""

from __future__ import annotations

import re

from .name_word_lists import NAME_CONNECTORS as NAME_CONNECTORS
from .name_word_lists import NOT_NAMES as NOT_NAMES
from .regex_util import CaselessPattern, trie_regex

_RELATIONS_EN = (
    "brother|sister|mother|father|mom|mum|mam|dad|son|daughter|husband|wife|uncle|aunt|auntie|"
    "cousin|nephew|niece|grandmother|grandfather|grandma|grandpa|granny|friend|best friend|"
    "neighbour|neighbor|fiancé|fiancée|fiance|boyfriend|girlfriend|child|baby|colleague|boss|"
    "teacher|doctor|lawyer|smuggler|guard|officer|commander|captain|sergeant|colonel|general|"
    "soldier|interpreter|caseworker|case worker|brother-in-law|sister-in-law|mother-in-law|"
    "father-in-law|stepfather|stepmother|half-brother|half-sister|classmate|partner|landlord|"
    "employer|driver|guide|twin|kid|kids|sons|daughters|brothers|sisters|friends|cousins|"
    "godfather|godmother|stepson|stepdaughter|stepbrother|stepsister"
)
_RELATIONS_ES = (
    "hermano|hermana|madre|padre|mamá|mama|papá|papa|hijo|hija|esposo|esposa|marido|mujer|"
    "tío|tio|tía|tia|primo|prima|abuelo|abuela|amigo|amiga|vecino|vecina|novio|novia|sobrino|"
    "sobrina|cuñado|cuñada|suegro|suegra|compañero|compañera|jefe|maestro|maestra|profesor|"
    "profesora|abogado|abogada|coyote|guía|hijos|hermanos|padrastro|madrastra|hijastro|"
    "hijastra|padrino|madrina|ahijado|ahijada|nuera|yerno|bisabuelo|bisabuela|colega|"
    # the professionals of a case note: "el psicólogo jordi", "su educadora Montse"
    "nieto|nieta|nietos|nietas|hijas|niños|niñas|bebé|bebe|niño|niña|nino|nina|"
    "psicólogo|psicologo|psicóloga|psicologa|educador|educadora|enfermero|enfermera|"
    "intérprete|interprete|trabajadora social|trabajador social|dueño|dueña|patrón|patrona"
)
_RELATIONS_FR = (
    "frère|frere|sœur|soeur|mère|mere|père|pere|maman|papa|fils|fille|mari|femme|époux|épouse|"
    "oncle|tante|cousin|cousine|grand-père|grand-mère|ami|amie|voisin|voisine|fiancé|fiancée|"
    "copain|copine|beau-frère|belle-sœur|collègue|patron|professeur|avocat|avocate|passeur|"
    "enfant|bébé|parrain|marraine|filleul|filleule|demi-frère|demi-frere|demi-sœur|demi-soeur"
)
# Every en/es/fr relation word: what "X, sa femme," or "un compañero, X," names X by.
RELATION_WORDS = _RELATIONS_EN + "|" + _RELATIONS_ES + "|" + _RELATIONS_FR
_RELATIONS_TRANSLIT = (
    "akhi|akhoya|akhouya|khoya|ukhti|okhti|ukhtee|ommi|ummi|mama|abi|abouya|baba|ibni|binti|"
    "zawji|zawjati|zawjti|3ammi|ammi|3amti|khali|khalti|jiddi|jaddi|teta|sadiqi|sadiqati|sahbi"
)
# Words that end a person cue ("Samir" follows them). Kept apart so that the last words of
# the cue patterns are known exactly (see PERSON_ENDS below).
_NAMED = (
    "named|called|name is|name was|names are|known as|nicknamed|llamado|llamada|"
    "se llama|se llamaba|nombre es|nommé|nommée|appelé|appelée|s'appelle|s'appelait|"
    "prénom est|nom est|esmo|ismuh|ismo|esmha|ismha"
)
_TITLES = (
    "mr|mrs|ms|miss|mx|dr|prof|sheikh|shaykh|imam|pastor|father|sister|brother|uncle|"
    "aunt|auntie|abu|umm|um|sr|sra|srta|don|doña|señor|señora|monsieur|madame|mademoiselle|"
    "m|mme|mlle|hajji|haji|hajja|sayyid|sayed|mullah|mulla|commander|captain|colonel|general|"
    "sergeant|lieutenant|major|officer|judge|lawyer|doctor|nurse|teacher|professor|"
    # clergy, nuns and the titles of respect of Latin America and Central Africa
    "pasteur|pastora|abbé|abbe|révérend|reverend|rev|bishop|évêque|eveque|sor|fray|madam|"
    "licenciado|licenciada|lic|doctora|seño|profe|maître|maitre|comadre|compadre|"
    # "mister lim", "aunty precious", "le commandant tshibangu", "hermana luz" (a nun)
    "mister|aunty|commandant|comandante|capitán|capitan|hermana|sœur|soeur"
)
_NAMED_AFTER = "named|called|llamado|llamada|nommé|nommée"


# The words before a kin word or role: "my late brother", "mi hermano", "mon frère", "un ami".
_POSSESSIVES_EN = "my|his|her|our|their|your|the"
_AGES_EN = "late|little|older|younger|eldest|youngest|elder|big|baby"
_POSSESSIVES_ES = "mi|mis|su|sus|nuestro|nuestra|el|la|tu"
_POSSESSIVES_FR = "mon|ma|mes|son|sa|ses|notre|nos|ton|ta"
_INDEFINITES_FR = "un|une"
_FRIENDS_FR = "ami|amie|voisin|voisine|cousin|cousine|compatriote"


def _tree(words: str) -> str:
    """An alternation of words ("a|b|c") as a prefix tree (regex_util.trie_regex). The cue
    patterns before a name are only asked whether they match (cue_before), and the tree
    matches the same strings, trying one branch per letter instead of every word in turn."""
    return trie_regex(words.split("|"))


# "my brother Samir", "mi hermano Luis", "mon frère Karim", "akhi Samir"
PERSON_BEFORE = CaselessPattern(
    r"(?:\b"
    + _tree(_POSSESSIVES_EN)
    + r"\s+(?:"
    + _tree(_AGES_EN)
    + r"\s+)?"
    + _tree(_RELATIONS_EN)
    + r"|\b"
    + _tree(_POSSESSIVES_ES)
    + r"\s+"
    + _tree(_RELATIONS_ES)
    + r"|\b"
    + _tree(_POSSESSIVES_FR)
    + r"\s+"
    + _tree(_RELATIONS_FR)
    + r"|\b"
    + _tree(_INDEFINITES_FR)
    + r"\s+"
    + _tree(_FRIENDS_FR)
    + r"|\b"
    + _tree(_RELATIONS_TRANSLIT)
    + r"|\b"
    + _tree(_NAMED)
    + r"|\b"
    + _tree(_TITLES)
    + r"\.?)[\s,:]*(?:"
    + _NAMED_AFTER
    + r"|,)?\s*$"
)
# Words right after which a capitalised token is probably a person ("Samir said").
_PERSON_AFTER_WORDS = (
    "said|says|told|asked|replied|answered|whispered|shouted|"
    "cried|smiled|died|was born|was killed|was arrested|was taken|disappeared|and I|and me|"
    "dijo|me dijo|murió|desapareció|a dit|m'a dit|est mort|est morte|a disparu|"
    "is my|was my|es mi|era mi|est mon|est ma|était mon|était ma"
)
# Only ever tested for a match or none: the words as a prefix tree (one branch per letter under
# IGNORECASE instead of every word in turn) find a match exactly where the plain alternation does.
PERSON_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:,\s*)?" + trie_regex(_PERSON_AFTER_WORDS.split("|")) + r"\b",
    re.IGNORECASE,
)
# Subject position at the start of a sentence: "Kevin had ...", "Catherine is ..."
SUBJECT_VERB = re.compile(
    r"^\s*(?:is|was|had|has|have|will|would|could|can|did|does|went|came|took|gave|kept|"
    r"told|said|says|lives|lived|works|worked|called|helped|knew|left|stayed|tried|"
    r"es|era|fue|tenía|tiene|vive|vivía|dijo|est|était|a|avait|vit|vivait|'s|’s)\b"
)
_PLACE_PREPOSITIONS = (
    "in|from|near|to|at|outside|towards|toward|via|through|into|reached|left|"
    "around|across|back to|born in|grew up in|lived in|live in|living in|moved to|fled to|"
    "fled from|escaped from|arrived in|arrived at|crossed into|deported to|sent to|"
    "en|de|del|desde|hacia|cerca de|hasta|llegamos a|huimos de|nací en|vivía en|vivíamos en|"
    "à|a|au|aux|d'|depuis|vers|près de|jusqu'à|né à|née à|vivait à|arrivés à|"
    "men|min|fi|fe|ila|ela|"
    "en la|en el|li|ji"  # Spanish with an article; Kurmanji "in", "from"
)
_PLACE_NOUNS = (
    "village|town|city|region|province|district|neighbourhood|neighborhood|suburb|"
    "camp|refugee camp|valley|island|county|state|governorate|municipality|"
    "pueblo|aldea|ciudad|región|provincia|barrio|campo|campamento|municipio|estado|"
    "ville|région|quartier|commune|département|"
    "qarya|madinet|mukhayam|mokhayam|mukhayyam|"
    "kampa|gundê|bajarê"  # Kurmanji "camp of", "village of", "town of"
)
_OF = "of|de|du|des|d'"
PLACE_BEFORE = CaselessPattern(
    r"(?:\b"
    + _tree(_PLACE_PREPOSITIONS)
    + r"|\b"
    + _tree(_PLACE_NOUNS)
    + r"\s+(?:"
    + _OF
    + r")?)\s*$"
)
_STRONG_PLACE = (
    "born in|grew up in|lived in|live in|moved to|fled to|fled from|escaped from|"
    "arrived in|crossed into|deported to|village|town|city|region|province|district|"
    "neighbourhood|neighborhood|camp|county|governorate|pueblo|aldea|ciudad|región|provincia|"
    "barrio|campamento|ville|quartier|nací en|né à|née à|qarya|madinet|mukhayam|"
    "kampa|gundê"
)
STRONG_PLACE_BEFORE = CaselessPattern(_tree(_STRONG_PLACE) + r"\s*(?:" + _OF + r")?\s*$")
_PLACE_AFTER_WORDS = (
    "camp|refugee camp|village|town|city|province|region|district|governorate|"
    "neighbourhood|neighborhood|border|checkpoint|prison|detention centre|detention center"
)
PLACE_AFTER = re.compile(  # only tested for a match or none, as PERSON_AFTER
    r"^\s*" + trie_regex(_PLACE_AFTER_WORDS.split("|")) + r"\b", re.IGNORECASE
)


def _last_words(*patterns: str) -> frozenset[str]:
    words: set[str] = set()
    for p in patterns:
        for alt in re.split(r"[|()?:\\]", p):
            alt = alt.strip().split(" ")[-1].strip(".").lower()
            if alt and alt.replace("-", "").replace("'", "").isalpha():
                words.add(alt)
    return frozenset(words)


# The word right before a name must be one of these for a cue regex to be worth running.
PERSON_LAST = _last_words(
    _POSSESSIVES_EN,
    _AGES_EN,
    _RELATIONS_EN,
    _POSSESSIVES_ES,
    _RELATIONS_ES,
    _POSSESSIVES_FR,
    _RELATIONS_FR,
    _INDEFINITES_FR,
    _FRIENDS_FR,
    _RELATIONS_TRANSLIT,
    _NAMED,
    _TITLES,
    _NAMED_AFTER,
) | {"m", "mme", "dr", "mr", "mrs", "ms"}
PLACE_LAST = _last_words(_PLACE_PREPOSITIONS, _PLACE_NOUNS, _OF, _STRONG_PLACE) | {"d'", "d’"}


def _ending_in(finals: frozenset[str]) -> frozenset[str]:
    """The cue words (of PERSON_LAST | PLACE_LAST) that end with one of the finals.

    The LAST sets hold every word of the patterns, also those that only start a cue ("my",
    "the", "a"). A window that a cue pattern matches ends with the pattern's final word W
    followed by dots, spaces, "," or ":"; the word before the name as name_tokens.prev_word
    reads it (letters, apostrophes, hyphens and dots back from there, lower-cased) then ends
    with W. After a previous word not in this set the pattern cannot match: the regex search
    can be skipped.
    """
    return frozenset(w for w in PERSON_LAST | PLACE_LAST if any(w.endswith(f) for f in finals))


# The final words of the cue patterns (the words a match can end with).
_PERSON_FINALS = _last_words(
    _RELATIONS_EN, _RELATIONS_ES, _RELATIONS_FR, _RELATIONS_TRANSLIT, _NAMED, _TITLES, _NAMED_AFTER
)
_STRONG_PLACE_FINALS = _last_words(_STRONG_PLACE, _OF)
_PLACE_FINALS = _last_words(_PLACE_PREPOSITIONS, _PLACE_NOUNS, _OF)
# A word before a name after which PERSON_BEFORE / STRONG_PLACE_BEFORE / PLACE_BEFORE can
# match (a subset of PERSON_LAST | PLACE_LAST; see _ending_in).
PERSON_ENDS = _ending_in(_PERSON_FINALS)
STRONG_PLACE_ENDS = _ending_in(_STRONG_PLACE_FINALS)
PLACE_ENDS = _ending_in(_PLACE_FINALS)
# Cue words that the cue-word scan of names (name_lowercase) must look for. The scan finds the
# part of the previous word after its last non-letter: either that part is in PERSON_ENDS |
# STRONG_PLACE_ENDS, or a final word ends with it after an apostrophe, hyphen or dot.
_SCAN_FINALS = _PERSON_FINALS | _STRONG_PLACE_FINALS
SCAN_CUES = frozenset(
    w
    for w in PERSON_LAST | PLACE_LAST
    if w in PERSON_ENDS
    or w in STRONG_PLACE_ENDS
    or any(len(f) > len(w) and f.endswith(w) and f[-len(w) - 1] in "'’-." for f in _SCAN_FINALS)
)


def cue_before(cue: CaselessPattern, text: str, start: int, size: int = 40) -> bool:
    """Whether the cue pattern (PERSON_BEFORE, PLACE_BEFORE or STRONG_PLACE_BEFORE, each
    anchored at the end) finds a match in text[max(0, start - size) : start], the window
    before a name."""
    return cue.found_in(text, max(0, start - size), start)
