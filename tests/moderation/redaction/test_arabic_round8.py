"""Arabic-script rules of issue 15's eighth round: the shapes in which case notes and survivors
name people, places and organisations without a kin word of their own. Kin words with "his",
"her", "their" ("شقيقتها"), the roles of case notes ("الموكل", "نامبرده"), "المدعو",
"الملقب", "المعروف باسم", Persian "خود را X معرفی کرد", initials ("ن. م.", "ر. الدباغ"), a kin
word and an adjective of age, Afghan compound names, lists and vocatives; places after "مواليد",
a gate, a border or a direction, a district before its city; and what must stay below the leak
guard's threshold. Sentences written for these tests, not taken from the development sets."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE
from tests.moderation.suggestions import covering, overlapping


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ذكرت المراجعة أن شقيقتها رحاب تعيش وحدها", "رحاب"),  # kin word with "her"
        ("أفاد بأن جارهم منذر شاهد الحادثة", "منذر"),  # "their neighbour"
        ("تقيم حالياً مع ابنتها دعاء في شقة صغيرة", "دعاء"),
        ("أفاد الموكل سامر الحمصي بأنه احتجز شهرين", "سامر الحمصي"),  # a role of case notes
        ("اعتدى عليها المدعو مازن سليمان أمام الجيران", "مازن"),  # "the so-called"
        ("كان يحرس الباب شاب الملقب زعرور", "زعرور"),  # "nicknamed"
        ("سلمها إلى رجل المعروف باسم شاكر", "شاكر"),  # "known by the name"
        ("مأمور خود را فرهاد معرفی کرد", "فرهاد"),  # "introduced himself as"
        ("بنتي الصغيرة جود مرضت بالمخيم", "جود"),  # kin word and an adjective of age
        ("دختر کوچکم ستاره مریض شد", "ستاره"),
        ("دیروز حسین‌علی را در بازار دیدم", "حسین‌علی"),  # a compound name
        ("اني جاكلين، مسيحية من البصرة", "جاكلين"),  # Iraqi "I am X,"
        ("بناتي رهف وتالا وأمل كلهن بالمدرسة", "وأمل"),  # the third name of a list
        ("مهتاب جان، دلم برایت تنگ شده", "مهتاب"),  # a vocative
        ("اسم پسرش آرمان بود", "آرمان"),  # "his son's name was"
        ("خالي الطيب مات بالحرب", "الطيب"),  # a listed name with the article after a kin word
        ("جاء لعندنا بدر العتيبي بالليل", "بدر العتيبي"),  # a word and a family's nisba
        ("اشتغلت سنة عند سالم بامطرف بالمكلا", "سالم بامطرف"),  # a rare family name
    ],
)
def test_people_named_in_the_shapes_of_case_notes_and_stories(text: str, name: str) -> None:
    assert covering(text, name, "person")


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("حضرت السيدة ن. م. الجلسة الأولى", "ن. م."),  # two initials
        ("تابع المحامي ر. الدباغ القضية", "ر. الدباغ"),  # an initial and a family name
        ("خانم ف. رسولی پرونده را دارد", "ف. رسولی"),
    ],
)
def test_initials_are_a_person_below_the_guard(text: str, initials: str) -> None:
    found = covering(text, initials, "person")
    assert found
    assert all(s.confidence < HIGH_CONFIDENCE for s in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("هو من مواليد كفرنبودة وعاش فيها", "كفرنبودة"),  # "born in"
        ("اوقفونا ساعتين عند بوابة العزيزية", "العزيزية"),  # a gate
        ("در مرز میرجاوه ما را گرفتند", "میرجاوه"),  # a border
        ("اعتقلوه عند نقطة تفتيش جنوب الخرطوم", "الخرطوم"),  # a direction
        ("ما در نظرآباد کرج زندگی می‌کنیم", "نظرآباد"),  # a district before its city
        ("ما در نظرآباد کرج زندگی می‌کنیم", "کرج"),
        ("بيتنا كان في الكرادة ببغداد", "الكرادة"),
        ("نحنا هلق بمخيمات اطمة", "مخيمات اطمة"),  # camps
        ("در کوی طلاب مشهد اتاق گرفتیم", "کوی طلاب"),  # a quarter
    ],
)
def test_places_after_birth_a_gate_a_border_a_direction_or_before_a_city(
    text: str, name: str
) -> None:
    assert covering(text, name, "place")


def test_an_association_by_its_persian_type_word() -> None:
    text = "از جمعیت امداد دانشجویی کمک گرفتیم"
    assert covering(text, "جمعیت امداد", "organisation")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("يستيقظ الطفل ليلاً ويبكي", "ليلاً"),  # an adverb with tanween, not "Leila"
        ("هبة اختها نامت عندنا", "نامت"),  # a past tense after a kin word
        ("المهرب الملقب ابو جاسم احتجزها في مخزن", "احتجزها"),  # a verb with "her"
        ("نام الولد عند جدته لأمه", "لأمه"),  # "his mother", not a town
        ("در شهرنو دوکان نانوایی داشت", "دوکان"),  # a shop, not a town after a place
        ("جمعیت زیادی آمده بود", "جمعیت"),  # a crowd
    ],
)
def test_words_in_these_shapes_stay_below_the_guard(text: str, word: str) -> None:
    assert all(confidence < HIGH_CONFIDENCE for _, confidence in overlapping(text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("انا تعبانة، ما بقدر اكمل", "تعبانة"),  # "I am tired," is no name
        ("عانى الشعب السوري كثيرا", "الشعب السوري"),  # a noun and an adjective
        ("ولدت سنة ٢٠٠١ م. في حلب", "م."),  # an era after a year, not an initial
    ],
)
def test_no_person_in_words_that_only_look_like_one(text: str, word: str) -> None:
    assert not [kind for kind, _ in overlapping(text, word) if kind == "person"]
