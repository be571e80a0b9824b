"""The submission draft in Debian's headless Chromium (issue 17 #3): the title and story typed on
/submit survive a language switch and a failed submit, are kept in the browser tab only (never
sent anywhere but with the form itself), and are gone after a successful submission or
"Clear draft". Screenshots in test-artifacts/."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field

import pytest
from playwright.async_api import Browser, BrowserContext, Dialog, Page, Request, expect

from tests.browsing import AXE, AXE_VIOLATIONS, launched_chromium
from tests.conftest import ARTIFACTS
from tests.i18n.conftest import RECEIPT_HEADING, SUBMIT_BUTTON, SUBMIT_HEADING
from tests.servers import free_port, local_url, spawned_server, uvicorn_command

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SIZES = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
# Small enough that a long story is refused (413) with the error page, which cannot show it
# again; big enough for an ordinary submission.
MAX_BODY_BYTES = 16_384

TITLE = "The balcony garden"
STORY = "When I arrived I could not sleep.\nNow the balcony is full of mint, and I sleep again."
DRAFT_KEY = "healing-stories:submit-draft"
# Written here by hand, not read from the catalogues, so a lost translation fails.
DRAFT_NOTICE = {
    "en": "Your title and story are kept in this browser tab, on this device only",
    "es": "Su título y su historia se guardan en esta pestaña del navegador",
    "fr": "Votre titre et votre histoire sont conservés dans cet onglet du navigateur",
}
CLEAR_DRAFT = {
    "en": "Clear draft",
    "es": "Eliminar el borrador",
    "fr": "Effacer le brouillon",
    "ar": "مسح المسودة",
}


@pytest.fixture(scope="module")
def draft_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service under uvicorn with its own SQLite database and a small body limit."""
    from stories_service.settings import new_encryption_key

    data = tmp_path_factory.mktemp("draft-site")
    port = free_port()
    env = {
        **os.environ,
        "STORIES_ENV": "test",
        "STORIES_DATA_DIR": str(data),
        "DATABASE_URL": f"sqlite://{data}/stories.sqlite3",
        "STORIES_SECRET_KEY": "draft-secret-" + "d" * 32,
        "STORIES_ENCRYPTION_KEY": new_encryption_key(),
        "STORIES_MIGRATE_ON_START": "true",
        "STORIES_BACKGROUND_JOBS": "false",
        "STORIES_SUBMIT_RATE_PER_HOUR": "100000",
        "STORIES_MAX_BODY_BYTES": str(MAX_BODY_BYTES),
    }
    with spawned_server(uvicorn_command(port), port, env, ready_path="/healthz"):
        yield local_url(port)


@dataclass
class Watched:
    """A page, with every request it made, and what the Content-Security-Policy refused and
    the page's scripts threw."""

    page: Page
    requests: list[Request] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def posts_holding(self, text: str) -> list[str]:
        """``METHOD path`` of every request whose body holds ``text``."""
        return [
            f"{r.method} {r.url.split('/', 3)[-1]}"
            for r in self.requests
            if text in (r.post_data or "")
        ]


OpenPage = Callable[..., Awaitable[Watched]]


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    """One Chromium for the module's tests; each page gets a context of its own."""
    async with launched_chromium() as launched:
        yield launched


@pytest.fixture
async def open_page(browser: Browser, draft_site: str) -> AsyncIterator[OpenPage]:
    """Opens a page in a fresh browser context (its own sessionStorage) at a viewport size."""
    contexts: list[BrowserContext] = []

    async def opened(viewport: dict[str, int], **options: object) -> Watched:
        context = await browser.new_context(
            base_url=draft_site, viewport=viewport, locale="en-GB", **options
        )
        contexts.append(context)
        watched = Watched(await context.new_page())
        watched.page.on("request", lambda request: watched.requests.append(request))
        # A script the Content-Security-Policy refuses is reported on the console; an
        # exception in the script is a page error. (404s for a favicon and the 422 are
        # console errors too, and not this test's business.)
        watched.page.on(
            "console",
            lambda message: (
                watched.console_errors.append(message.text)
                if "Content Security Policy" in message.text or "Refused" in message.text
                else None
            ),
        )
        watched.page.on("pageerror", lambda error: watched.console_errors.append(str(error)))
        return watched

    try:
        yield opened
    finally:
        for context in contexts:
            await context.close()


async def _expect_typed_text(page: Page) -> None:
    await expect(page.locator("#title")).to_have_value(TITLE)
    await expect(page.locator("#body")).to_have_value(STORY)


async def _stored_draft(page: Page) -> object:
    return await page.evaluate(f"window.sessionStorage.getItem({DRAFT_KEY!r})")


def _shot(name: str, viewport: dict[str, int]) -> str:
    ARTIFACTS.mkdir(exist_ok=True)
    size = "phone" if viewport == PHONE else "desktop"
    return str(ARTIFACTS / f"submit-draft-{name}-{size}.png")


async def _answer_everything(page: Page) -> None:
    await page.fill("#language", "English")
    await page.check("input[name=publish][value=yes]")
    await page.check("input[name=attribution][value=anonymous]")
    await page.check("input[name=review][value=yes]")
    await page.check("input[name=syndicate][value=no]")
    await page.check("input[name=search_indexing][value=no]")  # consent v2's own question
    await page.check("input[name=languages][value=en]")


@SIZES
async def test_draft_survives_language_switches_and_a_failed_submit(
    open_page: OpenPage, viewport: dict[str, int]
) -> None:
    watched: Watched = await open_page(viewport)
    page = watched.page
    await page.goto("/submit")
    await expect(page.locator("#draft-notice")).to_be_hidden()  # nothing kept yet
    await page.fill("#title", TITLE)
    await page.fill("#body", STORY)
    notice = page.locator("#draft-notice")
    await expect(notice).to_be_visible()
    await expect(notice).to_contain_text(DRAFT_NOTICE["en"])

    await page.get_by_role("button", name="Español").click()
    await expect(page.locator("h1")).to_have_text(SUBMIT_HEADING["es"])
    await _expect_typed_text(page)
    await expect(notice).to_contain_text(DRAFT_NOTICE["es"])
    await expect(page.get_by_role("button", name=CLEAR_DRAFT["es"])).to_be_visible()
    await page.screenshot(path=_shot("after-language-switch", viewport), full_page=True)

    # No consent answer given: the form comes back with its errors (422), the text with it.
    await page.get_by_role("button", name=SUBMIT_BUTTON["es"]).click()
    await expect(page.locator(".notice.error")).to_be_visible()
    await _expect_typed_text(page)
    # Switching language on the page shown after that POST reloads /submit empty: the draft
    # fills it again.
    await page.get_by_role("button", name="Français").click()
    await expect(page.locator("h1")).to_have_text(SUBMIT_HEADING["fr"])
    await _expect_typed_text(page)
    await expect(notice).to_contain_text(DRAFT_NOTICE["fr"])
    await page.screenshot(path=_shot("after-failed-submit", viewport), full_page=True)

    await _answer_everything(page)
    await page.get_by_role("button", name=SUBMIT_BUTTON["fr"]).click()
    await expect(page.locator("h1")).to_have_text(RECEIPT_HEADING["fr"])
    assert await _stored_draft(page) is None
    await page.goto("/submit")
    await expect(page.locator("#title")).to_have_value("")
    await expect(page.locator("#body")).to_have_value("")
    await expect(notice).to_be_hidden()

    # The text left the browser only with the form itself, and the script broke no rule of the
    # Content-Security-Policy.
    assert set(watched.posts_holding("balcony")) == {"POST submit"}
    assert watched.console_errors == []


@SIZES
async def test_draft_outlives_a_refused_submit_and_clear_draft_removes_it(
    open_page: OpenPage, viewport: dict[str, int]
) -> None:
    watched: Watched = await open_page(viewport)
    page = watched.page
    long_story = STORY + "\n" + "And every morning the mint grew a little more. " * 400
    await page.goto("/submit")
    await page.fill("#title", TITLE)
    await page.fill("#body", long_story)
    await _answer_everything(page)
    # Too long for this server: refused with the error page, which does not hold the text.
    await page.get_by_role("button", name=SUBMIT_BUTTON["en"]).click()
    await expect(page.locator("#body")).to_have_count(0)
    await page.goto("/submit")
    await expect(page.locator("#title")).to_have_value(TITLE)
    await expect(page.locator("#body")).to_have_value(long_story)
    await page.screenshot(path=_shot("restored-after-refusal", viewport), full_page=True)

    questions: list[str] = []

    async def accept(dialog: Dialog) -> None:
        questions.append(dialog.message)
        await dialog.accept()

    page.on("dialog", accept)
    await page.get_by_role("button", name=CLEAR_DRAFT["en"]).click()
    assert questions and "Delete the title and story you typed" in questions[0]
    await expect(page.locator("#title")).to_have_value("")
    await expect(page.locator("#body")).to_have_value("")
    await expect(page.locator("#draft-cleared")).to_be_visible()
    await expect(page.locator("#draft-notice")).to_be_hidden()
    assert await _stored_draft(page) is None
    await page.reload()
    await expect(page.locator("#body")).to_have_value("")
    assert watched.console_errors == []


async def test_without_javascript_the_form_works_and_promises_no_draft(
    open_page: OpenPage,
) -> None:
    watched: Watched = await open_page(PHONE, java_script_enabled=False)
    page = watched.page
    await page.goto("/submit")
    await page.fill("#title", TITLE)
    await page.fill("#body", STORY)
    # The notice is in the page, but only the script that keeps a draft may show it.
    await expect(page.locator("#draft-notice")).to_have_count(1)
    await expect(page.locator("#draft-notice")).to_be_hidden()
    await _answer_everything(page)
    await page.get_by_role("button", name=SUBMIT_BUTTON["en"]).click()
    await expect(page.locator("h1")).to_have_text(RECEIPT_HEADING["en"])


@SIZES
async def test_the_draft_notice_is_accessible_and_mirrors_in_arabic(
    open_page: OpenPage, viewport: dict[str, int]
) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make browser-deps)")
    # Only to inject axe: the page's own script runs under the policy in the tests above.
    watched = await open_page(viewport, bypass_csp=True)
    page = watched.page
    await page.goto("/submit")
    await page.get_by_role("button", name="العربية").click()
    await expect(page.locator("html")).to_have_attribute("dir", "rtl")
    await page.fill("#title", "حديقة الشرفة")
    await page.fill("#body", "عندما وصلت لم أستطع النوم. الآن الشرفة مليئة بالنعناع.")
    await expect(page.get_by_role("button", name=CLEAR_DRAFT["ar"])).to_be_visible()
    await page.screenshot(path=_shot("ar", viewport), full_page=True)
    await page.add_script_tag(path=str(AXE))
    result = await page.evaluate(AXE_VIOLATIONS)
    serious = [
        (v["id"], v["impact"])
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []
