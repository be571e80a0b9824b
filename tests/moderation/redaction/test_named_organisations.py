"""Organisations named by a type word (moderation/redaction/named_organisations.py): type words
written without accents, public offices, and the town after "de" left out of the name.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect
from moderation.redaction.named_organisations import find_named_organisations


def _organisations(text: str, language: str = "es") -> list[str]:
    return [s.text for s in find_named_organisations(text, language)]


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("trabaje en la panaderia el trigal, me pagaban poco", "panaderia el trigal"),
        ("nos encerraron en la estacion migratoria las agujas", "estacion migratoria las agujas"),
        ("La pulpería Doña Tina cerraba a las seis.", "pulpería Doña Tina"),
        ("j'étais au lycee saint-exupery en seconde", "lycee saint-exupery"),
        ("Fui al consulado General de México a pedir ayuda.", "consulado General de México"),
        ("I have a letter from the Norwegian Embassy about it.", "Norwegian Embassy"),
        ("trabajaba en la ferreteria el tornillo de mi tio", "ferreteria el tornillo"),
    ],
)
def test_type_words(text: str, organisation: str) -> None:
    assert organisation in _organisations(text)


def test_the_town_after_de_is_not_part_of_the_name() -> None:
    text = "La parroquia San Judas de Huixtla nos recibió."
    assert _organisations(text) == ["parroquia San Judas"]
    kinds = {s.text: s.kind for s in detect(text, language="es")}
    assert kinds.get("Huixtla") == "place"


def test_a_name_with_de_that_is_no_town_stays_whole() -> None:
    text = "Estudiaba en la escuela Fuente de Vida con mis primos."
    assert _organisations(text) == ["escuela Fuente de Vida"]


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            "La Asociación de Mujeres Tejedoras de Sololá nos dio trabajo.",
            "Asociación de Mujeres Tejedoras",
        ),
        ("El Consulado de Honduras en Houston no contestaba.", "Consulado de Honduras"),
        ("fuimos a la defensoria del pueblo a denunciar", "defensoria del pueblo"),
    ],
)
def test_a_name_may_start_with_de_after_its_type_word(text: str, organisation: str) -> None:
    assert organisation in _organisations(text)


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Nos atendió Médicos Sin Fronteras en la frontera.", "Médicos Sin Fronteras"),
        ("une dame de avocats sans frontieres m'a aidee", "avocats sans frontieres"),
        ("The lawyer from Sin Fronteras found her.", "Sin Fronteras"),
    ],
)
def test_without_borders_is_the_shape_of_an_organisations_name(
    text: str, organisation: str
) -> None:
    assert organisation in [s.text for s in detect(text) if s.kind == "organisation"]


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Trabajaba en la pescadería Los Delfines del puerto.", "pescadería Los Delfines"),
        ("La atendieron en el centro de salud Esperanza Viva.", "centro de salud Esperanza Viva"),
        ("mi hija va a la primaria benito juarez de la colonia", "primaria benito juarez"),
        ("cortaba cafe en la finca el porvenir con mi papa", "finca el porvenir"),
    ],
)
def test_workplaces_schools_and_clinics(text: str, organisation: str) -> None:
    assert organisation in _organisations(text)


def test_a_capitalised_type_word_before_a_town_is_the_name() -> None:
    text = "Lo vio un médico del Centro de Salud de Tapachula."
    assert _organisations(text) == ["Centro de Salud"]


def test_a_persons_title_after_de_ends_the_name() -> None:
    text = "mi papa trabajaba en la finca de cafe de don memo en corquin"
    assert _organisations(text) == ["finca de cafe"]
    assert "person" in {s.kind for s in detect(text, language="es") if "memo" in s.text}


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Trabajó dos años en la pescadería El Tiburón Azul.", "El Tiburón Azul"),
        ("Su hijo estudia en la primaria Ignacio Zaragoza.", "Ignacio Zaragoza"),
    ],
)
def test_a_name_inside_an_organisations_name_is_the_organisation(text: str, part: str) -> None:
    start = text.index(part)
    found = [s for s in detect(text, language="es") if s.start <= start < s.end]
    assert [s.kind for s in found] == ["organisation"]


def test_a_city_named_like_a_frequent_word_ends_the_name() -> None:
    text = "Je dormais au foyer Arc-en-Ciel de Saint-Denis avec mes enfants."
    assert _organisations(text, "fr") == ["foyer Arc-en-Ciel"]
    assert {s.text: s.kind for s in detect(text, language="fr")}.get("Saint-Denis") == "place"
