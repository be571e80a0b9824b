"""The consent form and the review step in Debian's headless Chromium, in Arabic, Spanish and
French, as a survivor meets them (issue 19 acceptance): screenshots go to test-artifacts/ for
fluent readers (docs/i18n.md), beside the story pages of tests/publishing/test_browser.py."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator

import pytest
from starlette.applications import Starlette

from moderation.states import SubmissionState
from stories_service.crypto import revision_context
from stories_service.models import Revision, Submission
from stories_service.runtime import Runtime
from tests.conftest import ARTIFACTS, Backend
from tests.publishing.conftest import serving

pytestmark = pytest.mark.browser

# What the survivor reads, written here by hand (not read from the catalogues).
STORY = {
    "ar": {
        "title": "طريق العودة",
        "body": "كنت أخاف من الليل، والآن أزرع النعناع على الشرفة.",
        "language": "العربية",
        "tags": ["الأمل", "العمل"],
    },
    "es": {
        "title": "El camino de vuelta",
        "body": "Tenía miedo de la noche; ahora planto menta en el balcón.",
        "language": "Español",
        "tags": ["esperanza", "trabajo"],
    },
    "fr": {
        "title": "Le chemin du retour",
        "body": "J\u2019avais peur de la nuit\u202f; je plante de la menthe sur le balcon.",
        "language": "Français",
        "tags": ["espoir", "travail"],
    },
}
SEARCH_QUESTION_TITLE = {
    "ar": "الظهور في محركات البحث",
    "es": "Aparecer en los buscadores",
    "fr": "Apparaître dans les moteurs de recherche",
}
PUBLISH_QUESTION_TITLE = {
    "ar": "نشر قصتي",
    "es": "Publicar mi historia",
    "fr": "Publier mon histoire",
}
SEND_BUTTON = {"ar": "إرسال قصتي", "es": "Enviar mi historia", "fr": "Envoyer mon histoire"}
OPEN_BUTTON = {"ar": "فتح قصتي", "es": "Abrir mi historia", "fr": "Ouvrir mon histoire"}
WOULD_PUBLISH = {
    "ar": "هذا هو النص الذي سننشره إذا وافقت عليه.",
    "es": "Este es el texto que publicaríamos.",
    "fr": "Voici le texte que nous publierions.",
}
NOTES = ["sexual_violence", "trafficking", "displacement"]
NOTE_LABELS = {
    "ar": ["العنف الجنسي", "الاتجار بالبشر والاستغلال", "التهجير القسري"],
    "es": ["Violencia sexual", "Trata y explotación", "Desplazamiento forzado"],
    "fr": ["Violences sexuelles", "Traite et exploitation", "Déplacement forcé"],
}
TOPICS = {"ar": "المواضيع", "es": "Temas", "fr": "Thèmes"}


@pytest.fixture(scope="module")
def survivor_server(
    app: Starlette, backend: Backend, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The service under uvicorn on the test database, with the in-process app's keys, so a
    revision written here can be read there and a receipt code made there opens here."""
    settings = app.state.runtime.settings
    keys = ",".join(base64.urlsafe_b64encode(k).decode("ascii") for k in settings.encryption_keys)
    with serving(
        backend,
        tmp_path_factory.mktemp("survivor-browser"),
        STORIES_SECRET_KEY=settings.secret_key,
        STORIES_ENCRYPTION_KEY=keys,
    ) as url:
        yield url


async def _send_for_review(runtime: Runtime, lang: str) -> None:
    """What a moderator does, written directly: a revision with content notes and topics,
    waiting for the survivor."""
    submission = await Submission.get()
    text = STORY[lang]
    values = {"title": text["title"], "summary": text["body"], "body": f"<p>{text['body']}</p>"}
    await Revision.create(
        submission=submission,
        number=1,
        content_notes=NOTES,
        tags=text["tags"],
        **{
            f"{column}_enc": runtime.cipher.encrypt(
                value, revision_context(column, submission.id, 1)
            )
            for column, value in values.items()
        },
    )
    await Submission.filter(id=submission.id).update(state=SubmissionState.AWAITING_CONSENT)


@pytest.mark.parametrize("lang", ["ar", "es", "fr"])
async def test_consent_form_and_review_step(
    client, runtime: Runtime, survivor_server: str, browser, lang: str
) -> None:
    from playwright.async_api import expect

    ARTIFACTS.mkdir(exist_ok=True)
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    await context.add_cookies([{"name": "lang", "value": lang, "url": survivor_server}])
    page = await context.new_page()
    await page.goto(survivor_server + "/submit")
    text = STORY[lang]
    await page.fill("#title", text["title"])
    await page.fill("#body", text["body"])
    # The story's language by its name, from the searchable list.
    await page.fill("#language", text["language"])
    for name, answer in (
        ("publish", "yes"),
        ("attribution", "anonymous"),
        ("review", "yes"),
        ("syndicate", "no"),
        ("search_indexing", "no"),
    ):
        await page.check(f"input[name={name}][value={answer}]")
    await page.check(f"input[name=languages][value={lang}]")
    legends = await page.locator("fieldset.question legend").all_inner_texts()
    assert PUBLISH_QUESTION_TITLE[lang] in legends
    assert SEARCH_QUESTION_TITLE[lang] in legends
    # Language names in two scripts fit a phone's width: nothing scrolls sideways.
    assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    form_shot = ARTIFACTS / f"consent-form-{lang}.png"
    await page.screenshot(path=str(form_shot), full_page=True)

    await page.get_by_role("button", name=SEND_BUTTON[lang]).click()
    code = (await page.locator(".receipt-code").first.inner_text()).strip()
    assert re.fullmatch(r"[a-z]+( [a-z]+){5}", code)
    submission = await Submission.get()
    assert submission.language == lang

    await _send_for_review(runtime, lang)
    await page.goto(survivor_server + "/my-story")
    await page.fill("#receipt_code", code)
    await page.get_by_role("button", name=OPEN_BUTTON[lang]).click()
    review = page.locator("section.status")
    await expect(review.locator("article.review h3")).to_have_text(text["title"])
    assert WOULD_PUBLISH[lang] in await review.inner_text()
    notes = await page.locator(".review-notes").inner_text()
    assert all(label in notes for label in NOTE_LABELS[lang]), notes
    topics = await page.locator(".review-tags").inner_text()
    assert topics.startswith(TOPICS[lang]) and all(t in topics for t in text["tags"])
    review_shot = ARTIFACTS / f"review-step-{lang}.png"
    await page.screenshot(path=str(review_shot), full_page=True)
    for shot in (form_shot, review_shot):
        assert shot.stat().st_size > 10_000
    await context.close()
