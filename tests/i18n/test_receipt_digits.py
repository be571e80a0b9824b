"""Receipt codes typed as digits in any script open the story; odd digits never crash."""

from __future__ import annotations

import re

import httpx
import pytest

from stories_service.receipt import codes
from tests.i18n.conftest import STATUS_SUBMITTED, UNKNOWN_CODE, submit_form

EASTERN_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def test_digits_in_arabic_and_persian_script_are_the_same_code() -> None:
    code = codes.new_code()
    digits = codes.as_digits(code)
    assert codes.canonical(digits.translate(EASTERN_ARABIC)) == code
    assert codes.canonical(digits.translate(PERSIAN)) == code
    assert codes.canonical(digits.replace(" ", "")) == code


@pytest.mark.parametrize("typed", ["²²²² 0000 0000 0000 0000 0000", "½½½½ 1 2 3 4 5", "①②③④"])
def test_digit_like_characters_are_just_a_wrong_code(typed: str) -> None:
    assert codes.canonical(typed) is None


async def test_arabic_interface_accepts_the_code_in_arabic_digits(
    client: httpx.AsyncClient,
) -> None:
    client.cookies.set("lang", "ar")
    page = (await client.post("/submit", data=submit_form("fr"))).text
    digits = re.search(r'<p class="receipt-code digits" dir="ltr">([^<]+)</p>', page)
    assert digits
    response = await client.post(
        "/my-story", data={"receipt_code": digits.group(1).translate(EASTERN_ARABIC)}
    )
    assert response.status_code == 200
    assert STATUS_SUBMITTED["ar"] in response.text


async def test_superscript_digits_get_the_wrong_code_page(client: httpx.AsyncClient) -> None:
    client.cookies.set("lang", "es")
    response = await client.post(
        "/my-story", data={"receipt_code": "²²²² 0000 0000 0000 0000 0000"}
    )
    assert response.status_code == 404
    assert UNKNOWN_CODE["es"] in response.text
