# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Organisations that the names detectors guessed as people or places, told by what is around
them (for kind_rules.settle_kinds):

- right after a support cue of a case note: whoever refers, follows, shelters, places or
  coordinates with a survivor is a body far more often than a person named with no title
  ("Referred by Glasswing", "suivie au Comede", "acompañada por Cristosal", "se coordina con
  Profamilia", "placed by Safe Passage Kent");
- after a member of staff and "de", "from", "of": "la abogada Sonia de Alianza", "the nurse
  from medair", "mi abogado de accem", "la enfermera de Pan de Vida" (not "at": "the nurse at
  Bidi Bidi" works in a settlement);
- named after a type word and "called", "que se llama", "qui s'appelle": "a company called
  Wassoul'Or", "un bar que se llama El Rancho Alegre" (also when the name is a person's or a
  place's: "una escuela que se llama Benito Juárez");
- a saint's name in the possessive ("St Mungo's": the church, school or charity) and an
  unlisted capitalised name after a plural article ("Los Chirizos", "Les Amandiers": a group;
  "los Pérez" is a family).

Except after a type word, a guess one of whose words is a listed name or a known place keeps its
kind ("hébergée par Aurore", "la señora de Olancho").
"""

from __future__ import annotations

import re

from .folding import fold
from .gazetteer import load_gazetteer
from .model import Suggestion
from .named_organisations import ORGANISATION_TYPE_WORDS
from .ordinary_words import word_class
from .regex_util import trie_regex

# The detectors whose person and place guesses may be organisations; not the lists' and the
# countries' (a country is never an organisation here) nor the never-appear list.
GUESSING_DETECTORS = frozenset(
    {
        "names",
        "name_cues",
        "name_parts",
        "given_names",
        "unknown_words",
        "inner_capitals",
        "companion_names",
        "place_words",
    }
)
_LOOK_BACK = 60
_TOWN = 1_000  # inhabitants
_ARTICLES = frozenset(("los", "las", "les", "la", "el", "le", "the", "l"))
_NEAR = 24  # characters: the last words before a guess
_CALLED_HINTS = ("called", "named", "llam", "appel", "nomm")
# The word before the last of every support cue starts with one of these; every staff cue holds
# one of the others (tested before the regexes).
_SUPPORT_STEMS = (
    *("referr", "support", "help", "assist", "regist", "solicit", "placed", "contact"),
    *("suivi", "héberg", "heberg", "orient", "accompa", "soutenu", "aid", "charge"),
    *("referid", "acompa", "apoy", "atendid", "asistid", "canaliz", "remit", "ayuda"),
    *("coordina", "refiere", "adress", "derivad"),
    # where one works, and its people ("I work at", "everyone at", "l'équipe de")
    *("work", "job", "everyone", "team", "l'équipe", "l’équipe"),
    *("equipo",),
)
_STAFF_STEMS = (
    *("abogad", "lic", "lcda", "promot", "psic", "social", "volunt", "lawyer", "solicit"),
    *("nurse", "doctor", "dr", "worker", "teacher", "staff", "avoca", "vole", "infirm"),
    *("decin", "ducat", "enferm", "médic", "medic", "jurist", "maestr", "profes", "interpr"),
    *("intérpr", "traduct", "asesor"),
)
# The last word of every support or staff cue (an article after it taken off).
_CUE_ENDS = frozenset(
    "by to from with at through par au vers por a de con del of du".split()  # noqa: SIM905
)
_PLURAL_ARTICLES = frozenset(("los ", "las ", "les "))
_SUPPORT_CUE = re.compile(
    r"(?i)(?<![\w'’])(?:referred[ \t]+(?:by|to)|supported[ \t]+by|support[ \t]+from|"
    r"help[ \t]+from|assistance[ \t]+from|registered[ \t]+with|solicitor[ \t]+(?:at|from)|"
    r"placed[ \t]+by|contact[ \t]+through|"
    r"(?:suivi|h[ée]berg[ée]|orient[ée]|accompagn[ée]|soutenu|aid[ée])e?s?[ \t]+(?:par|au)|"
    r"pris(?:e|es)?[ \t]+en[ \t]+charge[ \t]+par|"
    r"(?:referid|acompañad|apoyad|atendid|asistid|canalizad|remitid)[oa]s?[ \t]+(?:por|a)|"
    r"apoyo[ \t]+de|ayuda[ \t]+de|(?:se[ \t]+)?coordina[ \t]+con|coordinación[ \t]+con|"
    r"se[ \t]+(?:(?:le|la|lo|les)[ \t]+)?(?:remite|refiere|canaliza)[ \t]+a|"
    r"orient[ée]e?s?[ \t]+vers|adress[ée]e?s?[ \t]+(?:à|au)|derivad[oa]s?[ \t]+a|"
    # "at" only: who one works "for" is often a person ("working for Ngozika as a maid")
    r"(?:work|works|worked|working)[ \t]+at|job[ \t]+at|"
    r"everyone[ \t]+at|team[ \t]+(?:at|of)|l['’][ée]quipe[ \t]+(?:de|du)|equipo[ \t]+de)"
    r"(?:[ \t]+(?:la|el|les|le|the|l['’]))?[ \t]*$"
)
# Staff of a body, perhaps with their name, then "de"/"from": "la abogada Sonia de", "the nurse
# hope from"; not kin, "señora" or "gente" ("my brother from Adi Keyh", "la gente de la aldea").
_STAFF = (
    r"abogad[oa]|licenciad[oa]|lic|licda|lcda|promotor[a]?|psic[óo]log[oa]|"
    r"trabajadora[ \t]+social|trabajador[ \t]+social|voluntari[oa]|"
    r"lawyer|solicitor|nurse|doctor|dr|caseworker|case[ \t]+worker|teacher|staff|"
    r"volunteer|worker|avocate?|assistante?[ \t]+sociale?|b[ée]n[ée]vole|infirmi[èe]re?|"
    r"m[ée]decin|éducat(?:eur|rice)|enfermer[oa]|m[ée]dic[oa]|doctora|juriste?|jurista|"
    r"maestr[oa]|profesor[a]?|int[ée]rprete|traductor[a]?|asesor[a]?"
)
_STAFF_OF = re.compile(
    rf"(?i)(?<![\w'’])(?:l['’])?(?:{_STAFF})\.?(?:[ \t]+[^\W\d_][\w'’-]*){{0,3}}[ \t]+"
    r"(?:de|del|de[ \t]+la|from|of|of[ \t]+the|du|de[ \t]+l['’])[ \t]*$"
)
# People between a type word and "called" name a person: "la tienda de una señora que se llama".
_PERSON_NOUNS = (
    r"(?:señora|señor|mujer|hombre|muchach[oa]|chic[oa]|niñ[oa]|woman|man|lady|girl|boy|"
    r"guy|dame|femme|homme|fille|garçon|garcon|monsieur|madame)(?![\w'’-])"
)
_CALLED = re.compile(
    r"(?i)(?<![\w'’-])(?:"
    + trie_regex(sorted({*ORGANISATION_TYPE_WORDS, *["company", "agency", "bar", "group", "gang"]}))
    + r")(?:[ \t]+(?!"
    + _PERSON_NOUNS
    + r")[\w'’-]+){0,2}?[ \t]+"
    r"(?:called|named|que[ \t]+se[ \t]+llama|llamad[oa]|qui[ \t]+s['’]appelle|appel[ée]e?|"
    r"nomm[ée]e?)[ \t]*$"
)
_SAINTS_POSSESSIVE = re.compile(r"(?:St\.?|Saint|Ste\.?)[ \t]+[A-Z][\w-]*['’]s$")
_PLURAL_ARTICLE = re.compile(r"(?:^|(?<=[ \t]))(?i:los|las|les)[ \t]+$")


def organisation_by_context(text: str, s: Suggestion) -> bool:
    """Whether a person or place guess is an organisation (see the module's docstring)."""
    if s.kind not in ("person", "place") or s.detector not in GUESSING_DETECTORS:
        return False
    # Cheap tests of the last words first: most guesses have none of these cues.
    before = text[max(0, s.start - _NEAR) : s.start].lower()
    start = max(0, s.start - _LOOK_BACK)
    if any(w in before for w in _CALLED_HINTS) and _CALLED.search(text, start, s.start):
        return True
    if s.text.endswith(("'s", "’s")) and _SAINTS_POSSESSIVE.match(s.text):
        return s.kind == "person"
    words = before.split()
    if words and words[-1].rstrip("'’") in _ARTICLES:
        words.pop()
    cued = False
    if words and words[-1] in _CUE_ENDS:
        support = len(words) > 1 and words[-2].startswith(_SUPPORT_STEMS)
        staff = any(stem in text[start : s.start].lower() for stem in _STAFF_STEMS)
        cued = (support and _SUPPORT_CUE.search(text, start, s.start) is not None) or (
            staff and _STAFF_OF.search(text, start, s.start) is not None
        )
    group = (
        not cued
        and s.kind == "person"
        and (s.text[:4].lower() in _PLURAL_ARTICLES or before[-4:] in _PLURAL_ARTICLES)
        and _a_group(text, s, s.text.split())
    )
    if not cued and not group:
        return False
    return not any(_named(w) for w in s.text.split() if w.lower() not in _ARTICLES)


def _named(word: str) -> bool:
    """Whether a word is a listed name or a known place (of a thousand inhabitants or more:
    "la señora de olancho")."""
    return (
        word_class(word) in ("name", "place")
        or load_gazetteer().latin.get(fold(word.strip(".,;:")), 0) >= _TOWN
    )


def _a_group(text: str, s: Suggestion, words: list[str]) -> bool:
    """A capitalised name after a plural article ("Los Chirizos"; whether its words are a
    listed name is checked after)."""
    if words[0].lower() in ("los", "las", "les"):
        words = words[1:]
    elif _PLURAL_ARTICLE.search(text, max(0, s.start - 5), s.start) is None:
        return False
    return bool(words) and words[0][:1].isupper()
