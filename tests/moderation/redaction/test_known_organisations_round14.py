"""Known organisations of the fourteenth round (issue 15): a group's name after French "d'",
"l'" or "ex-" ("d'Imbonerakure", "l'ex-Séléka"), and groups and charities the round's stories
named that the lists lacked. Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction.known_organisations import find_known_organisations


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Des combattants de l'ex-Séléka l'ont contraint à les soigner.", "Séléka"),
        ("Une dizaine d'Imbonerakure sont venus chez nous.", "Imbonerakure"),
        ("Les Forces de soutien rapide ont brûlé le marché.", "Forces de soutien rapide"),
        ("In 1993 fighters of ULIMO entered the town.", "ULIMO"),
        ("My brother was taken by the LTTE to fight.", "LTTE"),
        ("Meeting the caseworker at the Salvation Army was a blessing.", "Salvation Army"),
    ],
)
def test_a_known_organisation(text: str, name: str) -> None:
    assert name in [s.text for s in find_known_organisations(text)]


def test_a_name_inside_a_word_after_an_apostrophe_is_none() -> None:
    assert find_known_organisations("C'est aujourd'hamas qu'il part.") == []


def test_texting_shorthand_is_no_acronym_of_a_group() -> None:
    """ "tlp" is French texting for "tout le peuple" / "tu le peux", not Pakistan's TLP."""
    assert find_known_organisations("tlp je t appelle ce soir") == []
