"""The receipt code's six words are English words: every language says so, and points to the
same code as digits (issue 17 #6, issue 19)."""

from __future__ import annotations

import httpx
import pytest

from tests.i18n.conftest import submit_form

# Written here by hand: the note names English, and the numbers.
ENGLISH_AND_DIGITS = {
    "en": ("English words", "as numbers"),
    "es": ("palabras en inglés", "en números"),
    "fr": ("mots anglais", "en chiffres"),
    "ar": ("كلمات إنجليزية", "بالأرقام"),
}


@pytest.mark.parametrize("lang", sorted(ENGLISH_AND_DIGITS))
async def test_the_receipt_and_my_story_say_the_words_are_english(
    client: httpx.AsyncClient, lang: str
) -> None:
    client.cookies.set("lang", lang)
    receipt = await client.post("/submit", data=submit_form(lang))
    assert receipt.status_code == 201
    entry = await client.get("/my-story")
    for page in (receipt.text, entry.text):
        assert all(words in page for words in ENGLISH_AND_DIGITS[lang]), lang
