"""The military-unit pattern is tried only at a number of up to three digits or where "the"
would be before it (organisations._unit_starts): the same matches as a search of the text."""

from __future__ import annotations

import pytest

from moderation.redaction.organisations import _UNIT, _unit_starts
from moderation.redaction.scan import matches_at


@pytest.mark.parametrize(
    "text",
    [
        "He served in the 3rd Brigade, then THE  101st Airborne Division and 12e Régiment.",
        "the\t4 Battalion; 1234 Brigade; x5th Division; 2 3 the 4th Regiment",
        "123 5 Army then 7",
        "",
    ],
)
def test_units_found_at_their_starts_are_all_of_them(text: str) -> None:
    expected = [m.span() for m in _UNIT.finditer(text)]
    assert [m.span() for m in matches_at(_UNIT, text, _unit_starts(text))] == expected
