# ruff: noqa: RUF001  (typographic quotes are data)
"""Armed groups, gangs and cartels named in survivors' stories, as organisations.

Survivors name who drove them out: "ISIS took me to Mosul", "los del Barrio 18", "le M23 a pris
Kitchanga", "قوات الدعم السريع". Writers who label stories apart from the engine label such a
name as an organisation, and the capitalised-run detectors otherwise call it a person ("Boko
Haram") or a place ("Clan del Golfo"). The list below holds the groups of the regions the
organisation works in (the Middle East, Afghanistan, the Horn and the Sahel, the Great Lakes,
Central America, Colombia, Mexico, Haiti) under their usual names and spellings in English,
Spanish, French and Arabic script (written by hand, CC0: public names, nothing personal). No
package offers such a list. Names that are also everyday words ("القاعدة", the rule; "الشباب",
the youth) or family names ("Wagner") are left out; so are state forces, which name no more
than a country.

A group names a region rather than a person: each is suggested below the leak guard's threshold
(staff decide), and a name or place guess over the same words takes the organisation's kind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Suggestion, suggestion
from .regex_util import CaselessPattern, first_chars, trie_regex
from .scan import has_arabic, written_in_lower_case

DETECTOR = "armed_groups"
CONFIDENCE = 0.8


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


# Names of more than one word, or of one word that is no everyday word: any case.
_NAMES = _split(
    # the Middle East and Afghanistan
    "isis isil daesh daech islamic-state état-islamique etat-islamique estado-islámico "
    "estado-islamico al-qaeda al-qaida al-nusra nusra-front front-al-nosra jabhat-al-nusra "
    "hayat-tahrir-al-sham tahrir-al-sham jaysh-al-islam hezbollah hizbollah hizbullah "
    "hezbolá houthis houthi huthis ansar-allah shabiha hashd-al-shaabi kataib-hezbollah "
    "asaib-ahl-al-haq taliban talibans taleban talibán talibanes haqqani iskp isis-k "
    # the Horn of Africa, the Sahel and the Lake Chad basin
    "al-shabaab al-shabab shabaab boko-haram iswap jnim katiba-macina ansar-dine "
    "rapid-support-forces janjaweed janjawid spla-io splm-io tplf imbonerakure "
    # the Great Lakes and Central Africa
    "m23 codeco fdlr raia-mutomboki mai-mai maï-maï kamuina-nsapu séléka seleka anti-balaka "
    "ambazonia-defence-forces amba-boys "
    # Central America, Colombia, Mexico, Venezuela, Ecuador
    "ms-13 ms13 mara-salvatrucha barrio-18 calle-18 mara-18 los-zetas zetas cártel-de-sinaloa "
    "cartel-de-sinaloa sinaloa-cartel cjng cártel-jalisco-nueva-generación "
    "cartel-jalisco-nueva-generacion cártel-jalisco cartel-jalisco familia-michoacana "
    "cártel-del-golfo cartel-del-golfo gulf-cartel clan-del-golfo gulf-clan "
    "autodefensas-gaitanistas farc-ep tren-de-aragua los-choneros los-lobos los-rastrojos "
    "caballeros-templarios guerreros-unidos los-tiguerones "
    # Haiti
    "400-mawozo viv-ansanm gran-grif"
)
# Acronyms that are everyday words or other things in lower case ("eln" no, but "farc" and
# "pkk" are safe either way): in capitals, or in a story written all in lower case.
_ACRONYMS = _split("ELN FARC PKK YPG YPJ SDF FSA HTS RSF SPLA TPLF LRA ADF UPC AGC PMF")
# Arabic script (the proclitics و ب ل ف stay outside).
_ARABIC = (
    "داعش",
    "تنظيم الدولة",
    "الدولة الإسلامية",
    "الدولة الاسلامية",
    "طالبان",
    "الحوثي",
    "الحوثيين",
    "الحوثيون",
    "أنصار الله",
    "انصار الله",
    "الدعم السريع",
    "قوات الدعم السريع",
    "الجنجويد",
    "حزب الله",
    "جبهة النصرة",
    "النصرة",
    "هيئة تحرير الشام",
    "الحشد الشعبي",
    "الشبيحة",
    "قسد",
    "بوكو حرام",
)

_GAP = "[ \\t-]"
_LOWER_NAMES = sorted({n.lower() for n in _NAMES}, key=len, reverse=True)
_LATIN = CaselessPattern(
    first_chars(_LOWER_NAMES)
    + r"(?<![\w'’-])"
    + trie_regex(_LOWER_NAMES).replace(r"\-", _GAP)
    + r"(?![\w'’-])"
)
_ACRONYM = re.compile(
    first_chars(_ACRONYMS) + r"(?<![\w'’-])(?:" + "|".join(_ACRONYMS) + r")(?![\w'’-])"
)
_LOWER_ACRONYMS = [a.lower() for a in _ACRONYMS]
_ACRONYM_ANY_CASE = CaselessPattern(
    first_chars(_LOWER_ACRONYMS) + r"(?<![\w'’-])(?:" + "|".join(_LOWER_ACRONYMS) + r")(?![\w'’-])"
)
_ARABIC_NAMES = re.compile(
    first_chars(_ARABIC, "وبلف")
    + r"(?<![\u0621-\u064A])[وبلف]?(?P<name>"
    + trie_regex(sorted(_ARABIC, key=len, reverse=True))
    + r")(?![\u0621-\u064A])"
)


def find_armed_groups(text: str) -> list[Suggestion]:
    """Every armed group, gang or cartel of the list named in the text."""
    spans = [m.span() for m in _LATIN.finditer(text)]
    lower = written_in_lower_case(text)
    acronyms = _ACRONYM_ANY_CASE.finditer(text) if lower else _ACRONYM.finditer(text)
    spans += [m.span() for m in acronyms]
    if has_arabic(text):
        spans += [m.span("name") for m in _ARABIC_NAMES.finditer(text)]
    return [
        suggestion(start, end, "organisation", CONFIDENCE, DETECTOR, text[start:end])
        for start, end in spans
    ]


def settle_armed_groups(found: Sequence[Suggestion]) -> list[Suggestion]:
    """A person or place guess that lies within a named group's words takes the organisation's
    kind ("Boko Haram" is nobody; "Clan del Golfo" is no place) and the group's confidence,
    below the leak guard's threshold."""
    groups = [(s.start, s.end) for s in found if s.detector == DETECTOR]
    if not groups:
        return list(found)
    return [
        suggestion(
            s.start, s.end, "organisation", min(s.confidence, CONFIDENCE), s.detector, s.text
        )
        if s.kind in ("person", "place") and any(a <= s.start and s.end <= b for a, b in groups)
        else s
        for s in found
    ]
