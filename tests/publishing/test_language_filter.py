"""The public index's language filter takes a language by name, in the reader's language, from
a searchable list (issue 17 #6): the same words as the submission form."""

from __future__ import annotations

import httpx
import pytest

from stories_service.publishing.serving import page_cache
from tests.publishing.factories import publish_story


@pytest.mark.parametrize(("lang", "typed"), [("fr", "arabe"), ("es", "árabe"), ("ar", "العربية")])
async def test_the_filter_finds_stories_by_language_name(
    client: httpx.AsyncClient, runtime, editor_token: str, lang: str, typed: str
) -> None:
    page_cache(runtime).drop()
    await publish_story(client, runtime.cipher, editor_token, language="ar", title="طريق العودة")
    await publish_story(client, runtime.cipher, editor_token, language="en", title="The way back")
    client.cookies.set("lang", lang)
    page = await client.get("/", params={"lang": typed})
    assert page.status_code == 200
    assert "طريق العودة" in page.text and "The way back" not in page.text
    named = {"fr": "Arabe", "es": "Árabe", "ar": "العربية"}[lang]
    assert 'name="lang" list="filter-language-names"' in page.text
    assert f'value="{named}"' in page.text  # the filter shows the name, never the code
    assert f'<option value="{named}">' in page.text


async def test_a_code_still_filters(client: httpx.AsyncClient, runtime, editor_token: str) -> None:
    page_cache(runtime).drop()
    await publish_story(client, runtime.cipher, editor_token, language="ar", title="طريق العودة")
    page = await client.get("/", params={"lang": "ar"})
    assert "طريق العودة" in page.text
