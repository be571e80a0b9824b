"""A kin word right after a name stands in apposition to it ("مازن ابنه", Mazen, his son): the
word after it says what that person did, and is no second name. After "و" (and) the kin word
starts a new person ("وزوجته سالمة", and his wife Salma). A nasab particle before a kin word is
a kin word too ("حمودي ابن اختي", Hamoudi, my sister's son): the name stops before it."""

from __future__ import annotations

import pytest

from moderation.redaction import detect


def _people(text: str) -> list[str]:
    return [s.text for s in detect(text) if s.kind == "person"]


@pytest.mark.parametrize(
    ("sentence", "name", "verb"),
    [
        ("مازن ابنه يضرب الولاد.", "مازن", "يضرب الولاد"),  # Mazen, his son, hits the boys
        ("رامي ابنها استشهد قبل بشهر.", "رامي", "استشهد"),  # Rami, her son, was killed
        ("ريم اختي الكبيرة صارت تشتغل بمشغل.", "ريم", "صارت"),  # Reem, my big sister, began
    ],
)
def test_the_word_after_a_name_and_its_kin_word_is_no_name(
    sentence: str, name: str, verb: str
) -> None:
    people = _people(sentence)
    assert name in people
    assert not any(verb in found or found in verb for found in people if found != name)


def test_after_and_a_kin_word_names_someone_else() -> None:
    assert "سالمة" in _people("عندنا جيران طيبين، الحاج مفتاح وزوجته سالمة.")


def test_a_kin_word_after_a_nasab_particle_is_not_part_of_the_name() -> None:
    assert "حمودي" in _people("حمودي ابن اختي مات بالقصف.")
    assert not any("اختي" in found for found in _people("حمودي ابن اختي مات بالقصف."))
    assert "خالد بن الوليد" in _people("درست في مدرسة، وكان خالد بن الوليد اسم الشارع.")
