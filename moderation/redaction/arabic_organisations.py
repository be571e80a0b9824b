# ruff: noqa: RUF001  (multilingual text: Arabic letters are data)
"""Organisations named in Arabic script: a type word and a name ("مدرسة الأمل", "مخبز أبو
رامي", "جامع عمر بن الخطاب", Persian "مکتب", "شفاخانه"), with the words that belong to a long
name: a genitive ("جمعية رعاية الأيتام"), nisba adjectives ("مدرسة ذكور الشاطئ الإعدادية"),
genitives after "لـ"/"للـ" ("المركز الفلسطيني لحقوق الإنسان", "مؤسسة اليمن للتنمية والإغاثة")
and "بلا X" ("أطباء بلا حدود"); any word before "بلا حدود", "بدون مرز" (without borders)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .arabic_cue_words import KUNYA, NASAB, ORG_WORDS, PLACE_CUES, STOP
from .arabic_known_organisations import CONFIDENCE, known_organisation
from .arabic_name_extent import adjacent, chain, named
from .arabic_words import Tok, bare, definite, ordinary, persian_verb
from .folding import fold

# An organisation's name rarely runs past this many words after its first name word.
_MAX_EXTRA_WORDS = 5
# A definite type word before a nisba ("المركز الفلسطيني") may be a description, not a name.
_DEFINITE_TYPE = 0.8
# Titles before the name of whom a school, a mosque or a hospital is named after: the martyr,
# the sheikh, the doctor, the imam ("مدرسة الشهيد باسل", "جامع الشيخ عبد الله").
_NAMED_AFTER = frozenset(
    fold(w)
    for w in (
        *("الشهيد", "الشهيدة", "الشيخ", "الشيخة", "الدكتور", "الدكتورة", "الإمام", "الامام"),
        *("الحاج", "الحاجة", "القديس", "القديسة", "السيدة"),
    )
)


# A preposition with a pronoun right after a type word makes it a verb or a phrase, not a name:
# "نادى علينا الضابط" (the officer called out to us; "نادي" is also a club).
_PREPOSITION_WITH_PRONOUN = frozenset(
    fold(p + s)
    for p in ("علي", "في", "مع", "من", "عن", "ل", "ب")
    for s in ("نا", "ه", "ها", "هم", "ك", "كم")
)


class OrganisationName(NamedTuple):
    """Tokens first..last name an organisation, with this confidence."""

    first: int
    last: int
    confidence: float


def organisation_name(text: str, toks: Sequence[Tok], i: int) -> OrganisationName | None:
    """The organisation whose type word is token i, or None; also "X بلا حدود", "X بدون مرز"
    (X without borders: doctors, reporters, lawyers), whatever X is."""
    if without_borders(toks, i + 1) and adjacent(text, toks, i) and adjacent(text, toks, i + 1):
        return OrganisationName(i, i + 2, 0.85)
    known = known_organisation(text, toks, i)
    if known is not None and not (i and toks[i - 1].word in PLACE_CUES):
        # "الهلال الأحمر الكردي", "کمیته امداد"; not "سجن الأمن السياسي", a prison
        return OrganisationName(i, organisation_end(text, toks, known, False), CONFIDENCE)
    word = toks[i].word
    the = definite(toks[i]) and word[2:] in ORG_WORDS
    # Levantine "ع" (on, to) glued to a type word: "عمدرسة الأمل"
    typed = (
        word in ORG_WORDS or bare(word) in ORG_WORDS or (word[:1] == "ع" and word[1:] in ORG_WORDS)
    )
    if not ((typed or the) and adjacent(text, toks, i)):
        return None  # "بانک" (bank) starts with "ب" but is not "ب" + "انک"
    nxt = toks[i + 1]
    if nxt.word in STOP or nxt.word in _PREPOSITION_WITH_PRONOUN or persian_verb(nxt.raw):
        return None  # "به مدرسه رفتیم", we went to school; "نادى علينا", called out to us
    if the and not nisba(nxt):
        return None  # "المدرسة كانت", the school was: a definite type word, no nisba after it
    # "مستشفى ابن سينا", "مخبز أبو رامي", "مدرسة الشهيد باسل": named after someone
    titled = nxt.word in _NAMED_AFTER and i + 2 < len(toks) and not ordinary(toks[i + 2])
    if (nxt.word in KUNYA | NASAB or titled) and adjacent(text, toks, i + 1) and named(toks, i + 2):
        j = chain(text, toks, i + 2)
        if toks[j].word == "عبد" and adjacent(text, toks, j):
            j += 1  # "جامع الشيخ عبد الله"
    else:
        j = chain(text, toks, i + 1)
    j = organisation_end(text, toks, j, first=j == i + 1)
    plain = ordinary(nxt) and not titled
    return OrganisationName(i, j, 0.75 if plain else _DEFINITE_TYPE if the else 0.85)


_BORDERS_AFTER = {fold("بلا"): fold("حدود"), fold("بدون"): fold("مرز")}


def without_borders(toks: Sequence[Tok], i: int) -> bool:
    """Tokens i and i + 1 are "بلا حدود" or "بدون مرز" (without borders)."""
    borders = _BORDERS_AFTER.get(toks[i].word) if i + 1 < len(toks) else None
    return borders is not None and toks[i + 1].word == borders


def nisba(tok: Tok) -> bool:
    """A definite relative adjective ("الفلسطيني", "الإعدادية", "الدولية")."""
    return definite(tok) and tok.word.endswith(("ي", "يه", "ية")) and len(tok.word) > 4


def organisation_end(text: str, toks: Sequence[Tok], j: int, first: bool) -> int:
    """Extend an organisation's name ending at token j over its adjectives and genitives; a
    definite genitive only after its `first` word ("رعاية الأيتام", not "أبو رامي الصبح")."""
    last = j + _MAX_EXTRA_WORDS
    while adjacent(text, toks, j) and j < last:
        nxt = toks[j + 1]
        genitive = toks[j].word.startswith("ل") or definite(toks[j])
        idafa = first and definite(nxt) and not genitive  # "رعاية الأيتام" (care of orphans)
        if idafa or nisba(nxt) or (nxt.word.startswith("لل") and len(nxt.word) > 4):
            j, first = j + 1, False  # "الإعدادية"; "للتنمية" (for development)
        elif without_borders(toks, j + 1) and adjacent(text, toks, j + 1):
            j += 2  # "سازمان پزشکان بدون مرز" (doctors without borders)
        elif nxt.word.startswith("وال") and len(nxt.word) > 5 and genitive:
            j += 1  # "والإغاثة" (and relief), after a genitive
        elif (
            ((nxt.word.startswith("ل") and len(nxt.word) > 3) or nxt.word == "بلا")
            and nxt.word not in STOP
            and adjacent(text, toks, j + 1)
            and definite(toks[j + 2]) == (nxt.word != "بلا")
        ):
            j += 2  # "لحقوق الإنسان" (for human rights); "بلا حدود" (without borders)
        else:
            break
    return j
