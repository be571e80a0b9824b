"""The story page in Debian's headless Chromium: the content-note gate, RTL, no third parties."""

from __future__ import annotations

import pytest

from tests.browsing import AXE, AXE_VIOLATIONS, check_page_async
from tests.conftest import ARTIFACTS
from tests.publishing.conftest import wait_until
from tests.publishing.factories import publish_story
from tests.servers import live_client

pytestmark = pytest.mark.browser


async def _visible(client_url: str) -> None:
    async with live_client() as live:

        async def ready() -> bool:
            return (await live.get(client_url)).status_code == 200

        await wait_until(ready)


async def test_content_notes_come_first_and_work_without_javascript(
    client, runtime, live_server, editor_token, browser
):
    story = await publish_story(
        client,
        runtime.cipher,
        editor_token,
        title="The long road",
        body="<p>The night they came, I hid in the well.</p>",
        content_notes=["violence", "displacement"],
    )
    url = f"{live_server}/stories/{story['slug']}"
    await _visible(url)
    ARTIFACTS.mkdir(exist_ok=True)
    context = await browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = await context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    await page.goto(url)
    notes = page.locator(".content-notes")
    assert await notes.is_visible()
    assert "Violence" in await notes.inner_text()  # the label, not the key
    assert not await page.locator("#story-body").is_visible()
    await page.screenshot(path=str(ARTIFACTS / "story-content-note-gate.png"), full_page=True)
    await page.get_by_text("I want to continue to the story").click()
    assert await page.locator("#story-body").is_visible()
    assert "hid in the well" in await page.locator("#story-body").inner_text()
    await page.screenshot(path=str(ARTIFACTS / "story-after-gate.png"), full_page=True)
    assert requested and all(r.startswith(live_server) for r in requested), requested
    await context.close()


async def test_arabic_story_renders_right_to_left(
    client, runtime, live_server, editor_token, browser
):
    story = await publish_story(
        client,
        runtime.cipher,
        editor_token,
        language="ar",
        title="طريق العودة",
        body="<p>كنت أخاف من الليل، والآن أزرع النعناع على الشرفة.</p>",
        summary="النعناع على الشرفة.",
    )
    url = f"{live_server}/stories/{story['slug']}"
    await _visible(url)
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    page = await context.new_page()
    await page.goto(url)
    article = page.locator("article.story")
    assert await article.get_attribute("lang") == "ar"
    assert await article.get_attribute("dir") == "rtl"
    direction = await page.evaluate(
        "getComputedStyle(document.querySelector('#story-body')).direction"
    )
    assert direction == "rtl"
    # The title hugs the right edge of the article, as Arabic text should.
    geometry = await page.evaluate(
        """() => {
            const a = document.querySelector('article.story').getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(document.querySelector('article.story h1'));
            const t = range.getBoundingClientRect();
            return {articleRight: a.right, titleRight: t.right,
                    titleLeft: t.left, articleLeft: a.left};
        }"""
    )
    assert abs(geometry["articleRight"] - geometry["titleRight"]) < 2
    assert geometry["titleLeft"] - geometry["articleLeft"] > 20
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "story-rtl.png"), full_page=True)
    await context.close()


async def test_the_accessibility_check_fails_on_what_axe_flags(browser) -> None:
    """The browser tests ask axe for its violations only: they are still reported."""
    context = await browser.new_context()
    page = await context.new_page()
    await page.set_content(
        '<html lang="en"><title>t</title><main><h1>t</h1><img src="a.png"></main></html>'
    )
    with pytest.raises(AssertionError, match="image-alt"):
        await check_page_async(page, "an image without a text alternative")
    await context.close()


async def test_public_pages_have_no_serious_accessibility_violations(
    client, runtime, live_server, editor_token, browser
):
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make browser-deps)")
    story = await publish_story(
        client,
        runtime.cipher,
        editor_token,
        title="Accessible",
        content_notes=["grief"],
        tags=["hope"],
    )
    url = f"{live_server}/stories/{story['slug']}"
    await _visible(url)
    context = await browser.new_context(bypass_csp=True)  # to inject axe, not the page's code
    page = await context.new_page()
    for path in ("/", f"/stories/{story['slug']}"):
        await page.goto(live_server + path)
        assert await page.locator("main").count() == 1
        assert await page.locator("h1").count() == 1
        await page.add_script_tag(path=str(AXE))
        result = await page.evaluate(AXE_VIOLATIONS)
        serious = [
            (v["id"], v["impact"])
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        assert serious == [], (path, serious)
    await context.close()


# The warning before a story, in the reader's language (issue 19); the labels are written here
# by hand, not read from the catalogues.
NOTES_IN = {
    "ar": ("قبل القراءة", ["العنف الجنسي", "الاتجار بالبشر والاستغلال", "التهجير القسري"]),
    "es": ("Antes de leer", ["Violencia sexual", "Trata y explotación", "Desplazamiento forzado"]),
    "fr": ("Avant de lire", ["Violences sexuelles", "Traite et exploitation", "Déplacement forcé"]),
}
STORY_IN = {
    "ar": ("طريق العودة", "<p>كنت أخاف من الليل، والآن أزرع النعناع على الشرفة.</p>"),
    "es": (
        "El camino de vuelta",
        "<p>Tenía miedo de la noche; ahora planto menta.</p>",
    ),
    "fr": ("Le chemin du retour", "<p>J\u2019avais peur de la nuit ; je plante de la menthe.</p>"),
}


@pytest.mark.parametrize("lang", ["ar", "es", "fr"])
async def test_content_notes_in_the_readers_language(
    client, runtime, live_server, editor_token, browser, lang
):
    title, body = STORY_IN[lang]
    story = await publish_story(
        client,
        runtime.cipher,
        editor_token,
        language=lang,
        title=title,
        body=body,
        content_notes=["sexual_violence", "trafficking", "displacement"],
    )
    url = f"{live_server}/stories/{story['slug']}"
    await _visible(url)
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    await context.add_cookies([{"name": "lang", "value": lang, "url": live_server}])
    page = await context.new_page()
    await page.goto(url)
    assert await page.locator("html").get_attribute("lang") == lang
    notes = page.locator(".content-notes")
    assert await notes.get_attribute("lang") == lang
    heading, labels = NOTES_IN[lang]
    assert await notes.locator("h2").inner_text() == heading
    assert await notes.locator("li").all_inner_texts() == labels
    direction = await page.evaluate(
        "getComputedStyle(document.querySelector('.content-notes')).direction"
    )
    assert direction == ("rtl" if lang == "ar" else "ltr")
    assert not await page.locator("#story-body").is_visible()  # the gate still comes first
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"story-content-notes-{lang}.png"
    await page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    await context.close()
