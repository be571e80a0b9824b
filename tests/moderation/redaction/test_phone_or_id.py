"""A phone-shaped number after an identity cue is an identity number (numbers.find_phones):
a Honduran DNI is written 0801-1990-12345. A phone cue keeps it a phone. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect


def _number(text: str) -> tuple[str, float]:
    found = [s for s in detect(text, language="es") if any(c.isdigit() for c in s.text)]
    assert len(found) == 1, found
    return found[0].kind, found[0].confidence


@pytest.mark.parametrize(
    "text",
    [
        "Mi número de cédula es 0501-1987-04417, me la quitaron en la frontera.",
        "el dni de mi esposo 0703 1979 00231 se quedo en la casa",
        "My passport number: 0612 345 678, they kept it.",
    ],
)
def test_an_identity_number_shaped_like_a_phone(text: str) -> None:
    kind, confidence = _number(text)
    assert kind == "id_number" and confidence >= HIGH_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    [
        "Mi número es 899 154 2261 por si me quieren llamar.",
        "perdi el pasaporte pero mi celular es 9987 4410 12",
        "Lost my passport; call me on 0612 345 678 please.",
    ],
)
def test_a_phone_cue_keeps_a_phone(text: str) -> None:
    assert _number(text)[0] == "phone"


@pytest.mark.parametrize(
    "text",
    ["mi cedula es V-18.204.377 y la de mi hijo no la tengo", "Mi cédula: E-84.120.553."],
)
def test_a_venezuelan_cedula_with_thousands_dots_is_an_identity_number(text: str) -> None:
    assert _number(text) == ("id_number", 0.85)
