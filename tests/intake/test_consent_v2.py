"""Consent v2 (issue 19, issue 16 #5): the search-indexing question, asked on its own and no
unless answered yes; the v1 wording still recorded and shown to those who consented to it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import httpx
import pytest

from stories_service.consent import wording
from stories_service.models import ConsentRecord
from tests.conftest import valid_submission
from tests.i18n.conftest import submit_form

FOLDER = Path(wording.__file__).parent
V1, V2 = "2026-11-v1", "2026-12-v2"


def _file(version: str, lang: str) -> str:
    return (FOLDER / f"wording_{version}.{lang}.txt").read_text("utf-8")


@pytest.mark.parametrize("lang", ["en", "ar", "es", "fr"])
async def test_the_form_asks_the_v2_questions_with_nothing_chosen(
    client: httpx.AsyncClient, lang: str
) -> None:
    client.cookies.set("lang", lang)
    page = (await client.get("/submit")).text
    question = wording.consent_wording(lang).sections()["search_indexing"]
    assert question in page
    assert f'name="consent_version" value="{V2}"' in page
    for answer in ("yes", "no"):
        radio = re.search(
            rf'<input type="radio" name="search_indexing" value="{answer}"[^>]*>', page
        )
        assert radio and " checked" not in radio.group(0)


@pytest.mark.parametrize("answer", [True, False])
async def test_the_answer_is_recorded_with_the_v2_wording(
    client: httpx.AsyncClient, answer: bool
) -> None:
    client.cookies.set("lang", "fr")
    form = submit_form("fr", search_indexing="yes" if answer else "no")
    assert (await client.post("/submit", data=form)).status_code == 201
    record = await ConsentRecord.get()
    assert record.search_indexing is answer
    assert (record.wording_version, record.wording_language) == (V2, "fr")
    assert record.wording_hash == hashlib.sha256(_file(V2, "fr").encode()).hexdigest()


async def test_the_form_needs_an_answer(client: httpx.AsyncClient) -> None:
    form = submit_form("en")
    del form["search_indexing"]
    response = await client.post("/submit", data=form)
    assert response.status_code == 422
    assert 'id="search_indexing-error"' in response.text
    assert await ConsentRecord.all().count() == 0


async def test_the_json_api_says_no_unless_asked(client: httpx.AsyncClient) -> None:
    assert (await client.post("/api/v1/submissions", json=valid_submission())).status_code == 201
    record = await ConsentRecord.get()
    assert record.search_indexing is False
    assert record.wording_version == V2


async def test_a_form_shown_under_v1_records_v1_and_no_indexing(client: httpx.AsyncClient) -> None:
    # Read before v2 was released, sent after: the survivor never saw the question.
    form = submit_form("es", consent_version=V1, consent_language="es")
    del form["search_indexing"]
    response = await client.post("/submit", data=form)
    assert response.status_code == 201, response.text
    record = await ConsentRecord.get()
    assert (record.wording_version, record.search_indexing) == (V1, False)
    assert record.wording_hash == hashlib.sha256(_file(V1, "es").encode()).hexdigest()


async def test_each_survivor_is_shown_the_wording_they_consented_to(
    client: httpx.AsyncClient,
) -> None:
    old = submit_form("es", consent_version=V1, consent_language="es")
    del old["search_indexing"]
    new = submit_form("es", consent_version=V2, consent_language="es")
    exported = {}
    for version, form in ((V1, old), (V2, new)):
        page = await client.post("/submit", data=form)
        code = re.search(r'<p class="receipt-code" lang="en" dir="ltr">([a-z ]+)</p>', page.text)
        assert code
        export = await client.post("/api/v1/receipt/export", json={"receipt_code": code[1]})
        exported[version] = export.json()["consent_history"][0]["wording_text"]
    assert exported == {V1: _file(V1, "es"), V2: _file(V2, "es")}
    assert "[search_indexing]" not in exported[V1]
