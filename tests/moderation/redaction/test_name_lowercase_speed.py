# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""The one-pass scan of name_lowercase, led by its word test, finds what it found without it
(the former pattern is rebuilt here as the oracle)."""

from __future__ import annotations

import random
import re

from moderation.redaction import name_lowercase, scan

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
