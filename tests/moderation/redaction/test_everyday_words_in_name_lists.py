"""Everyday Persian and Arabic words that the given-name lists also hold ("رییس", boss;
"مرسی", thanks; "شادی", joy; "آمين", amen; "سبحان الله") are never suggested at the leak
guard's threshold on their own: a story that says "the boss of the factory", "thank you all" or
"amen" must not be blocked. A name after a cue still is."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect


def _sure(text: str) -> list[str]:
    return [s.text for s in detect(text) if s.confidence >= HIGH_CONFIDENCE]


@pytest.mark.parametrize(
    "sentence",
    [
        "رییس کارخانه هر روز سر ما داد می‌زد.",  # the factory's boss shouted at us every day
        "مرسی از همه کسانی که به ما کمک کردند.",  # thanks to everyone who helped us
        "کار مفید پیدا کردن در این شهر سخت است.",  # useful work is hard to find in this city
        "یقین داشتم که دوباره خانواده‌ام را می‌بینم.",  # I was certain I would see my family again
        "عید شما مبارک، امسال با هم هستیم.",  # happy holiday, this year we are together
        "حالا با شادی و آرامش زندگی می‌کنیم.",  # now we live with joy and calm
        "نسیم خنکی از طرف دریا می‌آمد.",  # a cool breeze came from the sea
        "با ایمان به خدا از کوه رد شدیم.",  # with faith in God we crossed the mountain
        "قاچاقبر جوری رفتار کرد که همه ترسیدند.",  # the smuggler behaved in a way that scared all
        "شما هم بچه دارین؟ ما سه تا داریم.",  # do you have children too? we have three
        "الحمد لله على السلامة، آمين يا رب.",  # thank God you are safe, amen, o Lord
        "سبحان الله كيف نجونا من البحر.",  # glory to God, how we survived the sea
        "ايه اللي صار بعدين؟ ما حدا بيعرف.",  # what happened then? nobody knows
        "نادى علينا الضابط من بعيد وقال ارجعوا.",  # the officer called out to us: go back
        "آمل أن أرى أمي مرة أخرى قبل أن تموت.",  # I hope to see my mother again before she dies
        "روى لنا الرجل القصة كلها في الطريق.",  # the man told us the whole story on the way
        "الخوف كان اكبر مني في تلك الليلة.",  # the fear was bigger than me that night
    ],
)
def test_an_everyday_persian_word_is_not_sure_alone(sentence: str) -> None:
    assert _sure(sentence) == []


def test_the_same_words_are_still_suggested_as_names_where_a_cue_says_so() -> None:
    found = {s.text: s.kind for s in detect("خواهرم شادی با دخترش نسیم در کابل ماند.")}
    assert found.get("شادی") == "person"
    assert found.get("نسیم") == "person"


def test_a_persian_name_after_a_kin_word_stays_sure() -> None:
    assert "سعید" in _sure("برادرم سعید دو سال در زندان بود.")
