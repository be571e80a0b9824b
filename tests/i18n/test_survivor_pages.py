"""Every survivor page in English, Spanish, French and Arabic: text, lang/dir, the switcher."""

from __future__ import annotations

import datetime as dt
import re

import httpx
import pytest
from babel.dates import format_date

from moderation.states import SubmissionState
from stories_service.crypto import revision_context
from stories_service.models import Revision, Submission
from stories_service.runtime import Runtime
from tests.i18n.conftest import (
    APPROVE_BUTTON,
    APPROVED_NOTICE,
    CONSENT_PUBLISH_QUESTION,
    LANGUAGES,
    MY_STORY_BUTTON,
    NEEDED,
    NOT_FOUND_HEADING,
    RECEIPT_DIGITS_LABEL,
    RECEIPT_HEADING,
    SIGNED_HEADING,
    STATUS_SUBMITTED,
    STATUS_WITHDRAWN,
    SUBMIT_BUTTON,
    SUBMIT_HEADING,
    UNKNOWN_CODE,
    WITHDRAW_QUESTION,
    assert_page_in,
    submit_form,
)

pytestmark = pytest.mark.parametrize("lang", LANGUAGES)


def _receipt_codes(page: str) -> tuple[str, str]:
    words = re.search(r'<p class="receipt-code" lang="en" dir="ltr">([^<]+)</p>', page)
    digits = re.search(r'<p class="receipt-code digits" dir="ltr">([^<]+)</p>', page)
    assert words and digits, "the receipt page must show the code as words and as digits"
    return words.group(1).strip(), digits.group(1).strip()


async def _submit(client: httpx.AsyncClient, lang: str) -> httpx.Response:
    client.cookies.set("lang", lang)
    return await client.post("/submit", data=submit_form("fr"))


async def test_submit_form(client: httpx.AsyncClient, lang: str) -> None:
    client.cookies.set("lang", lang)
    response = await client.get("/submit")
    assert response.headers["content-language"] == lang
    page = assert_page_in(response, lang)
    assert SUBMIT_HEADING[lang] in page
    assert SUBMIT_BUTTON[lang] in page
    assert CONSENT_PUBLISH_QUESTION[lang] in page
    assert f'name="consent_language" value="{lang}"' in page


async def test_submit_form_errors_are_translated_and_keep_the_text(
    client: httpx.AsyncClient, lang: str
) -> None:
    client.cookies.set("lang", lang)
    response = await client.post("/submit", data=submit_form("fr", title="", publish=""))
    assert response.status_code == 422
    page = assert_page_in(response, lang)
    assert f'<p class="field-error" id="title-error">{NEEDED[lang]}</p>' in page
    assert "Quand je suis arriv" in page  # the story text is kept


async def test_receipt_page_shows_both_code_forms_and_the_date(
    client: httpx.AsyncClient, lang: str
) -> None:
    response = await _submit(client, lang)
    assert response.status_code == 201
    page = assert_page_in(response, lang)
    assert RECEIPT_HEADING[lang] in page
    assert RECEIPT_DIGITS_LABEL[lang] in page
    words, digits = _receipt_codes(page)
    assert len(words.split()) == 6
    assert re.fullmatch(r"\d{4}( \d{4}){5}", digits)
    today = dt.datetime.now(dt.UTC).date()
    assert format_date(today, format="long", locale=lang) in page


async def test_my_story_without_a_code(client: httpx.AsyncClient, lang: str) -> None:
    client.cookies.set("lang", lang)
    page = assert_page_in(await client.get("/my-story"), lang)
    assert MY_STORY_BUTTON[lang] in page


@pytest.mark.parametrize("form", ["words", "digits"])
async def test_my_story_with_a_code_in_either_form(
    client: httpx.AsyncClient, lang: str, form: str
) -> None:
    words, digits = _receipt_codes((await _submit(client, lang)).text)
    response = await client.post(
        "/my-story", data={"receipt_code": words if form == "words" else digits}
    )
    assert response.status_code == 200
    page = assert_page_in(response, lang)
    assert STATUS_SUBMITTED[lang] in page
    today = dt.datetime.now(dt.UTC).date()
    assert format_date(today, format="long", locale=lang) in page


async def test_my_story_with_a_wrong_code(client: httpx.AsyncClient, lang: str) -> None:
    client.cookies.set("lang", lang)
    response = await client.post(
        "/my-story", data={"receipt_code": "0000 0000 0000 0000 0000 0000"}
    )
    assert response.status_code == 404
    page = assert_page_in(response, lang)
    assert UNKNOWN_CODE[lang] in page


async def test_error_page(client: httpx.AsyncClient, lang: str) -> None:
    client.cookies.set("lang", lang)
    response = await client.get("/no-such-page")
    assert response.status_code == 404
    page = assert_page_in(response, lang)
    assert NOT_FOUND_HEADING[lang] in page


async def test_receipt_status_api_speaks_the_request_language(
    client: httpx.AsyncClient, lang: str
) -> None:
    words, _ = _receipt_codes((await _submit(client, lang)).text)
    client.cookies.clear()
    response = await client.post(
        "/api/v1/receipt/status",
        json={"receipt_code": words},
        headers={"Accept-Language": lang},
    )
    assert response.status_code == 200
    assert response.json()["status"] == "submitted"
    assert response.json()["status_text"] == STATUS_SUBMITTED[lang]


async def _awaiting_consent(runtime: Runtime, story_language: str = "ar") -> None:
    """Put the only submission where the survivor is asked to read the redacted text."""
    submission = await Submission.get()
    texts = (("title", "حديقة"), ("summary", "ملخص"), ("body", "<p>نص القصة</p>"))
    await Revision.create(
        submission=submission,
        number=1,
        **{
            f"{column}_enc": runtime.cipher.encrypt(
                text, revision_context(column, submission.id, 1)
            )
            for column, text in texts
        },
    )
    await Submission.filter(id=submission.id).update(state=SubmissionState.AWAITING_CONSENT)


async def test_my_story_review_and_approval(
    client: httpx.AsyncClient, runtime: Runtime, lang: str
) -> None:
    _, digits = _receipt_codes((await _submit(client, lang)).text)
    await _awaiting_consent(runtime)
    shown = await client.post("/my-story", data={"receipt_code": digits})
    page = assert_page_in(shown, lang)
    assert APPROVE_BUTTON[lang] in page
    assert SIGNED_HEADING[lang] in page
    assert '<article class="review" lang="fr" dir="ltr">' in page  # the story's own language
    token = re.search(r'name="receipt_token" value="([^"]+)"', page)
    assert token
    approved = await client.post("/my-story", data={"receipt_token": token[1], "action": "approve"})
    assert approved.status_code == 200
    assert APPROVED_NOTICE[lang] in assert_page_in(approved, lang)


async def test_my_story_withdrawal_in_two_steps(client: httpx.AsyncClient, lang: str) -> None:
    _, digits = _receipt_codes((await _submit(client, lang)).text)
    shown = (await client.post("/my-story", data={"receipt_code": digits})).text
    token = re.search(r'name="receipt_token" value="([^"]+)"', shown)
    assert token
    step_one = await client.post("/my-story/withdraw", data={"receipt_token": token[1]})
    assert step_one.status_code == 200
    assert WITHDRAW_QUESTION[lang] in assert_page_in(step_one, lang)
    token = re.search(r'name="receipt_token" value="([^"]+)"', step_one.text)
    assert token
    done = await client.post("/my-story/withdraw/confirm", data={"receipt_token": token[1]})
    assert done.status_code == 200
    assert STATUS_WITHDRAWN[lang] in assert_page_in(done, lang)
