"""The glossary (docs/i18n-glossary.md) is kept: every catalogue message whose English source
uses a glossary word says it, in each language, with the chosen term and never with a word the
glossary rules out; exceptions are listed there with their reason (issue 19)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from stories_service.i18n import LOCALE_DIR

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "i18n-glossary.md"
LANGUAGES = ("ar", "es", "fr")
REQUIRED_ENTRIES = (
    "receipt code",
    "withdraw",
    "take down",
    "content note",
    "anonymous",
    "moderator",
    "consent",
)
_TICKED = re.compile(r"`([^`]+)`")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # vowel marks and tatweel


@dataclass(frozen=True)
class Term:
    entry: str
    english: tuple[str, ...]
    chosen: dict[str, str]
    forms: dict[str, tuple[str, ...]]
    never: dict[str, tuple[str, ...]]


def _rows(section: str) -> list[list[str]]:
    """The rows of the first Markdown table under ``## section``."""
    text = GLOSSARY.read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    lines = [line.strip() for line in body.splitlines() if line.strip().startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


@cache
def terms() -> tuple[Term, ...]:
    found = []
    for row in _rows("Terms"):
        entry, english, *cells = row
        chosen, forms, never = {}, {}, {}
        for lang, cell in zip(LANGUAGES, cells, strict=True):
            bold = re.search(r"\*\*([^*]+)\*\*", cell)
            assert bold, f"{entry} ({lang}): the chosen term is written in bold"
            use, _, avoid = cell.partition(" not ")
            chosen[lang] = bold.group(1)
            forms[lang] = tuple(_TICKED.findall(use)) or (bold.group(1),)
            never[lang] = tuple(_TICKED.findall(avoid))
        found.append(Term(entry, tuple(_TICKED.findall(english)), chosen, forms, never))
    return tuple(found)


@cache
def exceptions() -> frozenset[tuple[str, str, str]]:
    """(language, msgid, entry) that may use another word, each with a reason."""
    allowed = set()
    for lang, msgid, entry, why in _rows("Exceptions"):
        assert why, f"the exception for {msgid!r} ({lang}) needs its reason"
        allowed.add((lang, msgid.strip("`"), entry))
    return frozenset(allowed)


def _fold(text: str) -> str:
    """Compared without case, Arabic vowel marks, or a difference in apostrophes."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'")
    return _ARABIC_MARKS.sub("", text).casefold()


def _uses(english: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}", english, re.IGNORECASE) is not None


@cache
def _catalogue(lang: str) -> Catalog:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=lang)


def _entries(lang: str) -> list[tuple[str, list[str]]]:
    """(English source, its translations) for every message of ``lang``'s catalogue."""
    out = []
    for message in _catalogue(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        out.append((" / ".join(ids), [s for s in strings if s]))
    return out


def problems_in(lang: str, term: Term) -> tuple[list[str], set[str]]:
    """What breaks ``term`` in ``lang``; and the msgids excused by an exception."""
    problems, excused = [], set()
    for english, translations in _entries(lang):
        if not any(_uses(english, word) for word in term.english):
            continue
        for text in translations:
            folded = _fold(text)
            missing = not any(_fold(form) in folded for form in term.forms[lang])
            banned = [form for form in term.never[lang] if _fold(form) in folded]
            if not (missing or banned):
                continue
            if (lang, english, term.entry) in exceptions():
                excused.add(english)
                continue
            why = f"says {banned}" if banned else f"lacks {term.chosen[lang]!r}"
            problems.append(f"{lang}: {english!r} -> {text!r} {why}")
    return problems, excused


def test_the_glossary_has_every_entry_in_every_language() -> None:
    entries = [t.entry for t in terms()]
    for required in REQUIRED_ENTRIES:
        assert any(e.startswith(required) for e in entries), f"no glossary entry {required!r}"
    for term in terms():
        assert term.english, f"{term.entry}: which English words does it cover?"
        assert all(term.forms[lang] for lang in LANGUAGES)


def test_each_entry_covers_some_message() -> None:
    """A glossary entry whose English words match no message has gone stale."""
    english = [e for e, _ in _entries("es")]
    for term in terms():
        assert any(_uses(e, word) for e in english for word in term.english), term.entry


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogues_use_the_glossary_terms(lang: str) -> None:
    problems: list[str] = []
    for term in terms():
        problems += problems_in(lang, term)[0]
    assert not problems, (
        "Use the glossary's term (docs/i18n-glossary.md), or list an exception there with "
        "its reason:\n" + "\n".join(problems)
    )


def test_every_exception_is_still_needed() -> None:
    excused = {
        (lang, msgid, term.entry)
        for term in terms()
        for lang in LANGUAGES
        for msgid in problems_in(lang, term)[1]
    }
    assert exceptions() <= excused, f"exceptions no longer needed: {exceptions() - excused}"


def test_a_different_word_is_caught() -> None:
    """The check itself: the Spanish status text before issue 19 used the survivor's verb for
    staff taking a story down, and trafficking as "tráfico"."""
    take_down = next(t for t in terms() if t.entry.startswith("take down"))
    trafficking = next(t for t in terms() if t.entry.startswith("trafficking"))
    old_status = _fold("Su historia se ha retirado del sitio web.")
    assert not any(_fold(form) in old_status for form in take_down.forms["es"])
    assert any(_fold(form) in old_status for form in take_down.never["es"])
    assert any(_fold(form) in _fold("Tráfico y explotación") for form in trafficking.never["es"])
