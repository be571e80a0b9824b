"""Initials in Arabic script, as case notes write a person: "ي. ع." (two or three initials),
"م. الفيتوري", "ح. کاظمی" (an initial and a family name), "عبدالرحمن ن." (a given name and an
initial). A letter alone with a full stop is seldom anything else; a number before it makes it
an era or a unit ("٢٠١٤ م."), a number after it a page or a reference ("ص. ١٢"). Below the leak
guard's threshold: initials alone say less than a name."""

from __future__ import annotations

import re

from .arabic_name_lexicon import NameStrength, name_strength
from .arabic_name_links import name_shaped
from .arabic_name_shapes import god_compound
from .arabic_words import Tok, definite, ordinary
from .folding import fold
from .model import Suggestion, suggestion

_LETTER = "[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]"
_WORD = "[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c]{3,}"
# Two or three initials: "ي. ع.", "م.ح."
_INITIALS = re.compile(rf"(?<![\w.]){_LETTER}\.\s?{_LETTER}\.(?:\s?{_LETTER}\.)?(?![\w])")
# An initial and a word: "م. الفيتوري".
_INITIAL_NAME = re.compile(rf"(?<![\w.]){_LETTER}\.\s?(?P<name>{_WORD})(?![\w])")
# A word and an initial: "عبدالرحمن ن.".
_NAME_INITIAL = re.compile(rf"(?<![\w.])(?P<name>{_WORD})\s{_LETTER}\.(?![\w.])")
# Any letter alone before a full stop: most texts have none, and the patterns above are not tried.
_ANY_INITIAL = re.compile(rf"(?<![\w.]){_LETTER}\.")
_ALONE = 0.75
_WITH_NAME = 0.8


def _after_number(text: str, start: int) -> bool:
    """A digit is the last character before `start` but white space ("٢٠١٤ م.")."""
    before = text[:start].rstrip()
    return bool(before) and before[-1].isdigit()


def _token(text: str, m: re.Match[str]) -> Tok:
    raw = m.group("name")
    return Tok(m.start("name"), m.end("name"), raw, fold(raw))


def _family_name(tok: Tok, persian: bool) -> bool:
    """A word that can follow an initial as a family name: a definite word that is no ordinary
    one ("الفيتوري"), or a name-shaped word ("کاظمی")."""
    if definite(tok):
        return not ordinary(tok)
    return name_shaped(tok, persian)


def _given_name(tok: Tok) -> bool:
    """A given name before an initial: listed, "…الله" or "عبد…"."""
    listed = name_strength(tok) in (NameStrength.RARE, NameStrength.COMMON)
    return listed or god_compound(tok) or tok.word.startswith("عبد")


def find_initials(text: str, persian: bool) -> list[Suggestion]:
    """Initials and the names they go with (see the module's docstring)."""
    if "." not in text or _ANY_INITIAL.search(text) is None:
        return []
    out: list[Suggestion] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, conf: float) -> None:
        if any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        out.append(suggestion(start, end, "person", conf, "arabic_names", text[start:end]))

    for m in _INITIALS.finditer(text):
        if not _after_number(text, m.start()):
            add(m.start(), m.end(), _ALONE)
    for m in _INITIAL_NAME.finditer(text):
        if not _after_number(text, m.start()) and _family_name(_token(text, m), persian):
            add(m.start(), m.end(), _WITH_NAME)
    for m in _NAME_INITIAL.finditer(text):
        if _given_name(_token(text, m)):
            add(m.start(), m.end(), _WITH_NAME)
    return out
