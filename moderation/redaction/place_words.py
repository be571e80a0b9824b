# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Small places named after a place word, in Latin script and in any case: "el barrio la
pradera", "la colonia El Carmen", "vivíamos en la vereda el salado", "el campamento el
chaparral", "le quartier Matonge", "the village of Ndiaganiao", "Kakuma camp" is names'.

A village, a neighbourhood or a camp is rarely in the gazetteer; the word before it says what
it is. The name is the next one to four words (and the joining words between them):
capitalised ones in a capitalised text, words that are not common in a text written all in
lower case (an article after the place word, "el barrio la pradera", marks a name even when
its words are common). Below the leak guard's threshold: the place word is evidence, not proof.
"""

from __future__ import annotations

import re

from .folding import fold
from .gazetteer import load_gazetteer
from .language import zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_name
from .regex_util import CaselessPattern, first_chars, trie_regex
from .scan import lower_same_length, written_in_lower_case


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_PLACE_WORD_LIST = _split(
    "barrio colonia col. aldea caserío caserio vereda cantón canton pueblo pueblito municipio "
    "comunidad campamento asentamiento corregimiento reparto ejido finca hacienda sector "
    "departamento provincia estado ciudad villa puerto residencial fraccionamiento fracc. "
    "lotificación lotificacion paraje ranchería rancheria mercado mercadito "
    # where people live in Central America, Colombia, Venezuela, Mexico, Cuba and Peru: "el
    # bordo el carmen", "el resguardo huellas", "la comarca los ángeles", "la urbanización la
    # paz", "el poblado X", "la localidad de X"; mountains, rivers, islands and lakes; prisons
    "bordo resguardo comarca urbanización urbanizacion urb. poblado localidad congregación "
    "congregacion delegación delegacion alcaldía alcaldia población poblacion "
    "sierra cerro río rio isla lago laguna volcán volcan "
    "penal cárcel carcel prisión prision penitenciaría penitenciaria reclusorio "
    "chefferie groupement colline cellule préfecture prefecture fleuve rivière riviere lac "
    "île ile prison "
    "quartier village camp cité commune territoire localité province ville port secteur "
    "marché "
    "katye "
    # land invasions and streets as places: "la invasion nueva esperanza", "av. proceres"
    "invasión invasion avenida av. pasaje jirón jiron "
    # landmarks of a journey named after someone or something: "el parque miguel hidalgo", "el
    # puente Juárez-Lincoln", "la garita de otay", "la plaza Bicentenario"
    "parque puente garita plaza "
    # ranches, hamlets and ravines, and the border trails of Colombia and Venezuela ("la trocha
    # de La Parada")
    "rancho ranchito trocha quebrada hamlet "
    # French place words typed without their accents ("au marche virunga")
    "marche cite localite "
    "neighbourhood neighborhood district settlement township town city region"
)
_PLACE_WORDS = trie_regex(_PLACE_WORD_LIST)
# The place words, for the rules that must not take one for a name ("a colonia nueva").
PLACE_WORD_SET = frozenset(_PLACE_WORD_LIST)
_ARTICLE = r"(?:(?:el|la|los|las|le|les)[ \t]+|l'|l’)"
_OF = r"(?:de|del|de[ \t]+la|de[ \t]+los|de[ \t]+las|du|des|de[ \t]+l'|de[ \t]+l’|d'|d’|of)"
_CUE = CaselessPattern(
    first_chars(_PLACE_WORD_LIST)
    + rf"(?<![\w'’])(?:{_PLACE_WORDS})[ \t]+(?:{_OF}[ \t]*)?(?P<article>{_ARTICLE})?"
    rf"(?=[^\W\d_])"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words inside a name that join its parts ("Santa Rosa de Copán", "Los Ríos del Sur").
_JOINS = frozenset(["de", "del", "la", "las", "los", "el", "du", "des", "d'", "of"])
# Words that are never a place's name or its start.
_STOP = frozenset(
    _split(
        "the a an my our his her their your this that these those to at in from of and or is "
        "was were with for by on we he she they it who which where when but not there here "
        "un une una unos unas de del du des y e et en a à que con por para sin mi mis su sus "
        "tu ce cette ces mon ma mes son sa ses il elle nous on qui où donde cuando como se me "
        "te nos ne pas es era fue está estaba estaban estábamos había al lo ya más muy "
        "todo toda todos todas otro otra mismo misma este esta ese esa aquel aquella cerca "
        "lejos entero entera grande pequeño pequeña viejo vieja nuevo nueva natal "
        "où est était avait très tout toute tous toutes autre même ce près loin entier entière "
        "petit petite grand grande vieux vieille nouveau nouvelle natal natale "
        "next near whole old new small big little same other entire"
    )
)


# Saint words that start the names of so many neighbourhoods and villages.
_SAINTS = frozenset(_split("san santa santo sainte saint st"))
# Words for where people live that are almost always followed by the place's name: in lower
# case, a fairly common word right after one is its name ("la colonia solidaridad", "el ejido
# nueva libertad"), and "nueva"/"nuevo" may start it.
_SETTLEMENTS = frozenset(
    _split(
        "colonia aldea caserío caserio cantón canton ejido vereda lotificación lotificacion "
        "ranchería rancheria comarca asentamiento corregimiento urbanización urbanizacion "
        "fraccionamiento reparto residencial"
    )
)
_NEW = frozenset(_split("nueva nuevo nuevas nuevos"))
# Endings of Spanish verb forms that tell a story ("mataron", "vivíamos", "caminando"), which
# place names rarely have.
VERB_ENDINGS = ("aron", "ieron", "aban", "ían", "ian", "íamos", "iamos", "ábamos", "ando", "iendo")
_SETTLEMENT_MAX_ZIPF = 4.6


def _name_end(
    text: str, start: int, capitalised: bool, after_article: bool, lang: str, settled: bool
) -> int:
    """The end of the name that starts at start (start itself when there is none); settled:
    the place word is one of _SETTLEMENTS."""
    end = start
    count = 0
    pos = start
    while count < 4 and (m := _WORD.match(text, pos)) is not None:
        word = m.group()
        low = word.lower()
        if end > start and low in _JOINS:
            pass
        elif settled and not capitalised and _settlement_name(low, lang):
            end = m.end()
            count += 1
            settled = low in _NEW  # "nuevo porvenir": the word after "nuevo" too
        elif low in _STOP or not _may_name(word, low, capitalised, after_article, lang):
            break
        else:
            end = m.end()
            count += 1
            after_article = after_article and count < 2
        gap = re.match(r"[ \t]+", text[m.end() :])
        if gap is None:
            break
        pos = m.end() + gap.end()
    return end


def _settlement_name(low: str, lang: str) -> bool:
    """Whether a lower-case word right after a word of _SETTLEMENTS starts its name: not a
    verb of the story ("en la colonia mataron a ..."), which a name rarely ends like."""
    return low in _NEW or (
        low not in _STOP
        and not low.endswith(VERB_ENDINGS)
        and max(zipf(low, lang), zipf(low, "en")) < _SETTLEMENT_MAX_ZIPF
    )


def _may_name(word: str, low: str, capitalised: bool, after_article: bool, lang: str) -> bool:
    """Whether a word can be part of a place's name."""
    if capitalised:
        return word[0].isupper()
    if low in _SAINTS:
        return True  # "la colonia santa martha", "le quartier saint-jean"
    common = max(zipf(low, lang), zipf(low, "en"))
    if common < (5.0 if after_article else 3.5):
        return True
    return is_name(low) or load_gazetteer().latin.get(fold(low), 0) >= 1000  # "barrio kennedy"


# Common nouns that start the names of border posts, villages and beaches, after a preposition
# of place and before a fairly rare word: "en paso canoas", "a Bajo Chiquito", "de punta gorda".
_HEADS = _split("paso bajo alto boca punta loma playa barra agua")
_HEAD_PLACE = CaselessPattern(
    first_chars(_HEADS)
    + rf"(?<![\w'’])(?:{trie_regex(_HEADS)})[ \t]+(?P<name>[^\W\d_][\w'’-]{{3,}})(?![\w'’-])"
)
_ANY_HEAD = re.compile(trie_regex(_HEADS) + " ")
_HEAD_PREPOSITION = re.compile(r"(?i)(?<![\w'’])(?:en|de|desde|hasta|por|a|pa)[ \t]+$")
_HEAD_NAME_MAX_ZIPF = 4.0


def _head_places(text: str, lang: str, capitalised: bool) -> list[Suggestion]:
    """Places named by a head noun and a fairly rare word after a preposition (_HEADS)."""
    if lang != "es" or not _ANY_HEAD.search(lower_same_length(text)):
        return []  # a Spanish structure; most texts have none of the words
    out = []
    for m in _HEAD_PLACE.finditer(text):
        name = text[m.start("name") : m.end("name")]  # the pattern ran on lower-cased text
        low = name.lower()
        if (
            (capitalised and not (text[m.start()].isupper() and name[0].isupper()))
            or low in _STOP
            or low in PLACE_WORD_SET
            or max(zipf(low, lang), zipf(low, "en")) >= _HEAD_NAME_MAX_ZIPF
            or _HEAD_PREPOSITION.search(text, max(0, m.start() - 7), m.start()) is None
        ):
            continue
        out.append(suggestion(*m.span(), "place", 0.6, "place_words", text[m.start() : m.end()]))
    return out


def find_place_words(text: str, lang: str) -> list[Suggestion]:
    """Places named right after a place word ("el barrio la pradera"), below the guard."""
    zlang = lang if lang in ("en", "es", "fr") else "es"
    capitalised = not written_in_lower_case(text)
    out = []
    for m in _CUE.finditer(text):
        after_article = m.group("article") is not None
        start = m.start("article") if after_article else m.end()
        if capitalised and text[m.start()].isupper() and not after_article:
            start = m.start()  # "Ciudad Hidalgo", "Colonia Escalón"
        settled = text[m.start() : m.end()].split()[0].lower() in _SETTLEMENTS
        end = _name_end(text, m.end(), capitalised, after_article, zlang, settled)
        if end == m.end():
            continue
        conf = 0.8 if capitalised else 0.7
        out.append(suggestion(start, end, "place", conf, "place_words", text[start:end]))
    return [*out, *_head_places(text, zlang, capitalised)]
