"""A kin word with the suffix of "your" ("مرتك", your wife; "اختك", your sister) before a name,
as letters and voice notes to family name people (issue 15, thirteenth round). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.moderation.suggestions import kinds_at


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("بوسلي مرتك رنا والولاد", "رنا"),
        ("سلملي على مرتك لين والولاد", "لين"),  # "مرتك" itself had been taken for the name
        ("كيفو ابنك يامن؟ صار يمشي؟", "يامن"),
        ("سلمولي على جاركم أبو فراس", "أبو فراس"),
    ],
)
def test_a_name_after_your_kin(text: str, name: str) -> None:
    assert kinds_at(text, name, "ar") == ["person"]


def test_the_kin_word_itself_is_no_name() -> None:
    text = "سلملي على مرتك والولاد"
    assert kinds_at(text, "مرتك", "ar") == []
