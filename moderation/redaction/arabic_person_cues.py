# ruff: noqa: RUF001  (multilingual text: Arabic letters are data)
"""People named after a verb of meeting or calling ("التقيت بسهام", "تعرفت على ياسمين", "ما
بنسى خلود"), families and tribes ("آل الشمري", "بيت الحسيني", Persian "خانواده حیدری"), and
names held by a particle: Sudanese "ود" (son of: "ود حامد"), a listed name before "الله" written
apart ("رحمت الله"), a listed name after the vocative "يا" ("يا اخلاص"), Arabic "انا X من"
(I am X from). None says "a name" as
surely as "my name is" does: the word must have a name's shape (see
arabic_name_links.name_shaped) or be listed, and only a listed name that no ordinary word shares
reaches the leak guard's threshold."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .arabic_cue_words import FAMILY_WORDS, GOD_FORMULAE, MEETING, MEETING_PREPOSITIONS, STOP
from .arabic_name_lexicon import NameStrength, name_strength
from .arabic_name_links import name_shaped
from .arabic_words import Tok, arabic_zipf, common_noun, definite, ordinary
from .folding import fold

_TATWEEL = "\u0640"
# A family's name after "آل" (the house of) is a name whatever its frequency; after "بيت"
# (house, also "the family of") a guess.
_CLAN = 0.85
_GUESS = 0.75
# Below this frequency a definite word after a family word is a name, whatever its bare form.
_RARE = 3.0
_I = frozenset(("انا", "اني"))
# After "آل" (the house of) a definite word up to this frequency is a family's name even when it
# is a word ("آل الخلف"); "آل البيت" (the Prophet's house) is more frequent.
_CLAN_WORD = 5.0


class CuedName(NamedTuple):
    """A name found after a cue: its characters and confidence."""

    start: int
    end: int
    confidence: float


def met_name(toks: Sequence[Tok], i: int, persian: bool) -> CuedName | None:
    """Token i is the name after a verb of meeting, with its preposition apart ("على") or
    glued ("بسهام", "بـسهام"), or None."""
    tok = toks[i]
    prev = toks[i - 1].word if i else ""
    before = toks[i - 2].word if i > 1 else ""
    skip = 0
    if prev in MEETING_PREPOSITIONS and before in MEETING:
        pass
    elif prev in MEETING and tok.word[:1] == "ب" and len(tok.word) > 3:
        skip = 2 if tok.raw[1:2] == _TATWEEL else 1  # the preposition glued to the name
    elif prev not in MEETING:
        return None
    raw = tok.raw[skip:]
    name = Tok(tok.start + skip, tok.end, raw, fold(raw))
    if len(name.word) >= 5 and name.word.endswith(("ها", "هم", "كم")):
        return None  # "خبتنا بسردابها", hid us in her cellar
    strength = name_strength(name)
    if strength is NameStrength.RARE:
        return CuedName(name.start, name.end, 0.85)
    # A listed name that is also a word ("ياسمين", jasmine) counts after a preposition: one
    # meets someone, not something ("تعرفت على ياسمين").
    after_preposition = skip > 0 or prev in MEETING_PREPOSITIONS
    listed = strength is NameStrength.COMMON or (
        strength is NameStrength.WORD and after_preposition
    )
    if listed or name_shaped(name, persian):
        return CuedName(name.start, name.end, _GUESS)
    return None


def _adjective(tok: Tok) -> bool:
    """A feminine adjective: its masculine form, without "ة", is a word ("تعبانة", tired)."""
    return tok.raw.endswith(("ة", "ه")) and arabic_zipf(tok.raw[:-1]) >= 2.5


def family_name(toks: Sequence[Tok], i: int, persian: bool) -> CuedName | None:
    """Token i is a family word ("آل", "بيت", "خانواده") before a family's name: a definite
    word that is not an ordinary one in Arabic ("آل الشمري"), a name-shaped word in Persian
    ("خانواده حیدری")."""
    if toks[i].word not in FAMILY_WORDS or i + 1 >= len(toks):
        return None
    nxt = toks[i + 1]
    if persian:
        return CuedName(toks[i].start, nxt.end, _GUESS) if name_shaped(nxt, persian) else None
    clan = toks[i].raw in ("آل", "ال")
    indefinite = not definite(nxt) and len(nxt.word) >= 4
    if toks[i].raw == "آل" and indefinite and name_shaped(nxt, persian):
        return CuedName(toks[i].start, nxt.end, _GUESS)  # "آل باشراحيل", Hadrami families
    if not definite(nxt) or arabic_zipf(nxt.raw) >= 5.5:
        return None
    # A rare definite word is a family's name even when its bare form is a word ("بيت
    # القباني", "اسرة الدومة"): houses are of things one names often ("بيت الجيران").
    plain = ordinary(nxt) or common_noun(nxt.raw)
    if clan and plain and arabic_zipf(nxt.raw) < _CLAN_WORD:
        return CuedName(toks[i].start, nxt.end, _GUESS)  # "آل الخلف", "آل الصدر"
    if plain and arabic_zipf(nxt.raw) >= _RARE:
        return None
    if not clan and common_noun(nxt.raw) and arabic_zipf(nxt.raw) >= _RARE:
        return None  # "بيت الجيران", the neighbours' house
    confidence = _CLAN if clan and not plain else _GUESS
    return CuedName(toks[i].start, nxt.end, confidence)


def particle_name(toks: Sequence[Tok], i: int, persian: bool, text: str = "") -> CuedName | None:
    """Token i starts a name held by a particle (see the module's docstring), or None. Each
    is a guess below the leak guard's threshold unless the list knows the name and no ordinary
    word shares it."""
    tok = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if tok.word == "ود" and not persian and nxt is not None:
        # Sudanese "ود" (son of) before a listed name or a family's definite name ("ود الزين").
        strength = name_strength(nxt)
        plain = ordinary(nxt) or common_noun(nxt.raw) or arabic_zipf(nxt.raw) >= 5.0
        if strength is not NameStrength.NONE or (definite(nxt) and not plain):
            return CuedName(tok.start, nxt.end, _GUESS)
        if not definite(nxt) and name_shaped(nxt, persian):
            return CuedName(tok.start, nxt.end, _GUESS)  # "ود إسحق", a name on no list
        return None
    before = toks[i - 1].word if i else ""
    god = nxt is not None and nxt.word == "الله"
    # "انا X من", Iraqi "اني X،" (I am X, from; I am X,)
    pause = nxt is not None and text[tok.end : nxt.start].strip()[:1] in ("،", ",")
    i_am = before in _I and nxt is not None and (nxt.word == "من" or pause) and not persian
    vocative = before == "يا" and not persian
    if not (god or i_am or vocative) or len(tok.word) < 3 or tok.word in STOP or definite(tok):
        return None
    strength = name_strength(tok)
    sure = _CLAN if strength in (NameStrength.RARE, NameStrength.COMMON) else _GUESS
    if god and nxt is not None and tok.word not in GOD_FORMULAE:
        # A listed name, or in Persian a name-shaped word ("نقیب الله"; Arabic has formulae).
        if strength is not NameStrength.NONE or (persian and name_shaped(tok, persian)):
            return CuedName(tok.start, nxt.end, sure)  # "رحمت الله", "ذبیح الله"
        return None
    # Arabic "انا X من ..." (I am X from ...): a guess; "انا تعبانة من" (tired of) is no name.
    if i_am and pause and strength is NameStrength.NONE and _adjective(tok):
        return None  # "انا تعبانة،" (I am tired)
    if i_am and name_shaped(tok, persian):
        return CuedName(tok.start, tok.end, sure if strength is NameStrength.RARE else _GUESS)
    if vocative and strength is not NameStrength.NONE:
        return CuedName(tok.start, tok.end, sure)  # "يا اخلاص"
    return None
