"""/my-story says what was replaced in the text under review, and only that (issue 17 #2)."""

from __future__ import annotations

import httpx

from tests.conftest import Backend
from tests.staffing import REVISION, make_staff, post, submit

STORY = "Our neighbour Yusuf Karimi taught me to float in Hamburg, every Tuesday."
UNTRUE = "Names and places that could identify you have been replaced"
NOTHING_REPLACED = "Nothing in it has been replaced."


async def _send_revisions(
    client: httpx.AsyncClient, revisions: list[dict[str, object]]
) -> dict[str, str]:
    """A story with a name and a town, these revisions saved in turn, then sent for review."""
    moderator = await make_staff("moderator", password=None)
    created = await submit(client, body=STORY)
    sid = created["id"]
    assert (await post(client, moderator, f"/api/v1/submissions/{sid}/claim")).status_code == 200
    for revision in revisions:
        saved = await post(client, moderator, f"/api/v1/submissions/{sid}/revisions", revision)
        assert saved.status_code == 201, saved.text
    sent = await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")
    assert sent.status_code == 200, sent.text
    return created


def _span(phrase: str, kind: str) -> dict[str, object]:
    start = STORY.index(phrase)
    return {"start": start, "end": start + len(phrase), "kind": kind}


async def test_nothing_replaced_is_not_called_replaced(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    created = await _send_revisions(client, [{**REVISION, "body": STORY}])
    page = await client.post("/my-story", data={"receipt_code": created["receipt_code"]})
    assert page.status_code == 200
    assert "Yusuf Karimi" in page.text  # the unchanged text is what the survivor reviews
    assert UNTRUE not in page.text
    assert "we replaced" not in page.text
    assert NOTHING_REPLACED in page.text
    status = await client.post(
        "/api/v1/receipt/status", json={"receipt_code": created["receipt_code"]}
    )
    assert status.json()["review"]["replaced"] == []


async def test_what_was_replaced_is_named_in_the_survivors_language(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    redacted = {
        **REVISION,
        "body": STORY,
        "redactions": [_span("Yusuf Karimi", "person"), _span("Hamburg", "place")],
    }
    # The second revision fixes a word and replaces nothing new: the text still carries the
    # first one's replacements.
    fixed = {**REVISION, "body": "Our neighbour [name] taught me to float in [place], weekly."}
    created = await _send_revisions(client, [redacted, fixed])
    code = created["receipt_code"]
    page = await client.post("/my-story", data={"receipt_code": code})
    assert "Yusuf" not in page.text and "Hamburg" not in page.text
    assert (
        "To protect you, we replaced these details that could identify you: names and places."
        in page.text
    )
    assert NOTHING_REPLACED not in page.text
    status = await client.post("/api/v1/receipt/status", json={"receipt_code": code})
    assert status.json()["review"]["replaced"] == ["person", "place"]

    form = {"receipt_code": code}
    spanish = await client.post("/my-story", data=form, headers={"Cookie": "lang=es"})
    assert "reemplazamos estos datos que podrían identificarle: nombres y lugares." in spanish.text
    french = await client.post("/my-story", data=form, headers={"Cookie": "lang=fr"})
    assert "vous identifier\u202f: noms et lieux." in french.text
