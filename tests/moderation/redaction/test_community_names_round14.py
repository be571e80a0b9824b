"""Given names the fourteenth round's stories used that the lexicon lacked (issue 15): Ivorian
and Senegalese names, an Eritrean one, French names of older generations, Congolese word-names;
and the everyday words among such names ("gloire", "nada", "fiston") left out, so that the leak
guard still treats them as the words they are. Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect
from moderation.redaction.name_lexicon import is_given_name


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("appelle koffi au plus vite stp c lui qui sait", "fr", "koffi"),
        ("dis a tantine odile que tout va bien", "fr", "odile"),
        ("hey mehret im at the shelter now, they say bus tomorrow", "en", "mehret"),
        ("fais bcp de bisous a merveille stp", "fr", "merveille"),
    ],
)
def test_a_community_name_in_a_phone_message(text: str, language: str, name: str) -> None:
    assert name in [s.text for s in detect(text, language=language) if s.kind == "person"]


@pytest.mark.parametrize(
    "word", ["gloire", "nada", "alpha", "divine", "pape", "fiston", "bienvenu", "bijou"]
)
def test_a_frequent_word_is_not_listed_as_a_name(word: str) -> None:
    assert not is_given_name(word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Estable, duerme mejor. Alejandra relata que desde los quince años trabaja.", "Alejandra"),
        ("Suivi du 3 mars. Georges raconte qu'il a quitté Goma en 2019.", "Georges"),
    ],
)
def test_a_frequent_given_name_before_a_reporting_verb(text: str, name: str) -> None:
    """A given name that is also frequent in its language ("alejandra" 3.7 in Spanish) starts
    a sentence as a name when a case note's reporting verb follows it."""
    assert name in [s.text for s in detect(text) if s.kind == "person"]


def test_a_place_before_a_reporting_verb_after_a_comma_stays_a_place() -> None:
    found = detect("Vivía en Choloma, relata que allí la amenazaron.", language="es")
    assert [s.kind for s in found if s.text == "Choloma"] == ["place"]
