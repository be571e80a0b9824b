# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Nicknames with an article in Spanish: "llegó el flaco pidiendo la renta", "andaba con el
chele", "la güera me dijo", with no naming cue ("le dicen", which name_cues reads).

In Central America, Mexico and the Caribbean people are very often called by a word for how they
look: thin, fat, dark, fair, bald, short, one-eyed. With a definite article and no noun before
it, such a word is a person ("el negro anda preguntando por mí") far more often than a colour or
a quality ("el negro" as a colour needs a noun or a verb of liking). The list is of those
description words, from general knowledge of Spanish usage, not from any set's labels; the
person is the word, the article outside, as for other nicknames. A guess, below the leak
guard's threshold.
"""

from __future__ import annotations

import re

from .model import Suggestion, suggestion

DETECTOR = "article_nicknames"
_CONFIDENCE = 0.5

# Words for how someone looks that Spanish speakers use as nicknames, in both genders, with and
# without accents as typed on a phone.
_DESCRIPTIONS = (
    "flaco flaca gordo gorda negro negra chino güero güera guero guera chele canche "
    "colocho colocha pelón pelon pelona chato chata chaparro chaparra tuerto tuerta mocho "
    "mocha zurdo zurda cholo chola moreno morena rubio rubia catire catira cachete "
    "cachetón cacheton trompudo narizón narizon pecoso pecosa chimuelo chimuela"
)
_NICKNAME = re.compile(
    r"(?i)(?<![\w'’-])(?:el|la)[ \t]+(?P<word>(?:"
    + "|".join(sorted(_DESCRIPTIONS.split(), key=len, reverse=True))
    + r"))(?![\w'’-])(?![ \t]+(?:de|del|que|como)(?![\w'’-]))"
)


def find_article_nicknames(text: str, lang: str) -> list[Suggestion]:
    """Description words used as nicknames after "el" or "la" (see the module's docstring)."""
    if lang != "es":
        return []
    return [
        suggestion(*m.span("word"), "person", _CONFIDENCE, DETECTOR, m.group("word"))
        for m in _NICKNAME.finditer(text)
    ]
