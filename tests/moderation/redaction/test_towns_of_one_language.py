"""Towns whose name is frequent in one language only, as a town's name is in its country's
("Bobigny" in French, "Dover" in English), and no frequent word: the gazetteer keeps those of
10,000 inhabitants and more (issue 15, fourteenth round), where it had kept only the names
that were rare in every language or big cities'. Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect
from moderation.redaction.gazetteer import load_gazetteer


@pytest.mark.parametrize("town", ["bobigny", "dover", "dunkirk", "benidorm"])
def test_the_gazetteer_has_the_town(town: str) -> None:
    assert load_gazetteer().latin.get(town, 0) >= 10_000


@pytest.mark.parametrize(
    ("text", "language", "town"),
    [
        ("Tomorrow we try the lorries to Dover again.", "en", "Dover"),
        ("slt maman, jsuis bien arrivee a bobigny tkt, ctait long", "fr", "bobigny"),
    ],
)
def test_the_town_is_a_place(text: str, language: str, town: str) -> None:
    assert town in [s.text for s in detect(text, language=language) if s.kind == "place"]
