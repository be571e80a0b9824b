"""Arabic-script rules of issue 15's tenth round (arabic_weak_names and the fixes beside it):
listed names that are also words, suggested below the leak guard's threshold where the words
around them say "a person" weakly; and shapes that must stay below it or out. Sentences written
for these tests, not taken from the development sets."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from tests.moderation.suggestions import covering, overlapping


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ع الجسر شفت لينا واقفة لحالها", "لينا"),  # after "saw"
        ("بعد الغارة لقينا صباح تحت الحجار", "صباح"),  # after "found"
        ("بالليل ساعدتنا سعيد نطلع الولاد", "سعيد"),  # the subject after "helped us"
        ("سنة ٢٠١٩ تزوج هدى وسكنوا بالمخيم", "هدى"),  # after "married"
        ("قضيت الليلة عند سلام لأن البيت انهدم", "سلام"),  # after "at the house of"
        ("طلعت من الحدود مع أمين ومرته", "أمين"),  # after "with"
        ("الملا ناصر كان يعطينا خبز", "ناصر"),  # after a title
        ("ربعي منير وصباح ظلوا بالحي", "وصباح"),  # in a list after a person found
        ("با بهار از مرز رد شدیم", "بهار"),  # Persian "with"
        ("بعدها اعتقلوا محمد وعز الدين من الجامعة", "عز الدين"),  # an honorific compound
        ("حجزونا اسبوع عند الزنتاوي بالمزرعة", "الزنتاوي"),  # a rare nisba after "at"
    ],
)
def test_weak_cues_suggest_a_listed_name_below_the_guard(text: str, name: str) -> None:
    found = covering(text, name, "person")
    assert found, name
    assert all(s.confidence < HIGH_CONFIDENCE for s in found)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("شفت نور الصبح بعد اسبوع بالزنزانة", "نور"),  # a construct phrase: the daylight
        ("عند الحدود استنينا يومين", "الحدود"),  # a definite common noun after "at"
        ("با ماشین از مرز رد شدیم", "ماشین"),  # Persian "with" a thing
    ],
)
def test_words_after_weak_cues_are_no_person(text: str, word: str) -> None:
    assert all(kind != "person" for kind, _ in overlapping(text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("اخوي مفقود من سنة ٢٠١٤", "مفقود"),  # a participle after a kin word: missing
        ("عمي مسجون بصيدنايا", "مسجون"),  # imprisoned
        ("جوزي اشتغل بالعتالة سنتين", "اشتغل"),  # a dialect past tense
        ("وبعدين وجدي قعد معنا بالخيمة", "وجدي"),  # "and my grandfather", also Wajdi
    ],
)
def test_verbs_and_participles_after_kin_words_stay_below_the_guard(text: str, word: str) -> None:
    assert all(conf < HIGH_CONFIDENCE for _, conf in overlapping(text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("بالمخيم ما في دوا ولا اكل", "دوا"),  # "دواء" typed without its hamza
        ("در مرز مترجمی بود که فارسی میدانست", "مترجمی"),  # a role with the indefinite "ی"
    ],
)
def test_ordinary_words_typed_on_a_phone_are_no_sure_place(text: str, word: str) -> None:
    assert all(conf < HIGH_CONFIDENCE for _, conf in overlapping(text, word))


def test_another_mention_with_a_clitic_glued_on() -> None:
    text = "اختي هدى ما عادت تحكي. بعتت لهدى رسالة"
    start = text.index("لهدى") + 1
    found = [s for s in detect(text) if s.kind == "person" and s.start <= start < s.end]
    assert found and all(s.confidence < HIGH_CONFIDENCE for s in found)


def test_accusative_kin_words_of_case_notes_are_cues() -> None:
    assert covering("وأفادت أن المسلحين خطفوا أخاها رامي من الحاجز", "رامي")


def test_persian_case_notes_living_in_a_city() -> None:
    assert covering("مراجعه‌کننده، ۳۴ ساله، ساکن شیراز است.", "شیراز", "place")
