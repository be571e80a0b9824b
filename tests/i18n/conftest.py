"""Helpers for the interface-language tests: the four languages and what each page must say."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import httpx
import pytest

from tests.servers import free_port, local_url, spawned_server, uvicorn_command

LANGUAGES = ("en", "es", "fr", "ar")
DIRECTION = {"en": "ltr", "es": "ltr", "fr": "ltr", "ar": "rtl"}

# Strings each page must show, per language: written here by hand, not read from the catalogues,
# so a lost or wrong translation fails.
SUBMIT_HEADING = {
    "en": "Share your story",
    "es": "Comparta su historia",
    "fr": "Partagez votre histoire",
    "ar": "مشاركة قصتك",
}
SUBMIT_BUTTON = {
    "en": "Send my story",
    "es": "Enviar mi historia",
    "fr": "Envoyer mon histoire",
    "ar": "إرسال قصتي",
}
CONSENT_PUBLISH_QUESTION = {
    "en": "May we publish your story on our website",
    "es": "¿Podemos publicar su historia en nuestro sitio web",
    "fr": "Pouvons-nous publier votre histoire sur notre site",
    "ar": "هل يمكننا نشر قصتك على موقعنا",
}
RECEIPT_HEADING = {
    "en": "Thank you. We have your story.",
    "es": "Gracias. Hemos recibido su historia.",
    "fr": "Merci. Nous avons bien reçu votre histoire.",
    "ar": "شكرًا لك. وصلتنا قصتك.",
}
RECEIPT_DIGITS_LABEL = {
    "en": "The same code as numbers:",
    "es": "El mismo código en cifras:",
    "fr": "Le même code en chiffres\u202f:",  # French: a narrow no-break space before ":"
    "ar": "الرمز نفسه بالأرقام:",
}
MY_STORY_BUTTON = {
    "en": "Open my story",
    "es": "Abrir mi historia",
    "fr": "Ouvrir mon histoire",
    "ar": "فتح قصتي",
}
STATUS_SUBMITTED = {
    "en": "We have your story. A member of our team will read it soon.",
    "es": "Tenemos su historia. Una persona de nuestro equipo la leerá pronto.",
    "fr": "Nous avons votre histoire. Une personne de notre équipe la lira bientôt.",
    "ar": "وصلتنا قصتك. سيقرؤها أحد أعضاء فريقنا قريبًا.",
}
UNKNOWN_CODE = {
    "en": "We could not find a story with this code.",
    "es": "No encontramos ninguna historia con este código.",
    "fr": "Nous n\u2019avons trouvé aucune histoire avec ce code.",
    "ar": "لم نجد قصة بهذا الرمز.",
}
NOT_FOUND_HEADING = {
    "en": "Page not found",
    "es": "Página no encontrada",
    "fr": "Page introuvable",
    "ar": "الصفحة غير موجودة",
}
NEEDED = {
    "en": "This is needed.",
    "es": "Esto es necesario.",
    "fr": "Ceci est nécessaire.",
    "ar": "هذا مطلوب.",
}
SWITCHER_NAMES = ("English", "Español", "Français", "العربية")

_HTML_TAG = re.compile(r"<html\b[^>]*>")


def html_lang_dir(page: str) -> tuple[str | None, str | None]:
    tag = _HTML_TAG.search(page)
    assert tag, "no <html> element"
    lang = re.search(r'\blang="([^"]*)"', tag.group(0))
    direction = re.search(r'\bdir="([^"]*)"', tag.group(0))
    return (lang.group(1) if lang else None, direction.group(1) if direction else None)


def assert_page_in(response: httpx.Response, lang: str) -> str:
    page = response.text
    assert html_lang_dir(page) == (lang, DIRECTION[lang])
    for name in SWITCHER_NAMES:
        assert name in page, f"language switcher lacks {name}"
    return page


def submit_form(story_language: str = "en", **changes: object) -> dict[str, object]:
    """A complete, valid /submit form."""
    form: dict[str, object] = {
        "title": "Le jardin du quatrième étage",
        "body": "Quand je suis arrivée, je ne dormais pas. Le balcon est plein de menthe.",
        "language": story_language,
        "publish": "yes",
        "attribution": "anonymous",
        "review": "yes",
        "syndicate": "no",
        "search_indexing": "no",
        "languages": [story_language],
    }
    form.update(changes)
    return form


# Browser tests: Debian's Chromium against a real uvicorn process on a fresh SQLite database.
# They use Playwright's async API inside the suite's event loop: the sync API keeps its own loop
# running in the main thread for the whole session, which breaks every async test after it.


@pytest.fixture(scope="session")
def served_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service under uvicorn on 127.0.0.1 (a free port), its own database, for the browser."""
    from stories_service.settings import new_encryption_key

    data = tmp_path_factory.mktemp("browser-data")
    port = free_port()
    env = {
        **os.environ,
        "STORIES_ENV": "test",
        "STORIES_DATA_DIR": str(data),
        "DATABASE_URL": f"sqlite://{data}/stories.sqlite3",
        "STORIES_SECRET_KEY": "browser-secret-" + "b" * 32,
        "STORIES_ENCRYPTION_KEY": new_encryption_key(),
        "STORIES_MIGRATE_ON_START": "true",
        "STORIES_BACKGROUND_JOBS": "false",
    }
    with spawned_server(uvicorn_command(port), port, env, ready_path="/healthz"):
        yield local_url(port)


APPROVE_BUTTON = {
    "en": "I approve this text",
    "es": "Apruebo este texto",
    "fr": "J\u2019approuve ce texte",
    "ar": "أوافق على هذا النص",
}
SIGNED_HEADING = {
    "en": "How your story is signed",
    "es": "Cómo se firma su historia",
    "fr": "Signature de votre histoire",
    "ar": "التوقيع على قصتك",
}
APPROVED_NOTICE = {
    "en": "Thank you. You approved the text of your story.",
    "es": "Gracias. Usted aprobó el texto de su historia.",
    "fr": "Merci. Vous avez approuvé le texte de votre histoire.",
    "ar": "شكرًا لك. وافقت على نص قصتك.",
}
WITHDRAW_QUESTION = {
    "en": "Withdraw your story?",
    "es": "¿Retirar su historia?",
    "fr": "Retirer votre histoire\u202f?",
    "ar": "تأكيد سحب قصتك",
}
STATUS_WITHDRAWN = {
    "en": "You withdrew your story. We have removed it.",
    "es": "Usted retiró su historia. La hemos eliminado.",
    "fr": "Vous avez retiré votre histoire. Nous l\u2019avons supprimée.",
    "ar": "سحبت قصتك. لقد حذفناها.",
}
