"""A word that starts like "ب" or "ل" glued to a town's name ("لاكن", but, phone spelling;
"بتاتا", at all; Persian "بدونن", they know) is no sure place, and a Persian word that starts
like "ف" or "ب" glued to a name ("فرامین", decrees; "بمانی", you stay) no sure person: a
phone-typed story must not be blocked by them. A town glued to its preposition ("بحلب", in
Aleppo) still is."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect


def _sure_places(text: str) -> list[str]:
    return [s.text for s in detect(text) if s.kind == "place" and s.confidence >= HIGH_CONFIDENCE]


def _sure(text: str) -> list[str]:
    return [s.text for s in detect(text) if s.confidence >= HIGH_CONFIDENCE]


@pytest.mark.parametrize(
    "sentence",
    [
        "حاولنا نهرب لاكن ما قدرنا نطلع.",  # we tried to flee but could not get out
        "ما كنت اعرفه بتاتا قبل الرحلة.",  # I did not know him at all before the trip
        "لايزال الخوف معي كل ليلة.",  # the fear is still with me every night
        "مامان می‌گفت نمی‌خوام بچه‌هام بمیرن.",  # mum said: I don't want my children to die
        "قاچاقچی گفت می‌خوام ببرمت اون طرف.",  # the smuggler said: I want to take you across
        "اگه بدونن ما اینجاییم ما رو می‌کشن.",  # if they know we are here they will kill us
        "مادرم گفت باید قوی بمانی و گریه نکنی.",  # my mother said you must stay strong
        "گفتند که باید همه کار بکنین تا بمانید.",  # they said you must do everything to stay
        "فرامین طالبان هر روز سخت‌تر می‌شد.",  # the Taliban's decrees got harsher every day
    ],
)
def test_a_word_that_starts_like_a_glued_town_or_name_is_not_sure(sentence: str) -> None:
    assert _sure(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "town"),
    [
        ("كنا نعيش بحلب قبل الحرب.", "بحلب"),  # we lived in Aleppo before the war
        ("سكنا ببغداد سنتين.", "ببغداد"),  # we lived in Baghdad two years
    ],
)
def test_a_town_glued_to_its_preposition_stays_sure(sentence: str, town: str) -> None:
    assert town in _sure_places(sentence)
