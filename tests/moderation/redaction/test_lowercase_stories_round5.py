"""Stories written in lower case with an acronym or a case number in capitals, common-word
names after a kin cue or a naming verb, titles of clergy and respect, markets and journey
verbs before a place (issue 15, fifth round). Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from moderation.redaction.scan import written_in_lower_case


def _found(text: str, language: str) -> dict[str, tuple[str, float]]:
    """The suggested texts, each with its kind and confidence."""
    return {s.text: (s.kind, s.confidence) for s in detect(text, language=language)}


@pytest.mark.parametrize(
    ("text", "lower"),
    [
        ("mi tia vive en la colonia", True),
        ("la ONU nos dio una carta con el numero GT-2023-88120", True),
        ("i think I was 12 when we left", True),
        # A phone capitalises the first word of a sentence or a line, and the English "I".
        ("Mi tia vive en la colonia", True),
        ("Nos fuimos en mayo. Ahora vivo con pedro.\n¿Y tu? Saludos a nidia", True),
        ("I'm ok now, i live with amina and I work", True),
        ("Mi tia Rosa vive en la colonia", False),
        ("Nos fuimos. Ahora vivo con Pedro", False),
        ("la Cruz Roja nos dio una carta", False),
        ("ONU ACNUR OIM UNICEF nos ayudaron", False),  # more capitals than a few acronyms
    ],
)
def test_written_in_lower_case(text: str, lower: bool) -> None:
    assert written_in_lower_case(text) is lower


def test_a_case_number_in_capitals_leaves_a_story_in_lower_case() -> None:
    found = _found(
        "en el albergue jardin nos atendio el padre ramon. mi caso es MX-2022-55104", "es"
    )
    assert found["ramon"][0] == "person"
    assert any(text.startswith("albergue") for text in found)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("my son gift was only four when we left", "en", "gift"),
        ("ma soeur espoir est restee au pays", "fr", "espoir"),
        ("mon grand frere bienvenu avait une moto", "fr", "bienvenu"),
        ("a la bebe le pusimos milagros por mi abuela", "es", "milagros"),
        ("Le pasteur Dieudonné priait avec nous.", "fr", "Dieudonné"),
        ("La licenciada Esperanza nos escuchó.", "es", "Esperanza"),
    ],
)
def test_common_word_names_after_a_cue(text: str, language: str, name: str) -> None:
    found = _found(text, language)
    assert found[name][0] == "person"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("my son died in the desert", "en"),
        ("mi hermano mayor es chofer", "es"),
        ("mon frere etait malade", "fr"),
        ("le pusieron suero en la clinica", "es"),
    ],
)
def test_kin_words_and_verbs_are_not_names(text: str, language: str) -> None:
    assert not [kind for kind, _ in _found(text, language).values() if kind == "person"]


def test_common_word_names_stay_below_the_guard() -> None:
    found = _found("my daughter favour was born in the camp", "en")
    assert found["favour"][1] < HIGH_CONFIDENCE


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("vendia ropa en el mercado la esperanza de zona 1", "es", "la esperanza"),
        ("we fled torit when the fighting came", "en", "torit"),
        ("after that we crossed kassala at night", "en", "kassala"),
    ],
)
def test_markets_and_journey_verbs_name_places(text: str, language: str, place: str) -> None:
    found = _found(text, language)
    assert any(place in t and kind == "place" for t, (kind, _) in found.items()), found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nos quedamos en Ocosingo Chico con mi hermana.", "place"),
        ("Le dejé la carta a Marta Gómez en la oficina.", "person"),
    ],
)
def test_two_capitalised_words_after_a_locative(text: str, kind: str) -> None:
    found = _found(text, "es")
    assert any(" " in t and k == kind for t, (k, _) in found.items()), found


def test_saint_names_and_numbered_shelters() -> None:
    found = _found("vivia en la colonia santa lucia tepeyac y comia en el comedor la 33", "es")
    assert found["santa lucia tepeyac"][0] == "place"
    assert found["comedor la 33"][0] == "organisation"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("despues nos pasaron a sonora en un camion", "sonora"),
        ("estuvimos en tijuana casi un año", "tijuana"),
    ],
)
def test_states_and_cities_after_verbs_of_staying(text: str, place: str) -> None:
    assert _found(text, "es")[place][0] == "place"


def test_an_ordinary_word_after_a_verb_of_staying_is_no_place() -> None:
    assert not _found("estuvimos en paz un tiempo", "es")


def test_a_region_of_ordinary_words_after_a_place_preposition() -> None:
    found = _found("We walked for a week to reach a camp in Plateau State.", "en")
    assert found["Plateau State"][0] == "place"


def test_the_next_stop_after_after() -> None:
    found = _found("after kassala we went north, after lunch we rested", "en")
    assert found["kassala"][0] == "place"
    assert "lunch" not in found
