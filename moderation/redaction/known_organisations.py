# ruff: noqa: RUF001  (typographic quotes are data)
"""Armed groups, gangs and cartels (armed_group_names.py) and the aid organisations survivors
meet (aid_organisation_names.py), found by name in any story as organisations.

Survivors name who drove them out and who took them in: "ISIS took me to Mosul", "los del
Barrio 18", "le M23 a pris Kitchanga", "قوات الدعم السريع", "la Croix-Rouge nous donne à
manger", "referred to Freedom from Torture". Writers who label stories apart from the engine
label such names as organisations, and the capitalised-run detectors otherwise call them a
person ("Boko Haram") or a place ("Clan del Golfo"), or miss them in lower case ("caritas m'a
donné des habits"). Both name a region or a town's services rather than a person: each is
suggested below the leak guard's threshold (staff decide), and a name or place guess over the
same words takes the organisation's kind. The United Nations' agencies are left out, as the
labelled sets leave them unlabelled: they tell nothing of who one is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import aid_organisation_names, armed_group_names
from .model import Suggestion, suggestion
from .regex_util import CaselessPattern, first_chars, trie_regex
from .scan import has_arabic, written_in_lower_case

DETECTOR = "known_organisations"
CONFIDENCE = 0.8

# Names: any case; acronyms: in capitals, or in a story written all in lower case.
_NAMES = [*armed_group_names.NAMES, *aid_organisation_names.NAMES]
_ACRONYMS = [*armed_group_names.ACRONYMS, *aid_organisation_names.ACRONYMS]

_GAP = "[ \\t-]"
# A name starts a word, or follows French "d'" or "l'" ("d'Imbonerakure") or "ex-"
# ("l'ex-Séléka").
_NAME_START = r"(?:(?<![\w'’-])|(?<=(?<!\w)[dl]['’])|(?<=(?<!\w)ex-))"
_LOWER_NAMES = sorted({n.lower() for n in _NAMES}, key=len, reverse=True)
_LATIN = CaselessPattern(
    first_chars(_LOWER_NAMES)
    + _NAME_START
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
_DE_NEXT = re.compile(r"[ \t]+de[ \t]")
_ARABIC_NAMES = re.compile(
    first_chars(armed_group_names.ARABIC, "وبلف")
    + r"(?<![^\W\d_])[وبلف]?(?P<name>"
    + trie_regex(sorted(armed_group_names.ARABIC, key=len, reverse=True))
    + r")(?![^\W\d_])"
)


def find_known_organisations(text: str) -> list[Suggestion]:
    """Every armed group, gang, cartel or aid organisation of the lists named in the text."""
    # Not a gang's number before "de" ("Barrio 18 de Mayo" is a neighbourhood).
    spans = [
        m.span()
        for m in _LATIN.finditer(text)
        if not (text[m.end() - 1].isdigit() and _DE_NEXT.match(text, m.end()))
    ]
    lower = written_in_lower_case(text)
    acronyms = _ACRONYM_ANY_CASE.finditer(text) if lower else _ACRONYM.finditer(text)
    # In lower case or in capitals: a capitalised "Isis" is a given name.
    spans += [m.span() for m in acronyms if not text[m.start() : m.end()].istitle()]
    if has_arabic(text):
        spans += [m.span("name") for m in _ARABIC_NAMES.finditer(text)]
    return [
        suggestion(start, end, "organisation", CONFIDENCE, DETECTOR, text[start:end])
        for start, end in spans
    ]


def settle_known_organisations(found: Sequence[Suggestion]) -> list[Suggestion]:
    """A person or place guess that starts within a known organisation's words takes its kind
    ("Boko Haram" is nobody; "Clan del Golfo" is no place; "Cáritas de Tapachula" is Caritas'
    office there), keeping its confidence: a name the lists share with a person stays as
    protected as it was."""
    known = [(s.start, s.end) for s in found if s.detector == DETECTOR]
    if not known:
        return list(found)
    return [
        suggestion(s.start, s.end, "organisation", s.confidence, s.detector, s.text)
        if s.kind in ("person", "place") and any(a <= s.start < b for a, b in known)
        else s
        for s in found
    ]
