"""A name that starts a sentence and then who they are, with no comma (moderation/redaction/
appositive_names.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect
from moderation.redaction.appositive_names import find_appositive_names


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("fr", "aminata ma soeur est restee a conakry.", "aminata"),
        ("en", "Tesfay my cousin stayed in Khartoum.", "Tesfay"),
        ("es", "yurleidis mi prima se quedo en cucuta.", "yurleidis"),
    ],
)
def test_a_name_then_who_they_are(language: str, text: str, name: str) -> None:
    assert [s.text for s in find_appositive_names(text, language)] == [name]
    assert (name, "person") in [(s.text, s.kind) for s in detect(text, language=language)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # the relation's own name follows it: the first word is no name
        ("en", "alhamdulillah my daughter sweetie goes to school now."),
        ("es", "Acompañan su hija Fe y su nieto."),
        # "de" after the relation: "Rosa mi vecina de" is left to the other detectors
        ("es", "rosalba mi vecina de tegucigalpa me ayudo."),
    ],
)
def test_no_name_without_what_they_did(language: str, text: str) -> None:
    assert find_appositive_names(text, language) == []
