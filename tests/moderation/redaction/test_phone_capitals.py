"""Stories typed on a phone that capitalises by itself (the first word of a sentence or a line,
the English "I") are read as written in lower case: the names in them are found as in the same
story typed all in lower case (issue 15). Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect
from tests.moderation.suggestions import kinds_at


def _names(text: str, language: str) -> set[tuple[str, str]]:
    """The (lower-cased text, kind) of every person, place and organisation suggested."""
    return {
        (s.text.lower(), s.kind)
        for s in detect(text, language=language)
        if s.kind in ("person", "place", "organisation")
    }


@pytest.mark.parametrize(
    ("typed", "language", "expected"),
    [
        (
            "Nos fuimos de choloma en marzo. Mi cuñado wilmer nos llevo hasta tapachula.",
            "es",
            {"choloma", "wilmer", "tapachula"},
        ),
        (
            "Je suis arrivee a lyon avec mon fils. Ma voisine rokia m'a aidee.",
            "fr",
            {"lyon", "rokia"},
        ),
        (
            "I stayed in kakuma for 3 years. My friend deng helped me.\nThanks to achol too",
            "en",
            {"kakuma", "deng", "achol"},
        ),
    ],
)
def test_a_phones_capitals_lose_no_name(typed: str, language: str, expected: set[str]) -> None:
    lower = {text for text, _ in _names(typed.lower(), language)}
    capitalised = {text for text, _ in _names(typed, language)}
    assert all(any(word in found.split() for found in lower) for word in expected)
    assert capitalised == lower


def test_an_acronym_in_a_lower_case_story_is_an_organisation() -> None:
    text = "me atendio la COMAR en tapachula"
    assert kinds_at(text, "COMAR", "es") == ["organisation"]


@pytest.mark.parametrize(
    ("text", "word", "is_name"),
    [
        ("my father retired at the age of 66", "retired", False),
        ("My father retired at the age of 66", "retired", False),  # "My": a phone's capital
        ("my sister worked in a hotel in beirut", "worked", False),
        ("my father hamed died in the prison", "hamed", True),
    ],
)
def test_a_verb_in_the_past_after_a_kin_word_is_no_name(
    text: str, word: str, is_name: bool
) -> None:
    assert ("person" in kinds_at(text, word, "en")) is is_name


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Mi hermano vendía pan. Mi padre trabajaba.", "trabajaba"),  # kin, not "padre" the title
        ("Mi hermano vendía pan. Mi padre trabajaba.", "vendía"),  # the imperfect in -ía
    ],
)
def test_a_sentence_case_story_makes_no_name_of_a_verb(text: str, word: str) -> None:
    assert "person" not in kinds_at(text, word, "es")
