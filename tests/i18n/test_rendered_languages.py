"""Every page a survivor or a reader sees, rendered in Arabic, Spanish and French, read as a
person would (tests/i18n/page_language.py): no English words outside the allow-list, no ASCII
punctuation in Arabic text, dates written the language's way, and the content notes (the
warning before a story) in the reader's language wherever they are shown (issue 19)."""

from __future__ import annotations

import datetime as dt
import re

import httpx
import pytest
from babel.dates import format_date

from moderation.states import SubmissionState
from stories_service.crypto import column_context, revision_context
from stories_service.models import Revision, Submission
from stories_service.publishing.serving import page_cache
from stories_service.runtime import Runtime
from tests.i18n.conftest import submit_form
from tests.i18n.page_language import language_problems, page_language
from tests.publishing.factories import bearer, publish_story, staff_token

TRANSLATED = ("ar", "es", "fr")

# Written here by hand, not read from the catalogues, so a lost or wrong translation fails.
SEXUAL_VIOLENCE = {"ar": "العنف الجنسي", "es": "Violencia sexual", "fr": "Violences sexuelles"}
TRAFFICKING = {
    "ar": "الاتجار بالبشر والاستغلال",
    "es": "Trata y explotación",
    "fr": "Traite et exploitation",
}
BEFORE_YOU_READ = {"ar": "قبل القراءة", "es": "Antes de leer", "fr": "Avant de lire"}
NOTES = ["sexual_violence", "trafficking"]

# A story, its tags and a rejection reason as a survivor and staff would write them.
STORY = {
    "ar": {
        "title": "حديقة الطابق الرابع",
        "summary": "نعناع على الشرفة، ونوم من جديد.",
        "body": "<p>عندما وصلت لم أكن أنام. الآن الشرفة مليئة بالنعناع.</p>",
        "tags": ["السكن", "الحديقة"],
        "reason": "لا يمكننا نشر قصة تذكر أشخاصًا آخرين بأسمائهم؛ نأسف لذلك.",
    },
    "es": {
        "title": "El jardín del cuarto piso",
        "summary": "Menta en el balcón, y el sueño de nuevo.",
        "body": "<p>Cuando llegué no dormía. Ahora el balcón está lleno de menta.</p>",
        "tags": ["vivienda", "jardín"],
        "reason": "No podemos publicar una historia que nombra a otras personas; lo sentimos.",
    },
    "fr": {
        "title": "Le jardin du quatrième étage",
        "summary": "De la menthe sur le balcon, et le sommeil retrouvé.",
        "body": "<p>Quand je suis arrivée, je ne dormais pas. Le balcon est plein de menthe.</p>",
        "tags": ["logement", "jardin"],
        "reason": "Nous ne pouvons pas publier une histoire qui nomme d\u2019autres personnes.",
    },
}
TAG_LIST = {"ar": "السكن والحديقة", "es": "vivienda y jardín", "fr": "logement et jardin"}

pytestmark = pytest.mark.parametrize("lang", TRANSLATED)


def assert_reads_as(page: httpx.Response, lang: str, where: str) -> str:
    """The page is in ``lang`` and nothing in it gives it away."""
    assert page_language(page.text) == lang, where
    problems = language_problems(page.text, where)
    assert not problems, "\n".join(problems)
    return page.text


def assert_date_in(page: str, day: dt.date, lang: str) -> None:
    written = format_date(day, format="long", locale=lang)
    assert written in page, f"the date should read {written!r}"


def _code(receipt_page: str) -> str:
    digits = re.search(r'<p class="receipt-code digits" dir="ltr">([^<]+)</p>', receipt_page)
    assert digits
    return digits.group(1).strip()


async def _publish(client: httpx.AsyncClient, runtime: Runtime, lang: str) -> dict[str, str]:
    text = STORY[lang]
    return await publish_story(
        client,
        runtime.cipher,
        await staff_token("editor"),
        title=text["title"],
        summary=text["summary"],
        body=text["body"],
        language=lang,
        content_notes=NOTES,
        tags=text["tags"],
    )


async def test_public_pages(client: httpx.AsyncClient, runtime: Runtime, lang: str) -> None:
    page_cache(runtime).drop()  # tables are emptied behind the cache's back
    client.cookies.set("lang", lang)
    story = await _publish(client, runtime, lang)
    today = dt.datetime.now(dt.UTC).date()

    for path in ("/about", "/submit", "/my-story", "/no-such-page"):
        assert_reads_as(await client.get(path), lang, path)

    index = assert_reads_as(await client.get("/"), lang, "/")
    assert_date_in(index, today, lang)
    notes_line = re.search(r'<span class="has-notes">([^<]*)</span>', index)
    assert notes_line, "the index should name the content notes"
    assert SEXUAL_VIOLENCE[lang] in notes_line[1] and TRAFFICKING[lang] in notes_line[1]

    page = assert_reads_as(await client.get(f"/stories/{story['slug']}"), lang, "story page")
    assert_date_in(page, today, lang)
    warning = re.search(r'<section class="content-notes".*?</section>', page, re.DOTALL)
    assert warning, "the story page should warn before the story"
    assert f'lang="{lang}"' in warning[0] and BEFORE_YOU_READ[lang] in warning[0]
    assert f"<li>{SEXUAL_VIOLENCE[lang]}</li>" in warning[0]
    assert f"<li>{TRAFFICKING[lang]}</li>" in warning[0]

    editor = await staff_token("editor")
    taken = await client.post(
        f"/api/v1/submissions/{story['id']}/withdraw",
        json={"reason": "The survivor asked us by telephone."},
        headers=bearer(editor),
    )
    assert taken.status_code == 200, taken.text
    gone = await client.get(f"/stories/{story['slug']}")
    assert gone.status_code == 410
    assert_reads_as(gone, lang, "gone page")


async def _set_review(runtime: Runtime, lang: str) -> None:
    """The only submission awaits the survivor's consent on a revision with notes and tags."""
    submission = await Submission.get()
    text = STORY[lang]
    await Revision.create(
        submission=submission,
        number=1,
        content_notes=NOTES,
        tags=text["tags"],
        **{
            f"{column}_enc": runtime.cipher.encrypt(
                text[column], revision_context(column, submission.id, 1)
            )
            for column in ("title", "summary", "body")
        },
    )
    await Submission.filter(id=submission.id).update(state=SubmissionState.AWAITING_CONSENT)


async def test_survivor_pages_in_every_state(
    client: httpx.AsyncClient, runtime: Runtime, lang: str
) -> None:
    client.cookies.set("lang", lang)
    text = STORY[lang]
    today = dt.datetime.now(dt.UTC).date()
    form = submit_form(lang, title=text["title"], body=text["body"])
    receipt = await client.post("/submit", data=form)
    assert receipt.status_code == 201
    assert_date_in(assert_reads_as(receipt, lang, "receipt page"), today, lang)
    code = _code(receipt.text)

    async def my_story(state: str) -> str:
        shown = await client.post("/my-story", data={"receipt_code": code})
        assert shown.status_code == 200, state
        page = assert_reads_as(shown, lang, f"/my-story ({state})")
        assert_date_in(page, today, lang)
        return page

    await my_story("submitted")

    await _set_review(runtime, lang)
    review = await my_story("awaiting consent")
    notes = re.search(r'<p class="review-notes">([^<]*)</p>', review)
    assert notes, "the survivor should see the content notes published with the story"
    assert SEXUAL_VIOLENCE[lang] in notes[1] and TRAFFICKING[lang] in notes[1]
    tags = re.search(r'<p class="review-tags">([^<]*)</p>', review)
    assert tags and TAG_LIST[lang] in tags[1]

    only = await Submission.get()
    await Submission.filter(id=only.id).update(
        state=SubmissionState.REJECTED,
        rejection_reason_enc=runtime.cipher.encrypt(
            text["reason"], column_context("submissions", "rejection_reason", only.id)
        ),
    )
    rejected = await my_story("rejected")
    assert text["reason"].replace("\u2019", "&#39;") in rejected or text["reason"] in rejected

    await Submission.filter().update(state=SubmissionState.PUBLISHED, rejection_reason_enc=None)
    published = await my_story("published")
    token = re.search(r'name="receipt_token" value="([^"]+)"', published)
    assert token
    ask = await client.post("/my-story/withdraw", data={"receipt_token": token[1]})
    assert ask.status_code == 200
    assert_reads_as(ask, lang, "withdraw question")
    token = re.search(r'name="receipt_token" value="([^"]+)"', ask.text)
    assert token
    done = await client.post("/my-story/withdraw/confirm", data={"receipt_token": token[1]})
    assert done.status_code == 200
    assert_reads_as(done, lang, "withdrawn")
    await my_story("withdrawn")
