"""The fields of intake forms and case notes written in Arabic script: a label, a colon and
what the label asks for ("الاسم: ناكاتو ساراه", Persian "نام پدر: رحمت‌الله", Dari "تخلص:
جعفری", "محل سکونت: گلشهر"). A label names a field only before a colon: "الاسم مش مهم" (the
name does not matter) is a sentence."""

from __future__ import annotations

from collections.abc import Sequence

from .arabic_words import Tok
from .folding import fold

_PERSON_LABELS = (
    # Arabic: name, father's and mother's name, surname, family name (Levantine "الشهرة")
    "الاسم",
    "اسم الأب",
    "اسم الاب",
    "اسم الأم",
    "اسم الام",
    "اللقب",
    "الشهرة",
    "الكنية",
    # Persian and Dari: name, surname, father's and mother's name, surname (Dari "تخلص")
    "نام",
    "نام خانوادگی",
    "نام پدر",
    "نام مادر",
    "تخلص",
)
_PLACE_LABELS = (
    # Arabic: place of birth, of residence; Persian and Dari: place of residence, of birth
    "مكان الولادة",
    "مكان الميلاد",
    "مكان الإقامة",
    "مكان الاقامة",
    "محل سکونت",
    "محل تولد",
    "محل اقامت",
)
_LABELS = {fold(label): "person" for label in _PERSON_LABELS} | {
    fold(label): "place" for label in _PLACE_LABELS
}


# What fills a field in place of a name or a place: martyr, deceased, the late, missing,
# unknown, none; a tent, a caravan, a container, rented (Arabic, Persian and Dari).
_NOT_VALUES = frozenset(
    fold(w)
    for w in (
        *("شهيد", "شهيدة", "متوفي", "متوفى", "متوفية", "متوفيه", "مرحوم", "مرحومة", "مرحومه"),
        *("مفقود", "مفقودة", "مجهول", "مجهولة", "لايوجد", "شهید", "فوتی", "مرحوم", "نامعلوم"),
        *("ندارد", "خيمة", "خيمه", "كرفان", "كرفانات", "كونتينر", "بركس", "تخشيبة", "خرابة"),
        *("شادر", "خیمه", "چادر", "کانکس", "کرایی", "پانسیون", "مهمانخانه", "موقت", "مؤقت"),
    )
)


def no_value(word: str) -> bool:
    """A folded word that fills a field in place of a name or a place ("نام پدر: شهید")."""
    return word in _NOT_VALUES


def form_field(text: str, toks: Sequence[Tok], i: int) -> str | None:
    """The kind ("person" or "place") the form label right before token i asks for, when a
    colon ends the label ("نام پدر: X"); None otherwise."""
    if i == 0 or text[toks[i - 1].end : toks[i].start].strip() != ":":
        return None
    one = toks[i - 1].word
    two = f"{toks[i - 2].word} {one}" if i >= 2 else ""
    return _LABELS.get(two) or _LABELS.get(one)
