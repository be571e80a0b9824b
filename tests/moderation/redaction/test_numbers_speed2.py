"""The start lists of the number patterns keep every position where a pattern matches (what
scan.matches_at needs to find the matches of a whole-text scan), with the stricter conditions
on the runs of digits that follow them (a card's twelve digits, a phone's last digit, the
digit-led ID shapes)."""

from __future__ import annotations

import random

from moderation.redaction import numbers
from moderation.redaction._number_starts import number_starts
from tests.moderation.redaction._speed_texts import texts

_PATTERNS = {
    "phone": numbers._PHONE_CANDIDATE,
    "card": numbers._CARD,
    "iban": numbers._IBAN,
    "ssn": numbers._SSN,
    "id_token": numbers._ID_TOKEN,
}
_PIECES = [
    "4111", "1111", "12", "7", "0612", "345", "678", "123456", "1234567890123", "00", "+", "(",
    ")", "-", "/", ".", " ", " ", "  ", "\t", "\u00a0", "x", "AB", "A", "Z", "GB82", "WEST",
    "de", "no", "#", "٣", "٣٤٥٦", ",", "_", "é", "123-45-6789", "12-34", "1A-",
]  # fmt: skip


def _glued(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(12)) for _ in range(count)]


def test_starts_keep_every_matching_position() -> None:
    kept = dict.fromkeys(_PATTERNS, 0)
    for text in texts(4000, 51) + _glued(12000, 53):
        starts = number_starts(text)
        for name, pattern in _PATTERNS.items():
            found = getattr(starts, name)
            assert found == sorted(found), (name, text)
            matching = [p for p in range(len(text)) if pattern.match(text, p)]
            assert set(matching) <= set(found), (name, text)
            kept[name] += len(matching)
    assert min(kept.values()) > 200, kept


def test_detectors_match_the_plain_versions_on_glued_numbers() -> None:
    from tests.moderation.redaction.test_numbers_speed import (
        _plain_cards,
        _plain_ids,
        _plain_phones,
    )

    numbers.warm_up()
    found = [0, 0, 0]
    for text in _glued(6000, 57):
        for i, (new, plain) in enumerate(
            (
                (numbers.find_phones, _plain_phones),
                (numbers.find_payment_cards, _plain_cards),
                (numbers.find_id_numbers, _plain_ids),
            )
        ):
            want = plain(text)
            assert new(text) == want, (new.__name__, text)
            found[i] += len(want)
    assert min(found) > 100, found
