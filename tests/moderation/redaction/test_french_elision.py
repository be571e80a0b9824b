"""A capitalised name right after the French elided "d'" or "l'" ("parti d'Abidjan", "venue
d'Alep"), which the word "d'Abidjan" used to hide from the capitalised-run detectors (issue 15).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.moderation.suggestions import kinds_at


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Je suis partie d'Abidjan en 2019 avec mes enfants.", "Abidjan", "place"),
        ("Nous sommes venus d'Alep, du quartier Salaheddine.", "Alep", "place"),
        ("Il est originaire d'Abéché, à l'est du Tchad.", "Abéché", "place"),
        ("Le frère d'Ousmane nous a hébergés à Rouen.", "Ousmane", "person"),
    ],
)
def test_a_name_after_an_elided_article(text: str, name: str, kind: str) -> None:
    assert kind in kinds_at(text, name, "fr")


def test_a_name_with_an_elision_inside_stays_whole() -> None:
    text = "Elle vient de Côte d'Ivoire."
    assert kinds_at(text, "Côte d'Ivoire", "fr") == ["place"]
