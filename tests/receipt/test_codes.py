from __future__ import annotations

import math

import pytest

from stories_service.receipt import codes


def test_code_has_at_least_70_bits() -> None:
    assert codes.entropy_bits() >= 70
    assert len(codes.word_list()) == 7776
    assert codes.entropy_bits() == pytest.approx(6 * math.log2(7776))


def test_codes_are_random_and_canonical() -> None:
    seen = {codes.new_code() for _ in range(200)}
    assert len(seen) == 200
    for code in seen:
        assert codes.canonical(code) == code


def test_digits_form_is_the_same_code() -> None:
    code = codes.new_code()
    digits = codes.as_digits(code)
    groups = digits.split()
    assert len(groups) == 6 and all(len(g) == 4 and g.isdigit() for g in groups)
    assert codes.canonical(digits) == code
    assert codes.canonical(digits.replace(" ", "")) == code
    assert codes.canonical(digits.replace(" ", "-")) == code


def test_typing_variants_are_accepted() -> None:
    code = codes.new_code()
    assert codes.canonical("  " + code.upper().replace(" ", " - ") + " ") == code
    assert codes.canonical(code.replace(" ", ", ")) == code


@pytest.mark.parametrize(
    "raw", ["", "one two three", "zzzz " * 6, "9999 " * 6, "0001 0002", "1" * 25]
)
def test_malformed_codes_are_rejected(raw: str) -> None:
    assert codes.canonical(raw) is None


def test_hash_is_keyed_and_hides_the_code() -> None:
    code = codes.new_code()
    one = codes.code_hash(code, "k" * 40)
    other = codes.code_hash(code, "j" * 40)
    assert one != other
    assert code not in one
    assert codes.hash_for_lookup(code.upper(), "k" * 40) == one
    assert codes.hash_for_lookup("not a code", "k" * 40) != one
