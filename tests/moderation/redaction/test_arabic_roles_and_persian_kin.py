"""Names after a case note's specialist or counsellor ("الأخصائية X"), "the undersigned" of a
Persian statement ("اینجانب X"), Persian "my wife" and a kin word before whose name it stands
("مادر X", X's mother); an adjective of age after a kin word is nobody ("برادر کوچکم") (issue
15, thirteenth round). Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from tests.moderation.suggestions import kinds_at


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("حولناها إلى المرشدة هبة لجلسات دعم", "هبة", "ar"),
        ("اینجانب ماهرخ رضایی، ساکن کرج، شهادت می‌دهم", "ماهرخ رضایی", "fa"),
        ("خانمم ستاره هنوز در هرات است", "ستاره", "fa"),
    ],
)
def test_a_name_after_a_role_or_persian_kin(text: str, name: str, language: str) -> None:
    assert kinds_at(text, name, language) == ["person"]


@pytest.mark.parametrize("text", ["برادر کوچکم در ترکیه کار می‌کند", "پدر بزرگم فوت کرد"])
def test_an_adjective_after_a_kin_word_is_nobody(text: str) -> None:
    assert [s for s in detect(text, language="fa") if s.confidence >= HIGH_CONFIDENCE] == []
    assert [s for s in detect(text, language="fa") if s.kind == "person"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ساكنة هلق مع عمتي جيهان بالمخيم", "جيهان"),  # Ceyhan, a town in Turkey
        ("برادرم شوان هنوز در زندان است", "شوان"),  # Shwan, a Kurdish town
    ],
)
def test_a_town_named_name_after_kin_is_the_person(text: str, name: str) -> None:
    assert kinds_at(text, name, "ar") == ["person"]


def test_a_frequent_word_after_kin_is_no_person() -> None:
    text = "جارنا شال ولدي في ضهرو"  # our neighbour carried my son ("شال" is a town too)
    assert "person" not in kinds_at(text, "شال", "ar")


@pytest.mark.parametrize(
    "text", ["همسر سابقم مرا زد", "پدر مهربانم فوت کرد", "رحنا عند دكتور اسنان"]
)
def test_a_bare_kin_word_or_doctor_makes_no_name_of_the_next_word(text: str) -> None:
    assert [s for s in detect(text, language="fa") if s.kind == "person"] == []
