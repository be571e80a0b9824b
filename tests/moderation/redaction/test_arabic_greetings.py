"""A greeting that is also a listed name ("سلام") opening a message is the greeting, and who it
greets before a comma is a person even when no list has the name (issue 15, thirteenth
round). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.moderation.suggestions import kinds_at


@pytest.mark.parametrize(
    ("text", "greeting"),
    [
        ("سلام عليكم، بدي اسأل عن موعد ابني", "سلام"),
        ("سلام، من از هرات هستم و کمک می‌خواهم", "سلام"),
        ("شكرا جزيلا، وصلنا بالسلامة", "جزيلا"),  # the thanks' own word
    ],
)
def test_a_greeting_is_nobody(text: str, greeting: str) -> None:  # nor its own words
    assert "person" not in kinds_at(text, greeting, "ar")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("سلام گلپری، من در استانبول هستم", "گلپری"),
        ("سلام ماهرخ، من زرمینه هستم از مزار شریف", "ماهرخ"),  # once found only with "سلام"
        ("مرحبا رزان، وصلنا عالسلامة", "رزان"),
    ],
)
def test_who_the_greeting_opens_on_is_a_person(text: str, name: str) -> None:
    assert kinds_at(text, name, "ar") == ["person"]
