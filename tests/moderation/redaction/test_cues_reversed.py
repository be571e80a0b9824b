# ruff: noqa: RUF001  (typographic apostrophes and non-ASCII letters are test data)
"""The reversed cue patterns answer exactly as a search of the window before a name."""

from __future__ import annotations

import random
import re

import pytest

from bench.redaction import load_presidio
from bench.redaction_corpus import generate
from moderation.redaction import cues

PAIRS = [
    ("PERSON_BEFORE", cues.PERSON_BEFORE_REVERSED),
    ("PLACE_BEFORE", cues.PLACE_BEFORE_REVERSED),
    ("STRONG_PLACE_BEFORE", cues.STRONG_PLACE_BEFORE_REVERSED),
]
_PIECES = [
    "my",
    "My",
    "MY",
    "his",
    "the",
    "late",
    "little",
    "brother",
    "Brother",
    "best friend",
    "brother-in-law",
    "mi",
    "hermano",
    "mon",
    "frère",
    "akhi",
    "3ammi",
    "named",
    "called",
    "s'appelle",
    "known as",
    "dr",
    "Dr.",
    "mr",
    "mme",
    "in",
    "IN",
    "from",
    "to",
    "born in",
    "grew up in",
    "fled",
    "cerca de",
    "près de",
    "jusqu'à",
    "d'",
    "de",
    "des",
    "of",
    "village",
    "refugee camp",
    "camp",
    "ville",
    "qarya",
    "en",
    "à",
    "fi",
    "xin",
    "zmy",
    "the",
    " ",
    "  ",
    "\n",
    "\t",
    ",",
    ":",
    ".",
    "-",
    "'",
    "’",
    "_",
    "9",
    "é",
    "Ahmad",
    "Samir",
    "İ",
    "ſ",
]


def _windows() -> list[str]:
    rnd = random.Random(17)
    out = []
    for _ in range(6000):
        parts = [rnd.choice(_PIECES) for _ in range(rnd.randint(0, 7))]
        glue = [rnd.choice(["", " ", " ", "  ", ",", "\n"]) for _ in parts]
        out.append("".join(p + g for p, g in zip(parts, glue, strict=True)))
    return out


@pytest.mark.parametrize(("name", "reversed_cue"), PAIRS)
def test_generated_windows(name: str, reversed_cue: re.Pattern[str]) -> None:
    plain = cues.PLAIN[name]
    hits = 0
    for text in _windows():
        for start in range(len(text) + 1):
            for size in (40, 3, 12):
                expected = plain.search(text[max(0, start - size) : start]) is not None
                assert cues.cue_before(reversed_cue, text, start, size) == expected, (text, start)
                hits += expected
    assert hits > 1000  # the generated windows do hold cues


@pytest.mark.parametrize(("name", "reversed_cue"), PAIRS)
def test_every_position_of_the_evaluation_texts(name: str, reversed_cue: re.Pattern[str]) -> None:
    plain = cues.PLAIN[name]
    texts = [t for t, _, _ in load_presidio()][::5] + [s.text for s in generate()][::3]
    for text in texts:
        for start in range(len(text) + 1):
            expected = plain.search(text[max(0, start - 40) : start]) is not None
            assert cues.cue_before(reversed_cue, text, start) == expected, (text, start)


def test_windows_at_the_text_start() -> None:
    assert cues.cue_before(cues.PERSON_BEFORE_REVERSED, "my brother Samir", 11)
    assert not cues.cue_before(cues.PERSON_BEFORE_REVERSED, "Samir", 0)
    assert cues.cue_before(cues.PLACE_BEFORE_REVERSED, "from Homs", 5)
    assert not cues.cue_before(cues.PLACE_BEFORE_REVERSED, "xfrom Homs", 6)  # not a word start
    assert cues.cue_before(cues.STRONG_PLACE_BEFORE_REVERSED, "the village of Kafr", 15)
