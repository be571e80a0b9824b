"""Choosing the interface language: switcher and cookie, Accept-Language, English by default."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest

from stories_service.i18n.negotiation import choose_locale, parse_accept_language
from stories_service.models import ConsentRecord
from tests.i18n.conftest import (
    RECEIPT_HEADING,
    STATUS_SUBMITTED,
    SUBMIT_HEADING,
    html_lang_dir,
    submit_form,
)


def test_accept_language_is_ranked_by_quality() -> None:
    assert parse_accept_language("de;q=0.5, ar, fr-CA;q=0.9, *;q=0.1, es;q=0") == [
        "ar",
        "fr-CA",
        "de",
    ]
    assert parse_accept_language("fr;q=nonsense, en") == ["en"]


@pytest.mark.parametrize(
    ("cookie", "header", "expected"),
    [
        (None, None, "en"),
        (None, "", "en"),
        (None, "de-DE, ar;q=0.8", "ar"),
        (None, "fr-CA,fr;q=0.9", "fr"),
        (None, "ES-mx", "es"),
        (None, "de, it", "en"),
        ("es", "ar", "es"),
        ("xx", "fr", "fr"),
        ("AR", None, "ar"),
    ],
)
def test_choose_locale(cookie: str | None, header: str | None, expected: str) -> None:
    assert choose_locale(cookie, header) == expected


async def test_without_a_choice_the_page_is_in_english(client: httpx.AsyncClient) -> None:
    page = (await client.get("/submit")).text
    assert html_lang_dir(page) == ("en", "ltr")
    assert SUBMIT_HEADING["en"] in page


async def test_accept_language_picks_the_page_language(client: httpx.AsyncClient) -> None:
    response = await client.get("/submit", headers={"Accept-Language": "ar-SY,ar;q=0.9,en;q=0.5"})
    assert html_lang_dir(response.text) == ("ar", "rtl")
    assert SUBMIT_HEADING["ar"] in response.text


async def test_switcher_sets_a_lax_httponly_cookie_that_beats_accept_language(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post("/language", data={"lang": "fr", "next": "/my-story"})
    assert response.status_code == 303
    assert response.headers["location"] == "/my-story"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("lang=fr;")
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie or "SameSite=Lax" in cookie
    assert "Path=/" in cookie
    page = (await client.get("/submit", headers={"Accept-Language": "es"})).text
    assert html_lang_dir(page) == ("fr", "ltr")
    assert SUBMIT_HEADING["fr"] in page


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "", "stories"]
)
async def test_switcher_never_redirects_off_site(client: httpx.AsyncClient, next_url: str) -> None:
    response = await client.post("/language", data={"lang": "es", "next": next_url})
    assert response.status_code == 303
    assert response.headers["location"] == "/"


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [("/language", "/"), ("/my-story/withdraw", "/my-story"), ("/submit?x=1", "/submit?x=1")],
)
async def test_switcher_goes_back_to_a_page_that_opens_with_get(
    client: httpx.AsyncClient, next_url: str, expected: str
) -> None:
    response = await client.post("/language", data={"lang": "es", "next": next_url})
    assert response.status_code == 303
    assert response.headers["location"] == expected


async def test_switcher_refuses_a_language_we_do_not_have(client: httpx.AsyncClient) -> None:
    response = await client.post("/language", data={"lang": "xx", "next": "/submit"})
    assert response.status_code == 422
    assert "set-cookie" not in response.headers


async def test_every_survivor_page_carries_the_switcher_back_to_itself(
    client: httpx.AsyncClient,
) -> None:
    for path in ("/submit", "/my-story", "/"):
        page = (await client.get(path)).text
        assert 'action="/language"' in page
        assert f'<input type="hidden" name="next" value="{path}">' in page
        for code in ("en", "es", "fr", "ar"):
            assert f'name="lang" value="{code}" lang="{code}"' in page


async def test_switching_on_the_receipt_page_shows_the_same_code_again(
    client: httpx.AsyncClient,
) -> None:
    page = (await client.post("/submit", data=submit_form("fr"))).text
    code = re.search(r'name="receipt_code" value="([^"]+)"', page)
    assert code, "the receipt page's switcher must carry the code in its body"
    again = await client.post(
        "/language",
        data={"lang": "ar", "next": "/submit", "page": "receipt", "receipt_code": code.group(1)},
    )
    assert again.status_code == 200
    assert html_lang_dir(again.text) == ("ar", "rtl")
    assert RECEIPT_HEADING["ar"] in again.text
    assert code.group(1) in again.text
    assert again.headers["set-cookie"].startswith("lang=ar;")


async def test_switching_on_my_story_shows_it_again_without_the_code(
    client: httpx.AsyncClient,
) -> None:
    page = (await client.post("/submit", data=submit_form("en"))).text
    code = re.search(r'<p class="receipt-code digits" dir="ltr">([^<]+)</p>', page)
    assert code
    shown = (await client.post("/my-story", data={"receipt_code": code.group(1)})).text
    assert code.group(1) not in shown  # a code, once given, is never written into a page again
    token = re.search(r'name="receipt_token" value="([^"]+)"', shown)
    assert token
    assert 'name="page" value="my-story"' in shown
    again = await client.post(
        "/language",
        data={"lang": "es", "next": "/my-story", "page": "my-story", "receipt_token": token[1]},
    )
    assert again.status_code == 200
    assert html_lang_dir(again.text) == ("es", "ltr")
    assert STATUS_SUBMITTED["es"] in again.text
    assert code.group(1) not in again.text
    assert again.headers["set-cookie"].startswith("lang=es;")


async def test_switching_on_my_story_with_a_forged_token_reveals_nothing(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/language",
        data={"lang": "fr", "next": "/my-story", "page": "my-story", "receipt_token": "forged"},
    )
    assert response.status_code == 403
    assert 'class="status-text"' not in response.text


async def test_switching_with_a_wrong_code_reveals_nothing(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/language",
        data={"lang": "fr", "page": "receipt", "receipt_code": "abacus abacus abacus abacus"},
    )
    assert response.status_code == 404
    assert "abacus abacus" not in response.text


async def test_concurrent_requests_keep_their_own_language(client: httpx.AsyncClient) -> None:
    langs = ["en", "es", "fr", "ar"] * 10

    async def fetch(lang: str) -> tuple[str, str]:
        response = await client.get("/my-story", headers={"Accept-Language": lang})
        return lang, response.text

    for lang, page in await asyncio.gather(*(fetch(lang) for lang in langs)):
        assert html_lang_dir(page)[0] == lang


async def test_json_validation_messages_follow_accept_language(client: httpx.AsyncClient) -> None:
    body = {
        "title": "",
        "body": "x" * 100_001,
        "language": "not a language!",
        "consent": {"publish": "maybe", "attribution": "anonymous", "syndicate": True},
    }
    answers = {}
    for lang in ("en", "es", "fr", "ar"):
        response = await client.post(
            "/api/v1/submissions", json=body, headers={"Accept-Language": lang}
        )
        assert response.status_code == 422
        error = response.json()["error"]
        assert error["code"] == "invalid_fields"
        answers[lang] = error
    assert answers["en"]["fields"]["title"] == "This is needed."
    assert answers["es"]["fields"]["title"] == "Esto es necesario."
    assert answers["fr"]["fields"]["title"] == "Ceci est nécessaire."
    assert answers["ar"]["fields"]["title"] == "هذا مطلوب."
    assert answers["fr"]["fields"]["consent.publish"] == "Choisissez oui ou non."
    assert answers["es"]["fields"]["language"] == (
        "Debe ser un código de idioma como en, ar o pt-BR."
    )
    assert answers["ar"]["message"] == "بعض الحقول تحتاج إلى مراجعة."
    # Numbers in messages are written the way each language writes them.
    assert "100,000" in answers["en"]["fields"]["body"]
    assert "100.000" in answers["es"]["fields"]["body"]
    assert "100\u202f000" in answers["fr"]["fields"]["body"]


async def test_throttled_code_lookups_are_told_in_the_page_language(
    client: httpx.AsyncClient, override_settings
) -> None:
    override_settings(receipt_rate_per_15min=1)
    client.cookies.set("lang", "es")
    wrong = {"receipt_code": "0000 0000 0000 0000 0000 0000"}
    assert (await client.post("/my-story", data=wrong)).status_code == 404
    response = await client.post("/my-story", data=wrong)
    assert response.status_code == 429
    assert "Demasiados intentos. Espere y vuelva a intentarlo, por favor." in response.text
    client.cookies.clear()
    api = await client.post("/api/v1/receipt/status", json=wrong, headers={"Accept-Language": "fr"})
    assert api.status_code == 429
    assert api.json()["error"]["code"] == "throttled"
    assert (
        api.json()["error"]["message"] == "Trop de tentatives. Veuillez patienter puis réessayer."
    )


async def test_the_staff_console_stays_english_and_left_to_right(
    client: httpx.AsyncClient,
) -> None:
    client.cookies.set("lang", "ar")
    response = await client.get("/staff/login")
    assert response.status_code == 200
    assert html_lang_dir(response.text) == ("en", "ltr")
    assert 'action="/language"' not in response.text
    assert response.headers["content-language"] == "en"


async def test_pages_in_the_reader_language_tell_caches_what_they_vary_on(
    client: httpx.AsyncClient,
) -> None:
    for path in ("/", "/submit"):
        response = await client.get(path, headers={"Accept-Language": "ar"})
        assert response.headers["content-language"] == "ar"
        vary = {v.strip().lower() for v in response.headers["vary"].split(",")}
        assert {"accept-language", "cookie"} <= vary
    feed = await client.get("/feed.json", headers={"Accept-Language": "ar"})
    assert "content-language" not in feed.headers


async def test_switching_on_my_story_only_shows_it_and_never_acts(
    client: httpx.AsyncClient,
) -> None:
    """The switcher's form carries the token; an ``action`` field sent with it is not obeyed
    (a page elsewhere could otherwise make a survivor's decision through the switcher)."""
    page = (await client.post("/submit", data=submit_form("en"))).text
    code = re.search(r'<p class="receipt-code digits" dir="ltr">([^<]+)</p>', page)
    assert code
    shown = (await client.post("/my-story", data={"receipt_code": code.group(1)})).text
    token = re.search(r'name="receipt_token" value="([^"]+)"', shown)
    assert token
    before = await ConsentRecord.all().count()
    again = await client.post(
        "/language",
        data={
            "lang": "fr",
            "page": "my-story",
            "receipt_token": token[1],
            "action": "attribution",
            "attribution": "pseudonym",
            "display_name": "Someone Else",
        },
    )
    assert again.status_code == 200
    assert STATUS_SUBMITTED["fr"] in again.text
    assert await ConsentRecord.all().count() == before  # no new consent record
    assert "Someone Else" not in again.text
