"""moderation.replacements: what the survivor is told was replaced, and when a moderator must
confirm sending a text with nothing replaced."""

from __future__ import annotations

import pytest

from moderation.redaction import KINDS
from moderation.replacements import (
    REPLACED_DETAILS,
    UnredactedNotConfirmed,
    check_unredacted_confirmed,
    must_confirm_unredacted,
    replaced_details,
    replaced_kinds,
)


def test_every_redaction_kind_is_told_in_exactly_one_group() -> None:
    grouped = [kind for _, kinds in REPLACED_DETAILS.values() for kind in kinds]
    assert sorted(grouped) == sorted(KINDS)


def test_replaced_kinds_gather_every_revision_up_to_the_one_sent() -> None:
    first = [{"start": 0, "end": 5, "kind": "place"}, {"start": 9, "end": 14, "kind": "person"}]
    second: list[dict[str, object]] = []  # a typo fixed: nothing new replaced
    assert replaced_kinds([first, second]) == ["person", "place"]
    assert replaced_kinds([second]) == []
    assert replaced_kinds([[{"kind": "not-a-kind"}]]) == []


def test_details_are_grouped_in_plain_words() -> None:
    assert replaced_details(["postcode", "person", "address", "email", "phone"]) == [
        "names",
        "addresses",
        "contact",
    ]
    assert replaced_details([]) == []


def test_nothing_replaced_with_open_suggestions_needs_a_confirmation() -> None:
    assert must_confirm_unredacted([], ["person", "place"])
    assert not must_confirm_unredacted(["person"], ["place"])  # something was replaced
    assert not must_confirm_unredacted([], [])  # the engine suggests nothing
    with pytest.raises(UnredactedNotConfirmed) as refused:
        check_unredacted_confirmed([], ["person", "person", "place"], confirmed=False)
    assert refused.value.status == 409
    assert refused.value.extra == {"open_suggestions": 3, "kinds": ["person", "place"]}
    assert "3 redactions (person, place)" in refused.value.message
    check_unredacted_confirmed([], ["person"], confirmed=True)
    check_unredacted_confirmed(["date"], ["person"], confirmed=False)
