"""Nationalities are told by their shape (moderation/redaction/nationalities.py): a country's
name from the CLDR, perhaps cut short, and a nationality ending. Words written for these
tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect
from moderation.redaction.nationalities import is_nationality


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


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("We stayed three days and Ghani found us a car.", "Ghani"),
        ("Après deux jours, Chadi m'a appelé.", "Chadi"),
    ],
)
def test_a_name_with_a_nationality_s_shape_is_still_found(sentence: str, name: str) -> None:
    assert name in [s.text for s in detect(sentence) if s.kind == "person"]
