# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Names right after a cue, in any case and even when the name is a common word: "my name is
Patience", "me llamo milagros aguilar", "tout le monde m'appelle Tantine", "mi vecina la Flaca",
"my uncle omar mensah". Latin script (Arabic script: arabic_names).

After a naming cue ("my name is", "me llamo", "je m'appelle", "call me"; Kurmanji's are
kurmanji_names') every word
up to a function word is the name. After a kin or role cue ("my brother", "mi vecina") the
name must be capitalised, or, in text written all in lower case, not a common word.
"""

from __future__ import annotations

import re

from .language import zipf
from .latin_word_frequencies import unaccented_zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .regex_util import CaselessPattern, first_chars, trie_regex
from .scan import written_in_lower_case


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_NAMING = (
    r"my name is|my name's|my real name is|i am called|i'm called|call me|calls me|called me|"
    r"calls me|they call me|they call him|they call her|they called him|they called her|"
    r"we call him|we call her|his name is|her name is|his name was|her name was|"
    r"me llamo|mi nombre es|me dicen|me llaman|mi nombre real es|"
    r"je m'appelle|je m’appelle|mon nom est|mon vrai nom c'est|mon vrai nom est|m'appelle|"
    r"m’appelle|on m'appelle|mon nom c'est|mon nom c’est|mon prénom c'est|"
    r"mon prenom c'est|mon prénom est|mon prenom est|"
    # nicknames and hearsay: "le decían el chele", "un tal chapo", "alias el zurdo"
    r"me decían|me decian|me decía|me decia|le dicen|le decían|le decian|le decía|le decia|"
    r"le decíamos|le deciamos|lo llamaban|la llamaban|alias|apodado|apodada|un tal|una tal|"
    # the alias of a case file: "Rafael Zapata (a) el Gocho"
    r"(a)|"
    r"on l'appelait|on l’appelait|on l'appelle|on l’appelle|surnommé|surnommée|"
    # Haitian Creole "my name is"
    r"mwen rele|m rele"
)
# Verbs of naming after "le" ("mi hermano le decían el chele"): "le" is not an article there.
_SAYING = r"dicen|decían|decian|decía|decia|decíamos|deciamos|llamaban|llaman"
_KIN = r"my|our|mi|mis|nuestra|nuestro|mon|ma|mes|notre|dos|tres|two|three|deux|trois"
# Kin nouns, some with an adjective ("hermano mayor": the longer cue is tried first).
_KIN_NOUNS = (
    r"hermano mayor|hermana mayor|hermano menor|hermana menor|grand frère|grande sœur|"
    r"grande soeur|petit frère|petite sœur|petite soeur|big brother|big sister|"
    r"little brother|little sister|older brother|older sister|younger brother|younger sister|"
    r"hijos|hijas|hermanos|hermanas|niños|niñas|kids|children|sons|daughters|brothers|"
    r"sisters|enfants|filles|frères|soeurs|sœurs|"
    r"tio|tia|mamá|mama|papá|papa|compa|compadre|comadre|cuñado|cuñada|suegro|suegra|novio|"
    r"novia|nieto|nieta|bebé|bebe|jefe|jefa|supervisor|supervisora|ex|baby|boss|colleague|"
    r"brother|sister|mother|father|uncle|aunt|cousin|husband|wife|son|daughter|friend|"
    r"neighbour|neighbor|teacher|grandmother|grandfather|nephew|niece|"
    r"hermano|hermana|madre|padre|tío|tía|primo|prima|esposo|esposa|marido|hijo|hija|amigo|"
    r"amiga|vecino|vecina|abuela|abuelo|maestra|maestro|sobrino|sobrina|"
    r"frère|sœur|soeur|mère|père|oncle|tante|cousin|cousine|mari|femme|fils|fille|ami|amie|"
    r"voisin|voisine|grand-mère|grand-père|neveu|nièce|"
    # written without accents, as on a phone
    r"frere|mere|pere|grand-mere|grand-pere|niece|petit frere|grand frere|petite soeur|"
    r"grande soeur|beau-frere|belle-soeur|belle-mere|beau-pere|"
    r"mom|mum|dad|grandma|grandpa|auntie|girlfriend|boyfriend|nena|nene|hermanito|hermanita|"
    r"abuelita|abuelito|chamo|chama|chamaco|chamaca|cipote|cipota|carnal|cuate|"
    # step, god and in-law kin: "mi padrastro", "chez mon parrain", "my godmother"
    r"padrastro|madrastra|hijastro|hijastra|padrino|madrina|ahijado|ahijada|nuera|yerno|"
    r"bisabuelo|bisabuela|parrain|marraine|filleul|filleule|demi-frère|demi-frere|"
    r"demi-sœur|demi-soeur|godfather|godmother|stepfather|stepmother|stepson|stepdaughter|"
    r"stepbrother|stepsister|colega|colegas"
)
_KURMANJI_KIN = "birayê|xwişka|diya|bavê|mêrê|jina|hevalê|hevala|cîranê|cîrana"
# The cue words as prefix trees (regex_util.trie_regex; every cue is followed by spacing, so
# the matches are those of the plain alternations), led by a look-ahead on their first letters.
_CUE = CaselessPattern(
    first_chars((_NAMING + "|" + _KIN + "|" + _KURMANJI_KIN).split("|"))
    + r"(?<![\w'’])(?:(?P<naming>"
    + trie_regex(_NAMING.split("|"))
    + r")|"
    + trie_regex(_KIN.split("|"))
    + r"\s+"
    + trie_regex(_KIN_NOUNS.split("|"))
    + "|"
    + trie_regex(_KURMANJI_KIN.split("|"))
    + r"\s+min)"
    + rf"[ \t,:]+(?:(?:la|el|the)[ \t]+|le[ \t]+(?!{_SAYING}\b))?"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words that end a name.
_STOP = frozenset(
    _split(
        "the a an my our his her their your this that to at in from of and or is was were "
        "with for by on we i he she they it who which when but not never still always also "
        "then so as has had have would could will did does do be been went came lives lived "
        "goes used told la el los las le les un une una de del du des y e et en a à que con "
        "por para hasta sin mi mis su sus ce cette mon ma mes son sa ses il elle nous on qui "
        "où se me te nos ne pas est es era fue está estaba siempre nunca también todavía aún "
        "toujours jamais aussi encore était a ai avait c'est ku li ji û bi ez em min me e bû "
        "hîn depi nan ak ki pou "
        # prepositions after "m'appelle" when it means "calls me" ("elle m'appelle au 06...")
        "au aux chez dans sur avec pour par vers mais pero porque parce because"
    )
)


# A name at a sentence start, before a verb of saying: "Milagros siempre decía", "Bienvenu me
# disait toujours", "Yusuf always said". The sentence's punctuation is part of the match (only
# the name's span is used): one character tested at each position, not look-behinds.
_SAYS = CaselessPattern(
    r"(?:^|[.!?:\n][ \t]*)(?P<name>[^\W\d_][\w'’-]*)[ \t]+"
    r"(?:(?:siempre|nunca|toujours|always|never|often|would|used[ \t]+to)[ \t]+)?"
    r"(?:(?:me|m'|m’|nos|nous|us|me[ \t]+a|nous[ \t]+a)[ \t]*)?"
    r"(?:decía|dijo|decia|dice|contaba|disait|a[ \t]+dit|dit|racontait|said|say|says|told|"
    r"used[ \t]+to[ \t]+say)\b"
)


def find_speakers(text: str, lang: str) -> list[Suggestion]:
    """A word that starts a sentence and says something is a name, unless it is a function
    word ("She said", "Mi madre decía" are not names); below the leak guard's threshold."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    out = []
    for m in _SAYS.finditer(text):
        start, end = m.span("name")
        word = text[start:end]
        low = word.lower()
        if low in _STOP or low in _PRONOUNS or zipf(low, zlang) >= 5.5:
            continue
        out.append(suggestion(start, end, "person", 0.7, "name_cues", word))
    return out


_PRONOUNS = frozenset(
    _split(
        "she he they we you it ella él ellos ellas usted elle il ils elles on tout todos everyone"
    )
)


def find_cued_names(text: str, lang: str) -> list[Suggestion]:
    """People named right after a naming or kin cue, and the names listed after them ("mis
    hijos, neymar y britany")."""
    if not text.isascii() and not any(c.isalpha() and c.isascii() for c in text[:200]):
        return []
    lower_text = written_in_lower_case(text)
    zlang = lang if lang in ("en", "es", "fr") else "en"
    out: list[Suggestion] = []
    for cue in _CUE.finditer(text):
        naming = cue.group("naming") is not None
        conf = 0.9 if naming and not lower_text else 0.85 if not lower_text else 0.75
        if text[cue.start()] == "(":
            # "(a)" is an alias only right after a name ("Rafael Zapata (a) el Gocho"), not in
            # an enumeration ("(a) the first option"): below the guard.
            if not text[max(0, cue.start() - 2) : cue.start()].strip(" \t").isalpha():
                continue
            conf = 0.75
        span = _name_after(text, cue.end(), naming, lower_text, zlang)
        if span is None and lower_text and not naming:
            span = _common_word_name(text, cue.end(), zlang)
            conf = _COMMON_WORD_NAME_CONFIDENCE if span else conf
        while span is not None:
            out.append(suggestion(*span, "person", conf, "name_cues", text[span[0] : span[1]]))
            conf = min(conf, 0.75)  # a listed name is a guess: "mi hermano Juan y Pedro"
            link = _AND_NEXT.match(text, span[1])
            span = _name_after(text, link.end(), False, lower_text, "*") if link else None
    return out + find_speakers(text, lang)


# After a kin cue in a lower-case story, a fairly common word is still a name when a verb of
# being or having follows it: "my daughter gift was born", "mon frere espoir a ete arrete",
# "mi hija milagros tiene 9 años" (not "my son died in", "mi hermano mayor es").
_AUXILIARY_NEXT = re.compile(
    r"[ \t]+(?:was|is|has|had|did|does|who|a|est|était|etait|avait|qui|es|era|fue|tiene|"
    r"tenía|tenia|está|esta|estaba|se[ \t]+fue|se[ \t]+quedó|se[ \t]+quedo)\b"
)
# Words that follow a kin noun without naming anyone ("mi hermano mayor es", "ma petite
# soeur est"), fairly common but not function words.
_KIN_ADJECTIVES = frozenset(
    _split(
        "mayor menor chiquito chiquita pequeño pequeña pequeno pequena grande mayorcito "
        "menorcito older younger little eldest youngest elder baby aîné aînée aine ainee cadet "
        "cadette petit petite grand grande also too there here then now también tambien ahora "
        "aussi here alors"
    )
)
_COMMON_WORD_NAME_MAX_ZIPF = 5.5
_COMMON_WORD_NAME_CONFIDENCE = 0.6


def _common_word_name(text: str, pos: int, zlang: str) -> tuple[int, int] | None:
    """A fairly common word right at pos (after a kin cue) that a verb of being or having
    follows: a name that is also a word ("gift", "espoir"); below the leak guard's threshold."""
    w = _WORD.match(text, pos)
    if w is None or text[pos : w.start()].strip(" \t"):
        return None
    low = w.group().lower()
    if (
        len(low) < 3
        or not low.isalpha()
        or low in _STOP
        or low in _PRONOUNS
        or low in _KIN_ADJECTIVES
        or _zipf(low, zlang) >= _COMMON_WORD_NAME_MAX_ZIPF
        or not _AUXILIARY_NEXT.match(text, w.end())
    ):
        return None
    return w.span()


# What joins the names of a list: "neymar y britany", "Samir, Omar and Lina".
_AND_NEXT = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:y|e|and|et)[ \t]+)?|[ \t]+(?:y|e|and|et)[ \t]+)")


def _common(word: str, zlang: str, threshold: float) -> bool:
    """Whether a lower-case word is a common word of the language, or with zlang "*" (a name
    listed after the cued one, in a story that may switch languages: "sam, thank god") a
    fairly common word of any of en, es and fr."""
    if zlang != "*":
        return _zipf(word, zlang) >= threshold
    return max(_zipf(word, "en"), _zipf(word, "es"), _zipf(word, "fr")) >= threshold - 0.5


# The endings of the imperfect (what someone used to do) in Spanish and French and of the simple
# past in English: no name but a few listed ones ends so ("trabajaba", "cultivait", "retired"),
# and they follow a kin word as often as a name does.
_PAST_ENDINGS = {"es": ("aba", "aban", "ía", "ían"), "fr": ("ait", "aient"), "en": ("ed",)}
_PAST_MIN_ZIPF = 2.0  # a word of the language, not a rare name that happens to end so
_PAST_MIN_LETTERS = 6  # "cuidaba", "estaba", "worked"; not "saba", "baba", "aba"


def _a_verb_in_the_past(low: str, zlang: str) -> bool:
    """A lower-case verb in the past right after a kin word ("mi esposo trabajaba de guardia",
    "mon pere cultivait du riz", "my father retired"): no name, whatever its frequency, unless
    it is a listed given name ("ahmed", "rasheed")."""
    return (
        len(low) >= _PAST_MIN_LETTERS  # "saba", "baba" are names
        and low.endswith(_PAST_ENDINGS.get(zlang, ()))
        and _zipf(low, zlang) >= _PAST_MIN_ZIPF
        and not is_given_name(low)
    )


def _zipf(word: str, zlang: str) -> float:
    """How frequent a lower-case word is, also as the unaccented spelling of a word ("etait")."""
    return max(zipf(word, zlang), unaccented_zipf(word, zlang))


def _name_after(
    text: str, pos: int, naming: bool, lower_text: bool, zlang: str
) -> tuple[int, int] | None:
    """The name's span right at pos, up to three words: after a naming cue any words up to a
    function word; else capitalised words, or in lower-case text words that are not common."""
    start = end = None
    for count, w in enumerate(_WORD.finditer(text, pos, min(len(text), pos + 60))):
        if text[pos : w.start()].strip(" \t") or count == 3:
            break
        word = w.group()
        low = word.lower()
        if low in _STOP:
            break
        if not naming:
            if lower_text:
                if _common(low, zlang, 5.0 if count else 4.5):
                    break
                if not count and _a_verb_in_the_past(low, zlang):
                    break
            elif not word[0].isupper():
                break
        elif not lower_text and count and not word[0].isupper():
            break  # "my name is Hawa haddad" is rare; "Hawa said" is not a family name
        if start is None:
            start = w.start()
        end, pos = w.end(), w.end()
    return None if start is None or end is None else (start, end)
