# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""CaselessPattern finds what the same pattern finds under IGNORECASE, also in a text with the
few characters that lower-casing cannot stand in for."""

from __future__ import annotations

import re

import pytest

from moderation.redaction.regex_util import CaselessPattern, trie_regex

_SOURCE = r"(?<![\w'’])" + trie_regex(["my brother", "mi hermano", "mon frère", "is"]) + r"\b"
_TEXTS = [
    "My brother Samir and MI HERMANO Luis; Mon Frère Karim",
    "my brotherhood is not mon frère",
    "İstanbul: my brother Samir",  # dotted capital I: its lower case is two characters
    "MY BROTHER ſamir, MY BROTHER IS",  # long s: IGNORECASE takes it for "s"
    "ıs my brother",  # dotless i: IGNORECASE takes it for "i"
    "",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_finditer_finds_the_ignorecase_spans(text: str) -> None:
    plain = re.compile(_SOURCE, re.IGNORECASE)
    caseless = CaselessPattern(_SOURCE)
    assert [m.span() for m in caseless.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text", _TEXTS)
def test_found_in_looks_at_the_slice_alone(text: str) -> None:
    plain = re.compile(_SOURCE, re.IGNORECASE)
    caseless = CaselessPattern(_SOURCE)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            expected = plain.search(text[start:end]) is not None
            assert caseless.found_in(text, start, end) is expected


def test_found_in_the_whole_text_by_default() -> None:
    caseless = CaselessPattern(_SOURCE)
    assert caseless.found_in("We met MY BROTHER there")
    assert not caseless.found_in("We met my brotherhood there")


@pytest.mark.parametrize("text", _TEXTS)
def test_matches_at_every_match_start_finds_the_ignorecase_spans(text: str) -> None:
    plain = re.compile(_SOURCE, re.IGNORECASE)
    caseless = CaselessPattern(_SOURCE)
    starts = [m.start() for m in plain.finditer(text)]
    spans = [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in caseless.matches_at(text, starts)] == spans
    everywhere = range(len(text) + 1)
    assert [m.span() for m in caseless.matches_at(text, everywhere)] == spans
