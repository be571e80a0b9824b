"""Nationalities are told by their shape (moderation/redaction/nationalities.py): a country's
name from the CLDR, perhaps cut short, and a nationality ending. Words written for these
tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect
from moderation.redaction.nationalities import is_nationality, is_people


@pytest.mark.parametrize(
    "word",
    [
        "Eritrean",
        "Sudanese",
        "Iraqi",
        "hondureña",
        "guatemalteco",
        "Congolais",
        "Burundaise",
        "Tchadien",
        "Syrians",
        "salvadoreño",
        "érythréen",
        "Afghan",
        "Afghans",
        "Pakistani",
        "Congolese",  # "Congo" and "-lese"
        "Burmese",  # CLDR writes "Myanmar (Burma)"
    ],
)
def test_nationalities(word: str) -> None:
    assert is_nationality(word)


@pytest.mark.parametrize(
    "word", ["Adrian", "Christian", "Dominic", "Indira", "Mariana", "Jordan", "Sudan", "Ximena"]
)
def test_names_and_countries_are_no_nationalities(word: str) -> None:
    assert not is_nationality(word)


@pytest.mark.parametrize("word", ["Hazara", "Hazaras", "Kurds", "Tutsi", "Yazidis", "Tigrayans"])
def test_peoples_that_are_no_nationality(word: str) -> None:
    assert is_people(word)


@pytest.mark.parametrize(
    "word", ["Eritrean", "Jordanians", "Hondurans", "Tigrayan", "Hazaras", "Congolese", "Burmese"]
)
def test_a_nationality_or_a_people_alone_is_nobody_s_name(word: str) -> None:
    text = f"In the camp the {word} soldiers took my brother."
    assert [s.text for s in detect(text, language="en")] == []


def test_a_given_name_with_a_nationality_s_shape_is_still_a_name() -> None:
    # "Georgina" is "Georgia" cut short and "-ina", and a given name of the lists.
    text = "Yesterday Georgina took my brother to the clinic."
    assert "Georgina" in [s.text for s in detect(text, language="en") if s.kind == "person"]
