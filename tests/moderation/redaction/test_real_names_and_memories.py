"""Names a survivor gives outright or remembers (issue 15): "my real name is X", "everyone
calls me X", "I remember X laughing", in Arabic, Persian, Kurmanji, English, Spanish and French,
and Arabic place names in lower-case Latin letters ("in bab amr"). Sentences written for these
tests, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from tests.moderation.suggestions import covering


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "and my real name is …", with "و" glued on the naming word
        ("ينادونني أم خالد في الحي، واسمي الحقيقي هالة الشامي.", "هالة الشامي"),
        ("كنت أكتب باسم مستعار واسمي الأصلي رنا.", "رنا"),
        # Persian "my real name is … (is)", "his true name"
        ("اسم اصلی من فرشته نوری است و در کرج بزرگ شدم.", "فرشته نوری"),
        ("اسم واقعی او کامران بود.", "کامران"),
        # Persian "they call me …"
        ("در کمپ همه مرا نازنین صدا می‌کنند.", "نازنین"),
        # Kurmanji "they call me …" with a kin word leading the nickname
        (
            "em ji gundê xwe reviyan û li kampê man. li wir herkes ji min re dibêje diya Rojda.",
            "diya Rojda",
        ),
    ],
)
def test_a_name_given_outright_is_found(text: str, name: str) -> None:
    assert covering(text, name, "person"), name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("بعد كل هالسنين بتذكر رزان وهي تغني عالسطح.", "رزان"),  # remembered singing
        ("أتذكر سماح وهي تضحك مع البنات.", "سماح"),
        ("i still remember blessing singing in the kitchen.", "blessing"),
        ("I remember Nomvula dancing at the wedding.", "Nomvula"),
        ("me acuerdo de chayito cantando en la cocina.", "chayito"),
        ("Je me souviens de Espérance qui chantait le soir.", "Espérance"),
    ],
)
def test_someone_remembered_doing_something_is_a_person_below_the_guard(
    text: str, name: str
) -> None:
    found = covering(text, name, "person")
    assert found, name
    assert all(s.confidence < HIGH_CONFIDENCE for s in found)


@pytest.mark.parametrize(
    "text",
    [
        "أتذكر البيت وهو يحترق.",  # a definite noun: the house burning
        "شفت ولد وهو يركض بالشارع.",  # a common noun: a boy running
        "i remember home being warm in winter.",
        "i remember everything happening at once.",
        "me acuerdo de todo lo que pasó.",
    ],
)
def test_things_remembered_are_not_people(text: str) -> None:
    assert not [s for s in detect(text) if s.kind == "person"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("after a year in bab tuma we left for beirut.", "bab tuma"),
        ("my uncle is still in tal rifaat.", "tal rifaat"),
        ("we come from deir hafer, near the river.", "deir hafer"),
    ],
)
def test_an_arabic_place_in_lower_case_latin_letters(text: str, place: str) -> None:
    found = covering(text, place, "place")
    assert found, place
    assert all(s.confidence < HIGH_CONFIDENCE for s in found)
