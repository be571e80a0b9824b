"""Person and place detection in Arabic script (no capitals): cue words, clitic-aware gazetteer
lookup of Arabic-script place names, and word-frequency evidence."""

from __future__ import annotations

import re

from .folding import fold
from .gazetteer import load_gazetteer
from .language import zipf
from .model import Suggestion, suggestion

_AR_TOKEN = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u064B-\u065F\u0670]+")
# One-letter proclitics: wa- (and), bi- (in/with), li- (to), fa- (so), ka- (like).
_PROCLITICS = ("و", "ب", "ل", "ف", "ك")
_PERSON_CUES = frozenset(
    fold(w)
    for w in [
        "أخي",
        "أخوي",
        "اخي",
        "أختي",
        "اختي",
        "أمي",
        "امي",
        "أبي",
        "ابي",
        "والدي",
        "والدتي",
        "ابني",
        "ابنتي",
        "بنتي",
        "زوجي",
        "زوجتي",
        "عمي",
        "عمتي",
        "خالي",
        "خالتي",
        "جدي",
        "جدتي",
        "صديقي",
        "صديقتي",
        "جاري",
        "جارتي",
        "ابن",
        "بنت",
        "اسمه",
        "اسمها",
        "اسمي",
        "يدعى",
        "تدعى",
        "السيد",
        "السيدة",
        "الشيخ",
        "الدكتور",
        "الدكتورة",
        "الأستاذ",
        "الأستاذة",
        "المعلم",
        "الضابط",
        "العقيد",
        "النقيب",
        "الملازم",
        "الحاج",
        "الحاجة",
        "أبو",
        "ابو",
        "أم",
        "المهرب",
        "القاضي",
        "المحامي",
    ]
)
_PLACE_CUES = frozenset(
    fold(w)
    for w in [
        "قرية",
        "قريه",
        "مدينة",
        "مدينه",
        "مخيم",
        "بلدة",
        "بلده",
        "منطقة",
        "منطقه",
        "محافظة",
        "محافظه",
        "حي",
        "ريف",
        "ضاحية",
        "سجن",
        "حاجز",
        "معبر",
    ]
)
_FROM_IN = frozenset(fold(w) for w in ["من", "في", "إلى", "الى", "قرب", "نحو", "عبر", "داخل"])
# Frequent function words that are never names, even when rare in wordfreq's counts.
_STOP = frozenset(
    fold(w)
    for w in [
        "من",
        "في",
        "إلى",
        "الى",
        "على",
        "عن",
        "مع",
        "هذا",
        "هذه",
        "ذلك",
        "التي",
        "الذي",
        "كان",
        "كانت",
        "ثم",
        "قد",
        "لقد",
        "لم",
        "لن",
        "و",
        "أن",
        "إن",
        "أنا",
        "نحن",
        "هو",
        "هي",
        "هم",
        "كل",
        "بعد",
        "قبل",
        "عند",
        "حتى",
        "لكن",
        "بين",
        "يوم",
        "سنة",
        "عام",
        "شهر",
        "الله",
    ]
)


def _strip_clitic(word: str) -> list[str]:
    forms = [word]
    if len(word) > 3 and word[0] in _PROCLITICS:
        forms.append(word[1:])
    return forms


def _bare(word: str) -> str:
    """The last of _strip_clitic(word): without a one-letter proclitic when it has one."""
    return word[1:] if len(word) > 3 and word[0] in _PROCLITICS else word


def _rare(word: str) -> bool:
    return word not in _STOP and zipf(word, "ar") < 4.0


def _place_hit(word: str, gaz: frozenset[str]) -> str | None:
    """The first form of the word (as written, then without a proclitic) that is a known place
    name, not a stop word and not a very common word."""
    for form in _strip_clitic(word):
        if form in gaz and form not in _STOP and zipf(form, "ar") < 5.2:
            return form
    return None


def find_arabic_names(text: str) -> list[Suggestion]:
    """People and places written in Arabic script."""
    gaz = load_gazetteer().arabic
    toks = [(m.start(), m.end(), fold(m.group())) for m in _AR_TOKEN.finditer(text)]
    out: list[Suggestion] = []
    n = len(toks)
    i = 0
    while i < n:
        start, end, word = toks[i]
        prev = toks[i - 1][2] if i else ""
        prev_bare = _bare(prev) if prev else ""
        nxt = toks[i + 1] if i + 1 < n else None
        # Two-word gazetteer names first ("دير الزور").
        if nxt is not None and text[end : nxt[0]].strip() == "":
            pair = word + " " + nxt[2]
            if pair in gaz:
                conf = 0.9 if prev in _FROM_IN or prev_bare in _PLACE_CUES else 0.8
                out.append(_sug(text, start, nxt[1], "place", conf))
                i += 2
                continue
        hit = _place_hit(word, gaz)
        if (prev in _PLACE_CUES or prev_bare in _PLACE_CUES) and word not in _STOP:
            j = i + 1 if nxt is not None and _rare(nxt[2]) and hit is None else i
            out.append(_sug(text, start, toks[j][1], "place", 0.85))
            i = j + 1
            continue
        if hit is not None:
            cue = prev in _FROM_IN or (word[0] in "بل" and hit != word)
            out.append(_sug(text, start, end, "place", 0.9 if cue else 0.8))
        elif prev in _PERSON_CUES or prev_bare in _PERSON_CUES:
            if _rare(word) or (zipf(word, "ar") < 4.5 and word not in _STOP):
                j = i
                if nxt is not None and zipf(nxt[2], "ar") < 3.3:  # noqa: SIM102 (reads as two separate conditions)
                    if nxt[2] not in _STOP and nxt[2] not in gaz:
                        j = i + 1  # a family name after the given name
                out.append(_sug(text, start, toks[j][1], "person", 0.85))
                i = j + 1
                continue
        elif prev in _FROM_IN and zipf(word, "ar") < 2.5 and len(word) >= 3:
            out.append(_sug(text, start, end, "place", 0.55))
        i += 1
    return out


def _sug(text: str, start: int, end: int, kind: str, conf: float) -> Suggestion:
    return suggestion(start, end, kind, conf, "arabic_names", text[start:end])
