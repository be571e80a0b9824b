# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Context cue words (en, es, fr, Arabic script and transliterated Arabic) for names and places.
The connectors inside names and the words never names on their own: name_word_lists."""

from __future__ import annotations

import re

from .name_word_lists import NAME_CONNECTORS as NAME_CONNECTORS
from .name_word_lists import NOT_NAMES as NOT_NAMES
from .regex_util import trie_regex

_RELATIONS_EN = (
    "brother|sister|mother|father|mom|mum|mam|dad|son|daughter|husband|wife|uncle|aunt|auntie|"
    "cousin|nephew|niece|grandmother|grandfather|grandma|grandpa|granny|friend|best friend|"
    "neighbour|neighbor|fiancé|fiancée|fiance|boyfriend|girlfriend|child|baby|colleague|boss|"
    "teacher|doctor|lawyer|smuggler|guard|officer|commander|captain|sergeant|colonel|general|"
    "soldier|interpreter|caseworker|case worker|brother-in-law|sister-in-law|mother-in-law|"
    "father-in-law|stepfather|stepmother|half-brother|half-sister|classmate|partner|landlord|"
    "employer|driver|guide|twin|kid|kids|sons|daughters|brothers|sisters|friends|cousins"
)
_RELATIONS_ES = (
    "hermano|hermana|madre|padre|mamá|mama|papá|papa|hijo|hija|esposo|esposa|marido|mujer|"
    "tío|tio|tía|tia|primo|prima|abuelo|abuela|amigo|amiga|vecino|vecina|novio|novia|sobrino|"
    "sobrina|cuñado|cuñada|suegro|suegra|compañero|compañera|jefe|maestro|maestra|profesor|"
    "profesora|abogado|abogada|coyote|guía|hijos|hermanos"
)
_RELATIONS_FR = (
    "frère|frere|sœur|soeur|mère|mere|père|pere|maman|papa|fils|fille|mari|femme|époux|épouse|"
    "oncle|tante|cousin|cousine|grand-père|grand-mère|ami|amie|voisin|voisine|fiancé|fiancée|"
    "copain|copine|beau-frère|belle-sœur|collègue|patron|professeur|avocat|avocate|passeur|"
    "enfant|bébé"
)
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
    "sergeant|lieutenant|major|officer|judge|lawyer|doctor|nurse|teacher|professor"
)
_NAMED_AFTER = "named|called|llamado|llamada|nommé|nommée"
# "my brother Samir", "mi hermano Luis", "mon frère Karim", "akhi Samir"
PERSON_BEFORE = re.compile(
    r"(?i)(?:\b(?:my|his|her|our|their|your|the)\s+(?:late\s+|little\s+|older\s+|younger\s+|"
    r"eldest\s+|youngest\s+|elder\s+|big\s+|baby\s+)?(?:" + _RELATIONS_EN + r")"
    r"|\b(?:mi|mis|su|sus|nuestro|nuestra|el|la|tu)\s+(?:" + _RELATIONS_ES + r")"
    r"|\b(?:mon|ma|mes|son|sa|ses|notre|nos|ton|ta)\s+(?:" + _RELATIONS_FR + r")"
    r"|\b(?:" + _RELATIONS_TRANSLIT + r")"
    r"|\b(?:" + _NAMED + r")"
    r"|\b(?:" + _TITLES + r")\.?)"
    r"[\s,:]*(?:" + _NAMED_AFTER + r"|,)?\s*$"
)
# Words right after which a capitalised token is probably a person ("Samir said").
_PERSON_AFTER_WORDS = (
    "said|says|told|asked|replied|answered|whispered|shouted|"
    "cried|smiled|died|was born|was killed|was arrested|was taken|disappeared|and I|and me|"
    "dijo|me dijo|murió|desapareció|a dit|m'a dit|est mort|est morte|a disparu|"
    "is my|was my|es mi|era mi|est mon|est ma|était mon|était ma"
)
PERSON_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:,\s*)?(?:" + _PERSON_AFTER_WORDS + r")\b",
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
    "men|min|fi|fe|ila|ela"
)
_PLACE_NOUNS = (
    "village|town|city|region|province|district|neighbourhood|neighborhood|suburb|"
    "camp|refugee camp|valley|island|county|state|governorate|municipality|"
    "pueblo|aldea|ciudad|región|provincia|barrio|campo|campamento|municipio|estado|"
    "ville|région|quartier|commune|département|"
    "qarya|madinet|mukhayam|mokhayam|mukhayyam"
)
_OF = "of|de|du|des|d'"
PLACE_BEFORE = re.compile(
    r"(?i)(?:\b(?:" + _PLACE_PREPOSITIONS + r")"
    r"|\b(?:" + _PLACE_NOUNS + r")\s+(?:" + _OF + r")?)\s*$"
)
_STRONG_PLACE = (
    "born in|grew up in|lived in|live in|moved to|fled to|fled from|escaped from|"
    "arrived in|crossed into|deported to|village|town|city|region|province|district|"
    "neighbourhood|neighborhood|camp|county|governorate|pueblo|aldea|ciudad|región|provincia|"
    "barrio|campamento|ville|quartier|nací en|né à|née à|qarya|madinet|mukhayam"
)
STRONG_PLACE_BEFORE = re.compile(r"(?i)(?:" + _STRONG_PLACE + r")\s*(?:" + _OF + r")?\s*$")
_PLACE_AFTER_WORDS = (
    "camp|refugee camp|village|town|city|province|region|district|governorate|"
    "neighbourhood|neighborhood|border|checkpoint|prison|detention centre|detention center"
)
PLACE_AFTER = re.compile(r"^\s*(?:" + _PLACE_AFTER_WORDS + r")\b", re.IGNORECASE)


def _leading_letters(words: str) -> str:
    """The letters (str.isalpha) that words starts with: "was" for "was born", "m" for "m'a"."""
    i = 0
    while i < len(words) and words[i].isalpha():
        i += 1
    return words[:i]


# The first word (lower case) of every word group of PERSON_AFTER and PLACE_AFTER: the text
# right after a name must start with one of them (after spacing and commas) for either
# pattern to match (see names._after_cue_possible).
AFTER_FIRST_WORDS = frozenset(
    _leading_letters(w).lower() for w in (_PERSON_AFTER_WORDS + "|" + _PLACE_AFTER_WORDS).split("|")
)
assert "" not in AFTER_FIRST_WORDS  # every word group starts with a letter


def _last_words(*patterns: str) -> frozenset[str]:
    words: set[str] = set()
    for p in patterns:
        for alt in re.split(r"[|()?:\\]", p):
            alt = alt.strip().split(" ")[-1].strip(".").lower()
            if alt and alt.replace("-", "").replace("'", "").isalpha():
                words.add(alt)
    return frozenset(words)


# The word right before a name must be one of these for a cue regex to be worth running.
PERSON_LAST = _last_words(PERSON_BEFORE.pattern) | {"m", "mme", "dr", "mr", "mrs", "ms"}
PLACE_LAST = _last_words(PLACE_BEFORE.pattern, STRONG_PLACE_BEFORE.pattern) | {"d'", "d’"}


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


def _fast(pattern: re.Pattern[str], word_start: bool) -> re.Pattern[str]:
    """The same (?i) pattern with a leading look-ahead on the characters any match can start
    with (every word of the pattern is a superset), so the engine skips other positions."""
    src = pattern.pattern
    assert src.startswith("(?i)")
    words = re.findall(r"[^\W_]+", src[4:].replace("\\s", " ").replace("\\b", " "))
    chars = "".join(sorted({w[0].lower() for w in words}))
    start = r"(?<!\w)" if word_start else ""  # every alternative starts with \b and a letter
    return re.compile("(?i)(?=[" + chars + "])" + start + _trees(src[4:]), pattern.flags)


# A group of plain alternatives: words with letters, digits, spaces, hyphens and apostrophes.
_PLAIN_GROUP = re.compile(r"\(\?:((?:[\w '’-]+\|)+[\w '’-]+)\)")


def _trees(src: str) -> str:
    """The same regex with each group of plain word alternatives as a prefix tree.

    The set of strings each group matches is unchanged, so whether the regex matches a string
    (which is all the callers use: search/match results are only tested for None) is
    unchanged; which match is returned can differ. With IGNORECASE, the engine tries every
    alternative of a plain group in turn; a tree tries one branch per letter.
    """
    return _PLAIN_GROUP.sub(lambda m: trie_regex(m.group(1).split("|")), src)


# The plain patterns (kept for the tests, which compare them with the faster ones).
PLAIN = {
    "PERSON_BEFORE": PERSON_BEFORE,
    "PLACE_BEFORE": PLACE_BEFORE,
    "STRONG_PLACE_BEFORE": STRONG_PLACE_BEFORE,
    "PERSON_AFTER": PERSON_AFTER,
    "PLACE_AFTER": PLACE_AFTER,
    "SUBJECT_VERB": SUBJECT_VERB,
}
# Faster equivalents for match / no match (the LAST sets above come from the plain patterns).
PERSON_BEFORE = _fast(PERSON_BEFORE, word_start=True)
PLACE_BEFORE = _fast(PLACE_BEFORE, word_start=True)
STRONG_PLACE_BEFORE = _fast(STRONG_PLACE_BEFORE, word_start=False)
PERSON_AFTER = re.compile(_trees(PERSON_AFTER.pattern), PERSON_AFTER.flags)
PLACE_AFTER = re.compile(_trees(PLACE_AFTER.pattern), PLACE_AFTER.flags)
SUBJECT_VERB = re.compile(_trees(SUBJECT_VERB.pattern), SUBJECT_VERB.flags)


# The three "cue before a name" patterns read backwards. Each plain pattern is anchored at the
# end of the window before the name ("\s*$"), so a search tries every start position in the
# window; reversed, the same pattern is one match() at the start of the reversed window
# (regular expressions reverse exactly: each word spelled backwards, each sequence in reverse
# order, a look-behind on the character before the match as a look-ahead after it, and "\b"
# where it was; "\s*$" is "\s*\Z" here, as "\s*" can take a final line break itself).
# Only whether they match is used, so the word groups can be prefix trees (same strings).
def _back(words: str) -> str:
    """A prefix tree of the |-separated words, each spelled backwards."""
    return trie_regex(w[::-1] for w in words.split("|"))


_PERSON_REVERSED = (
    r"(?i)\s*(?:" + _back(_NAMED_AFTER) + r"|,)?[\s,:]*(?:"
    r"(?:"
    + _back(_RELATIONS_EN)
    + r")\s+(?:"
    + _back("late|little|older|younger|eldest|youngest|elder|big|baby")
    + r"\s+)?"
    + _back("my|his|her|our|their|your|the")
    + r"\b"
    r"|(?:"
    + _back(_RELATIONS_ES)
    + r")\s+"
    + _back("mi|mis|su|sus|nuestro|nuestra|el|la|tu")
    + r"\b"
    r"|(?:"
    + _back(_RELATIONS_FR)
    + r")\s+"
    + _back("mon|ma|mes|son|sa|ses|notre|nos|ton|ta")
    + r"\b"
    r"|" + _back(_RELATIONS_TRANSLIT) + r"\b"
    r"|" + _back(_NAMED) + r"\b"
    r"|\.?" + _back(_TITLES) + r"\b)"
)
_PLACE_REVERSED = (
    r"(?i)\s*(?:" + _back(_PLACE_PREPOSITIONS) + r"\b"
    r"|(?:" + _back(_OF) + r")?\s+" + _back(_PLACE_NOUNS) + r"\b)"
)
_STRONG_PLACE_REVERSED = r"(?i)\s*(?:" + _back(_OF) + r")?\s*" + _back(_STRONG_PLACE)
PERSON_BEFORE_REVERSED = re.compile(_PERSON_REVERSED)
PLACE_BEFORE_REVERSED = re.compile(_PLACE_REVERSED)
STRONG_PLACE_BEFORE_REVERSED = re.compile(_STRONG_PLACE_REVERSED)


def cue_before(reversed_cue: re.Pattern[str], text: str, start: int, size: int = 40) -> bool:
    """Whether the cue pattern that reversed_cue reverses (PERSON_BEFORE_REVERSED for
    PERSON_BEFORE, ...) finds a match in text[max(0, start - size) : start], the window
    before a name: one match() on that window read backwards, not a search of every start."""
    if start <= 0:
        window = ""
    elif start > size:
        window = text[start - 1 : start - size - 1 : -1]
    else:  # the window reaches the text start (a stop of -1 would mean the last character)
        window = text[start - 1 :: -1]
    return reversed_cue.match(window) is not None
