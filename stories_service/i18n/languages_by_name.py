"""Languages by name: what a survivor or a reader types or picks ("arabe", "العربية", "Tigrinya")
turned back into a language tag, and lists of languages typed with any separator.

Names come from Babel's CLDR data in the interface language; a name in English, a language named
in itself, and a language tag are understood in every interface language too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from babel import Locale, UnknownLocaleError

from stories_service.i18n.catalogues import DEFAULT_LOCALE, N_, name_in_itself
from stories_service.i18n.language_tags import normalise_language_tag

# Names CLDR lacks for languages survivors write in.
NAMES_BABEL_LACKS = {"prs": {"en": "Dari", "ar": "الدارية", "es": "darí", "fr": "dari"}}
_NAMES_IN_THEMSELVES_BABEL_LACKS = {"prs": "دری"}
# Commas, semicolons and line breaks in Latin and Arabic script (Arabic ، ؛, and the full-width
# forms an input method may give) separate a list; spaces too, where a name holds none.
LIST_SEPARATORS = re.compile("[,;\u060c\u061b\uff0c\uff1b\n]+")
SEPARATORS_NAMED = N_("Separate languages with commas (, or ،), semicolons (; or ؛) or spaces.")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_ARTICLE = "ال"
# CLDR's codes for what is not a language a person writes in: undetermined, no linguistic
# content, several languages, missing, Blissymbols.
_NOT_LANGUAGES = frozenset({"und", "zxx", "mul", "mis", "zbl"})


def _key(name: str) -> str:
    """How names are compared: case, vowel marks, tatweel and extra spaces do not count."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(_ARABIC_MARKS.sub("", text).split())


def _tag(code: str) -> str | None:
    try:
        return normalise_language_tag(code)
    except ValueError:
        return None


@cache
def _names_in(locale: str) -> dict[str, str]:
    """Every language CLDR names in ``locale``: tag to name."""
    try:
        names = dict(Locale.parse(locale).languages)
    except (ValueError, UnknownLocaleError):
        names = dict(Locale.parse(DEFAULT_LOCALE).languages)
    for code, by_locale in NAMES_BABEL_LACKS.items():
        names.setdefault(code, by_locale.get(locale) or by_locale[DEFAULT_LOCALE])
    choices: dict[str, str] = {}
    for code, name in names.items():
        tag = _tag(code)
        if tag is not None and code not in _NOT_LANGUAGES:
            choices.setdefault(tag, name[:1].upper() + name[1:])
    return choices


@cache
def language_names_in(locale: str) -> tuple[tuple[str, str], ...]:
    """The languages to choose from in ``locale``, as ``(tag, name)``, sorted by name, one entry
    per name: the choices of a searchable list."""
    # "Dari" is both prs and fa-AF: the shortest tag stands for the name.
    by_name: dict[str, tuple[str, str]] = {}
    for tag, name in sorted(_names_in(locale).items(), key=lambda item: (len(item[0]), item[0])):
        by_name.setdefault(_key(name), (tag, name))
    return tuple(sorted(by_name.values(), key=lambda item: _key(item[1])))


def own_name(tag: str) -> str:
    """The language ``tag`` named in itself (``"Español"``, ``"دری"``)."""
    return _NAMES_IN_THEMSELVES_BABEL_LACKS.get(tag) or name_in_itself(tag)


def language_name(tag: str, locale: str) -> str:
    """The name of ``tag`` in ``locale`` (``"ar"`` in French: ``"Arabe"``); the tag itself when
    CLDR has no name for it."""
    return _names_in(locale).get(tag, tag)


@cache
def _tags_by_name(locale: str) -> dict[str, str]:
    found: dict[str, str] = {}
    # Shorter tags first, so a name shared by a language and one of its variants means the
    # language itself.
    for names in (language_names_in(locale), language_names_in(DEFAULT_LOCALE)):
        for tag, name in sorted(names, key=lambda item: len(item[0])):
            key = _key(name)
            found.setdefault(key, tag)
            if key.startswith(_ARABIC_ARTICLE):
                # Arabic names carry the article ("الفارسية"); people also write "فارسية".
                found.setdefault(key.removeprefix(_ARABIC_ARTICLE), tag)
    for tag, _name in language_names_in(DEFAULT_LOCALE):
        if "-" not in tag:
            found.setdefault(_key(own_name(tag)), tag)
    return found


def tag_for_language(text: str, locale: str) -> str | None:
    """The tag a typed or picked language stands for: a name in ``locale``, in English or in
    itself, or a language tag; None when it is none of these."""
    key = _key(text)
    if not key:
        return None
    return _tags_by_name(locale).get(key) or _tag(text)


def split_language_list(text: str, locale: str) -> tuple[list[str], list[str]]:
    """The tags of a typed list of languages, and the parts that name no language.

    Commas, semicolons (Latin or Arabic) and line breaks separate; within a part that is not
    one name ("Brazilian Portuguese" is one), spaces separate too ("ti fa")."""
    tags: list[str] = []
    unknown: list[str] = []
    for part in (p.strip() for p in LIST_SEPARATORS.split(text)):
        if not part:
            continue
        whole = tag_for_language(part, locale)
        if whole is not None:
            tags.append(whole)
            continue
        words = part.split()
        each = [tag_for_language(word, locale) for word in words]
        if len(words) > 1 and all(each):
            tags.extend(t for t in each if t)
        else:
            unknown.append(part)
    return list(dict.fromkeys(tags)), unknown
