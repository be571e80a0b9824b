"""The main website's view in Debian's headless Chromium (issue 16 #3): a page served from
another loopback origin frames a story's embed (the oEmbed HTML as the service gives it) and
reads the stories JSON with fetch(); a page from an origin nobody configured can do neither."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.browsing import check_page_async
from tests.conftest import ARTIFACTS
from tests.publishing.conftest import serving, wait_until
from tests.publishing.factories import publish_story
from tests.servers import live_client, local_url

pytestmark = pytest.mark.browser


class _Pages:
    """What the stand-in main website serves: one HTML page per path, set by the test."""

    def __init__(self) -> None:
        self.by_path: dict[str, str] = {}


@contextlib.contextmanager
def main_website(pages: _Pages) -> Iterator[str]:
    """A tiny web server on its own loopback port (its own origin), stopped on the way out."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.by_path.get(self.path, "").encode("utf-8")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield local_url(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def sites(backend, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, _Pages]]:
    """(service URL, main website URL, its pages): the service lets the main website read its
    JSON and frame its embeds."""
    pages = _Pages()
    with (
        main_website(pages) as main,
        serving(
            backend,
            tmp_path_factory.mktemp("embeds-live"),
            STORIES_CORS_ORIGINS=main,
            STORIES_EMBED_ORIGINS=main,
        ) as service,
    ):
        yield service, main, pages


def _main_page(iframe_html: str, service: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The main website</title></head>
<body><main><h1>Stories from our partners</h1>
{iframe_html}
<script>
fetch("{service}/api/v1/stories")
  .then((response) => response.json())
  .then((data) => {{ window.storiesRead = data.stories.map((s) => s.title); }})
  .catch((error) => {{ window.storiesRead = "refused: " + error.name; }});
</script>
</main></body></html>"""


async def _story_visible(service: str, slug: str) -> None:
    async with live_client() as http:

        async def ready() -> bool:
            return (await http.get(f"{service}/api/v1/stories/{slug}")).status_code == 200

        await wait_until(ready)


async def test_the_main_website_frames_an_embed_and_reads_the_json(
    client, runtime, editor_token, browser, sites
) -> None:
    service, main, pages = sites
    story = await publish_story(
        client,
        runtime.cipher,
        editor_token,
        title="The long road",
        body="<p>The night they came, I hid in the well.</p>",
        content_notes=["violence"],
    )
    await _story_visible(service, story["slug"])
    async with live_client() as http:
        oembed = await http.get(
            f"{service}/oembed", params={"url": f"{service}/stories/{story['slug']}"}
        )
    assert oembed.status_code == 200
    pages.by_path["/partners"] = _main_page(oembed.json()["html"], service)

    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.goto(f"{main}/partners")
    await wait_until(lambda: page.evaluate("window.storiesRead !== undefined"))
    assert await page.evaluate("window.storiesRead") == ["The long road"]

    frame = page.frame_locator("iframe")
    notes = frame.locator(".content-notes")
    await notes.wait_for()
    assert "Violence" in await notes.inner_text()

    # The embed's own stylesheet loads inside the sandboxed frame (the notes may be in the page
    # before it is: CI once read their style too early).
    async def styled() -> bool:
        background = await notes.evaluate("(n) => getComputedStyle(n).backgroundColor")
        return background not in {"rgba(0, 0, 0, 0)", "transparent"}

    await wait_until(styled)
    body = frame.locator("#story-body")
    assert not await body.is_visible()
    await frame.get_by_text("I want to continue to the story").click()
    assert await body.is_visible()
    assert "hid in the well" in await body.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "embed-on-main-website.png"), full_page=True)
    await context.close()


async def test_a_site_nobody_configured_can_neither_frame_nor_read(
    client, runtime, editor_token, browser, sites
) -> None:
    service, _, _ = sites
    story = await publish_story(client, runtime.cipher, editor_token, title="Kept at home")
    await _story_visible(service, story["slug"])
    other_pages = _Pages()
    embed = f"{service}/embed/stories/{story['slug']}"
    other_pages.by_path["/copy"] = _main_page(
        f'<iframe src="{embed}" title="A story" width="600" height="400"></iframe>', service
    )
    with main_website(other_pages) as elsewhere:
        context = await browser.new_context()
        page = await context.new_page()
        await page.goto(f"{elsewhere}/copy")
        await wait_until(lambda: page.evaluate("window.storiesRead !== undefined"))
        assert await page.evaluate("window.storiesRead") == "refused: TypeError"
        # frame-ancestors refuses the frame: Chromium shows its error page instead of the story.
        frame = page.frames[1]

        async def navigated() -> bool:
            return frame.url not in {"", "about:blank"}

        await wait_until(navigated)
        assert frame.url.startswith("chrome-error://"), frame.url
        assert "Kept at home" not in await frame.content()
        await context.close()


async def test_the_embed_page_passes_the_accessibility_checks(
    client, runtime, editor_token, browser, sites
) -> None:
    service, _, _ = sites
    story = await publish_story(
        client,
        runtime.cipher,
        editor_token,
        language="ar",
        title="طريق العودة",
        body="<p>كنت أخاف من الليل، والآن أزرع النعناع على الشرفة.</p>",
        summary="النعناع على الشرفة.",
        content_notes=["grief"],
        tags=["hope"],
    )
    await _story_visible(service, story["slug"])
    for width, height in ((390, 844), (1280, 900)):
        # bypass_csp only to inject axe-core.
        context = await browser.new_context(
            viewport={"width": width, "height": height}, bypass_csp=True
        )
        page = await context.new_page()
        for path in (f"/embed/stories/{story['slug']}", "/embed/stories"):
            await page.goto(service + path)
            await check_page_async(page, f"{path} at {width}px")
        await context.close()
