"""Places written in lower case, as survivors write them on a phone (name_lowercase,
name_parts, the gazetteer): towns made of common Spanish words, big cities whose name is a
frequent word after a verb of arriving or living, the next stops of a journey, rare words after
"at" or Haitian Creole "depi"; and ordinary phrases that stay no place. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from moderation.redaction.gazetteer import load_gazetteer


def _places(text: str, language: str = "es") -> dict[str, float]:
    return {s.text: s.confidence for s in detect(text, language=language) if s.kind == "place"}


def test_towns_made_of_common_words_are_in_the_gazetteer() -> None:
    places = load_gazetteer().latin
    for town in ("san marcos", "tierra blanca", "nuevo laredo", "san pedro sula", "buenos aires"):
        assert places.get(town, 0) >= 1_000, town
    assert "la place" not in places  # French "instead": a phrase first


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("nos agarraron en tierra blanca y nos regresaron", "tierra blanca"),
        ("mi cuñado vive en san vicente con su familia", "san vicente"),
        ("cuando llegue a monterrey no conocia a nadie", "monterrey"),
        ("vivimos en veracruz dos años en un cuarto", "veracruz"),
        ("pasamos por tapachula y despues huixtla, ixtepec y asi", "huixtla"),
        ("pasamos por tapachula y despues huixtla, ixtepec y asi", "ixtepec"),
        ("despues de tapachula, ixtepec. ahi nos quedamos", "ixtepec"),
        ("my aunt was living at kawangware with her kids", "kawangware"),
        ("mwen soti depi jacmel ak pitit mwen", "jacmel"),
        # a town whose name starts with an article, after a preposition or "a"
        ("mi hermana vive en la ceiba con sus hijos", "la ceiba"),
        ("de ahi nos fuimos a las cruces en camion", "las cruces"),
        ("ahora estamos en lima y trabajo en un mercado", "lima"),  # "estamos en": living
        ("after that we leave mariupol with the bus", "mariupol"),  # a second-language present
        ("on est passe par nouadhibou avec le bateau", "nouadhibou"),
    ],
)
def test_lower_case_places(text: str, place: str) -> None:
    assert place in _places(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("je suis restée à la place de ma sœur", "place"),
        ("llegamos a tiempo para el bus", "tiempo"),
        ("vivimos en paz un tiempo", "paz"),
        ("me quedé con mi hija, luego nos fuimos", "luego"),
        ("we stayed at night in the church", "night"),
        ("los muchachos se escondian en el monte", "monte"),  # the bush; El Monte, California
        ("nos dieron trabajo a los cipotes del barrio", "los"),  # "Los" is a place somewhere
        ("le pregunte el numero de cedula a la señora", "cedula"),  # "cédula" without accent
    ],
)
def test_ordinary_words_after_those_cues_are_no_places(text: str, word: str) -> None:
    assert not any(word in p for p in _places(text, "fr" if "je" in text else "es"))


def test_lower_case_places_stay_below_the_guard() -> None:
    found = _places("cuando llegue a monterrey y despues saltillo, torreon")
    assert found and all(c < HIGH_CONFIDENCE for c in found.values())


@pytest.mark.parametrize(
    ("text", "place", "language"),
    [
        ("Mi tía vive en Pueblo Nuevo, en Guerrero, con sus nietos.", "Guerrero", "es"),
        ("Nous habitions à Carrefour-Feuilles avant les gangs.", "Carrefour-Feuilles", "fr"),
    ],
)
def test_ordinary_words_capitalised_after_en_or_a_are_a_place_below_the_guard(
    text: str, place: str, language: str
) -> None:
    found = _places(text, language)
    assert place in found and found[place] < HIGH_CONFIDENCE
