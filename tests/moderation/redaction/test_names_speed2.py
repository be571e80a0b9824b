# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""The fifth-round shortcuts of the names detector give the same answers as the code they
replaced: the test before the after-name cue patterns."""

from __future__ import annotations

import random
import re
import sys

from moderation.redaction import cues, names

# Pieces around the after-name cue words: their cases, glued and cut variants, the separators
# and characters that IGNORECASE treats specially.
_AFTER_PIECES = [
    "'s", "’s", "'S", "'", "’", " ", "  ", "\n", "\t", "\u00a0", "\u2009", ",", ", ", ",,", ".",
    "said", "SAID", "Said", "saidx", "sai", "ſaid", "says", "was", "WAS", "waſ", "born",
    "was born", "and", "and I", "and ı", "and me", "ıs my", "İs my", "is my", "is", "my", "m",
    "m'a dit", "M’a dit", "a", "a dit", "dit", "est", "est mort", "était ma", "ÉTAIT MON",
    "murió", "MURIÓ", "desapareció", "es mi", "era", "camp", "Camp", "refugee camp", "town",
    "city", "ciTy", "border", "detention centre", "x", "2", "_", "é", "Samir", "Kﬁ", "K",
]  # fmt: skip


def _after_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [
        "".join(rnd.choice(_AFTER_PIECES) for _ in range(rnd.randint(0, 10))) for _ in range(count)
    ]


def test_after_cue_test_only_skips_matches_that_fail() -> None:
    skipped = matched = 0
    for text in _after_texts(20000, 41):
        for end in range(len(text) + 1):
            m = names._AFTER_AT.match(text, end, end + 30)
            assert m is not None
            hit = m.group("person") is not None or m.group("place") is not None
            if not names._after_cue_possible(text, end):
                assert not hit, (text, end)
                skipped += 1
            matched += hit
    assert skipped > 50000 and matched > 20000  # the texts do exercise both answers


def test_only_letters_match_the_letters_of_after_cue_words() -> None:
    # The argument of _after_cue_possible: under IGNORECASE a letter of a cue word is only
    # matched by letters, a space only by a space, an apostrophe only by an apostrophe; no
    # ASCII character matches a non-ASCII letter.
    words = cues._PERSON_AFTER_WORDS + "|" + cues._PLACE_AFTER_WORDS
    letters = sorted({c for c in words if c.isalpha()})
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in letters:
        for m in re.finditer(re.escape(letter), every, re.IGNORECASE):
            assert m.group().isalpha(), (letter, m.group())
            assert letter.isascii() or not m.group().isascii(), (letter, m.group())
    for other in [" ", "'"]:
        assert re.findall(re.escape(other), every, re.IGNORECASE) == [other]
    assert {c for c in words if not c.isalpha()} <= {" ", "'", "|"}
