"""What a reader of a translated page actually sees, and what gives English or foreign habits
away: English words, ASCII punctuation in Arabic, dates written the English way.

The page is read as a person (or a screen reader) would: text and the attributes that are read
out (``aria-label``, ``title``, ``alt``, ``placeholder``), each block (paragraph, list item,
heading, button…) as one piece, so a separator between two links counts with its sentence.
Everything inside an element marked with another language (the story in its own language, the
receipt code's English words, the language switcher) is declared as such and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser

from babel.messages.pofile import read_po
from wordfreq import zipf_frequency

from moderation.revisions import CONTENT_NOTES
from stories_service.consent.wording import consent_wording
from stories_service.i18n import LOCALE_DIR

_BLOCKS = frozenset(
    {f"h{level}" for level in range(1, 7)}
    | {"address", "article", "aside", "blockquote", "button", "dd", "details", "div", "dl"}
    | {"dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "label", "legend"}
    | {"li", "main", "nav", "ol", "option", "p", "section", "select", "summary", "table"}
    | {"td", "th", "title", "tr", "ul"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input"}
    | {"link", "meta", "source", "track", "wbr"}
)
_SKIPPED = frozenset({"script", "style", "template", "textarea"})
_READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
_ASCII_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z\u2019'-]*")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_ASCII_IN_ARABIC = re.compile(r"[,;?]")
_ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# French sets ? : ; ! apart with a narrow no-break space (U+202F; U+00A0 is tolerated).
_FRENCH_UNSPACED = re.compile(r"(?<![\u00a0\u202f])[?:;!](?=\s|$)")

# Words that are the same in every language of the site: the organisation's name.
ALLOWED_EVERYWHERE = frozenset({"healing", "stories"})
# Arabic pages may show these Latin-script words: the organisation's name, and language codes
# given as examples of what to type (codes are Latin in every language).
ALLOWED_IN_ARABIC = ALLOWED_EVERYWHERE | {"en", "ar", "fa", "ti", "pt-BR"}


def _one_line(text: str) -> str:
    """Runs of ASCII white space as one space; no-break spaces (U+00A0, U+202F) are kept: they
    are part of the typography being checked."""
    return _ASCII_SPACES.sub(" ", text).strip()


@dataclass
class Piece:
    """One block of text (or one attribute) as read, in the language it is marked with."""

    text: str
    lang: str
    where: str


@dataclass
class _Open:
    tag: str
    lang: str
    block: bool
    parts: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = [_Open("#document", "", True)]
        self.pieces: list[Piece] = []
        self.skipping = 0

    def _lang(self) -> str:
        return self.stack[-1].lang

    def _nearest_block(self) -> _Open:
        return next(e for e in reversed(self.stack) if e.block)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        lang = values.get("lang", self._lang())
        if tag in _SKIPPED:
            self.skipping += tag not in _VOID
        if tag == "html":
            self.stack[0].lang = lang
        for name in _READ_ATTRIBUTES:
            if values.get(name) and not (tag == "link" and name == "title"):
                self.pieces.append(Piece(values[name], lang, f"<{tag} {name}>"))
        if tag in _VOID:
            if tag == "br":
                self._nearest_block().parts.append(" ")
            return
        if tag in _BLOCKS:
            # A block inside a block ends the words before it (they are read apart).
            self._nearest_block().parts.append("\n")
        self.stack.append(_Open(tag, lang, tag in _BLOCKS))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self.skipping:
            self.skipping -= 1
        if tag in _VOID:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                while len(self.stack) > depth:
                    self._close(self.stack.pop())
                return

    def _close(self, element: _Open) -> None:
        if element.block:
            for text in "".join(element.parts).split("\n"):
                if text.strip():
                    self.pieces.append(Piece(_one_line(text), element.lang, element.tag))
        else:
            parent = self._nearest_block()
            if element.lang != parent.lang:
                # Marked as another language: kept apart, never mixed into its sentence.
                text = "".join(element.parts)
                if text.strip():
                    self.pieces.append(Piece(_one_line(text), element.lang, element.tag))
                parent.parts.append(" \ufffc ")
            else:
                parent.parts.extend(element.parts)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        target = self.stack[-1]
        if not target.block and target.lang == self._nearest_block().lang:
            target = self._nearest_block()
        target.parts.append(data)

    def close(self) -> None:
        super().close()
        while len(self.stack) > 1:
            self._close(self.stack.pop())
        self._close(self.stack[0])


def page_language(html: str) -> str:
    found = re.search(r"<html\b[^>]*\blang=\"([^\"]+)\"", html)
    assert found, "the page does not say its language"
    return found.group(1)


def pieces_in_page_language(html: str) -> list[Piece]:
    """The text a reader of the page's language reads, block by block."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    lang = page_language(html)
    primary = lang.split("-")[0].lower()
    return [p for p in reader.pieces if p.lang.split("-")[0].lower() == primary]


def _words(text: str) -> set[str]:
    return {w.lower().strip("\u2019'-") for w in _WORD.findall(text)}


@cache
def english_vocabulary() -> frozenset[str]:
    """Every word the English interface uses: the source messages and the content-note labels."""
    with (LOCALE_DIR / "messages.pot").open("rb") as pot:
        catalogue = read_po(pot)
    words: set[str] = set()
    for message in catalogue:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            words |= _words(re.sub(r"%\(\w+\)s", " ", text or ""))
    for label in CONTENT_NOTES.values():
        words |= _words(label)
    return frozenset(words)


@cache
def vocabulary_of(lang: str) -> frozenset[str]:
    """Every word the translation into ``lang`` uses (catalogue and consent wording): a word
    both languages share ("violence", "torture", "pages") is theirs too."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalogue = read_po(po, locale=lang)
    words: set[str] = set()
    for message in catalogue:
        if not message.id:
            continue
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            words |= _words(re.sub(r"%\(\w+\)s", " ", text or ""))
    words |= _words(consent_wording(lang).text)
    return frozenset(words)


@cache
def released_consent_wording(lang: str) -> tuple[str, ...]:
    """The lines of the consent wording in force: their typography is the released file's (a
    survivor consents to that exact text), and a fix is a new wording version (docs/i18n.md)."""
    lines = (_one_line(line) for line in consent_wording(lang).text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("["))


def _without_consent_wording(text: str, lang: str) -> str:
    for line in released_consent_wording(lang):
        text = text.replace(line, " ")
    return text


def _looks_english(word: str, lang: str) -> bool:
    """An English word a reader of ``lang`` would not use: in our English messages and not in
    our translation, or common in English and rare in ``lang`` (wordfreq)."""
    if word in ALLOWED_EVERYWHERE or word in vocabulary_of(lang):
        return False
    if word in english_vocabulary():
        return True
    return zipf_frequency(word, "en") >= 4.0 and zipf_frequency(word, lang) < 2.5


def language_problems(html: str, where: str) -> list[str]:
    """What gives the page away as not (fully) in its language, one line per problem."""
    lang = page_language(html).split("-")[0].lower()
    problems: list[str] = []
    for piece in pieces_in_page_language(html):
        place = f"{where} {piece.where}: {piece.text!r}"
        if lang == "ar":
            latin = [w for w in _WORD.findall(piece.text) if w not in ALLOWED_IN_ARABIC]
            latin = [w for w in latin if w.lower() not in ALLOWED_EVERYWHERE]
            if latin:
                problems.append(f"Latin-script words {latin} in {place}")
            if _ARABIC_LETTER.search(piece.text) and _ASCII_IN_ARABIC.search(piece.text):
                problems.append(f"ASCII punctuation (, ; ?) in Arabic text in {place}")
        elif lang != "en":
            english = sorted({w for w in _words(piece.text) if _looks_english(w, lang)})
            if english:
                problems.append(f"English words {english} in {place}")
        if lang == "fr" and _FRENCH_UNSPACED.search(_without_consent_wording(piece.text, lang)):
            problems.append(f"? : ; ! without a narrow no-break space before it in {place}")
        if lang != "en" and (_ENGLISH_MONTHS.search(piece.text) or _ISO_DATE.search(piece.text)):
            problems.append(f"a date not written the {lang} way in {place}")
    return problems
