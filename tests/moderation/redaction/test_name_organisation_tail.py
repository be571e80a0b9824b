"""A person and then an organisation joined by "de" (moderation/redaction/
name_organisation_tail.py): two suggestions, not one person's name; a family name after "de"
(and an article) stays in the name. Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.kind) for s in detect(text, language="es")]


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "Me atendió la abogada Marisol Peña de Refugio Seguro Internacional.",
            "Marisol Peña",
            "Refugio Seguro Internacional",
        ),
        ("El licenciado Óscar de ACNUR revisó mi caso.", "Óscar", "ACNUR"),
        (
            "La trabajadora social Irene Soto de Manos Unidas me llamó.",
            "Irene Soto",
            "Manos Unidas",
        ),
    ],
)
def test_staff_and_their_organisation(text: str, person: str, organisation: str) -> None:
    found = _kinds(text)
    assert (person, "person") in found
    assert (organisation, "organisation") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mi vecina Rosa Pérez de León nos cuidó.", "Rosa Pérez de León"),
        ("Conocí a Ana Gómez de Ruiz en el albergue.", "Ana Gómez de Ruiz"),
        # with an article after "de" (name_tokens): the family name is not left out
        ("Mi vecina Rosa María de la Torre nos cuidó.", "Rosa María de la Torre"),
        ("El señor Luis Alberto de los Santos me dio trabajo.", "Luis Alberto de los Santos"),
    ],
)
def test_a_family_name_after_de_stays_in_the_name(text: str, name: str) -> None:
    start = text.index(name)
    covering = [s for s in detect(text, language="es") if s.start <= start < s.end]
    assert [(s.text, s.kind) for s in covering] == [(name, "person")]
