"""Countries and big cities in Arabic script (issue 15): CLDR's country names in Arabic,
Persian, Kurdish and Pashto, found however frequent the word, below the leak guard's threshold;
gazetteer names typed with Persian letters ("ی", "ک"); a big city's frequent name after a
preposition. Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from moderation.redaction.arabic_country_names import arabic_script_countries
from moderation.redaction.folding import fold
from moderation.redaction.model import Suggestion


def _places(text: str) -> list[Suggestion]:
    return [s for s in detect(text) if s.kind == "place"]


def _covering(text: str, name: str) -> list[Suggestion]:
    start = text.index(name)
    return [s for s in _places(text) if s.start <= start and start + len(name) <= s.end]


def test_the_country_names_come_from_cldr_in_four_languages() -> None:
    countries = arabic_script_countries()
    for name in ("إيران", "ایران", "ئێران", "ترکیه", "تركيا", "السعودية"):
        assert fold(name) in countries


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("خالي راح السعودية يشتغل من سنين.", "السعودية"),  # a frequent word, no preposition
        ("از آنجا با قاچاقبر رفتیم ایران", "ایران"),  # Persian spelling of إيران
        ("پسرم حالا در ترکیه کار میکند", "ترکیه"),
        ("هاوڕێکەم گەیشتە تورکیا", "تورکیا"),  # Kurdish
    ],
)
def test_a_country_is_a_place_below_the_guard(text: str, name: str) -> None:
    found = _covering(text, name)
    assert found
    assert all(s.confidence < HIGH_CONFIDENCE for s in found)


def test_a_big_citys_frequent_name_after_a_preposition_is_a_place() -> None:
    found = _covering("دخترم در تهران درس میخواند", "تهران")
    assert found
    assert max(s.confidence for s in found) < HIGH_CONFIDENCE  # "تهران" is a frequent word


@pytest.mark.parametrize(
    "text",
    [
        "وين رحتوا بعد القصف؟",  # "where", also the Persian spelling of Vienna
        "بكرة بنروح على السوق",  # "tomorrow"; "کره" is Korea in Persian
        "این کار برای زنان سخت بود",  # "برای" (for) holds a place's name after its "ب"
        "في المدينة كانت الشوارع فاضية",  # "the city", also Medina: frequent and ordinary
    ],
)
def test_words_like_a_name_typed_with_the_other_keyboard_are_not_places(text: str) -> None:
    assert not [s for s in _places(text) if s.confidence >= 0.6]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("پسرم به فارسی و انگلیسی درس میخواند", "فارسی"),  # Persian (the language); a district
        ("در مهر ماه از خانه بیرون شدیم", "مهر"),  # a month; a town in Iran
        ("از دره پایین آمدیم و به سرک رسیدیم", "دره"),  # a valley; a village
    ],
)
def test_a_frequent_persian_word_that_names_a_small_place_stays_below_the_guard(
    text: str, word: str
) -> None:
    assert all(s.confidence < HIGH_CONFIDENCE for s in _covering(text, word))


def test_a_city_whose_name_is_as_frequent_stays_sure_after_a_preposition() -> None:
    found = _covering("برادرم در کابل کار میکرد", "کابل")
    assert found
    assert max(s.confidence for s in found) >= HIGH_CONFIDENCE
