"""Countries written as their initials, in capitals, and the nations of the United Kingdom
(issue 15, fourteenth round): "the UK" was missed in three of the round's English stories,
"vers angleterre" in a French one. "US" is one only after "the". Sentences written for these
tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect
from moderation.redaction.country_names import find_countries


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("She reached the UK in 2021 hidden in a lorry.", "UK"),
        ("My cousin drove trucks in the UAE for six years.", "UAE"),
        ("We fled the DRC when I was nine.", "DRC"),
        ("Then the US sent us back to Mexico.", "US"),
        ("The US refused my visa.", "US"),
    ],
)
def test_a_country_by_its_initials(text: str, country: str) -> None:
    assert country in [s.text for s in find_countries(text)]


@pytest.mark.parametrize(
    "text", ["PLEASE HELP US, WE HAVE NO FOOD", "our UK-based cousin", "the US$ account"]
)
def test_initials_that_are_no_country_here(text: str) -> None:
    assert find_countries(text) == []


@pytest.mark.parametrize(
    ("text", "nation"),
    [
        ("demain on essaie le camion vers angleterre, dis rien a maman", "angleterre"),
        ("My son is in England now.", "England"),
        ("mi hermano vive en gales del norte, en pais de gales", "pais de gales"),
    ],
)
def test_a_nation_of_the_united_kingdom(text: str, nation: str) -> None:
    assert nation in [s.text for s in find_countries(text)]


def test_a_country_by_its_initials_is_no_organisation() -> None:
    [found] = [s for s in detect("We fled from the DRC in 2019.", language="en") if s.text == "DRC"]
    assert found.kind == "place"
