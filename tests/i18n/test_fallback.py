"""Installed without compiled catalogues, the service still works, in English; and the layout
renders outside a request (static export) without the request-only context."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from stories_service.i18n import catalogues
from stories_service.templating import build_templates


@pytest.fixture
def uncompiled_locale_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    copy = tmp_path / "locale"
    shutil.copytree(catalogues.LOCALE_DIR, copy, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(catalogues, "LOCALE_DIR", copy)
    for cached in (catalogues.available_locales, catalogues.translations_for):
        cached.cache_clear()
    yield copy
    monkeypatch.undo()
    for cached in (catalogues.available_locales, catalogues.translations_for):
        cached.cache_clear()


def test_without_mo_files_the_languages_show_english(uncompiled_locale_dir: Path) -> None:
    assert not list(uncompiled_locale_dir.rglob("*.mo"))
    assert "ar" in catalogues.available_locales()
    with catalogues.use_locale("ar"):
        assert catalogues.current_locale() == "ar"
        assert catalogues.gettext("Share your story") == "Share your story"


def test_with_mo_files_the_language_is_translated() -> None:
    with catalogues.use_locale("ar"):
        assert catalogues.gettext("Share your story") == "مشاركة قصتك"
    assert catalogues.gettext("Share your story") == "Share your story"


def test_use_locale_ignores_languages_we_do_not_have() -> None:
    with catalogues.use_locale("xx"):
        assert catalogues.current_locale() == "en"


def test_layout_renders_outside_a_request() -> None:
    env = build_templates().env
    with catalogues.use_locale("fr"):
        html = env.get_template("home.html").render(lang="fr", dir="ltr", csrf_token=None)
    assert '<html lang="fr" dir="ltr">' in html
    assert "Histoires de reconstruction" in html
    assert '<input type="hidden" name="next" value="/">' in html
