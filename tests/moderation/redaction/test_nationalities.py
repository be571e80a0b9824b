"""Nationalities are told by their shape (moderation/redaction/nationalities.py): a country's
name from the CLDR, perhaps cut short, and a nationality ending. Words written for these
tests."""

from __future__ import annotations

import pytest

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
    ],
)
def test_nationalities(word: str) -> None:
    assert is_nationality(word)


@pytest.mark.parametrize(
    "word", ["Adrian", "Christian", "Dominic", "Indira", "Mariana", "Jordan", "Sudan", "Ximena"]
)
def test_names_and_countries_are_no_nationalities(word: str) -> None:
    assert not is_nationality(word)
