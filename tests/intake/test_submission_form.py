"""The HTML form: nothing pre-ticked, problems shown beside fields with the text kept, receipt."""

from __future__ import annotations

import re

import httpx

from stories_service.models import ConsentRecord, Submission

COMPLETE_FORM = {
    "title": "Learning to swim again",
    "body": "The water frightened me after the journey.\n\nNow I swim with my daughter.",
    "language": "en",
    "publish": "yes",
    "attribution": "pseudonym",
    "display_name": "Noor",
    "review": "yes",
    "syndicate": "no",
    "search_indexing": "yes",
    "languages": ["en", "ar"],
    "never_appear": "Karim\nAleppo",
    "contact": "Signal via my clinician",
}


async def test_form_has_nothing_preticked(client: httpx.AsyncClient) -> None:
    response = await client.get("/submit")
    assert response.status_code == 200
    assert " checked" not in response.text
    assert "selected" not in response.text
    for question in ("publish", "attribution", "review", "syndicate", "search_indexing"):
        assert f'name="{question}"' in response.text
    assert 'name="languages"' in response.text


async def test_form_rerenders_with_text_kept_and_each_problem(client: httpx.AsyncClient) -> None:
    partial = {"title": "", "body": "My words <must> stay & be kept", "language": "en"}
    response = await client.post("/submit", data=partial)
    assert response.status_code == 422
    html = response.text
    assert "My words &lt;must&gt; stay &amp; be kept</textarea>" in html
    for field in ("title", "publish", "attribution", "review", "syndicate", "search_indexing"):
        assert f'id="{field}-error"' in html, field
    assert await Submission.all().count() == 0


async def test_complete_form_shows_receipt_once(client: httpx.AsyncClient) -> None:
    response = await client.post("/submit", data=COMPLETE_FORM)
    assert response.status_code == 201, response.text
    assert response.headers["cache-control"] == "no-store"
    code = re.search(r'<p class="receipt-code" lang="en" dir="ltr">([a-z ]+)</p>', response.text)
    assert code is not None
    submission = await Submission.get()
    consent = await ConsentRecord.get(submission_id=submission.id)
    assert consent.attribution == "pseudonym"
    assert consent.syndicate is False
    assert consent.search_indexing is True
    assert consent.languages == ["en", "ar"]
    assert consent.recorded_by == "survivor"
    status = await client.post("/my-story", data={"receipt_code": code.group(1)})
    assert status.status_code == 200
    assert 'data-status="submitted"' in status.text
    assert code.group(1) not in status.text  # the code is never shown again


async def test_pseudonym_without_name_is_shown_beside_field(client: httpx.AsyncClient) -> None:
    form = {**COMPLETE_FORM, "display_name": ""}
    response = await client.post("/submit", data=form)
    assert response.status_code == 422
    assert 'id="display_name-error"' in response.text
    assert "Learning to swim again" in response.text
