"""A public story page asks search engines not to list it unless its survivor agreed to search
indexing (consent v2's question; issue 16 #5)."""

from __future__ import annotations

import httpx
import pytest

from stories_service.models import PublishedStory
from tests.publishing.factories import publish_story

NOINDEX = '<meta name="robots" content="noindex">'


@pytest.mark.parametrize("indexing", [False, True])
async def test_the_story_page_says_noindex_without_the_consent(
    client: httpx.AsyncClient, runtime, editor_token: str, indexing: bool
) -> None:
    story = await publish_story(
        client, runtime.cipher, editor_token, search_indexing=indexing, content_notes=["grief"]
    )
    assert (await PublishedStory.get(slug=story["slug"])).search_indexing is indexing
    page = await client.get(f"/stories/{story['slug']}")
    assert page.status_code == 200
    head = page.text.split("</head>", 1)[0]
    assert (NOINDEX in head) is not indexing
