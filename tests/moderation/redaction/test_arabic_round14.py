# ruff: noqa: RUF001  (Arabic-script letters are data)
"""Arabic-script cues of the fourteenth round (issue 15): Persian "اهل" (native of) before a
place, and "فرزند" (child of) before a father's name in case notes; neither where the same
words mean something else. Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect


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
        ("اینجانب هه‌ژار مصطفی‌زاده فرزند رسول، متولد مهاباد هستم.", "رسول"),
        ("نامبرده گل‌محمد فرزند شیرآقا از جاغوری آمده است.", "شیرآقا"),
    ],
)
def test_a_fathers_name_after_child_of(text: str, name: str) -> None:
    assert any(name in found for found in _found(text, "person"))


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
        ("جای زخم روی بازو دارد. دخترشان آوا (۷ ساله) شاهد بوده.", "آوا"),  # their daughter
        ("اگه اعتراف نکنی داداشت آرمان رو هم میاریم", "آرمان"),  # your brother (spoken)
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
    ("text", "place"),
    [
        ("خواهرم زهرا که تو قم هست میگه بیاین پیش ما", "قم"),
        ("یه دوست منو برد به یه کلیسای خانگی تو گوهردشت، هر جمعه", "گوهردشت"),
    ],
)
def test_a_place_after_spoken_persian_in(text: str, place: str) -> None:
    assert place in _found(text, "place")


def test_a_name_after_spoken_persian_you_is_still_a_name() -> None:
    assert "مریم" in _found("تو مریم را دیدی؟", "person")
