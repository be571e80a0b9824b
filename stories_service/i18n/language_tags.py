"""BCP 47 language tags: validation, normalisation and writing direction."""

from __future__ import annotations

import re

from stories_service.i18n.catalogues import N_, current_locale

_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|\d{3}))?(-[A-Za-z0-9]{5,8})*$")
_RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "yi", "ps", "ckb", "sd", "ug", "dv", "syr"})
_RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm"})


# RFC 5646 (4.4.1) asks implementations to keep at least 35 characters; the columns hold 35.
MAX_LANGUAGE_TAG_LENGTH = 35


def normalise_language_tag(raw: str) -> str:
    """``"PT-br"`` → ``"pt-BR"``; raises ValueError for anything that is not a language tag
    of at most MAX_LANGUAGE_TAG_LENGTH characters."""
    tag = raw.strip().replace("_", "-")
    if len(tag) > MAX_LANGUAGE_TAG_LENGTH or not _TAG.fullmatch(tag):
        raise ValueError(N_("Must be a language code such as en, ar or pt-BR."))
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def text_direction(tag: str) -> str:
    """``"rtl"`` for right-to-left languages and scripts, else ``"ltr"``."""
    parts = tag.split("-")
    if any(len(p) == 4 and p.title() in _RTL_SCRIPTS for p in parts[1:]):
        return "rtl"
    if any(len(p) == 4 and p.isalpha() for p in parts[1:]):
        return "ltr"
    return "rtl" if parts[0].lower() in _RTL_LANGUAGES else "ltr"


def text_direction_of(locale: str | None = None) -> str:
    """The writing direction of ``locale``, or of the current interface language."""
    return text_direction(locale or current_locale())
