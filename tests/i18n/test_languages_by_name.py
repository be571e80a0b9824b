"""Languages by name (stories_service/i18n/languages_by_name.py): names in the interface
language, in English or in themselves, and tags, back to tags; lists with any separator."""

from __future__ import annotations

import pytest

from stories_service.i18n.languages_by_name import (
    language_name,
    split_language_list,
    tag_for_language,
)


@pytest.mark.parametrize(
    ("text", "locale", "tag"),
    [
        ("Arabe", "fr", "ar"),
        ("ÁRABE", "es", "ar"),
        ("العَرَبِيَّة", "ar", "ar"),  # vowel marks do not count
        ("Español", "ar", "es"),  # a language named in itself, in any interface
        ("Persian", "fr", "fa"),  # English, in any interface
        ("portugués de Brasil", "es", "pt-BR"),
        ("PT_br", "en", "pt-BR"),
        ("دری", "en", "prs"),
    ],
)
def test_a_name_or_a_tag_gives_the_tag(text: str, locale: str, tag: str) -> None:
    assert tag_for_language(text, locale) == tag


def test_what_names_no_language_gives_none() -> None:
    assert tag_for_language("hazaragi dialect", "en") is None
    assert tag_for_language("  ", "en") is None


@pytest.mark.parametrize(
    "typed",
    ["ti، fa", "ti؛ fa", "ti,fa", "ti; fa", "ti fa", "ti\nfa", "ti\uff0cfa", "Tigrinya, Persian"],
)
def test_every_separator_splits_a_list(typed: str) -> None:
    assert split_language_list(typed, "en") == (["ti", "fa"], [])


def test_a_name_with_a_space_is_one_language_and_unknown_parts_are_kept() -> None:
    assert split_language_list("Brazilian Portuguese، nowhere-ish", "en") == (
        ["pt-BR"],
        ["nowhere-ish"],
    )


def test_names_are_given_in_the_interface_language() -> None:
    assert (language_name("ar", "fr"), language_name("ar", "es")) == ("Arabe", "Árabe")
    assert language_name("x-unknown", "fr") == "x-unknown"


def test_the_names_are_built_without_searching_babels_cache_of_loaded_locales(monkeypatch):
    """babel looks for a code it has no data for by iterating its cache of loaded locales; the
    redaction engine's warm-up thread fills that cache while the service starts, and a
    submission then failed with "dictionary changed size during iteration" (a 500, seen in CI).
    So the names are built from codes CLDR has data for only."""
    import babel.localedata

    from stories_service.i18n import catalogues, languages_by_name

    def searched(name: str) -> str | None:
        raise AssertionError(f"babel searched its locale cache for {name!r}")

    monkeypatch.setattr(babel.localedata, "normalize_locale", searched)
    languages_by_name._tags_by_name.cache_clear()
    try:
        assert tag_for_language("Español", "fr") == "es"
        assert tag_for_language("Deutsch", "ar") == "de"  # a name in itself
        assert catalogues.name_in_itself("ace") == "Ace"  # no CLDR data: the code itself
        assert catalogues.name_in_itself("tl") == "Filipino"  # a retired code, by its successor
    finally:
        languages_by_name._tags_by_name.cache_clear()
