"""A village whose name is a frequent word is that word unless a preposition or a place word
is before it: "شفت" (I saw), "جيت" (I came) and "سأل" (he asked) name small places in GeoNames.
Villages with rarer names, and big cities after a verb of coming or going, are still places."""

from __future__ import annotations

import pytest

from moderation.redaction import detect


def _places(text: str) -> list[str]:
    return [s.text for s in detect(text) if s.kind == "place"]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("شفت عمار آخر مرة عالحاجز.", "شفت"),  # I saw Ammar the last time at the checkpoint
        ("جيت من الحسكة مع اخوي.", "جيت"),  # I came from Hasakah with my brother
        ("جوزي راح على ألمانيا وما عاد سأل.", "سأل"),  # and never asked again
        ("وکیل ما از مرکز حقوقی لسبوس بود.", "وکیل"),  # our lawyer ("و" and a village)
    ],
)
def test_a_frequent_word_is_no_village(sentence: str, word: str) -> None:
    assert word not in _places(sentence)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("كنا ساكنين في تلكلخ قبل الحرب.", "تلكلخ"),
        ("در مرز میرجاوه ما را گرفتند.", "میرجاوه"),  # at the Mirjaveh border
        ("جيت القاهرة وهسه بشتغل في مطعم.", "القاهرة"),  # I came to Cairo
        ("وصلنا بيروت بالليل.", "بيروت"),
        ("شوهرم را در سرحد اسلام قلعه گرفتند.", "اسلام قلعه"),  # at the Islam Qala crossing
    ],
)
def test_villages_crossings_and_cities_are_still_places(sentence: str, place: str) -> None:
    assert any(place in found for found in _places(sentence))


def test_a_manager_names_a_person() -> None:
    people = [s.text for s in detect("مديرتي كارين كانت ألمانية.") if s.kind == "person"]
    assert "كارين" in people  # my manager Karin was German
