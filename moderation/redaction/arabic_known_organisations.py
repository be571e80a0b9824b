"""Organisations that survivors name in Arabic script without a type word: the Red Cross and
Red Crescent, the big aid charities, and the state services they meet (Lebanon's General
Security, Iran's office for foreign nationals), in Arabic and Persian, with the usual spellings
(written by hand, CC0). Many are ordinary words too ("الأمن العام", public security): they are
suggested below the leak guard's threshold. The United Nations' agencies are left out, as the
multilingual set leaves "UNHCR" and "المفوضية" unlabelled: they tell nothing of who one is."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .arabic_cue_words import PROCLITICS
from .arabic_name_extent import adjacent
from .arabic_words import Tok
from .folding import fold

CONFIDENCE = 0.8

_NAMES = (
    # the Red Cross and Red Crescent, civil defence and the White Helmets
    "الصليب الأحمر",
    "الهلال الأحمر",
    "الدفاع المدني",
    "الخوذ البيضاء",
    # charities: Save the Children, Oxfam, Caritas, the Norwegian Refugee Council, the IRC
    "أنقذوا الأطفال",
    "أوكسفام",
    "اوكسفام",
    "كاريتاس",
    "المجلس النرويجي",
    "لجنة الإنقاذ الدولية",
    # state services met on the road: Lebanon's General Security, Syria's and Iraq's
    # intelligence and security branches, Yemen's political security
    "الأمن العام",
    "الأمن العسكري",
    "الأمن السياسي",
    "الأمن الوطني",
    "أمن الدولة",
    "المخابرات الجوية",
    "المخابرات العامة",
    # Persian and Dari: the relief committee, the Red Crescent, the office for foreign
    # nationals, the Red Cross, Caritas
    "کمیته امداد",
    "هلال احمر",
    "اداره اتباع",
    "اداره مهاجرت",
    "صلیب سرخ",
    "کاریتاس",
)


@cache
def _known() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The names' folded words, by their first word; each name in both keyboards' letters."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for name in _NAMES:
        for spelling in {name, name.replace("ی", "ي").replace("ک", "ك")}:
            words = tuple(fold(spelling).split())
            out.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(names, key=len, reverse=True)) for first, names in out.items()}


def known_organisation(text: str, toks: Sequence[Tok], i: int) -> int | None:
    """The last token of a known organisation's name that starts at token i, also after a
    proclitic or Levantine "ع" (on, to: "عالمفوضية"), or None."""
    word = toks[i].word
    firsts = [word]
    if len(word) > 4 and (word[0] in PROCLITICS or word[0] == "ع"):
        firsts.append(word[1:])
    known = _known()
    for first in firsts:
        for words in known.get(first, ()):
            last = i + len(words) - 1
            if last >= len(toks) or not all(adjacent(text, toks, k) for k in range(i, last)):
                continue
            if all(toks[i + n].word == words[n] for n in range(1, len(words))):
                return last
    return None
