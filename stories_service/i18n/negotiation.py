"""Choosing the interface language: an explicit choice (cookie), else Accept-Language, else en."""

from __future__ import annotations

from babel import negotiate_locale

from stories_service.i18n.catalogues import DEFAULT_LOCALE, available_locales

COOKIE_NAME = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600
_MAX_HEADER_ITEMS = 30


def parse_accept_language(header: str) -> list[str]:
    """Language tags from an Accept-Language header, best first; ``q=0`` and ``*`` dropped."""
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(header.split(",")[:_MAX_HEADER_ITEMS]):
        tag, _, params = item.strip().partition(";")
        tag = tag.strip()
        if not tag or tag == "*":
            continue
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(ranked)]


def supported(raw: str | None) -> str | None:
    """``raw`` if it names an interface language we have, else None."""
    if not raw:
        return None
    code = raw.strip().lower()
    return code if code in available_locales() else None


def choose_locale(cookie: str | None, accept_language: str | None) -> str:
    """The explicit choice if it is one we have, else the best Accept-Language match, else en."""
    chosen = supported(cookie)
    if chosen:
        return chosen
    if accept_language:
        preferred = parse_accept_language(accept_language)
        match = negotiate_locale(preferred, list(available_locales()), sep="-")
        if match and supported(match):
            return match.lower()
    return DEFAULT_LOCALE


def closest_locale(tag: str | None) -> str:
    """The interface language for text in the language ``tag`` (BCP 47): its primary language
    when we have a catalogue for it (``fr-CA`` → ``fr``), else English. Feeds label a story in
    the story's own language with it."""
    primary = (tag or "").strip().replace("_", "-").split("-")[0]
    return supported(primary) or DEFAULT_LOCALE
