"""First-level regions (states, departments, provinces, governorates) from ISO 3166-2 through
pycountry (subdivisions.py, the gazetteer build), French and Spanish prepositions with their
article glued on ("du", "au", "dans l'", "del") and hyphenated names in lower case; and regions
whose name is an ordinary word, which stay below the leak guard. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from moderation.redaction.gazetteer import load_gazetteer
from moderation.redaction.subdivisions import subdivision_names


def _places(text: str, language: str) -> dict[str, float]:
    return {s.text: s.confidence for s in detect(text, language=language) if s.kind == "place"}


def test_subdivision_names_hold_short_forms() -> None:
    names = set(subdivision_names())
    assert {"Alta Verapaz", "Táchira", "Olancho", "Nord-Kivu", "Artibonite"} <= names
    assert "Michoacán" in names  # from "Michoacán de Ocampo"
    assert "Ḩasakah" in names  # from "Al Ḩasakah", the article dropped


def test_regions_are_in_the_gazetteer_but_not_very_common_words() -> None:
    places = load_gazetteer().latin
    for region in ("alta verapaz", "tachira", "olancho", "zulia", "putumayo", "artibonite"):
        assert places.get(region, 0) >= 1_000, region
    for word in ("centre", "nord", "norte", "meta", "valle"):
        assert places.get(word, 0) < 100_000, word  # no region makes them a sure place


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("Mi tía vive en Barinas con sus nietos.", "es", "Barinas"),
        ("Crecimos en Alta Verapaz, cerca de un río.", "es", "Alta Verapaz"),
        ("mi suegro es de olancho y no quiere salir", "es", "olancho"),
        ("trabajamos en una finca del putumayo dos años", "es", "putumayo"),
        ("ma mere est restee du cote de ngozi", "fr", "ngozi"),
        ("on cultivait du mais dans l'artibonite avant", "fr", "artibonite"),
        ("mon oncle habite au nord-kivu depuis la guerre", "fr", "nord-kivu"),
        ("on a dormi une semaine a port-au-prince chez une amie", "fr", "port-au-prince"),
        ("We came from Ghazni by bus.", "en", "Ghazni"),
    ],
)
def test_regions_are_places(text: str, language: str, place: str) -> None:
    assert place in _places(text, language)


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("Je suis allée au centre pour les papiers.", "fr", "centre"),
        ("On est partis vers le Nord en camion.", "fr", "Nord"),
        ("La meta era llegar antes de la noche.", "es", "meta"),
        ("il est allé au marché acheter du pain dans la cuisine", "fr", "pain"),
        ("compramos pan del dia y nos fuimos", "es", "dia"),
    ],
)
def test_ordinary_words_stay_below_the_guard(text: str, language: str, word: str) -> None:
    found = _places(text, language)
    assert all(c < HIGH_CONFIDENCE for p, c in found.items() if word.lower() in p.lower())


def test_a_region_that_is_a_frequent_word_stays_below_the_guard() -> None:
    # "Chiapas" and "Mono" are frequent Spanish words (Zipf 4.1): a place, not a sure one.
    found = _places("Mi familia es de Chiapas. Mono se llamaba el perro.", "es")
    assert found.get("Chiapas", 0) > 0
    assert all(c < HIGH_CONFIDENCE for c in found.values())


def test_a_region_named_like_a_person_is_left_to_the_name_lists() -> None:
    assert "Kara" not in set(subdivision_names())  # a Togolese region, and a given name
    found = {s.text: s.kind for s in detect("Conocí a Chuy en el albergue.", language="es")}
    assert found.get("Chuy") == "person"
