"""Given names of the Sahel, the Horn of Africa, South Sudan, the Great Lakes and Afghanistan,
and Arabic names in Latin letters, which Faker's locales lack, are listed names: found alone in
a lower-case message (issue 15, thirteenth round). Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction.name_lexicon import is_given_name
from tests.moderation.suggestions import kinds_at


@pytest.mark.parametrize("name", ["Ousmane", "Kadiatou", "Tesfaye", "Nimco", "Majok", "Uwimana"])
def test_listed(name: str) -> None:
    assert is_given_name(name)


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("sekou est reste a gao avec les enfants", "sekou", "fr"),
        ("they sent robel back to khartoum", "robel", "en"),
        ("mi vecino abdoulaye me presto plata", "abdoulaye", "es"),
    ],
)
def test_a_community_name_in_a_lower_case_message(text: str, name: str, language: str) -> None:
    assert kinds_at(text, name, language) == ["person"]
