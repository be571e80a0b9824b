"""The address patterns led by a number are tried only where they can start (addresses._matches):
the same matches as a search of the whole text."""

from __future__ import annotations

import pytest

from moderation.redaction.addresses import _NUMBER_FIRST, _STATE_CODE, _matches


@pytest.mark.parametrize(
    "text",
    [
        "We lived at 1234 Maple Street, Denver, CO 80202 and later at 12 3 Oak Road.",
        "CO\t\t80202-1234 TX 75001 tx 75001 XCO 80202 1234567 Elm Street 12b, Pine Ave",
        "CO 80202 NY  10001 5 12345 AB 123456",
        "",
    ],
)
def test_number_led_patterns_find_every_match(text: str) -> None:
    for pattern in (_NUMBER_FIRST, _STATE_CODE):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _matches(pattern, text)] == expected
