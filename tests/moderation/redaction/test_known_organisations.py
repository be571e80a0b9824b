"""Armed groups, gangs and cartels named in a story are organisations, below the leak guard's
threshold, whatever the capitalised-run detectors guessed (issue 15, thirteenth round).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE
from moderation.redaction.known_organisations import find_known_organisations
from tests.moderation.suggestions import kinds_at


@pytest.mark.parametrize(
    ("text", "language", "group"),
    [
        ("After Boko Haram burned Gwoza we walked to Maiduguri.", "en", "Boko Haram"),
        ("Los del Cártel del Golfo cobraban en Reynosa.", "es", "Cártel del Golfo"),
        ("Les Maï-Maï ont attaqué Walikale en 2019.", "fr", "Maï-Maï"),
        ("la mara salvatrucha me quito la casa en soyapango", "es", "mara salvatrucha"),
        ("los del eln llegaron a la vereda", "es", "eln"),
        ("When Hayat Tahrir al-Sham took Idlib my father hid.", "en", "Hayat Tahrir al-Sham"),
        ("هربنا من الرقة لما دخلت داعش", "ar", "داعش"),
        ("الحوثيين اخذوا اخوي من صنعاء", "ar", "الحوثيين"),
    ],
)
def test_a_named_group_is_an_organisation(text: str, language: str, group: str) -> None:
    assert kinds_at(text, group, language) == ["organisation"]
    # Found on its own below the guard; a guess that was surer keeps its confidence.
    found = [s for s in find_known_organisations(text) if s.text == group]
    assert found and all(s.confidence < HIGH_CONFIDENCE for s in found)


def test_a_persons_name_the_lists_share_keeps_its_confidence() -> None:
    text = "My neighbour Isis Haqqani hid us."  # capitalised: a given and a family name
    assert find_known_organisations(text) == []
    assert "person" in kinds_at(text, "Isis Haqqani", "en")


@pytest.mark.parametrize(
    "text",
    [
        "Mi hermano trabaja en el barrio 19 de Mejicanos.",  # no gang of that number
        "The rsf was high in Kano, she said.",  # an acronym in lower case, in a text with capitals
        "قالوا الشباب راحوا على القاعدة",  # the youth, the base: everyday words
        "My manager Mr Wagner paid us late.",  # a family name
        "los lobos nos atacaron en el cerro",  # wolves
        "J'étais SDF à Paris pendant un an.",  # homeless
        "Vivo en el Barrio 18 de Mayo, casa 4.",  # a neighbourhood
        "نیروهای طالبانی آمدند",  # a Kurdish family name, not the Taliban
    ],
)
def test_no_group(text: str) -> None:
    assert find_known_organisations(text) == []


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("la croix rouge nous donne a manger a trapani", "fr", "croix rouge"),
        ("Cáritas de Tapachula nos dio ropa y comida.", "es", "Cáritas"),
        ("She was referred to the Refugee Council in Leeds.", "en", "Refugee Council"),
        ("the nrc lady gave us a tent in arsal", "en", "nrc"),
        ("MSF nos atendió en el Darién.", "es", "MSF"),
    ],
)
def test_an_aid_organisation_is_an_organisation(text: str, language: str, name: str) -> None:
    assert kinds_at(text, name, language) == ["organisation"]


def test_united_nations_agencies_stay_unlabelled() -> None:
    assert find_known_organisations("El ACNUR y la OIM nos ayudaron; UNHCR too.") == []
