"""Survivors choose languages by name in their own language, and type lists with the
separators of their script (issue 17 #6, issue 19 #8)."""

from __future__ import annotations

import html
import re

import httpx
import pytest

from stories_service.models import ConsentRecord, Submission
from tests.i18n.conftest import submit_form


@pytest.mark.parametrize(
    "typed", ["ti، fa", "ti؛ fa", "ti fa", "ti, fa", "ti;fa", "تغرينية، فارسية"]
)
async def test_arabic_separators_are_accepted(client: httpx.AsyncClient, typed: str) -> None:
    client.cookies.set("lang", "ar")
    form = submit_form("fr", languages=["fr"], languages_other=typed)
    response = await client.post("/submit", data=form)
    assert response.status_code == 201, typed
    assert (await ConsentRecord.get()).languages == ["fr", "ti", "fa"]


async def test_a_list_with_an_unknown_language_says_which_separators_work(
    client: httpx.AsyncClient,
) -> None:
    client.cookies.set("lang", "ar")
    form = submit_form("fr", languages_other="ti، لغة لا توجد")
    response = await client.post("/submit", data=form)
    assert response.status_code == 422
    error = re.search(r'<p class="field-error" id="languages-error">([^<]+)</p>', response.text)
    assert error and "«،»" in error[1] and "«؛»" in error[1]
    assert 'value="ti، لغة لا توجد"' in response.text  # nothing typed is lost
    assert await Submission.all().count() == 0


@pytest.mark.parametrize(
    ("lang", "typed", "tag"),
    [
        ("fr", "arabe", "ar"),
        ("ar", "الفرنسية", "fr"),
        ("es", "Tigriña", "ti"),
        ("en", "Tigrinya", "ti"),
        ("en", "Dari", "prs"),
        ("ar", "فارسی", "fa"),  # named in itself
        ("fr", "pt-BR", "pt-BR"),  # a code still works
    ],
)
async def test_the_story_language_is_chosen_by_name(
    client: httpx.AsyncClient, lang: str, typed: str, tag: str
) -> None:
    client.cookies.set("lang", lang)
    response = await client.post("/submit", data=submit_form(typed, languages=[]))
    assert response.status_code == 201, response.text
    assert (await Submission.get()).language == tag


async def test_an_unknown_story_language_is_422_in_the_survivors_language(
    client: httpx.AsyncClient,
) -> None:
    client.cookies.set("lang", "es")
    response = await client.post("/submit", data=submit_form("élfico del norte", languages=[]))
    assert response.status_code == 422
    error = re.search(r'<p class="field-error" id="language-error">([^<]+)</p>', response.text)
    assert error and "No encontramos este idioma" in html.unescape(error[1])
    assert 'value="élfico del norte"' in response.text


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("fr", ["Arabe", "Tigrigna", "Persan"]),
        ("es", ["Árabe", "Tigriña", "Persa"]),
        ("ar", ["العربية", "التغرينية", "الفارسية"]),
    ],
)
async def test_the_form_offers_language_names_in_the_interface_language(
    client: httpx.AsyncClient, lang: str, names: list[str]
) -> None:
    client.cookies.set("lang", lang)
    page = (await client.get("/submit")).text
    assert 'list="language-names"' in page
    for name in names:
        assert f'<option value="{name}">' in page
    assert "pt-BR" not in page  # nobody is asked to type a code
