# ruff: noqa: RUF001  (typographic apostrophes and non-ASCII letters are test data)
"""The token and capitalised-run patterns, written with possessive runs, match exactly what the
former loops of alternatives matched."""

from __future__ import annotations

import random
import re

from moderation.redaction import name_tokens as nt

_OLD_TOKEN_REST = r"(?:[^\W\d_]|['’\-.](?=[^\W\d_]))*\.?"
OLD_TOKEN = re.compile(r"[^\W\d_]" + _OLD_TOKEN_REST)
_OLD_CAP_TOK = nt._UPPER + r"[^\W\d_]" + _OLD_TOKEN_REST
OLD_CAP_RUN = re.compile(
    nt._MAYBE_UPPER
    + nt.TOK_START
    + _OLD_CAP_TOK
    + "(?:"
    + nt._GAP
    + "(?:"
    + _OLD_CAP_TOK
    + "|"
    + nt._CONNECTOR
    + nt._GAP
    + _OLD_CAP_TOK
    + "))*"
)
_OLD_ASCII_CAP_TOK = r"[A-Z](?:[A-Za-z]|['’\-.](?=[A-Za-z]))*\.?"
OLD_CAP_RUN_ASCII = re.compile(
    r"[A-Z](?<![A-Za-z].)(?<![A-Za-z]['’\-.].)"
    + _OLD_ASCII_CAP_TOK[len("[A-Z]") :]
    + "(?:"
    + nt._GAP
    + "(?:"
    + _OLD_ASCII_CAP_TOK
    + "|"
    + nt._CONNECTOR
    + nt._GAP
    + _OLD_ASCII_CAP_TOK
    + "))*"
)

_PIECES = [
    "Samir",
    "al",
    "Haddad",
    "de",
    "la",
    "Cruz",
    "bin",
    "Abu",
    "O'Brien",
    "Jean-Paul",
    "U.S.",
    "P.",
    "Nabl.",
    "é",
    "Élodie",
    "İzmir",
    "ſ",
    "ß",
    "ÖZ",
    "x",
    "Y",
    "’",
    "'",
    "-",
    ".",
    " ",
    "  ",
    "   ",
    "_",
    "9",
    "12",
    ",",
    "\n",
    "Ω",
    "Дмитрий",
    "van",
    "der",
    "y",
    "Umm",
    "Da",
]


def _texts(count: int, ascii_only: bool) -> list[str]:
    rnd = random.Random(5 if ascii_only else 6)
    pieces = [p for p in _PIECES if p.isascii()] if ascii_only else _PIECES
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 14))) for _ in range(count)]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_token_matches_as_before() -> None:
    for text in _texts(4000, ascii_only=False):
        assert _spans(nt.TOKEN, text) == _spans(OLD_TOKEN, text), text
        for pos in range(len(text)):
            old, new = OLD_TOKEN.match(text, pos), nt.TOKEN.match(text, pos)
            assert (old and old.span()) == (new and new.span()), (text, pos)


def test_capitalised_runs_match_as_before() -> None:
    for text in _texts(4000, ascii_only=False):
        assert _spans(nt._CAP_RUN, text) == _spans(OLD_CAP_RUN, text), text
    for text in _texts(4000, ascii_only=True):
        assert _spans(nt._CAP_RUN_ASCII, text) == _spans(OLD_CAP_RUN_ASCII, text), text
        assert _spans(nt._CAP_RUN, text) == _spans(OLD_CAP_RUN, text), text
