# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Detectors for street addresses (many national styles) and postcodes (in _postcodes)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ._postcodes import _POSTCODE_SHAPE as _POSTCODE_SHAPE  # for the scan tests
from ._postcodes import find_postcodes as find_postcodes
from ._word_gate import not_preceded_by, preceded_by, tail_trie
from .language import name_likeness, zipf
from .model import Suggestion
from .regex_util import first_chars, trie_regex
from .scan import (
    digit_runs,
    first_digit,
    has_arabic,
    lower_matches_ignorecase,
    lower_same_length,
)

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
_COMPOUND_WORDS = tuple(_COMPOUND[3:-1].replace("\\", "").split("|"))
# A street-name suffix at the end of a word (needed by the compound-street pattern).
_COMPOUND_GATE = re.compile(
    "(?i)" + first_chars(_COMPOUND_WORDS) + r"(?<=[\w'’.-])" + trie_regex(_COMPOUND_WORDS) + r"\b"
)
# The same check on lower-cased ASCII text: a case-sensitive prefix tree is much faster.
_COMPOUND_GATE_LOWER = re.compile(
    trie_regex(_COMPOUND_WORDS, after_first=r"(?<=[\w'’.-].)") + r"\b"
)
# Gates for the prefix-style and street-word patterns: a street prefix followed by white space,
# a street word preceded by white space (both patterns need them). Prefix trees scan fast.
_PREFIX_WORDS = [w.replace("\\", "") for w in _STREET_PREFIX[3:-1].split("|")]
_PREFIX_WORDS = [w.replace(".?", "") for w in _PREFIX_WORDS] + [
    w.replace(".?", ".") for w in _PREFIX_WORDS if w.endswith(".?")
]
_PREFIX_GATE = re.compile(trie_regex(_PREFIX_WORDS) + r"\s")
_STREET_WORD_GATE = re.compile(
    trie_regex(
        [w.replace("\\", "") for w in _STREET_WORD[3:-1].split("|")], after_first=r"(?<=\s.)"
    )
)
# Where in the lower-cased text the prefix-style, street-word, compound-street or unit pattern
# could match (see _word_gate): a prefix word followed by white space, a street word after
# white space, a street suffix ending a word, a unit word not inside a word followed by a
# house number. Every match of their gates is at a match of this, and most texts have none.
# Texts without a digit cannot have a unit match: for them the scan leaves the unit words out
# (their words with their tails are a third of its time).
_UNIT_TAIL = r"\.?\s*(?:no\.?\s*)?#?\s*\d"
_UNIT_ITEMS = [(w.lower(), not_preceded_by(r"[\w-]", w) + _UNIT_TAIL) for w in _UNIT_WORDS] + [
    ("p", not_preceded_by(r"[\w-]", "p") + r"\.?\s?o\.?\s?box" + _UNIT_TAIL)
]
_STREET_ITEMS = (
    [(w.lower(), r"\s") for w in _PREFIX_WORDS]
    + [(w, preceded_by(r"\s", w)) for w in _STREET_WORD[3:-1].replace("\\", "").split("|")]
    + [(w, preceded_by(r"[\w'’.-]", w) + r"\b") for w in _COMPOUND_WORDS]
)
_STREET_WORDS_GATE = re.compile("(?s)" + tail_trie(_STREET_ITEMS + _UNIT_ITEMS))
_STREET_WORDS_GATE_NO_UNIT = re.compile("(?s)" + tail_trie(_STREET_ITEMS))
# Where a unit match can start (on the lower-cased text, like the IGNORECASE unit pattern).
_UNIT_GATE_LOWER = re.compile("(?s)" + tail_trie(_UNIT_ITEMS))


def _street_gates(text: str, lower: str, digit: bool = True) -> list[int]:
    """Where the prefix, street-word, compound-street and unit gates first match (-1: nowhere;
    the unit gate only if digit); lower is the text lower-cased with the same length (only
    when that is what IGNORECASE matches).

    The exact gates are matched at each place where the street-words gate matches: every
    match of an exact gate is at one of those (its words and tails are the exact gates' ones),
    so this gives the first match of each exact gate."""
    gates: tuple[tuple[re.Pattern[str], str], ...] = (
        (_PREFIX_GATE, text),
        (_STREET_WORD_GATE, text),
        (_COMPOUND_GATE_LOWER, lower),
        (_UNIT_GATE_LOWER, lower),
    )
    found = [-1, -1, -1, -1]
    missing = 4
    words_gate = _STREET_WORDS_GATE
    if not digit:
        words_gate = _STREET_WORDS_GATE_NO_UNIT
        missing = 3
        gates = gates[:3]
    pos = 0
    while missing and (hit := words_gate.search(lower, pos)) is not None:
        at = hit.start()
        for k, (gate, where) in enumerate(gates):
            if found[k] < 0 and gate.match(where, at) is not None:
                found[k] = at
                missing -= 1
        pos = at + 1
    return found


# The house-number pattern needs a street suffix after white space, after the first digit
# (a prefix tree led by capitals, which are rare: the engine skips quickly).
_SUFFIX_GATE = re.compile(
    trie_regex(_STREET_SUFFIX[3:-1].split("|"), after_first=r"(?<=\s.)") + r"\b"
)
_PATTERNS: list[tuple[re.Pattern[str], float]] = [
    (
        # Starts with the digit class (the engine scans for digits; a match starts a run of
        # digits), the rest written after that first digit; possessive quantifiers where what
        # follows cannot start inside the run (a number or word is always followed by white
        # space, white space by a digit or letter); the suffixes as a prefix tree (each must
        # end at \b, so it is the whole word). Same matches, less backtracking.
        re.compile(
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
        re.compile(
            r"(?=[شحزبع])(?:شارع|حي|حارة|زقاق|بناية|عمارة)\s+[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?"
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
    + r"](?<![\w-].)(?:(?<=\d)\d{0,5}+\s++(?:\d{1,6}+\s++)?("
    + _CW_POSSESSIVE
    + r"(?:\s++"
    + _CW_POSSESSIVE
    + r"){0,2})|(?<!\d)([\w'’.-]*+(?:\s++"
    + _CW_POSSESSIVE
    + r"){0,2}))\s++\d{1,4}[a-zA-Z]?(?![\w:/.,-]\d)"
)
_COMPOUND_INDEX = 3  # the compound-street pattern ("Koskikatu", "Feldstrasse")
_UNIT_INDEX = 4  # the unit pattern ("Apt 4", "P.O. Box 77")
# A compound-street match that is a common lower-case English word with no number ("during",
# "bring", "answering" end in "ring"; "brigade" in "gade") is not a street.
_ORDINARY_ZIPF = 3.0


def _ordinary_word(s: str) -> bool:
    w = s[:-1] if s.endswith(".") else s
    return w.islower() and w.isalpha() and zipf(w, "en") >= _ORDINARY_ZIPF


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


def _compound_floor(text: str, suffix_at: int) -> int:
    """A lower bound for the start of a compound-street match whose suffix starts at suffix_at:
    the start of the run of word characters around it, less the white space and (at most six)
    digits of a house number before it."""
    i = suffix_at
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_'’.-"):  # a _CW character
        i -= 1
    while i > 0 and text[i - 1].isspace():  # \s
        i -= 1
    return max(0, i - 6)


def _compound_matches(text: str, lower: str, suffix_at: int) -> Iterator[re.Match[str]]:
    """The compound-street pattern's finditer(text), given where its gate first matches in
    lower: each search starts at the floor of the next suffix instead of scanning the words
    before it (every match has its suffix at a gate match, and floors grow with the suffix)."""
    pattern = _PATTERNS[_COMPOUND_INDEX][0]
    pos = 0
    while True:
        m = pattern.search(text, max(pos, _compound_floor(text, suffix_at)))
        if m is None:
            return
        yield m
        pos = m.end()
        gate = _COMPOUND_GATE_LOWER.search(lower, pos)
        if gate is None:
            return
        suffix_at = gate.start()


def _suggestions(
    pattern_conf: tuple[re.Pattern[str], float],
    text: str,
    matches: Iterable[re.Match[str]] | None = None,
    unit_at: int = 0,
) -> Iterator[Suggestion]:
    """The suggestions of one street pattern: its matches (pattern.finditer(text, unit_at)
    unless given), less trailing spaces and commas; not a common word for compound streets."""
    pattern, conf = pattern_conf
    compound = pattern is _PATTERNS[_COMPOUND_INDEX][0]
    for m in pattern.finditer(text, unit_at) if matches is None else matches:
        s = m.group().rstrip(" ,")
        if compound and _ordinary_word(s):
            continue  # "during", "answering": a common word that ends like a street
        yield Suggestion(m.start(), m.start() + len(s), "address", conf, "address", s)


def _name_number_floor(text: str) -> int:
    """Where _NAME_NUMBER.finditer(text) may start searching (-1: it finds nothing). Every match
    ends with white space and a run of digits; before them it has at most five tokens (two
    numbers and three words, each followed by white space, the first one perhaps after a
    non-word character of its token): it starts at or after the start of the fifth
    white-space-separated token before the first run of digits that follows white space."""
    for start, _, _ in digit_runs(text):
        if start > 0 and text[start - 1].isspace():
            i = start
            for _ in range(5):
                while i > 0 and text[i - 1].isspace():
                    i -= 1
                while i > 0 and not text[i - 1].isspace():
                    i -= 1
            return i
    return -1


def find_addresses(text: str, lang: str = "en") -> Iterator[Suggestion]:
    """Street addresses: number + street + suffix, prefix-style streets, units, 'the corner of'."""
    first = first_digit(text)
    digit = first >= 0
    # Cheap whole-text checks skip patterns that cannot match (same results, less time).
    plain = lower_matches_ignorecase(text)
    if plain:
        lower = lower_same_length(text)
        prefix_at, street_at, compound_at, unit_at = _street_gates(text, lower, digit)
        corner = "corner" in lower  # no "İ" in "corner": the same as in text.lower()
    else:  # U+0130, U+0131 or U+017F: the lower-cased text is not enough, check the text
        lower = text
        prefix_at = 0 if _PREFIX_GATE.search(text) else -1
        street_at = 0 if _STREET_WORD_GATE.search(text) else -1
        compound_at = 0 if _COMPOUND_GATE.search(text) else -1
        unit_at = 0
        corner = "corner" in text.lower()
    # Each pattern only where its gate passed (most texts pass none): no per-pattern loop.
    if digit and _SUFFIX_GATE.search(text, first) is not None:
        yield from _suggestions(_PATTERNS[0], text)
    if prefix_at >= 0:
        yield from _suggestions(_PATTERNS[1], text)
    if street_at >= 0:
        yield from _suggestions(_PATTERNS[2], text)
    if compound_at >= 0:
        matches = _compound_matches(text, lower, compound_at) if plain else None
        yield from _suggestions(_PATTERNS[_COMPOUND_INDEX], text, matches)
    if digit and unit_at >= 0:  # unit matches start where the street-words gate matches
        yield from _suggestions(_PATTERNS[_UNIT_INDEX], text, unit_at=unit_at)
    if corner:
        yield from _suggestions(_PATTERNS[5], text)
    if not text.isascii() and has_arabic(text):
        yield from _suggestions(_PATTERNS[6], text)
    if not digit:
        return
    floor = _name_number_floor(text)
    if floor < 0:
        return
    for m in _NAME_NUMBER.finditer(text, floor):
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
