# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""The faster internals of the names detector give the same answers as the versions they
replaced (kept here as oracles): cue gates, the initial test of spans, propagation."""

from __future__ import annotations

import hashlib
import random
import re

from moderation.redaction import cues, name_lowercase, name_propagation, name_tokens, names, scan
from moderation.redaction.model import Suggestion
from moderation.redaction.name_tokens import prev_word
from tests.moderation.redaction._name_oracles import old_propagate as _old_propagate

# Pieces rich in cue words, their glued and hyphenated variants and the separators that
# prev_word and the cue patterns treat differently.
_PIECES = [
    "my", "the", "brother", "half-brother", "x-brother", "brother-in-law", "in-law", "mr",
    "mr.", "Mr.", "MR", "dr", "m", "m.", "mme", "named", "mrnamed", "called", "name", "is",
    "was", "known", "as", "nombre", "es", "nom", "est", "se", "llama", "village", "xvillage",
    "of", "de", "d'", "d’", "jusqu'à", "born", "in", "moved", "to", "fled", "from", "camp",
    "town", "townof", "à", "né", "akhi", "sahbi", "mi", "hermano", "mon", "frère", "a", "at",
    "near", "cousin", "captain", "Samir", "samir", "kafr", "nabl", "İn", "ſon", "K", " ", " ",
    "  ", "\t", "\n", ",", ", ", ":", ".", "..", "-", "'", "’", "\u00a0", "2", "_",
]  # fmt: skip


def _texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [
        "".join(rnd.choice(_PIECES) + rnd.choice(["", " ", " ", " ", ", "]) for _ in range(14))
        for _ in range(count)
    ]


_OLD_PATTERN_HASHES = {
    "PERSON_BEFORE": "8a0f6d60a4e1b8cd",
    "PLACE_BEFORE": "cdbf846fd3c1f2f7",
    "STRONG_PLACE_BEFORE": "f1beb6980d4cb4f9",
    "PERSON_AFTER": "7a726cb05dd1f4bb",
    "PLACE_AFTER": "473805e1a1792322",
    "SUBJECT_VERB": "c388b3de1a305d9a",
}


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:16]


def test_cue_patterns_and_word_sets_are_unchanged() -> None:
    # The patterns are now built from named parts (to know their final words): same source.
    for name, pattern in cues.PLAIN.items():
        assert _digest(pattern.pattern) == _OLD_PATTERN_HASHES[name], name
    assert _digest(repr(sorted(cues.PERSON_LAST))) == "24f33b550b5d7acd"
    assert _digest(repr(sorted(cues.PLACE_LAST))) == "957d27221e0629eb"


def test_cue_gates_only_skip_searches_that_fail() -> None:
    last_all = cues.PERSON_LAST | cues.PLACE_LAST
    checks = [
        (cues.PERSON_LAST, names._PERSON_GATE, cues.PERSON_BEFORE),
        (cues.PLACE_LAST, names._STRONG_PLACE_GATE, cues.STRONG_PLACE_BEFORE),
        (cues.PLACE_LAST, names._PLACE_GATE, cues.PLACE_BEFORE),
        # name_lowercase checks against every cue word, then against these sets.
        (last_all, cues.PERSON_ENDS, cues.PERSON_BEFORE),
        (last_all, cues.STRONG_PLACE_ENDS, cues.STRONG_PLACE_BEFORE),
    ]
    hits = 0
    for text in _texts(6000, 3):
        for pos in range(len(text) + 1):
            prev = prev_word(text, pos)
            window = text[max(0, pos - 40) : pos]
            for last, gate, pattern in checks:
                if prev in last and pattern.search(window):
                    assert prev in gate, (prev, window)
                    hits += 1
    assert hits > 5000  # the texts do exercise the cues


def test_scan_cues_cover_every_final_word() -> None:
    # Every cue word the cue-word scan can need is looked for (see cues.SCAN_CUES).
    assert cues.PERSON_ENDS | cues.STRONG_PLACE_ENDS <= cues.SCAN_CUES
    assert cues.SCAN_CUES <= cues.PERSON_LAST | cues.PLACE_LAST
    assert {"my", "the", "a", "at", "mi", "mon", "el", "la"}.isdisjoint(cues.SCAN_CUES)


def test_initial_check_matches_regex() -> None:
    rnd = random.Random(9)
    chars = "aZ. _1-ÉéA"
    for _ in range(30000):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randint(1, 6))) + "."
        for start in range(len(text)):
            old = re.search(r"\b[A-Z]\.$", text[start:]) is not None
            assert names._ends_with_initial(text, start, len(text)) == old, (text, start)


def test_propagation_matches_previous_version() -> None:
    rnd = random.Random(13)
    words = ["Samir", "samir", "Haddad", "hope", "Hope", "Homs", "Zoë", "zoe", "e\u0301", "Ahmad's"]
    seps = [" ", ", ", ". ", "-", "_", "\n"]
    for _ in range(3000):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 10)))
        found = []
        for m in re.finditer(r"[^\W\d_]+(?: [^\W\d_]+)?", text):
            if rnd.random() < 0.3:
                kind = rnd.choice(["person", "place", "date"])
                found.append(Suggestion(m.start(), m.end(), kind, 0.9, "names", m.group()))
        assert name_propagation.propagate(text, found) == _old_propagate(text, found), text


def test_after_cues_in_one_call_match_the_separate_patterns() -> None:
    pieces = ["'s", "’s", "'S", " ", "  ", "\n", ",", "said", "SAID", "was born", "camp",
              "Refugee Camp", "ſaid", "İs my", "is my", "and I", "town", "x", "."]  # fmt: skip
    rnd = random.Random(21)
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6))) for _ in range(20000)]
    for after in [*texts, *_texts(2000, 4)]:
        after = after[:30]
        m = names._AFTER.match(after)
        assert m is not None
        assert (m.group("person") is not None) == bool(cues.PERSON_AFTER.match(after)), after
        assert (m.group("place") is not None) == bool(cues.PLACE_AFTER.match(after)), after


def test_ascii_capitalised_runs_match_the_general_pattern() -> None:
    rnd = random.Random(17)
    pieces = ["Ab", "cd", "De", "del", "la", "X.", "Yz.", " ", "  ", "-", "'", ".", ",", "\n",
              "1", "_", "Bin", "al", "(", "a'B", "Mc", "O'", "DE", "Van"]  # fmt: skip
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 25))) for _ in range(5000)]
    for text in texts:
        assert text.isascii()
        old = [m.span() for m in name_tokens._CAP_RUN.finditer(text)]
        assert [m.span() for m in name_tokens._CAP_RUN_ASCII.finditer(text)] == old, text


def _one_scan(pattern: re.Pattern[str], text: str) -> list[int]:
    """The previous version: search from the last token start found."""
    padded = " " + scan.lower_same_length(text)
    starts, pos = [], 0
    while (m := pattern.search(padded, pos)) is not None:
        starts.append(m.end() - 1)
        pos = m.end() - 1
    return starts


def test_one_pass_scan_finds_what_each_scan_found() -> None:
    extra = [
        "we came from tunisia to harburg via into near  from to in tunis, desde cerca de alep",
        "my brother samir moved to kiel; half-brother in-law karim; in the village of kafr nabl",
        "from  from to samir to to; in in; mon frère à alep; près de homs; né à  idlib",
    ]
    rnd = random.Random(23)
    pieces = [*_PIECES, "tunisia", "harburg", "via", "into", "near", "desde", "cerca de", "vers"]
    texts = ["".join(rnd.choice(pieces) + " " for _ in range(14)) for _ in range(3000)]
    found = 0
    for text in [*extra, *_texts(3000, 8), *texts]:
        for lang in ("en", "es", "fr"):
            cue, place = name_lowercase._token_starts(text, lang)
            assert cue == _one_scan(name_lowercase.cue_then_rare(lang), text), text
            assert place == _one_scan(name_lowercase.preposition_then_word(lang), text), text
            found += len(cue) + len(place)
    assert found > 10000
