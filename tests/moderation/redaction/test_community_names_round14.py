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
