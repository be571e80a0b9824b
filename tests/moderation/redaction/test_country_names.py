"""Countries by their Spanish, French and English names (CLDR through Babel), in any case.
Sentences written for these tests."""

from __future__ import annotations

from moderation.redaction import HIGH_CONFIDENCE
from moderation.redaction.country_names import find_countries


def _found(text: str) -> list[str]:
    return [s.text for s in find_countries(text)]


def test_spanish_and_french_names_in_any_case() -> None:
    assert _found("Nos fuimos para Estados Unidos y luego a Canadá.") == [
        "Estados Unidos",
        "Canadá",
    ]
    assert _found("son père est resté en libye avec ses frères") == ["libye"]
    assert _found("on est passés par l'Allemagne") == ["Allemagne"]


def test_an_ordinary_word_needs_a_capital_or_a_preposition() -> None:
    assert _found("we bought a guinea pig for the children") == []
    assert _found("I met him in Guinea") == ["Guinea"]


def test_below_the_leak_guard() -> None:
    assert all(s.confidence < HIGH_CONFIDENCE for s in find_countries("vengo de Honduras"))
