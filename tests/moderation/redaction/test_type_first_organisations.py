"""English organisations named after their type word (moderation/redaction/
type_first_organisations.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect
from moderation.redaction.type_first_organisations import find_type_first_organisations


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            "They hired me through the agency Golden Hands Recruitment in Amman.",
            "Golden Hands Recruitment",
        ),
        ("We slept at the hostel Villa Nadia for a week.", "Villa Nadia"),
        ("the shelter brave wings gave us beds", "brave wings"),
    ],
)
def test_an_organisation_after_its_type_word(text: str, organisation: str) -> None:
    assert [s.text for s in find_type_first_organisations(text)] == [organisation]
    start = text.index(organisation)
    assert [s.kind for s in detect(text, language="en") if s.start <= start < s.end] == [
        "organisation"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "At the shelter Maria ran we slept on the floor.",  # a clause, led by a given name
        "I went to the church Sunday Morning service.",  # a frequent word
        "We waited at the shelter Tuesday.",  # one word
        "the church saint near the port",  # lower case: a frequent word ends the name
    ],
)
def test_a_clause_or_a_frequent_word_is_no_name(text: str) -> None:
    assert find_type_first_organisations(text) == []
