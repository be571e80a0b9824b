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
FEED_HEADING = {
    "ar": "<strong>تنبيهات حول المحتوى:</strong> التعذيب والاتجار بالبشر والاستغلال",
    "es": "<strong>Avisos de contenido:</strong> Tortura y Trata y explotación",
    "fr": "<strong>Avertissements sur le contenu\u202f:</strong> Torture et Traite et exploitation",
    "en": "<strong>Content notes:</strong> Torture and Trafficking and exploitation",
    # No catalogue for Tigrinya: the labels stay English, marked as English.
    "ti": "<strong>Content notes:</strong> Torture and Trafficking and exploitation",
}
ATOM_LABEL = {
    "ar": 'label="تنبيه حول المحتوى: التعذيب"',
    "es": 'label="Aviso de contenido: Tortura"',
    "fr": 'label="Avertissement sur le contenu\u202f: Torture"',
    "en": 'label="Content note: Torture"',
    "ti": 'label="Content note: Torture"',
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
    for language, heading in FEED_HEADING.items():
        content = by_language[language]["content_html"]
        marked = "en" if language == "ti" else language
        assert f'<p lang="{marked}"' in content, language
        assert heading in content, (language, content)
        assert by_language[language]["_healing_stories"]["content_notes"] == [
            "torture",
            "trafficking",
        ]
    atom = (await client.get("/feed.atom")).text
    for label in ATOM_LABEL.values():
        assert label in atom
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
