"""/my-story shows the consent wording the survivor agreed to, exactly: v1 to those who
consented to v1, v2 to new submissions (issue 19, consent v2)."""

from __future__ import annotations

import html
import re

import httpx

from stories_service.consent.wording import consent_wording
from tests.i18n.conftest import submit_form

V1, V2 = "2026-11-v1", "2026-12-v2"


async def _my_story(client: httpx.AsyncClient, form: dict[str, object]) -> str:
    receipt = await client.post("/submit", data=form)
    assert receipt.status_code == 201, receipt.text
    code = re.search(r'<p class="receipt-code" lang="en" dir="ltr">([a-z ]+)</p>', receipt.text)
    assert code
    page = await client.post("/my-story", data={"receipt_code": code[1]})
    assert page.status_code == 200
    section = re.search(r'<section class="consented".*?</section>', page.text, re.S)
    assert section, "the page shows what the survivor agreed to"
    return html.unescape(section[0])


async def test_a_v1_consent_is_shown_in_the_v1_wording(client: httpx.AsyncClient) -> None:
    client.cookies.set("lang", "fr")  # the interface language does not change what was read
    form = submit_form("es", consent_version=V1, consent_language="es")
    del form["search_indexing"]
    shown = await _my_story(client, form)
    v1 = consent_wording("es", V1).sections()
    assert all(question in shown for question in v1.values())
    assert '<div lang="es" dir="ltr">' in shown
    assert consent_wording("es", V2).sections()["search_indexing"] not in shown


async def test_a_new_consent_is_shown_in_the_v2_wording(client: httpx.AsyncClient) -> None:
    client.cookies.set("lang", "ar")
    shown = await _my_story(client, submit_form("ar"))
    v2 = consent_wording("ar", V2).sections()
    assert all(question in shown for question in v2.values())
    assert "ما وافقت عليه" in shown
