"""The consent record names the language, version and hash of the exact wording shown; the
story's own language is independent of the interface language."""

from __future__ import annotations

import hashlib
import re

import httpx
import pytest

from moderation.states import SubmissionState
from stories_service.consent.wording import CURRENT_VERSION, consent_wording
from stories_service.crypto import revision_context
from stories_service.models import ConsentRecord, Revision, Submission
from stories_service.runtime import Runtime
from tests.conftest import valid_submission
from tests.i18n.conftest import LANGUAGES, submit_form

WORDING_DIR = "stories_service/consent"


def _file_sha256(lang: str) -> str:
    from tests.conftest import ROOT

    path = ROOT / WORDING_DIR / f"wording_{CURRENT_VERSION}.{lang}.txt"
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def _only_record() -> tuple[Submission, ConsentRecord]:
    submission = await Submission.get()
    record = await ConsentRecord.get(submission_id=submission.id)
    return submission, record


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_form_records_the_wording_in_the_interface_language(
    client: httpx.AsyncClient, lang: str
) -> None:
    client.cookies.set("lang", lang)
    form_page = (await client.get("/submit")).text
    version = re.search(r'name="consent_version" value="([^"]+)"', form_page)
    shown = re.search(r'name="consent_language" value="([^"]+)"', form_page)
    assert version and shown
    form = submit_form("fr", consent_version=version.group(1), consent_language=shown.group(1))
    assert (await client.post("/submit", data=form)).status_code == 201
    submission, record = await _only_record()
    assert record.wording_language == lang
    assert record.wording_version == CURRENT_VERSION
    assert record.wording_hash == _file_sha256(lang)
    assert record.wording_hash == consent_wording(lang).sha256
    # The form shows that very text.
    for question in consent_wording(lang).sections().values():
        assert question in form_page.replace("&#39;", "'")
    assert submission.language == "fr"


async def test_arabic_interface_french_story(client: httpx.AsyncClient) -> None:
    client.cookies.set("lang", "ar")
    form = submit_form("fr", languages=["fr", "ar"])
    response = await client.post("/submit", data=form)
    assert response.status_code == 201
    assert '<html lang="ar" dir="rtl">' in response.text
    submission, record = await _only_record()
    assert submission.language == "fr"
    assert record.languages == ["fr", "ar"]
    assert record.wording_language == "ar"


async def test_the_wording_read_is_recorded_even_if_the_language_changed_before_sending(
    client: httpx.AsyncClient,
) -> None:
    client.cookies.set("lang", "ar")
    form = submit_form("es", consent_version=CURRENT_VERSION, consent_language="es")
    assert (await client.post("/submit", data=form)).status_code == 201
    _, record = await _only_record()
    assert record.wording_language == "es"
    assert record.wording_hash == _file_sha256("es")


async def test_an_unknown_wording_falls_back_to_the_interface_language(
    client: httpx.AsyncClient,
) -> None:
    client.cookies.set("lang", "fr")
    form = submit_form("en", consent_version="1999-v0", consent_language="xx")
    assert (await client.post("/submit", data=form)).status_code == 201
    _, record = await _only_record()
    assert (record.wording_language, record.wording_version) == ("fr", CURRENT_VERSION)


async def test_json_api_records_the_wording_of_the_request_language(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/api/v1/submissions",
        json=valid_submission(language="fr"),
        headers={"Accept-Language": "es-ES,es;q=0.9"},
    )
    assert response.status_code == 201
    submission, record = await _only_record()
    assert record.wording_language == "es"
    assert record.wording_hash == _file_sha256("es")
    assert submission.language == "fr"


async def test_text_to_review_keeps_the_story_language_in_any_interface(
    client: httpx.AsyncClient, runtime: Runtime
) -> None:
    client.cookies.set("lang", "fr")
    page = (await client.post("/submit", data=submit_form("ar"))).text
    code = re.search(r'<p class="receipt-code" lang="en" dir="ltr">([^<]+)</p>', page)
    assert code
    submission = await Submission.get()
    await Revision.create(
        submission=submission,
        number=1,
        **{
            f"{column}_enc": runtime.cipher.encrypt(
                text, revision_context(column, submission.id, 1)
            )
            for column, text in (("title", "حديقة"), ("summary", "ملخص"), ("body", "<p>نص</p>"))
        },
    )
    await Submission.filter(id=submission.id).update(state=SubmissionState.AWAITING_CONSENT)
    shown = (await client.post("/my-story", data={"receipt_code": code.group(1)})).text
    assert '<html lang="fr" dir="ltr">' in shown
    assert '<article class="review" lang="ar" dir="rtl">' in shown
