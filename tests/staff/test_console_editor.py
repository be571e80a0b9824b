"""The workspace's text editor (issue 17 #4): the moderator edits text, never tags; what the
survivor wrote keeps its paragraphs and line breaks; redactions placed by selection are saved."""

from __future__ import annotations

import html
import re

import httpx

from stories_service.models import Revision
from stories_service.moderating.revisions import open_revision
from stories_service.runtime import Runtime
from tests.conftest import Backend
from tests.staffing import make_staff, sign_in, submit

STORY = "I left Aleppo in March.\n\nMy teacher Samir Haddad\nwrote to me every week & more."


def _textarea(page: str) -> str:
    start = page.index('<textarea id="body"')
    return html.unescape(page[page.index(">", start) + 1 : page.index("</textarea>", start)])


async def test_the_working_text_is_text_and_saving_keeps_paragraphs_and_breaks(
    client: httpx.AsyncClient, backend: Backend, runtime: Runtime
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(client, body=STORY)
    sid = created["id"]
    token = await sign_in(client, moderator)
    await client.post("/staff/queue/claim-next", data={"csrf_token": token})
    page = (await client.get(f"/staff/submissions/{sid}")).text
    assert 'name="body_text"' in page
    shown = _textarea(page)
    assert "<p>" not in shown and "<br>" not in shown and "&amp;" not in shown
    assert shown == STORY
    assert "Keyboard shortcuts" in page and 'aria-keyshortcuts="Alt+Shift+R"' in page

    # What the script sends after "Redact the selection" on "Samir Haddad": the placeholder in
    # the text, and which placeholder it is.
    edited = shown.replace("Samir Haddad", "[name]")
    save = await client.post(
        f"/staff/submissions/{sid}/save",
        data={
            "csrf_token": token,
            "title": "Letters",
            "summary": "Letters every week.",
            "content_notes": ["displacement"],
            "body_text": edited,
            "placed": ["person|0"],
            "mode": "placeholder",
        },
    )
    assert save.status_code == 303, save.text
    revision = await Revision.get(submission_id=sid)
    text = open_revision(revision, revision.submission_id, runtime.cipher)
    assert text.body == (
        "<p>I left Aleppo in March.</p>"
        "<p>My teacher [name]<br>wrote to me every week &amp; more.</p>"
    )
    assert [r["kind"] for r in revision.redactions] == ["person"]
    page = (await client.get(f"/staff/submissions/{sid}")).text
    assert _textarea(page) == edited
    # The read-only working text shows paragraphs as paragraphs, a line break as a line break.
    shown = page[page.index('id="working-text">') :]
    shown = re.sub(r"<[^>]+>", "", shown[: shown.index("</div>")])
    assert shown.startswith('id="working-text">I left Aleppo in March.\n\nMy teacher [name]\nwrote')


async def test_a_story_with_other_markup_is_edited_as_html(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(client, body="<ul><li>mint</li><li>basil</li></ul>")
    token = await sign_in(client, moderator)
    await client.post("/staff/queue/claim-next", data={"csrf_token": token})
    page = (await client.get(f"/staff/submissions/{created['id']}")).text
    assert 'name="body_text"' not in page
    assert "<li>mint</li>" in _textarea(page)
