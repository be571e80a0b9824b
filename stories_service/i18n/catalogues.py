"""Gettext catalogues and the current request's locale (a context variable, so no global races).

Compiled catalogues (``.mo``) are built by ``make install``/``make i18n-compile``; when one is
missing the service still works and shows English for that language.
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext_module
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError, dates, lists, numbers
from babel.core import get_global
from babel.localedata import locale_identifiers
from babel.support import LazyProxy, Translations

DEFAULT_LOCALE = "en"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"

_current: ContextVar[str] = ContextVar("stories_locale", default=DEFAULT_LOCALE)


@cache
def available_locales() -> tuple[str, ...]:
    """English plus every language with a catalogue under ``locale/``, in a stable order."""
    found = sorted(
        path.parent.parent.name
        for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
        if path.parent.parent.name != DEFAULT_LOCALE
    )
    return (DEFAULT_LOCALE, *found)


@cache
def translations_for(locale: str) -> _gettext_module.NullTranslations:
    """The compiled catalogue for ``locale``, or English (null translations) when not compiled."""
    if locale == DEFAULT_LOCALE:
        return _gettext_module.NullTranslations()
    return Translations.load(str(LOCALE_DIR), [locale], DOMAIN)


@cache
def language_names() -> tuple[tuple[str, str], ...]:
    """Each interface language named in itself: ``("ar", "العربية")``, ``("es", "Español")``."""
    return tuple((code, name_in_itself(code)) for code in available_locales())


@cache
def _cldr_locales() -> frozenset[str]:
    return frozenset(locale_identifiers())


@cache
def _language_aliases() -> dict[str, str]:
    return dict(get_global("language_aliases"))


def name_in_itself(code: str) -> str:
    """The language ``code`` named in itself, capitalised (``Español``); the code when CLDR
    has no name for it."""
    name = code
    # Only a code CLDR has data for goes to Locale.parse: for any other, babel searches its
    # cache of loaded locales, which another thread (the redaction engine's warm-up, reading
    # country names) may be filling at that moment: "dictionary changed size during
    # iteration", a 500 on a submission made while the service was starting.
    # A retired code (``tl``, ``tw``) is named as the code CLDR replaced it with.
    known = code if code.replace("-", "_") in _cldr_locales() else _language_aliases().get(code)
    if known is not None and known.replace("-", "_") in _cldr_locales():
        try:
            name = Locale.parse(known).get_display_name(known) or code
        except (ValueError, TypeError, UnknownLocaleError):
            name = code
    return name[:1].upper() + name[1:]


def name_for_staff(code: str) -> str:
    """The language ``code`` as the (English-only) staff console names it, with its name in
    itself so a reader of the language recognises it: ``Arabic (العربية)``; the code when CLDR
    does not know it."""
    try:
        locale = Locale.parse(code, sep="-")
    except (ValueError, TypeError, UnknownLocaleError):
        return code
    english = locale.get_display_name(DEFAULT_LOCALE) or code
    own = locale.get_display_name(locale) or english
    own = own[:1].upper() + own[1:]
    return english if own.casefold() == english.casefold() else f"{english} ({own})"


def current_locale() -> str:
    return _current.get()


@contextmanager
def use_locale(locale: str) -> Iterator[None]:
    """Run a block in ``locale`` (tests, background rendering); requests use the middleware."""
    token = _current.set(locale if locale in available_locales() else DEFAULT_LOCALE)
    try:
        yield
    finally:
        _current.reset(token)


def activate(locale: str) -> Token[str]:
    """Set the locale for the current context (the middleware, once per request)."""
    return _current.set(locale if locale in available_locales() else DEFAULT_LOCALE)


def deactivate(token: Token[str]) -> None:
    _current.reset(token)


def gettext(message: str) -> str:
    return translations_for(current_locale()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations_for(current_locale()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated where it is shown."""
    return message


def lazy_gettext(message: str) -> LazyProxy:
    """A message translated when it is shown, in the language of the request showing it."""
    return LazyProxy(gettext, message, enable_cache=False)


def format_number(value: float, locale: str | None = None) -> str:
    return numbers.format_decimal(value, locale=locale or current_locale())


def format_date(value: dt.date | dt.datetime, fmt: str = "long", locale: str | None = None) -> str:
    return dates.format_date(value, format=fmt, locale=locale or current_locale())


def format_list(items: Iterable[str], locale: str | None = None) -> str:
    """``a, b and c`` as the locale writes a list (``a، وb وc`` in Arabic): separators and
    conjunctions belong to the language, never to the template."""
    return lists.format_list(list(items), style="standard", locale=locale or current_locale())
