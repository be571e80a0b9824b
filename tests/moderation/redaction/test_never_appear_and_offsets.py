"""Never-appear matching and exact offsets with emoji, combining marks and right-to-left text."""

from __future__ import annotations

import itertools
import unicodedata

from moderation.redaction import detect
from moderation.redaction.never_appear import find_never_appear


def _texts(text: str, terms: list[str]) -> list[str]:
    return [s.text for s in find_never_appear(text, terms)]


def test_case_diacritics_and_possessive() -> None:
    text = "AHMAD's house, Aḥmad, ahmad and Ahmad's cousin Ahmadi."
    assert _texts(text, ["Ahmad"]) == ["AHMAD", "Aḥmad", "ahmad", "Ahmad"]


def test_listed_term_with_diacritic_matches_plain_text() -> None:
    assert _texts("Jose told me everything.", ["José"]) == ["Jose"]


def test_multi_word_term_across_line_break() -> None:
    assert _texts("We met Samir\nHaddad there.", ["Samir Haddad"]) == ["Samir\nHaddad"]


def test_every_apostrophe_matches_every_other() -> None:
    apostrophes = ("O'Brien", "O\u2019Brien", "O`Brien")
    for written in apostrophes:
        for listed in apostrophes:
            for rest in ("", " in Malmö"):
                assert _texts(f"We met {written}{rest}.", [listed]) == [written], (written, listed)


def test_terms_of_separators_only_are_ignored() -> None:
    # Such a term once made detect() (and so the suggestions page and the leak guard) fail.
    assert _texts("Samir went - home...", ["Samir", "-", "...", " . "]) == ["Samir"]
    assert _texts("Samir went - home...", ["-", "..."]) == []


def test_text_without_any_term_is_not_matched() -> None:
    assert _texts("We walked to the sea.", ["Samir Haddad", "Kafr Nabl"]) == []
    assert _texts("We met kafr-nabl people.", ["Kafr Nabl"]) == ["kafr-nabl"]


def test_arabic_term_with_clitics_and_vowel_marks() -> None:
    text = "وسَمِير قال لي، ولسمير بيت في حمص"
    found = _texts(text, ["سمير"])
    assert len(found) == 2
    assert all(
        unicodedata.normalize("NFKD", f)
        .replace("\u064e", "")
        .replace("\u0650", "")
        .endswith("سمير")
        or "سمير" in f
        for f in found
    )


def test_offsets_exact_with_emoji_and_combining_marks() -> None:
    decomposed = "Jose\u0301"  # José written with a combining acute accent
    text = f"👨‍👩‍👧 Family 🇸🇾: {decomposed} and A\u0307hmad 🙏 call +963 944 123 456"
    for s in detect(text, never_appear=["José", "Ahmad"]):
        assert text[s.start : s.end] == s.text
    never = [s for s in detect(text, never_appear=["José", "Ahmad"]) if s.kind == "never_appear"]
    assert [s.text for s in never] == [decomposed, "A\u0307hmad"]
    phone = next(s for s in detect(text) if s.kind == "phone")
    assert phone.text == "+963 944 123 456"


def test_offsets_exact_in_right_to_left_text() -> None:
    text = "\u202bأخي سمير\u202c 📱 +963 944 123 456 من حمص"
    sugg = detect(text, never_appear=["سمير"])
    for s in sugg:
        assert text[s.start : s.end] == s.text
    kinds = {s.text: s.kind for s in sugg}
    assert kinds.get("سمير") == "never_appear"
    assert kinds.get("حمص") == "place"
    assert kinds.get("+963 944 123 456") == "phone"


def test_results_sorted_and_merged() -> None:
    text = "My brother Samir Haddad lives at 22 Baron Street since 12 March 2019."
    sugg = detect(text, never_appear=["Samir"])
    spans = [(s.start, s.end) for s in sugg]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    samir = next(s for s in sugg if "Samir" in s.text)
    assert samir.kind == "never_appear"  # never_appear outranks the person detector
    assert detect(text, never_appear=["Samir"]) == sugg  # deterministic
