# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Detectors for street addresses (many national styles) and postcodes (in _postcodes)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ._postcodes import find_postcodes as find_postcodes
from .language import name_likeness, zipf
from .model import Suggestion
from .name_word_lists import FUNCTION_WORDS
from .regex_util import CaselessPattern, trie_regex
from .scan import digit_runs, first_digit, matches_at

_W = r"[^\W\d_][\w'’.-]*"  # a word
_CAPITALS = "A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩΆ-ΏА-Я"
_CW = "[" + _CAPITALS + r"][\w'’.-]*"  # a capitalised word
_STREET_SUFFIX = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct|Place|Pl"
    r"|Square|Sq|Crescent|Cres|Terrace|Close|Turnpike|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Trail"
    r"|Row|Alley|Walk|Gardens|Grove|Hill|Str|Mews|Path|Pike|Plaza|Loop|Route|Rte)"
)
_STREET_PREFIX = (
    r"(?:Rue|rue|Avenue|avenue|Av\.|Avenida|avenida|Avda\.?|Calle|calle|C/|Carrer|Via|via|Viale"
    r"|Piazza|Plaza|plaza|Paseo|Rua|rua|Praça|Boulevard|boulevard|Bd|Chemin|chemin|Place|place"
    r"|Allée|allée|Impasse|impasse|Quai|quai|Cours|ul\.|ulica|Str\.|Straße|Strasse|Sharia|Shari'"
    r"|Rruga|Odos|Carretera|carretera|Camino|camino|Travesía|Route|route)"
)
_COMPOUND = (
    r"(?:straße|strasse|str\.|gasse|weg|laan|straat|gatan|vägen|gata|gränd|katu|kuja|tie|vej"
    r"|gade|veien|utca|út|tér|plein|markt|ring|allee|platz)"
)
_STREET_WORD = (
    r"(?:u\.|utca|út|útja|tér|gate|gata|vej|gade|kapu|sokak|sokağı|caddesi|cad\.|ulica|ul\.|"
    r"street|st\.|road|avenue|lane|drive)"
)
_UNIT = (
    r"(?:Apt|Apartment|Suite|Ste|Unit|Flat|Room|Box|P\.?\s?O\.?\s?Box|PSC|Piso|Bloque|Bâtiment"
    r"|Appartement|Appt|Bldg|Building|Floor|Dpto|Depto|Puerta|Escalera)"
)
_CW_START = r"(?=[\dA-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩΆ-ΏА-Я])"  # a digit or a capital (see the note in dates.py)
_PREFIX_START = (
    r"(?=[\d"
    + "".join(sorted({w[0] for w in _STREET_PREFIX[3:-1].replace("\\", "").split("|")}))
    + "])"
)
# The unit words as a prefix tree plus the "P.O. Box" pattern: no word is a prefix of another
# (ignoring case), so at most one alternative matches at a position and the tree finds the same
# matches as the plain alternation, without trying every word in turn under IGNORECASE.
_UNIT_WORDS = [w for w in _UNIT[3:-1].split("|") if "\\" not in w]
_UNIT_TREE = (
    "(?:"
    + trie_regex(_UNIT_WORDS)
    + "|"
    + next(w for w in _UNIT[3:-1].split("|") if "\\" in w)
    + ")"
)
_UNIT_START = "(?=[" + "".join(sorted({w[0].lower() for w in _UNIT[3:-1].split("|")})) + "])"
_AR = "\u0621-\u064a"
# Right after a non-letter, or after one or two proclitics that follow one.
_ARABIC_WORD_START = (
    f"(?:(?<![{_AR}\u0640])|(?<=(?<![{_AR}])[وفبلك])|(?<=(?<![{_AR}])[وفبلك]\u0640)"
    f"|(?<=(?<![{_AR}])[وف][بلك])|(?<=(?<![{_AR}])[وف][بلك]\u0640))"
)
_COMPOUND_WORDS = tuple(_COMPOUND[3:-1].replace("\\", "").split("|"))
_PATTERNS: list[tuple[re.Pattern[str], float]] = [
    (
        # Starts with the digit class (the engine scans for digits; a match starts a run of
        # digits), the rest written after that first digit; possessive quantifiers where what
        # follows cannot start inside the run (a number or word is always followed by white
        # space, white space by a digit or letter); the suffixes as a prefix tree (each must
        # end at \b, so it is the whole word). Same matches, less backtracking.
        _NUMBER_FIRST := re.compile(
            r"\d(?<![\w-]\d)(?:\d{0,5}+\s++\d{1,6}+|\d{0,5}+)[A-Za-z]?,?\s++(?:"
            + _W
            + r"+\s++){0,4}"
            + trie_regex(_STREET_SUFFIX[3:-1].split("|"))
            + r"\b\.?"
        ),
        0.85,
    ),
    (
        re.compile(
            _PREFIX_START
            + r"(?<![\w-])(?:\d{1,5}[a-z]?,?\s+){0,2}"
            + _STREET_PREFIX
            + r"\s+(?:"
            + _W
            + r"[ \t]+){0,5}?(?:"
            + _W
            + r")(?:[ \t,]+(?:n[º°o]\.?\s*)?\d{1,5}[a-zA-Z]?\b)?"
        ),
        0.8,
    ),
    (
        re.compile(
            _CW_START
            + r"(?<![\w-])(?:\d{1,6}\s+){0,2}"
            + _CW
            + r"(?:\s+"
            + _W
            + r"){0,2}?\s+"
            + _STREET_WORD
            + r"(?:\s+\d{1,5}[a-zA-Z]?\b\.?)?"
        ),
        0.8,
    ),
    (
        re.compile(
            # The suffixes as a prefix tree: each must end at \b, so none can stand in for a
            # longer one, and the per-word backtracking is much cheaper.
            r"(?<![\w-])(?:\d{1,6}\s+)?"
            + _CW
            + trie_regex(_COMPOUND_WORDS)
            + r"\b\.?(?:\s+\d{1,5}[a-zA-Z]?\b)?",
            re.IGNORECASE,
        ),
        0.8,
    ),
    (
        re.compile(
            r"(?i)"
            + _UNIT_START
            + r"(?<![\w-])"
            + _UNIT_TREE
            + r"\.?\s*(?:no\.?\s*)?#?\s*\d{1,6}[A-Za-z]?\b"
            r"(?:,?\s+Box\s+\d{1,6})?"
        ),
        0.8,
    ),
    (
        re.compile(
            r"(?i)(?=t)\bthe corner of\s+[^,.;\n]{2,60}?\s+and\s+[^,.;\n]{2,60}?(?=[,.;\n]|$)"
        ),
        0.85,
    ),
    (
        # A state or region code before a postcode, on its line or the one before: "CO 70079".
        _STATE_CODE := re.compile(r"(?<![\w-])[A-Z]{2}\s+\d{5}(?:-\d{4})?(?![\w-])"),
        0.6,
    ),
    (
        re.compile(
            # The street word starts its word, perhaps after a proclitic ("بحي الشعار", in
            # al-Shaar quarter; a tatweel may follow it), never inside one ("صحي", healthy) or
            # after the article ("بالحارة قبل السلك", in the quarter, before the fence).
            # The first letters of the street words first: a text's every position is tried,
            # and five look-behinds there cost ten times this one look-ahead (3 ms of a 20 KB
            # story).
            "(?=[شحزبع])"
            + _ARABIC_WORD_START
            + r"(?:شارع|حي|حارة|زقاق|بناية|عمارة)\s+[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?"
            r"(?:\s*(?:رقم)?\s*\d{1,5})?"
        ),
        0.8,
    ),
]
# "Koskikatu 25" / "7878 Rahu 37": a rare capitalised word followed by a house number. Written
# as "one digit or capital, then the rest of a number-led or a word-led match" so that the
# engine scans for that character class (a leading look-ahead is tried at every position);
# possessive where what follows cannot start inside the run. The words are group 1 of a
# number-led match, and from the match start to the end of group 2 in a word-led one.
_CW_POSSESSIVE = _CW + "+"
_NAME_NUMBER = re.compile(
    r"[\d"
    + _CAPITALS
    + r"](?<![\w-].)(?:(?<=\d)\d{0,5}+[ \t]++(?:\d{1,6}+[ \t]++)?("
    + _CW_POSSESSIVE
    + r"(?:[ \t]++"
    + _CW_POSSESSIVE
    + r"){0,2})|(?<!\d)([\w'’.-]*+(?:[ \t]++"
    + _CW_POSSESSIVE
    + r"){0,2}))[ \t]++\d{1,4}[a-zA-Z]?(?![\w:/.,-]\d)"
)
_PREFIX_INDEX = 1  # the street-word-first pattern ("calle Real", "rue Lepic")
_COMPOUND_INDEX = 3  # the compound-street pattern ("Koskikatu", "Feldstrasse")
_CORNER_INDEX = 5  # "the corner of ... and ..."
# Every match of the compound-street pattern ends with one of its words at a word end, and
# every match of the corner pattern has "the corner of": most texts have neither, and looking
# for them is much cheaper than trying the pattern at every word.
_COMPOUND_END = CaselessPattern(trie_regex(_COMPOUND_WORDS) + r"\b")
_GATES = {_COMPOUND_INDEX: _COMPOUND_END, _CORNER_INDEX: CaselessPattern("the corner of")}
# A compound-street match that is a common lower-case English word with no number ("during",
# "bring", "answering" end in "ring"; "brigade" in "gade") is not a street.
_ORDINARY_ZIPF = 3.0
_STORY_LATIN_LANGUAGES = ("en", "es", "fr")


def _ordinary_word(s: str) -> bool:
    """A common lower-case word of English, Spanish or French: "during", "partie" (left),
    "sortie" (exit) end like a street ("ring", "tie") and are none."""
    w = s[:-1] if s.endswith(".") else s
    return (
        w.islower()
        and w.isalpha()
        and any(zipf(w, lang) >= _ORDINARY_ZIPF for lang in _STORY_LATIN_LANGUAGES)
    )


_NOT_STREET_WORD_LIST = (
    "chapter|page|room|level|grade|class|year|age|aged|day|week|month|hour|minute|"
    "verse|part|section|article|number|no|step|vol|volume|box|gate|block|tent|"
    "bus|train|flight|platform|the|a|an|in|on|at|of|for|and|but|to|my|our|his|her|their|"
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_NOT_STREET_WORDS = frozenset(_NOT_STREET_WORD_LIST.split("|"))
# For words that are not ASCII: under IGNORECASE the long s (U+017F) matches "s", the dotless
# and dotted i (U+0131, U+0130) match "i", the Kelvin sign matches "k": a plain lower-case
# lookup is not enough there.
_NOT_STREET = re.compile("(?i)^(?:" + _NOT_STREET_WORD_LIST + ")$")


def _not_street(word: str) -> bool:
    """Whether a word (no white space in it) is one that is never part of a street name."""
    if word.isascii():
        return word.lower() in _NOT_STREET_WORDS
    return _NOT_STREET.match(word) is not None


# Words a street's name never starts with, after its street word: "en la calle por ser como
# soy", "en el camino una señora", "la route par le Mali" are no addresses ("calle de la Paz",
# "avenida los Próceres" are).
_NOT_NAME_START = (
    FUNCTION_WORDS | {"par", "pour", "dans", "sur", "avec", "vers", "chez", "au", "aux"}
) - {"de", "del", "du", "des", "la", "le", "les", "el", "los", "las"}
# ... and, written in lower case, a pronoun or an adverb ("en el camino se cayó", "en el camino
# cerca de Palenque"); capitalised they may start a name ("avenida Lo Espejo").
_NOT_NAME_START_LOWER = frozenset(
    [
        "se",
        "te",
        "nos",
        "lo",
        "cerca",
        "lejos",
        "hacia",
        "desde",
        "donde",
        "cuando",
        "pero",
        "près",
        "pres",
        "loin",
    ]
)


def _suggestions(pattern_conf: tuple[re.Pattern[str], float], text: str) -> Iterator[Suggestion]:
    """The suggestions of one street pattern: its matches, less trailing spaces and commas;
    not a common word for compound streets, nor a street word and a function word."""
    pattern, conf = pattern_conf
    compound = pattern is _PATTERNS[_COMPOUND_INDEX][0]
    prefix = pattern is _PATTERNS[_PREFIX_INDEX][0]
    for m in _matches(pattern, text):
        s = m.group().rstrip(" ,")
        if compound and _ordinary_word(s):
            continue  # "during", "answering": a common word that ends like a street
        if prefix and _street_word_then_function_word(s):
            continue
        yield Suggestion(m.start(), m.start() + len(s), "address", conf, "address", s)


def _matches(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """pattern.finditer(text); the two patterns led by a number tried only where they can start:
    a house number starts a run of up to six digits, a state code is right before the spacing
    before a run of five digits (a ZIP code)."""
    if pattern is _NUMBER_FIRST:
        starts = [start for start, end, _ in digit_runs(text) if end - start <= _HOUSE_DIGITS]
        return matches_at(pattern, text, starts)
    if pattern is _STATE_CODE:
        return matches_at(pattern, text, _state_code_starts(text))
    return pattern.finditer(text)


_HOUSE_DIGITS = 6  # at most, in the first run of digits of a house number
_ZIP_DIGITS = 5
_STATE_LETTERS = 2


def _state_code_starts(text: str) -> list[int]:
    """Where a state code would start before each run of five digits (and its spacing)."""
    starts: list[int] = []
    for start, end, _ in digit_runs(text):
        if end - start != _ZIP_DIGITS:
            continue
        spacing = start
        while spacing > 0 and text[spacing - 1].isspace():
            spacing -= 1
        if _STATE_LETTERS <= spacing < start:
            starts.append(spacing - _STATE_LETTERS)
    return starts


def _street_word_then_function_word(s: str) -> bool:
    """Whether a street-word-first match is a street word and then a word that never starts a
    street's name."""
    words = s.split()
    if len(words) < 2:
        return False
    second = words[1]
    return second.lower() in _NOT_NAME_START or second in _NOT_NAME_START_LOWER


def find_addresses(text: str, lang: str = "en") -> Iterator[Suggestion]:
    """Street addresses: number + street + suffix, prefix-style streets, units, 'the corner of'."""
    for index, pattern_conf in enumerate(_PATTERNS):
        gate = _GATES.get(index)
        if gate is None or gate.found_in(text):
            yield from _suggestions(pattern_conf, text)
    if first_digit(text) < 0:
        return
    for m in _NAME_NUMBER.finditer(text):
        start = m.start()
        words_text = m.group(1) if m.start(1) >= 0 else text[start : m.end(2)]
        words = words_text.split()
        if words_text.isascii():  # one set check (see _not_street)
            if not _NOT_STREET_WORDS.isdisjoint(words_text.lower().split()):
                continue
        elif any(_not_street(w) for w in words):
            continue
        for w in words:  # a loop, not any() over a generator: this runs for most digit texts
            if name_likeness(w.strip(".'’"), lang) < 0.5:
                break
        else:
            yield Suggestion(start, m.end(), "address", 0.55, "address", m.group())
