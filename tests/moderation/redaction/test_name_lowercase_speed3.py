# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""name_lowercase decides most scan positions in Python (_group_ends) instead of matching the
scans' regex there: the same token starts as the regex-only scan (kept here as the oracle),
on generated texts and on the bench sets."""

from __future__ import annotations

import random
import re
import sys

from moderation.redaction import cues, name_lowercase, scan

_LANGS = ("en", "es", "fr")
_SCAN_WORDS = sorted(cues.SCAN_CUES | set(name_lowercase.PLACE_PREPOSITIONS.split("|")))
# What may (or may not) follow a scan word: its dots and gaps, joiners, odd spaces, digits.
_GAPS = [
    "", " ", " ", "  ", ".", "..", ". ", ".. ", ".,", ",", ", ", ":", ": ", "\t", "\xa0",
    " \t", ",\xa0", "-", "'", "’", "x", "é", "2", "٣", "_", "«", "\u2009", "\n", "?", ". .",
]  # fmt: skip
# Rare words and short or odd tokens ("²" is a letter to the regexes: \w, not \d).
_RARE = [
    "samir", "tunisia", "kafr nabl", "harburg", "zoë", "émile", "ab", "a", "xy", "x", "ñu",
    "İstanbul", "ſon", "²x", "x²", "ß", "œuvre", "dürüm", "سمير", "k2", "2k", "_k",
]  # fmt: skip
# What may follow the token: a joiner and a letter (which keeps a common word), or not.
_AFTER = [
    "", "", " ", ".", ". ", "-jane", "-", "'s", "’s", "’", ".b", "..", "'", "2", "_x", "-2",
    ",", "é", "-é", "².", "\xa0",
]  # fmt: skip


def _old_token_starts(text: str, zlang: str) -> tuple[list[int], list[int]]:
    """The regex-only scan: finditer of _both_scans over every position (the version before
    _scan_positions and _group_ends; _starts_of is its loop over the matches, unchanged)."""
    padded = " " + scan.lower_same_length(text)
    return name_lowercase._starts_of(list(name_lowercase._both_scans(zlang).finditer(padded)))


def _commons(rnd: random.Random, lang: str, count: int) -> list[str]:
    words = [*name_lowercase._cue_common(lang), *name_lowercase._prep_common(lang)]
    return rnd.sample(words, count)


def _texts(rnd: random.Random, lang: str, count: int) -> list[str]:
    """Scan words followed by gaps, common or rare tokens and what may follow them."""
    tokens = _RARE + _commons(rnd, lang, 300) + [w for w in _SCAN_WORDS if rnd.random() < 0.2]
    out = []
    for _ in range(count):
        parts = [rnd.choice(["", " ", "(", "x", "é", "2", ".", "'", "’", "-", "سمير "])]
        for _ in range(rnd.randint(1, 5)):
            parts += [rnd.choice(_SCAN_WORDS), rnd.choice(_GAPS), rnd.choice(tokens)]
            parts += [rnd.choice(_AFTER), rnd.choice(_GAPS)]
        text = "".join(parts)
        choice = rnd.random()
        if choice < 0.1:
            text = text.upper()
        elif choice < 0.2:
            text = text.title()
        out.append(text)
    return out


def test_group_ends_agree_with_the_regex_match() -> None:
    """Wherever a lead of _SCAN_LEADS follows a non-letter (whatever follows it), _group_ends
    is None or the groups of the regex match there."""
    rnd = random.Random(41)
    letter = re.compile(r"[^\W\d_]")
    decided = matched = 0
    for lang in _LANGS:
        scans = name_lowercase._lang_scans(lang)
        for text in _texts(rnd, lang, 3000):
            padded = " " + scan.lower_same_length(text)
            for p in range(len(padded) - 1):
                if letter.match(padded, p) or not letter.match(padded, p + 1):
                    continue
                run = re.compile(r"[^\W\d_]+").match(padded, p + 1)
                assert run is not None
                if run.group() not in name_lowercase._SCAN_LEADS or run.end() >= len(padded):
                    continue
                got = name_lowercase._group_ends(padded, p, scans.cue_common, scans.prep_common)
                if got is None:
                    continue
                m = scans.pattern.match(padded, p)
                want = (-1, -1) if m is None else (m.end("cue"), m.end("prep"))
                assert got == want, (padded, p, lang)
                decided += 1
                matched += m is not None
    assert decided > 20000 and matched > 5000  # the texts do exercise both outcomes


def test_token_starts_agree_with_the_regex_scan() -> None:
    rnd = random.Random(43)
    found = 0
    for lang in _LANGS:
        texts = _texts(rnd, lang, 3000)
        # Mostly Arabic script (the word-led search path), with Latin cue words in between.
        texts += [
            "سمير في حلب، " * rnd.randint(1, 4) + t for t in _texts(rnd, lang, 300)
        ]  # fmt: skip
        for text in texts:
            want = _old_token_starts(text, lang)
            assert name_lowercase._token_starts(text, lang) == want, (text, lang)
            found += len(want[0]) + len(want[1])
    assert found > 5000  # the texts do exercise both scans


def test_token_starts_agree_on_the_bench_sets() -> None:
    sys.path.insert(0, ".")
    from bench.redaction import load_presidio
    from bench.redaction_corpus import generate

    docs = [(t, "en") for t, _, _ in load_presidio()]
    docs += [(s.text, s.language) for s in generate()]
    found = 0
    for text, lang in docs:
        zlang = lang if lang in _LANGS else "en"
        want = _old_token_starts(text, zlang)
        assert name_lowercase._token_starts(text, zlang) == want, (text, zlang)
        found += len(want[0]) + len(want[1])
    assert found > 2000


def test_letter_test_agrees_with_the_regex_class() -> None:
    """_is_letter and _is_joiner on every code point (surrogates included)."""
    letter = re.compile(r"[^\W\d_]")
    joiner = re.compile(r"['’\-.]")
    chars = "".join(map(chr, range(0x110000)))
    for i, char in enumerate(chars):
        assert name_lowercase._is_letter(chars, i) == bool(letter.match(char)), hex(i)
        assert name_lowercase._is_joiner(chars, i) == bool(joiner.match(char)), hex(i)
        assert name_lowercase._is_cue_gap(chars, i) == (char in name_lowercase._CUE_GAP), hex(i)


def test_lead_kinds() -> None:
    kinds = name_lowercase._LEAD_KINDS
    assert set(kinds) == set(name_lowercase._SCAN_LEADS)
    assert kinds["brother"] == (True, False, "-")
    assert kinds["from"] == (True, True, "")
    assert kinds["via"] == (False, True, "")
    assert kinds["cerca"] == (False, False, " ")
    assert kinds["d"] == (False, False, "'")


def test_lead_shapes_let_every_ascii_lead_through() -> None:
    shapes = name_lowercase._LEAD_SHAPES
    for lead in name_lowercase._SCAN_LEADS_ASCII:
        assert shapes[name_lowercase._shape(len(lead), lead[0], lead[-1])] == 1, lead
    assert shapes[name_lowercase._shape(3, ord("t"), ord("e"))] == 0  # "the": skipped early
