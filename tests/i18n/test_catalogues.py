"""The catalogues are complete: every message in the templates and the survivor-facing code is
translated in every language, with its placeholders, and compiled. Extraction runs here, with
Babel's Python API and the project's babel.cfg, so a new untranslated string fails CI."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from babel.support import Translations

from stories_service.consent.wording import CURRENT_VERSION, consent_wording, languages
from stories_service.i18n import DEFAULT_LOCALE, LOCALE_DIR, available_locales, language_names

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [code for code in available_locales() if code != DEFAULT_LOCALE]

MsgId = str | tuple[str, ...]


def _extra_keywords() -> dict[str, None]:
    """The keywords `make i18n-extract` uses (one source: the Makefile's I18N_KEYWORDS line)."""
    line = re.search(r"^I18N_KEYWORDS := (.*)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert line, "the Makefile lost its I18N_KEYWORDS line"
    return {name: None for name in re.findall(r"-k (\w+)", line.group(1))}


@cache
def extracted_messages() -> dict[MsgId, list[str]]:
    """Every message in the templates and code babel.cfg names, with where it is used."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg, "babel.cfg")
    found: dict[MsgId, list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords={**DEFAULT_KEYWORDS, **_extra_keywords()}
    ):
        if isinstance(message, tuple):
            key: MsgId = tuple(part for part in message if part)
            if len(key) == 1:
                key = key[0]
        else:
            key = message
        found.setdefault(key, []).append(f"{filename}:{lineno}")
    return found


def _catalogue(lang: str) -> Catalog:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=lang)


def _is_translated(string: str | tuple[str, ...] | None) -> bool:
    if isinstance(string, tuple):
        return all(string)
    return bool(string)


def test_the_four_languages_are_offered() -> None:
    assert set(available_locales()) >= {"en", "es", "fr", "ar"}
    names = dict(language_names())
    assert names["ar"] == "العربية"
    assert names["es"] == "Español"
    assert names["fr"] == "Français"
    assert names["en"] == "English"


def test_extraction_finds_the_survivor_messages() -> None:
    messages = extracted_messages()
    # One from a template, one lazy one from Python, one plural: the extraction itself works.
    assert "Share your story" in messages
    assert "We have your story. A member of our team will read it soon." in messages
    assert (
        "Please write at least %(count)s character.",
        "Please write at least %(count)s characters.",
    ) in messages


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated(lang: str) -> None:
    catalogue = _catalogue(lang)
    problems = []
    for msgid, places in sorted(extracted_messages().items(), key=str):
        entry = catalogue.get(msgid)
        if entry is None:
            problems.append(f"missing: {msgid!r} ({places[0]})")
        elif entry.fuzzy or not _is_translated(entry.string):
            problems.append(f"untranslated or fuzzy: {msgid!r} ({places[0]})")
    assert not problems, (
        f"{lang}: run `make i18n-update`, translate, then `make i18n-compile`:\n"
        + "\n".join(problems)
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_their_placeholders(lang: str) -> None:
    catalogue = _catalogue(lang)
    errors = [f"{message.id!r}: {problems}" for message, problems in catalogue.check()]
    assert not errors, "\n".join(errors)
    assert catalogue.num_plurals >= 2


@pytest.mark.parametrize("lang", TRANSLATED)
def test_compiled_catalogue_is_current(lang: str) -> None:
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.mo"
    assert mo.exists(), f"{mo} is missing: run `make i18n-compile`"
    compiled = Translations.load(str(LOCALE_DIR), [lang], "messages")
    stale = []
    for entry in _catalogue(lang):
        if not entry.id:
            continue
        if isinstance(entry.id, tuple):
            for n in (0, 1, 2, 5, 11, 100):
                got = compiled.ngettext(entry.id[0], entry.id[1], n)
                if got != entry.string[compiled.plural(n)]:  # type: ignore[attr-defined]
                    stale.append(f"{entry.id[0]} (n={n})")
        elif compiled.gettext(entry.id) != entry.string:
            stale.append(entry.id)
    assert not stale, f"{lang}: the .mo file is older than the .po: run `make i18n-compile`"


@pytest.mark.parametrize("lang", available_locales())
def test_each_interface_language_has_a_consent_wording_with_every_question(lang: str) -> None:
    assert lang in languages(CURRENT_VERSION)
    wording = consent_wording(lang)
    english = consent_wording("en")
    assert wording.language == lang
    assert list(wording.sections()) == list(english.sections())
    assert all(wording.sections().values())
    if lang != "en":
        assert wording.sha256 != english.sha256
