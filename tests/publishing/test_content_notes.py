"""Content notes as data: the taxonomy endpoint, labelled notes on stories, the feeds' extension
and Atom categories (read by feedparser), and never a label in the text or the topic tags."""

from __future__ import annotations

import json
import re

import feedparser
import jsonschema

from moderation.revisions import CONTENT_NOTES
from stories_service.models import OutboxEvent
from stories_service.webhooks.delivery import event_body
from tests.conftest import TEST_DATA
from tests.publishing.factories import publish_story

SCHEMA = json.loads((TEST_DATA / "jsonfeed" / "jsonfeed-1.1.schema.json").read_text())
LANGUAGES = ["en", "ar", "es", "fr"]
NOTES_SCHEME = "http://testserver/api/v1/content-notes"
# The glossary's words (docs/i18n-glossary.md), as readers of each language see them.
WAR = {
    "en": "War and armed conflict",
    "ar": "الحرب والنزاع المسلح",
    "es": "Guerra y conflicto armado",
    "fr": "Guerre et conflit armé",
}
TRAFFICKING = {
    "en": "Trafficking and exploitation",
    "ar": "الاتجار بالبشر والاستغلال",
    "es": "Trata y explotación",
    "fr": "Traite et exploitation",
}
ENGLISH_LABELS = [label for key, label in CONTENT_NOTES.items() if key != "none"]


async def test_the_taxonomy_lists_every_note_with_a_label_in_every_language(client):
    response = await client.get("/api/v1/content-notes")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.headers["cache-control"].startswith("public")
    document = response.json()
    assert document["languages"] == [
        {"lang": "en", "dir": "ltr"},
        {"lang": "ar", "dir": "rtl"},
        {"lang": "es", "dir": "ltr"},
        {"lang": "fr", "dir": "ltr"},
    ]
    notes = {note["key"]: note["labels"] for note in document["content_notes"]}
    # The taxonomy's order; "none" (a staff record: nothing to warn about) is never listed.
    assert list(notes) == [key for key in CONTENT_NOTES if key != "none"]
    assert notes["war"] == WAR
    assert notes["trafficking"] == TRAFFICKING
    for key, labels in notes.items():
        assert sorted(labels) == sorted(LANGUAGES), key
        assert labels["en"] == CONTENT_NOTES[key]
        assert all(labels.values()), key
        # Translated, not English passed through (French writes "Violence" and "Torture" too).
        assert labels["ar"] != labels["en"], key


async def test_the_taxonomy_is_the_same_for_every_reader_and_revalidates(client):
    english = await client.get("/api/v1/content-notes")
    arabic = await client.get("/api/v1/content-notes", headers={"Accept-Language": "ar"})
    assert arabic.content == english.content
    assert arabic.headers["etag"] == english.headers["etag"]
    assert "content-language" not in english.headers
    assert "accept-language" not in english.headers.get("vary", "").lower()
    again = await client.get(
        "/api/v1/content-notes", headers={"If-None-Match": english.headers["etag"]}
    )
    assert again.status_code == 304 and again.content == b""
    head = await client.head("/api/v1/content-notes")
    assert head.status_code == 200 and head.headers["etag"] == english.headers["etag"]
    stale = await client.get("/api/v1/content-notes", headers={"If-None-Match": '"other"'})
    assert stale.status_code == 200


async def test_the_taxonomy_refuses_unknown_parameters(client):
    response = await client.get("/api/v1/content-notes?lang=ar")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "unknown_parameter"


async def test_the_taxonomy_is_in_the_openapi_document(client):
    spec = (await client.get("/openapi.json")).json()
    operation = spec["paths"]["/api/v1/content-notes"]["get"]
    assert operation["operationId"] == "listContentNotes"
    story = spec["paths"]["/api/v1/stories/{slug}"]["get"]["responses"]["200"]
    schema = story["content"]["application/json"]["schema"]
    assert "content_note_labels" in schema["properties"]


async def test_a_story_carries_its_note_keys_and_labels_in_its_language(
    client, runtime, editor_token
):
    story = await publish_story(
        client,
        runtime.cipher,
        editor_token,
        title="الحديقة",
        language="ar",
        content_notes=["war", "trafficking", "none"],
        tags=["أمل"],
    )
    data = (await client.get(f"/api/v1/stories/{story['slug']}")).json()
    assert data["content_notes"] == ["war", "trafficking"]  # the keys, as before
    assert data["content_note_labels"] == [
        {"key": "war", "label": WAR["ar"], "lang": "ar"},
        {"key": "trafficking", "label": TRAFFICKING["ar"], "lang": "ar"},
    ]
    listed = (await client.get("/api/v1/stories")).json()["stories"][0]
    assert listed["content_note_labels"] == data["content_note_labels"]
    event = await OutboxEvent.get(event_type="story.published")
    webhook = json.loads(await event_body(event, "https://stories.example.org"))
    assert webhook["data"]["content_notes"] == data["content_notes"]
    assert webhook["data"]["content_note_labels"] == data["content_note_labels"]


async def test_a_story_in_a_language_without_a_catalogue_is_labelled_in_english(
    client, runtime, editor_token
):
    story = await publish_story(
        client, runtime.cipher, editor_token, language="uk", content_notes=["war"]
    )
    data = (await client.get(f"/api/v1/stories/{story['slug']}")).json()
    assert data["content_note_labels"] == [{"key": "war", "label": WAR["en"], "lang": "en"}]
    atom = (await client.get("/feed.atom")).text
    # The entry is xml:lang="uk"; the English label says it is English.
    assert f'label="{WAR["en"]}" xml:lang="en"' in atom


async def test_a_note_the_taxonomy_no_longer_knows_is_shown_as_english_words(
    client, runtime, editor_token
):
    story = await publish_story(
        client, runtime.cipher, editor_token, language="es", content_notes=["old_note", "war"]
    )
    data = (await client.get(f"/api/v1/stories/{story['slug']}")).json()
    assert data["content_note_labels"] == [
        {"key": "old_note", "label": "Old note", "lang": "en"},
        {"key": "war", "label": WAR["es"], "lang": "es"},
    ]


async def test_the_json_feed_carries_notes_in_its_extension_only(client, runtime, editor_token):
    arabic = await publish_story(
        client,
        runtime.cipher,
        editor_token,
        title="الحديقة",
        language="ar",
        body="<p>عندما وصلت لم أستطع النوم.</p>",
        content_notes=["war", "trafficking"],
        tags=["أمل"],
    )
    await publish_story(client, runtime.cipher, editor_token, content_notes=["war"], tags=["hope"])
    feed = (await client.get("/feed.json")).json()
    jsonschema.validate(feed, SCHEMA)
    items = {item["_healing_stories"]["slug"]: item for item in feed["items"]}
    item = items[arabic["slug"]]
    extension = item["_healing_stories"]
    assert extension["content_notes"] == ["war", "trafficking"]
    assert extension["content_note_labels"] == [
        {"key": "war", "label": WAR["ar"], "lang": "ar"},
        {"key": "trafficking", "label": TRAFFICKING["ar"], "lang": "ar"},
    ]
    # The text is the survivor's story alone, as the API gives it: no label in any language.
    assert item["content_html"] == "<p>عندما وصلت لم أستطع النوم.</p>"
    api = (await client.get(f"/api/v1/stories/{arabic['slug']}")).json()
    assert item["content_html"] == api["content_html"]
    for label in [*ENGLISH_LABELS, WAR["ar"], TRAFFICKING["ar"], "Content note"]:
        assert label not in item["content_html"]
    # Topic tags are topics: no note key or label among them.
    for each in feed["items"]:
        assert each["tags"] in (["أمل"], ["hope"])
        assert not any("content-note" in tag or tag in CONTENT_NOTES for tag in each["tags"])


async def test_feedparser_reads_note_categories_with_their_scheme(client, runtime, editor_token):
    await publish_story(
        client,
        runtime.cipher,
        editor_token,
        title="Le jardin",
        language="fr",
        content_notes=["war", "trafficking"],
        tags=["espoir", "war"],  # a topic that happens to share a note's key stays a topic
    )
    response = await client.get("/feed.atom")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    entry = parsed.entries[0]
    notes = [(t.term, t.label) for t in entry.tags if t.scheme == NOTES_SCHEME]
    topics = [t.term for t in entry.tags if t.scheme == "http://testserver/tags"]
    assert notes == [("war", WAR["fr"]), ("trafficking", TRAFFICKING["fr"])]
    assert topics == ["espoir", "war"]
    assert len(entry.tags) == 4
    text = entry.content[0].value
    for label in [*ENGLISH_LABELS, WAR["fr"], TRAFFICKING["fr"], "Avertissement"]:
        assert label not in text
    # The scheme is the taxonomy's own address.
    taxonomy = await client.get(NOTES_SCHEME.removeprefix("http://testserver"))
    assert {n["key"] for n in taxonomy.json()["content_notes"]} >= {"war", "trafficking"}


async def test_the_story_page_keeps_its_gate_in_the_readers_language(client, runtime, editor_token):
    story = await publish_story(
        client, runtime.cipher, editor_token, language="ar", content_notes=["war"]
    )
    path = f"/stories/{story['slug']}"
    for interface, label in (("ar", WAR["ar"]), ("fr", WAR["fr"]), ("en", WAR["en"])):
        page = (await client.get(path, headers={"Accept-Language": interface})).text
        gate = re.search(r'<section class="content-notes".*?</section>', page, re.S)
        assert gate is not None, interface
        assert f'lang="{interface}"' in gate[0]
        assert f"<li>{label}</li>" in gate[0]
        assert '<details class="story-gate">' in page
