"""Small places named after a place word ("el barrio la pradera", "le quartier Matonge") and
organisations after a type word and an article ("la panadería la espiga"), in any case.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from moderation.redaction.place_words import find_place_words


def _places(text: str, language: str = "es") -> dict[str, float]:
    return {s.text: s.confidence for s in find_place_words(text, language)}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("vivíamos en la vereda el salado, cerca del río", "el salado"),
        ("nos fuimos de la colonia el carmen porque amenazaron a mi esposo", "el carmen"),
        ("mi primo vivía en el barrio kennedy con su mamá", "kennedy"),
        ("Nací en la aldea Las Flores, municipio de Chiquimula.", "Las Flores"),
        ("Después llegamos a Ciudad Hidalgo y cruzamos el río.", "Ciudad Hidalgo"),
        ("On vivait au quartier Matonge avec ma tante.", "Matonge"),
        ("we lived in the village of kafr nabl until the bombing", "kafr nabl"),
    ],
)
def test_a_place_after_a_place_word(text: str, place: str) -> None:
    assert _places(text)[place] < HIGH_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    [
        "el pueblo de mi mamá era pequeño",
        "the camp was full and the village was empty",
        "la colonia donde vivíamos ya no existe",
        "El pueblo entero salió a la calle.",
    ],
)
def test_no_place_without_a_name(text: str) -> None:
    assert _places(text) == {}


def test_an_organisation_after_a_type_word_and_an_article() -> None:
    text = "yo trabajaba en la panadería la espiga y los sábados descansaba"
    orgs = [s.text for s in detect(text, language="es") if s.kind == "organisation"]
    assert any("espiga" in o for o in orgs)
    text = "On allait à l'église la Réconciliation le dimanche."
    orgs = [s.text for s in detect(text, language="fr") if s.kind == "organisation"]
    assert any("Réconciliation" in o for o in orgs)


def test_no_organisation_from_a_common_word_after_the_article() -> None:
    text = "fui a la escuela la semana pasada con mi hija"
    assert not [s for s in detect(text, language="es") if s.kind == "organisation"]


def test_a_capitalised_port_and_a_known_place_after_a_place_word() -> None:
    assert "Puerto Barrios" in _places("A él lo desaparecieron en Puerto Barrios en el 2019.")
    assert "guadalupe" in _places("nos corrió de la casa en la colonia guadalupe y nos fuimos")


def test_a_known_place_after_spanish_a_and_por_but_not_an_article() -> None:
    text = "llegamos a matamoros un martes y pasamos por reynosa"
    places = [s.text for s in detect(text, language="es") if s.kind == "place"]
    assert "matamoros" in places and "reynosa" in places
    text = "le dimos de comer a los niños"
    assert not [s for s in detect(text, language="es") if s.kind == "place"]


@pytest.mark.parametrize(
    ("text", "place", "language"),
    [
        ("nos mudamos a la residencial los robles en el 2020", "los robles", "es"),
        ("vivian en el fraccionamiento Villas del Sol, cerca del canal", "Villas del Sol", "es"),
        ("j'habitais dans le secteur Tanghin avec ma tante", "Tanghin", "fr"),
        ("mwen te rete nan katye Fontamara ak manman m", "Fontamara", "fr"),
    ],
)
def test_more_place_words(text: str, place: str, language: str) -> None:
    assert _places(text, language)[place] < HIGH_CONFIDENCE


def test_a_place_word_before_a_number_or_a_common_word_names_nothing() -> None:
    assert _places("el secteur 6 y la residencial grande de alla") == {}
