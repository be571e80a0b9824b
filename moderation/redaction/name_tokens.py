# ruff: noqa: RUF001, RUF003  (multilingual text: typographic quotes are data)
"""Tokens of the names detector: capitalised runs, the sentence-start test, the previous word.

A token is a plain tuple (start, end, text): the detector makes one for every capitalised
word of every text, and a tuple is several times cheaper to create than a class instance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import cues

# (start, end, text) of a token in the text.
Tok = tuple[int, int, str]

# A token: letters, joined by an apostrophe, hyphen or dot that is followed by a letter, and
# perhaps a final dot. Written as possessive runs rather than the equivalent
# r"[^\W\d_](?:[^\W\d_]|['’\-.](?=[^\W\d_]))*\.?" (the same matches: what follows a token,
# here and in the run patterns below, never fails, so the greedy loop is never backtracked
# into): a run of one class is a tight loop in the regex engine, an alternation in a loop is
# several times slower per character.
_TOKEN_REST = r"[^\W\d_]*+(?:['’\-.](?=[^\W\d_])[^\W\d_]++)*+\.?"  # noqa: S105 (a regex, not a password)
TOKEN = re.compile(r"[^\W\d_]" + _TOKEN_REST)


def _char_class(chars: list[str]) -> str:
    """A regex character class for the given characters, as ranges."""
    out = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        lo, hi = re.escape(chars[i]), re.escape(chars[j])
        out.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "[" + "".join(out) + "]"


_LETTER = re.compile(r"[^\W\d_]")
# Letters for which str.isupper() holds: a capitalised token starts with one of these. Classes
# of BMP characters compile to a fast bitmap; the few others are checked separately.
_UPPER_BMP = _char_class([c for c in map(chr, range(0x10000)) if c.isupper() and _LETTER.match(c)])
_UPPER_ASTRAL = _char_class(
    [c for c in map(chr, range(0x10000, 0x110000)) if c.isupper() and _LETTER.match(c)]
)
_UPPER = "(?:(?=" + _UPPER_BMP + ")|(?=" + _UPPER_ASTRAL + "))"
_MAYBE_UPPER = "(?=" + _UPPER_BMP[:-1] + "\U00010000-\U0010ffff])"  # quick first test
# A token (as TOKEN finds it) starts at a letter that does not continue an earlier token.
TOK_START = r"(?<![^\W\d_])(?<![^\W\d_]['’\-.])"
# A capitalised run may also start after the French elided "d'" and "l'" ("venue d'Alep", "dans
# l'Extrême-Nord"), which the token "d'Alep" would otherwise hide.
_CAP_TOK_START = r"(?<![^\W\d_])(?:(?<![^\W\d_]['’\-.])|(?<![^\W\d_][dl]['’])(?<=[dl]['’]))"
_CAP_TOK = _UPPER + r"[^\W\d_]" + _TOKEN_REST
_CONNECTOR = (
    r"(?i:"
    + "|".join(sorted(cues.NAME_CONNECTORS, key=len, reverse=True))
    + r")(?![^\W\d_.]|['’\-][^\W\d_])"
)
_GAP = r"[ -]{1,2}"  # only up to two spaces or hyphens may separate words of one name
# An article after the connector: "de la Cruz", "de los Santos", "van der Berg".
_SECOND_CONNECTOR = r"(?:(?i:la|las|los|le|les|der|den)(?![^\W\d_.]|['’\-][^\W\d_])" + _GAP + ")?"
# A run of capitalised tokens, joined by short gaps and lower-case connectors that are followed
# by another capitalised token: the same runs as the token-by-token walk, found in one pass.
_CAP_RUN = re.compile(
    _MAYBE_UPPER
    + _CAP_TOK_START
    + _CAP_TOK
    + "(?:"
    + _GAP
    + "(?:"
    + _CAP_TOK
    + "|"
    + _CONNECTOR
    + _GAP
    + _SECOND_CONNECTOR
    + _CAP_TOK
    + "))*"
)

# The same runs in ASCII text, where a letter is [A-Za-z] and a capital [A-Z]: led by the small
# class [A-Z], which the engine scans for quickly, with the token-start test after it (the
# general pattern must test its look-ahead at every position).
_ASCII_CAP_TOK = r"[A-Z][A-Za-z]*+(?:['’\-.](?=[A-Za-z])[A-Za-z]++)*+\.?"
_CAP_RUN_ASCII = re.compile(
    r"[A-Z](?<![A-Za-z].)(?:(?<![A-Za-z]['’\-.].)|(?<![A-Za-z][dl]['’].)(?<=[dl]['’].))"
    + _ASCII_CAP_TOK[len("[A-Z]") :]
    + "(?:"
    + _GAP
    + "(?:"
    + _ASCII_CAP_TOK
    + "|"
    + _CONNECTOR
    + _GAP
    + _SECOND_CONNECTOR
    + _ASCII_CAP_TOK
    + "))*"
)


def cap_runs(text: str) -> Iterator[re.Match[str]]:
    """The matches of the capitalised-run regex in text (cap_groups splits them into groups)."""
    return (_CAP_RUN_ASCII if text.isascii() else _CAP_RUN).finditer(text)


def is_single(run: str) -> bool:
    """Whether a run (a match of cap_runs) is one token: the common case, a group on its own
    (a space or a hyphen inside would join two words)."""
    return " " not in run and "-" not in run[1:]


def cap_groups(text: str) -> Iterator[list[Tok]]:
    """Runs of capitalised tokens (as TOKEN finds them) joined by single spaces or hyphens and
    by lower-case connectors followed by a capitalised token; a token of 3+ characters ending
    in "." ("Nabl.") ends a run, an initial ("P.") does not. One regex pass over the text."""
    for m in cap_runs(text):
        run = m.group()
        if is_single(run):
            yield [(m.start(), m.end(), run)]
        else:
            yield from run_groups(m.start(), run)


def run_groups(base: int, run: str) -> Iterator[list[Tok]]:
    """The groups of a run of several tokens that starts at base in the text."""
    # The tokens of the run are those TOKEN finds in it (TOKEN has no look-behind, and its
    # look-ahead cannot reach past the run's last letter): found as strings, each placed
    # with find after the previous one (only spaces and hyphens lie between them).
    pos = 0
    group: list[Tok] = []
    for word in TOKEN.findall(run):
        start = run.find(word, pos)
        pos = start + len(word)
        if not group and not word[0].isupper():
            continue  # a connector left over after a break
        group.append((base + start, base + pos, word))
        if len(word) > 2 and word[-1] == ".":
            yield group  # "Nabl." ends a sentence; "P." is an initial and may go on
            group = []
    if group:
        yield group


_SENTENCE_PUNCT = frozenset('.!?…:;"“”«»()[]\n>*•|-')
_OPENERS = frozenset("\"“«'(")


def sentence_start(text: str, pos: int) -> bool:
    """Whether pos starts a sentence: only spaces and openers (at most 6 characters back) since
    the text start or sentence punctuation."""
    lo = max(0, pos - 6)
    k = pos
    while k > lo:
        c = text[k - 1]
        if c in _SENTENCE_PUNCT:
            return True
        if not (c.isspace() or c in _OPENERS):
            return False
        k -= 1
    return k == 0


def prev_word(text: str, pos: int) -> str:
    """The word just before pos (lower case), or '' if punctuation other than , : intervenes."""
    i = pos
    while i > 0 and text[i - 1] in " \t,:\u00a0":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'’-."):
        j -= 1
    return text[j:i].lower().strip(".")
