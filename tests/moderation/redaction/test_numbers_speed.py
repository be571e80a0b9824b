"""The faster internals of the number detectors give the answers of the plain versions."""

from __future__ import annotations

import random

from moderation.redaction import numbers

_PREFIXES = [
    "", "0", "00", "011", "1", "01", "44", "0044", "+", "+0", "+1", "+44", "+49", "+963", "(",
    "+(", "+ ", "49", "33", "39", "0039", "06", "3", "9", "8", "800", "+800", "+888", "+999",
    "+9", "7", "+7", "12", "34", "61", "0061", "0011", "+212", "212", "0212", "1800", "+1 (",
]  # fmt: skip


def _phone_candidates(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    chars = "0123456789" * 6 + " -./()\u00a0\t٣x"
    return [
        rnd.choice(_PREFIXES) + "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 17)))
        for _ in range(count)
    ]


def test_possible_phone_matches_the_region_loop() -> None:
    numbers.warm_up()
    extra = [
        "+44 20 7946 0958", "(555) 123-4567", "00 33 1 23 45 67 89", "07715 381967",
        "0490 75 40 81", "+963 979 574 824", "011 44 20 7946 0958", "1 800 555 0199",
        "+1-984-182-0190", "180020497005751", "0612 345 678", "(602)272-9781", "٠٦١٢٣٤٥٦٧٨",
    ]  # fmt: skip
    for candidate in extra + _phone_candidates(60000, 7):
        want = numbers._possible_phone_plain(candidate)
        assert numbers._possible_phone(candidate) == want, candidate
