"""first_digit and digit_runs of ASCII texts come from a loop over the text's bytes: the same
answers as the regex scans, on many short texts of digits and other characters."""

from __future__ import annotations

import random
import re

from moderation.redaction import scan


def test_ascii_digit_facts_match_the_regex_scans() -> None:
    rnd = random.Random(61)
    alphabet = "0123456789/:;@ a\x00\x7f"
    samples = ["", "0", "9", "a", "a0", "0a", "00 0", "/:"]
    samples += [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(12))) for _ in range(30000)
    ]
    runs_seen = 0
    for text in samples:
        first = re.search(r"\d", text)
        assert scan.first_digit(text) == (-1 if first is None else first.start()), text
        runs = tuple(
            (m.start(), m.end(), text[m.end() : m.end() + 1]) for m in re.finditer(r"\d+", text)
        )
        assert scan.digit_runs(text) == runs, text
        runs_seen += len(runs)
    assert runs_seen > 30000, runs_seen
