# ruff: noqa: RUF001  (Arabic-script letters are data)
"""Arabic-script cues of the fourteenth round (issue 15): Persian "اهل" (native of) before a
place, and "فرزند" (child of) before a father's name in case notes; neither where the same
words mean something else. Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect


def _found(text: str, kind: str) -> list[str]:
    return [s.text for s in detect(text) if s.kind == kind]


def test_a_place_after_persian_native_of() -> None:
    text = "خودش را سام معرفی کرد، ۲۴ ساله، اهل اصفهان، ساکن ترکیه است."
    assert "اصفهان" in _found(text, "place")


def test_persian_native_of_before_household_is_no_place() -> None:
    assert _found("اهل خانه همه خواب بودند و کسی صدای ما را نشنید.", "place") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("اینجانب هه‌ژار مصطفی‌زاده فرزند محمود، متولد مهاباد هستم.", "محمود"),
        ("نامبرده گل‌محمد فرزند شیرآقا از جاغوری آمده است.", "شیرآقا"),
    ],
)
def test_a_fathers_name_after_child_of(text: str, name: str) -> None:
    """The father's name is part of the person's, as "بن" makes it in Arabic."""
    assert any(f"فرزند {name}" in found for found in _found(text, "person"))


def test_child_of_before_the_elder_is_no_name() -> None:
    assert _found("مریم فرزند بزرگ‌تر خانواده است.", "person") == ["مریم"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("بعدين اجا شب من ضيعتنا وقال انو شافو هنيك", "اجا"),  # came
        ("وقال انو شافو، وانو كانو ينادوه برقم مش باسمو", "كانو"),  # were
        ("وقال انو شافو، وانو كانو ينادوه برقم مش باسمو", "وانو"),  # and that
        ("اي زول يعرف اخوي اسحق يتصل علي", "زول"),  # anyone (Sudanese)
        ("الحمدلله ياسر طلع وياي بس الحشد سألوه", "وياي"),  # with me
        ("از ساعت چهار صبح تا شب خشت می‌زدیم و دستهایم زخم شد", "خشت"),  # brick
    ],
)
def test_a_spoken_word_is_no_village(text: str, word: str) -> None:
    assert word not in _found(text, "place")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("الاسم: ناكاتو ساراه، أوغندية، ٢٤ عاما.", "ناكاتو ساراه"),  # an intake form
        ("زول معانا اسمه الطيب مات في الغرفة", "الطيب"),  # a definite name after "his name"
        ("الرجل المسؤول كانوا ينادونه الأشقر، ما بعرف اسمه", "الأشقر"),  # "they call him"
        ("ابني محمد او زي ما بنناديه حموده، عمره ١٧", "حموده"),  # "we call him"
    ],
)
def test_a_name_after_a_naming_cue_or_kin(text: str, name: str) -> None:
    assert name in _found(text, "person")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("واسمه الحقيقي ما حدا بيعرفه", "الحقيقي"),  # his real name
        ("وانو كانو ينادوه برقم مش باسمو", "برقم"),  # they called him by a number
        ("الرجل المسؤول كانوا ينادونه الأشقر", "كانوا ينادونه"),  # they were calling him
    ],
)
def test_what_follows_a_naming_cue_and_is_no_name(text: str, word: str) -> None:
    assert word not in _found(text, "person")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("الاسم مش مهم، المهم إني وصلت", "مش"),  # "the name" with no colon is no form field
        ("ينادونه بكنيته من زمان", "بكنيته"),  # by his kunya
        ("يناديه أبوه من بعيد", "أبوه"),  # his father calls him
        ("اسمه العائلي صعب على الموظف", "العائلي"),  # his family name
    ],
)
def test_no_name_after_a_naming_cue_that_names_nobody(text: str, word: str) -> None:
    assert word not in _found(text, "person")


def test_child_of_before_an_ordinal_is_no_name() -> None:
    assert _found("مریم فرزند اول خانواده بود.", "person") == ["مریم"]


def test_a_town_whose_first_letter_is_a_proclitic_stays_a_town() -> None:
    assert "كالي" in _found("عشت سنتين في كالي قبل ما اطلع", "place")


def test_spoken_persian_in_is_no_preposition_of_places() -> None:
    """ "تو" is "in" as well as "you"; taken as a preposition it made ordinary nouns sure
    places ("تو کیف من", in my bag: "کیف" is also Kyiv, below the guard)."""
    found = detect("تو کیف من پول نبود و گوشی هم نداشتم.")
    assert all(s.confidence < HIGH_CONFIDENCE for s in found)


def test_a_town_of_three_letters_starting_with_and_is_a_town() -> None:
    """ "وان" (Van, where many cross into Turkey) is no "و" glued to a function word."""
    assert "وان" in _found("با میلاد از ماکو پیاده رفتیم تا وان. آنجا پلیس ما را گرفت.", "place")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("الخطة: جلسات أسبوعية، تمارين تنفس مع الأم، والتنسيق مع المدرسة", "الأم"),  # the mother
        ("البنات اللواتي تركتهن ما زلن في رأسي، وأرجو أن تبحثوا عنهن", "رأسي"),  # my head
        ("ما زال أكثر من ألفين من نسائنا مفقودين", "ألفين"),  # two thousand
        ("بعدين ماما مرضت وجاءت بنتها الكبيرة", "بعدين"),  # later
        ("در زمستان با ویزه آمدیم و حالا برگه اقامت داریم", "برگه"),  # a sheet (of residence)
    ],
)
def test_an_everyday_word_is_no_place(text: str, word: str) -> None:
    assert word not in _found(text, "place")


def test_persian_day_is_nobody() -> None:
    assert "روز" not in _found("روز ۴ سنبله ۱۴۰۰ از صبح پشت دروازه ایستاده بودیم.", "person")


def test_a_short_persian_message_without_persian_letters_is_persian() -> None:
    """ "من اهل اصفهان هستم" has neither "ی" nor "ک": its verb tells it is Persian, where "من"
    is "I" and "اهل" is "native of"."""
    assert "اصفهان" in _found("من اهل اصفهان هستم.", "place")
