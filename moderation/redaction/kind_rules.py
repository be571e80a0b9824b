# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""The kind of a suggestion, settled from what is around it, before merging: placeholders and
pseudonyms depend on it ("[address]", not "[name]", for a road).

- a person or place the names detectors guessed inside a street address ("Villacher Strasse
  89", "28245 Puruntie 82") is the address; so is a phone-like number that starts one
  ("17151 2450 Crown St");
- a name whose last word is a street word ("Marina Fort Street", "Villacher Strasse") is a road;
- a person guess (no person cue) after a place cue ("flew to", "outside", "near", a
  crossing's "salió por", "desde", "hacia", "vers", Kurmanji "ji"/"li") is a place, and so is a
  name right after an address or postcode, on its line or the next ("12 King Road, 79034
  Rotterdam"): the town of the address;
- a guess inside a longer name is that name's (names_inside: "diego" in "en san diego", "El
  Marlín" in "la pescadería El Marlín");
- a place guess after a kin or home word and "de"/"of" ("la hija de Rosa") is a person,
  unless one of its words is a known place;
- a person guess after a work cue ("I work at", "trabajaba en") that is not a given or
  family name (Faker's lists) is an organisation (also "travaille chez", and for the
  lower-case guesses of companion_names and unknown_words); so are the guesses that
  organisation_kinds tells by what is around them ("Referred by Glasswing", "the nurse from
  medair", "a company called Wassoul'Or", "St Mungo's", "Los Chirizos");
- a name the lexicon guessed (given_names) after "en", "in", "à", "desde", "from" that is a
  known town ("vivo en charlotte", "llegamos a buenaventura" is left: "a" also comes before
  people) is the place;
- "During 1971": a year after an ordinary word is a date, not a street ending in "-ring".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from . import cues
from .folding import fold
from .gazetteer import load_gazetteer
from .language import zipf
from .model import HIGH_CONFIDENCE, Suggestion, suggestion
from .name_lexicon import is_given_name
from .names_inside import names_inside
from .ordinary_words import word_class
from .organisation_kinds import organisation_by_context
from .person_company import company_before

__all__ = ["settle_kinds"]

_NAME_DETECTORS = frozenset({"names", "name_cues", "name_parts"})
_STREET_WORDS = (
    r"street|streets|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|boulevard|blvd\.?|"
    r"drive|way|highway|court|crescent|terrace|close|square|alley|calle|avenida|rue|chemin|"
    r"strasse|straße|str\.?|gasse|weg|allee|platz|vej|gade|katu|gatan|vägen|utca|út|tér|"
    r"ulica|sokak|caddesi"
)
_STREET_END = re.compile(r"(?i)[ \t](?:" + _STREET_WORDS + r")$")
# What follows a name inside an address when the name is the street's: a number or a street
# word ("Puruntie 82", "Hollybrook Drive"), not more words ("Patience said the road").
_STREET_NEXT = re.compile(r"(?i)^[ \t,]*(?:\d|(?:" + _STREET_WORDS + r")(?!\w))")
_NUMBER_BEFORE = re.compile(r"\d[ \t,]*$")
# The place cues that make an unexplained capitalised word a place rather than a person: a
# motion verb before "to", a preposition no person follows. A bare "to"/"at" ("said to Samir",
# "at Karim's") is not one.
_PLACE_CUE = re.compile(
    r"(?:\b(?i:outside|near|nearby|towards|toward|via|through|into|across|around|beyond|"
    r"(?:flew|fly|flying|went|go|going|gone|travelled|traveled|travel|returned|return|drove|"
    r"walked|sailed|sent|deported|taken|brought|moved|fled|escaped|back|way|road|trip|bus|"
    r"train|flight)\s+to|originally\s+from|(?:came|come|coming|fled|escaped)\s+from|"
    # Spanish and French: a crossing's "por" ("salió por Peñas Blancas"), "desde", "hacia",
    # "vers" (no one is crossed through, nor walked from or towards, in these stories)
    r"(?:pas(?:amos|é|e|ó|o|aron)|sal(?:ió|io|imos|í|i|ieron)|cru(?:zó|zo|zamos|cé|ce|zaron)|"
    r"ingres(?:ó|o|amos|é|e|aron)|entr(?:ó|o|amos|é|aron))\s+por|desde|hacia|rumbo\s+a|"
    r"pass(?:é|e|és|ée|ées)\s+par|vers)"
    r"|(?<![\w'’])(?:ji|li))[ \t]+$"
)
# Work cues: after them an unexplained capitalised word that is not a given or family name is
# an employer ("I work at Citigroup", "trabajaba en Acnur"); "for" and "para" are left out
# ("I worked for Karim").
_WORK_CUE = re.compile(
    r"(?i)\b(?:(?:work|works|worked|working|job|jobs|intern|interned|volunteer|volunteers|"
    r"volunteered|volunteering)\s+(?:at|with)|employed\s+by|year\s+at|(?:trabajo|trabaja|"
    r"trabajaba|trabajé|trabajó|trabajamos|trabajan|trabajaban|trabajar)\s+en|"
    # "elle travaille chez Sodexo", "j'étais employée chez Onet", "bénévole chez Emmaüs"
    r"(?:travaill(?:e|es|ait|ais|ions|ent|é|ée|er)|employée?s?|b[ée]n[ée]voles?)\s+chez)"
    r"\s+(?:(?:the|la|el)\s+)?$"
)
# Kin and home words before "de"/"of": "la hija de Rosa", "la maison de Fatou", "the wife of
# Samir" name a person, although "de" is also a place preposition.
_OF_PERSON = re.compile(
    r"(?i)\b(?:hijo|hija|hijos|hermano|hermana|esposo|esposa|marido|mamá|papá|madre|padre|"
    r"tío|tía|primo|prima|abuelo|abuela|amigo|amiga|vecino|vecina|novio|novia|casa|nombre|"
    r"familia|fils|fille|frère|sœur|soeur|mère|père|femme|oncle|tante|cousin|cousine|"
    r"ami|amie|voisin|voisine|maison|famille|son|daughter|wife|husband|brother|sister|"
    r"mother|father|friend|family|house|home|widow)[ \t]+(?:de|del|d'|d’|of)[ \t]*$"
)
_AFTER_ADDRESS = re.compile(r"^[ \t]*(?:,[ \t]*|\r?\n[\s>]*)$")
_YEAR = re.compile(r"^([^\W\d_]+)[ \t]+((?:19|20)\d\d)$")
_LOOK_BACK = 40
# The names detector's confidence for a person after a person cue ("my brother Samir"); below
# it a person is a guess from the shape of the words.
_CUED_PERSON = 0.9


class _Addresses:
    """The address and postcode suggestions, sorted to find those around a name or right
    before it by bisection rather than by trying every one (a story can hold hundreds)."""

    _LONGEST = 200  # no address suggestion is longer (the patterns' repetitions bound them)
    _GAP = 12  # ", " or a line break and its indent between an address and its town

    def __init__(self, found: Sequence[Suggestion]) -> None:
        self.by_start = sorted(s for s in found if s.kind in ("address", "postcode"))
        self.starts = [a.start for a in self.by_start]
        self.by_end = sorted(self.by_start, key=lambda a: a.end)
        self.ends = [a.end for a in self.by_end]

    def around(self, s: Suggestion) -> Iterator[Suggestion]:
        """The suggestions whose span holds s's span."""
        j = bisect_right(self.starts, s.start) - 1
        while j >= 0 and self.starts[j] >= s.start - self._LONGEST:
            a = self.by_start[j]
            if s.end <= a.end and a != s:
                yield a
            j -= 1

    def just_before(self, s: Suggestion) -> Iterator[Suggestion]:
        """The suggestions that end at most _GAP characters before s starts."""
        j = bisect_right(self.ends, s.start) - 1
        while j >= 0 and self.ends[j] >= s.start - self._GAP:
            yield self.by_end[j]
            j -= 1


def _street_kind(s: Suggestion, addresses: _Addresses) -> bool:
    """Whether a person or place of the names detectors is (part of) a street address."""
    if ". " not in s.text and _STREET_END.search(s.text.rstrip(".")):
        return True
    for a in addresses.around(s):
        before = a.text[: s.start - a.start]
        after = a.text[s.end - a.start :]
        if not (_NUMBER_BEFORE.search(before) or _STREET_NEXT.match(after)):
            continue
        # A street pattern, or a house number before the name and another after it.
        if a.confidence >= 0.8 or (a.text[:1].isdigit() and a.text[-1:].isdigit()):
            return True
    return False


def _town_of_address(text: str, s: Suggestion, addresses: _Addresses) -> bool:
    """Whether the suggestion comes right after an address or postcode (", " or a new line)."""
    return any(
        _AFTER_ADDRESS.match(text[a.end : s.start]) is not None for a in addresses.just_before(s)
    )


def _year_after_word(s: Suggestion) -> Suggestion | None:
    """ "During 1971" read as a street: the year, as a date."""
    m = _YEAR.match(s.text)
    if m is None or zipf(m.group(1).lower(), "en") < 3.0:
        return None
    start = s.start + m.start(2)
    return suggestion(start, s.end, "date", 0.6, "address", m.group(2))


# The last words of the cue patterns above: the patterns are searched only after one of them.
_PLACE_CUE_ENDS = frozenset(
    [
        "outside",
        "near",
        "nearby",
        "towards",
        "toward",
        "via",
        "through",
        "into",
        "across",
        "around",
        "beyond",
        "to",
        "from",
        "ji",
        "li",
        "por",
        "desde",
        "hacia",
        "a",
        "par",
        "vers",
    ]
)
_WORK_CUE_ENDS = frozenset(["at", "with", "by", "en", "the", "la", "el", "chez"])
# Person guesses of the detectors that guess from a word's place alone (lower-case text): an
# employer after a work cue is theirs too ("travaille chez onet").
_PLACE_ONLY_DETECTORS = frozenset({"companion_names", "unknown_words"})
_OF_ENDS = frozenset(["de", "del", "d'", "d’", "of"])
# Prepositions that only places follow (not people: "a", "de", "to" do), for the lexicon's guesses.
_IN_ENDS = frozenset(["en", "in", "à", "desde", "hasta", "hacia", "from", "depuis", "vers"])
_TOWN = 1_000  # inhabitants


def _lexicon_name_in_town(text: str, s: Suggestion) -> bool:
    """Whether a lexicon guess ("charlotte", "buenaventura") is a known town after a
    preposition of place."""
    if s.detector != "given_names" or _word_before(text, s.start) not in _IN_ENDS:
        return False
    return load_gazetteer().latin.get(fold(s.text), 0) >= _TOWN


def _word_before(text: str, start: int) -> str:
    """The word right before start (spaces skipped), lower-cased: "to" in "flew to Goma"."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'’"):
        j -= 1
    return text[j:i].lower()


def _kind_after_cue(text: str, s: Suggestion) -> str:
    """A person guess after a place cue is a place (not sure of the name: below the guard's
    threshold); after a work cue, unless it is a known name, an organisation."""
    start = max(0, s.start - _LOOK_BACK)
    before = _word_before(text, s.start)
    if (
        s.confidence < HIGH_CONFIDENCE
        and before in _PLACE_CUE_ENDS
        and _PLACE_CUE.search(text, start, s.start) is not None
    ):
        return "place"
    if (
        before in _WORK_CUE_ENDS
        and _WORK_CUE.search(text, start, s.start) is not None
        and not any(word_class(w) == "name" for w in s.text.split())
    ):
        return "organisation"
    return s.kind


def _of_a_person(text: str, s: Suggestion) -> bool:
    """A place guess after "la hija de", "the wife of" that is no known place, as a whole or by
    one of its words: a person ("mi primo de San Pedro Sula" stays a place)."""
    if _word_before(text, s.start) not in _OF_ENDS:
        return False
    if _OF_PERSON.search(text, max(0, s.start - _LOOK_BACK), s.start) is None:
        return False
    first = s.text.split()[0]
    if load_gazetteer().latin.get(fold(s.text), 0) >= _TOWN and not is_given_name(first):
        return False  # a known place as a whole ("San Pedro Sula"; not "Mercedes")
    return not any(word_class(w) == "place" for w in s.text.split())


def _after_kin_or_title(text: str, s: Suggestion) -> bool:
    """A place guess right after a kin word or a title is someone's name: "su nieto Salvador",
    "mi prima Rosario", "Mr Taras" (cues.PERSON_BEFORE); so is a given name of the lists or a
    word the gazetteer lacks after "con" or a verb and the personal "a" ("fui con Rosario", "le
    pedí ayuda a Socorro", "llamé a Yanelis")."""
    before = _word_before(text, s.start)
    if before in cues.PERSON_ENDS and cues.cue_before(cues.PERSON_BEFORE, text, s.start):
        return True
    return (
        before in _COMPANY_LAST
        and " " not in s.text
        and company_before(text, s.start)
        and (is_given_name(s.text) or not load_gazetteer().latin.get(fold(s.text)))
    )


_COMPANY_LAST = frozenset(("con", "with", "avec", "a", "à"))  # the last word of company_before


def _starts_street(s: Suggestion, street: Suggestion | None) -> bool:
    """Whether a phone-like number starts a longer street address ("17151 2450 Crown St")."""
    return (
        street is not None
        and street.end > s.end
        and street.text[len(s.text) :].strip()[:1].isalpha()
    )


def settle_kinds(text: str, found: Sequence[Suggestion]) -> list[Suggestion]:
    """The suggestions, with the kinds of names, numbers and years settled from around them."""
    addresses = _Addresses(found)
    streets = {
        a.start: a
        for a in addresses.by_start
        if a.kind == "address" and a.confidence >= HIGH_CONFIDENCE
    }
    out: list[Suggestion] = []
    cued_places: list[Suggestion] = []
    for s in found:
        kind = s.kind
        if s.kind == "address":
            year = _year_after_word(s)
            if year is not None:
                out.append(year)
                continue
        elif organisation_by_context(text, s):
            kind = "organisation"
        elif s.kind in ("person", "place") and s.detector in _NAME_DETECTORS:
            if _street_kind(s, addresses):
                kind = "address"
            elif s.kind == "person" and _town_of_address(text, s, addresses):
                kind = "place"
            elif s.kind == "person" and s.confidence < _CUED_PERSON:
                kind = _kind_after_cue(text, s)
                if kind == "place":
                    cued_places.append(s)
            elif s.kind == "place" and (_of_a_person(text, s) or _after_kin_or_title(text, s)):
                kind = "person"
        elif s.kind == "person" and s.detector in _PLACE_ONLY_DETECTORS:
            kind = _kind_after_cue(text, s)
        elif s.kind == "person" and _lexicon_name_in_town(text, s):
            kind = "place"
        elif s.kind == "phone" and _starts_street(s, streets.get(s.start)):
            kind = "address"
        out.append(
            s
            if kind == s.kind
            else suggestion(s.start, s.end, kind, s.confidence, s.detector, s.text)
        )
    return names_inside(out, cued_places)
