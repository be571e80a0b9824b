"""The content notes (the warning before a story) in the reader's language: every label of the
taxonomy is translated, with the terms the review chose (trafficking is never "tráfico" or
"trafic", which mean migrant smuggling), and feeds label them in the story's own language
(issue 19)."""

from __future__ import annotations

import httpx
import pytest

from moderation.revisions import CONTENT_NOTES
from stories_service.i18n import use_locale
from stories_service.i18n.labels import content_note_label
from stories_service.runtime import Runtime
from tests.publishing.factories import publish_story, staff_token

# Written here by hand (the review's terms), not read from the catalogues.
REVIEWED_TERMS = {
    "trafficking": {
        "ar": "الاتجار بالبشر والاستغلال",
        "es": "Trata y explotación",
        "fr": "Traite et exploitation",
    },
    "torture": {"ar": "التعذيب", "es": "Tortura", "fr": "Torture"},
    "displacement": {
        "ar": "التهجير القسري",
        "es": "Desplazamiento forzado",
        "fr": "Déplacement forcé",
    },
}
SMUGGLING = ("tráfico", "trafic", "تهريب")
SHOWN = [key for key in CONTENT_NOTES if key != "none"]  # "none" is shown to staff only


@pytest.mark.parametrize("lang", ["ar", "es", "fr"])
def test_every_label_is_translated(lang: str) -> None:
    with use_locale(lang):
        labels = {key: content_note_label(key) for key in SHOWN}
    for key, terms in REVIEWED_TERMS.items():
        assert labels[key] == terms[lang]
    # Words a reader of the language would not say: the English labels (French shares
    # "Violence" and "Torture" with English, and so may keep them).
    same_word = {"fr": {"violence", "torture"}}.get(lang, set())
    untranslated = [k for k in SHOWN if labels[k] == CONTENT_NOTES[k] and k not in same_word]
    assert not untranslated
    assert not any(bad in label.lower() for label in labels.values() for bad in SMUGGLING)


STORY_TEXT = {
    "ar": "<p>نص القصة.</p>",
    "es": "<p>El texto de la historia.</p>",
    "fr": "<p>Le texte de l\u2019histoire.</p>",
    "en": "<p>The text of the story.</p>",
    "ti": "<p>ጽሑፍ</p>",
}
# The labels of torture and trafficking in each story's language (``lang``), as data beside the
# text: no catalogue for Tigrinya, so English, marked as English.
LABELS = {
    "ar": ("ar", "التعذيب", "الاتجار بالبشر والاستغلال"),
    "es": ("es", "Tortura", "Trata y explotación"),
    "fr": ("fr", "Torture", "Traite et exploitation"),
    "en": ("en", "Torture", "Trafficking and exploitation"),
    "ti": ("en", "Torture", "Trafficking and exploitation"),
}
ATOM_CATEGORY = {
    "ar": 'term="torture" scheme="http://testserver/api/v1/content-notes" label="التعذيب"/>',
    "es": 'term="torture" scheme="http://testserver/api/v1/content-notes" label="Tortura"/>',
    "fr": 'term="trafficking" scheme="http://testserver/api/v1/content-notes" '
    'label="Traite et exploitation"/>',
    "ti": 'term="torture" scheme="http://testserver/api/v1/content-notes" label="Torture" '
    'xml:lang="en"/>',
}


async def test_feeds_label_content_notes_in_the_storys_language(
    client: httpx.AsyncClient, runtime: Runtime
) -> None:
    editor = await staff_token("editor")
    for language, body in STORY_TEXT.items():
        await publish_story(
            client,
            runtime.cipher,
            editor,
            title=f"Story {language}",
            body=body,
            language=language,
            content_notes=["torture", "trafficking"],
        )
    # Whatever the reader's interface language: a feed has none.
    client.cookies.set("lang", "es")
    feed = (await client.get("/feed.json")).json()
    by_language = {item["language"]: item for item in feed["items"]}
    for language, (lang, torture, trafficking) in LABELS.items():
        item = by_language[language]
        # The text is the story alone; the notes are data in the extension.
        assert item["content_html"] == STORY_TEXT[language], language
        assert item["_healing_stories"]["content_notes"] == ["torture", "trafficking"]
        assert item["_healing_stories"]["content_note_labels"] == [
            {"key": "torture", "label": torture, "lang": lang},
            {"key": "trafficking", "label": trafficking, "lang": lang},
        ]
    atom = (await client.get("/feed.atom")).text
    for category in ATOM_CATEGORY.values():
        assert category in atom
    assert not any(bad in atom.lower() for bad in SMUGGLING)


async def test_the_survivor_api_gives_the_content_notes_under_review(
    client: httpx.AsyncClient, runtime: Runtime
) -> None:
    from tests.i18n.conftest import submit_form
    from tests.i18n.test_rendered_languages import STORY, _set_review

    receipt = await client.post("/submit", data=submit_form("fr"))
    digits = receipt.text.split('<p class="receipt-code digits" dir="ltr">')[1].split("<")[0]
    await _set_review(runtime, "fr")
    status = await client.post("/api/v1/receipt/status", json={"receipt_code": digits.strip()})
    review = status.json()["review"]
    assert review["content_notes"] == ["sexual_violence", "trafficking"]
    assert review["tags"] == STORY["fr"]["tags"]
