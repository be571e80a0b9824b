# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""The one-pass scan of name_lowercase, led by its word test, finds what it found without it
(the former pattern is rebuilt here as the oracle)."""

from __future__ import annotations

import random
import re

from moderation.redaction import cues, name_lowercase, scan

_PIECES = [
    "my", "the", "brother", "half-brother", "x-brother", "brother-in-law", "mr", "mr.", "Mr.",
    "dr", "m", "m.", "mme", "named", "mrnamed", "called", "name", "is", "was", "known", "as",
    "nombre", "es", "se", "llama", "village", "xvillage", "of", "de", "d'", "d’", "jusqu'à",
    "born", "in", "into", "to", "toward", "towards", "from", "fromage", "near", "via", "cerca de",
    "près de", "desde", "vers", "à", "né", "akhi", "sahbi", "mi", "hermano", "mon", "frère",
    "samir", "Samir", "kafr", "nabl", "tunisia", "harburg", "the", "a", "İn", "ſon", "K", " ",
    " ", "  ", "\t", "\n", ",", ":", ".", "..", "-", "'", "’", "\u00a0", "2", "_", "x",
]  # fmt: skip


def _old_both_scans(lang: str) -> re.Pattern[str]:
    new = name_lowercase._both_scans(lang).pattern
    head = name_lowercase._NON_LETTER + name_lowercase._SCAN_WORD
    assert new.startswith(head)
    return re.compile(name_lowercase._NON_LETTER + new[len(head) :])


def test_word_led_scan_finds_the_same_matches() -> None:
    rnd = random.Random(31)
    texts = [
        "".join(rnd.choice(_PIECES) + rnd.choice(["", " ", " ", ", ", "  "]) for _ in range(16))
        for _ in range(4000)
    ]
    found = 0
    for lang in ("en", "es", "fr"):
        old, new = _old_both_scans(lang), name_lowercase._both_scans(lang)
        for text in texts:
            padded = " " + scan.lower_same_length(text)
            want = [(m.span(), m.span("cue"), m.span("prep")) for m in old.finditer(padded)]
            got = [(m.span(), m.span("cue"), m.span("prep")) for m in new.finditer(padded)]
            assert got == want, text
            found += len(want)
    assert found > 20000  # the texts do exercise both scans


def _old_token_starts(text: str, zlang: str) -> tuple[list[int], list[int]]:
    """_token_starts before the word-run test: finditer over every position."""
    padded = " " + scan.lower_same_length(text)
    # _starts_of is the earlier loop over these matches, unchanged (moved into a function).
    return name_lowercase._starts_of(list(name_lowercase._both_scans(zlang).finditer(padded)))


# Letters that only some tests of "letter" accept ("²" is \w but neither \d nor alpha), digits
# of other scripts, case oddities and non-ASCII spaces, glued to the cue words.
_ODD = ["²", "٣", "ſ", "İ", "ß", "é", "œ", "\u2009", "\u3000", "–", "«", "_", "9", "frère", "né",
        "s'appelle", "s'appelait", "beau-frère", "grand-mère", "half-sister"]  # fmt: skip


def test_scan_positions_give_the_same_token_starts() -> None:
    rnd = random.Random(37)
    pieces = [*_PIECES, *_ODD]
    texts = [
        "".join(rnd.choice(pieces) + rnd.choice(["", "", " ", ", ", "  "]) for _ in range(16))
        for _ in range(4000)
    ]
    texts += [t.upper() for t in texts[:500]]
    texts += [t.encode("ascii", "ignore").decode() for t in texts]
    # Every scan word, glued to every character that may (or may not) follow one.
    words = sorted(cues.SCAN_CUES | set(name_lowercase.PLACE_PREPOSITIONS.split("|")))
    gaps = [*" \t,:.\u00a0'’-x2_", "", "  ", ". ", "\t\t", ", ", "..", "«"]
    names = ["samir", "kafr nabl", "tunisia", "harburg", "Samir", "the", "zoë", "émile"]
    texts += [
        rnd.choice(["", " ", "(", "x", "é"])
        + "".join(rnd.choice(words) + rnd.choice(gaps) + rnd.choice(names) + rnd.choice(gaps)
                  for _ in range(4))
        for _ in range(6000)
    ]  # fmt: skip
    # Mostly Arabic script (the word-led search path), with Latin cue words in between.
    arabic = ["من", "في", "أخي", "سمير", "حلب", " ", "، ", "٣"]
    texts += [
        "".join(rnd.choice(arabic) + rnd.choice(gaps) for _ in range(12))
        + rnd.choice(words) + rnd.choice(gaps) + rnd.choice(names)
        for _ in range(2000)
    ]  # fmt: skip
    assert sum(4 * (len(t.encode()) - len(t)) > len(t) + 1 for t in texts) > 1000
    found = 0
    for lang in ("en", "es", "fr"):
        for text in texts:
            want = _old_token_starts(text, lang)
            assert name_lowercase._token_starts(text, lang) == want, (text, lang)
            found += len(want[0]) + len(want[1])
    assert found > 20000  # the texts do exercise both scans


def test_letter_tables_agree_with_the_regex_class() -> None:
    letter = re.compile(r"[^\W\d_]")
    for code in range(128):
        char = chr(code)
        want = char if letter.match(char) else " "
        assert chr(name_lowercase._ASCII_LETTER_TABLE[code]) == want, hex(code)
