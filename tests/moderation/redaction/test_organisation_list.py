"""The organisation's list (issue 15 #4): terms staff told the engine, found in every story in
any case, with or without accents, on word boundaries, Arabic clitics included, labelled with
the term's kind and blocked by the leak guard."""

from __future__ import annotations

import pytest

from moderation.public_text import PublicText, leak_findings
from moderation.redaction import (
    DEFAULT_ENABLED,
    HIGH_CONFIDENCE,
    LIST_KINDS,
    ListedTerm,
    Suggestion,
    apply_redactions,
    check_publishable,
    detect,
)
from moderation.redaction.organisation_list import CONFIDENCE, DETECTOR, find_listed_terms

LIST = (
    ListedTerm("Lighthouse", "organisation"),
    ListedTerm("Los Pinos", "place"),
    ListedTerm("تل الورد", "place"),
    ListedTerm("زهيرية", "place"),
    ListedTerm("Patience Ngozi", "person"),
    ListedTerm("Blue Door", "other"),
)


def _covering(text: str, needle: str, found: list[Suggestion]) -> list[Suggestion]:
    """The suggestions that cover all of ``needle`` (a name cut short leaks its other half)."""
    start = text.index(needle)
    return [s for s in found if s.start <= start and start + len(needle) <= s.end]


def test_the_detector_is_on_by_default_and_blocks_at_the_guard() -> None:
    assert DETECTOR in DEFAULT_ENABLED
    assert CONFIDENCE >= HIGH_CONFIDENCE
    assert set(LIST_KINDS) == {"person", "place", "organisation", "other"}


@pytest.mark.parametrize(
    ("text", "needle", "kind"),
    [
        # English, a common word as an organisation's name, mid-sentence, lower case.
        (
            "On tuesdays i help at the lighthouse with the little ones.",
            "lighthouse",
            "organisation",
        ),
        # Spanish, all lower case, no accent where the list has none.
        ("de niña jugaba en los pinos con mis primas.", "los pinos", "place"),
        # Arabic, with a prefix (و + ب) glued to the first word of a two-word term.
        ("وبتل الورد عشنا سنتين قبل أن نرحل.", "تل الورد", "place"),
        # Arabic, the article and a conjunction on a term listed without them.
        ("ثم رجعنا والزهيرية كانت فارغة.", "زهيرية", "place"),
        # A person with a common-word given name, written in lower case on a phone.
        ("every sunday patience ngozi cooked for all of us.", "patience ngozi", "person"),
        ("We met at the blue-door every week.", "blue-door", "other"),
    ],
)
def test_a_listed_term_is_found_where_nothing_else_finds_it(
    text: str, needle: str, kind: str
) -> None:
    # Without the list the engine would let the whole term through the leak guard.
    alone = _covering(text, needle, detect(text))
    assert not [s for s in alone if s.confidence >= HIGH_CONFIDENCE], alone
    hits = _covering(text, needle, detect(text, organisation_list=LIST))
    assert [(s.kind, s.detector) for s in hits] == [(kind, DETECTOR)], hits
    assert hits[0].confidence >= HIGH_CONFIDENCE


def test_word_boundaries_are_honoured() -> None:
    # "lighthouses" is an inflection (plural); "lighthousekeeper" and "hearts" are other words.
    text = "The lighthousekeeper spoke. Nearby, two lighthouses."
    found = list(find_listed_terms(text, LIST))
    assert [text[s.start : s.end] for s in found] == ["lighthouses"[:10]]
    arabic = "تلال الوردية"  # neither word is the term's
    assert not list(find_listed_terms(arabic, LIST))


def test_offsets_map_back_to_the_original_text_with_accents() -> None:
    text = "Vivíamos en Los Piños, cerca del río."
    found = list(find_listed_terms(text, (ListedTerm("los pinos", "place"),)))
    assert [text[s.start : s.end] for s in found] == ["Los Piños"]


def test_the_kind_gives_a_placeholder_that_reads_naturally() -> None:
    text = "She lived in Los Pinos and worked at the Lighthouse near the Blue Door."
    found = detect(text, organisation_list=LIST)
    redacted = apply_redactions(text, found)
    assert "Los Pinos" not in redacted and "Lighthouse" not in redacted
    assert "[place]" in redacted and "[organisation]" in redacted and "[redacted]" in redacted


def test_the_leak_guard_blocks_a_story_with_a_listed_term() -> None:
    html = "<p>Every week we went to the <b>light</b>house for bread.</p>"
    assert check_publishable(html, []) == []
    findings = check_publishable(html, [], organisation_list=LIST)
    assert [f.kind for f in findings] == ["organisation"]
    assert "organisation's list" in findings[0].reason
    redacted = "<p>Every week we went to the [organisation] for bread.</p>"
    assert check_publishable(redacted, [], organisation_list=LIST) == []


def test_the_leak_guard_checks_title_and_tags_but_not_the_byline() -> None:
    public = PublicText(
        title="Bread at the Lighthouse",
        summary="",
        body_html="<p>Nothing here.</p>",
        tags=["los pinos"],
        byline="Lighthouse",
        language="en",
    )
    parts = sorted(f.part for f in leak_findings(public, [], LIST))
    assert parts == ["tag", "title"]
    assert leak_findings(public, []) == []


def test_an_empty_or_unusable_list_changes_nothing() -> None:
    text = "We met at the Lighthouse in Aleppo."
    assert detect(text, organisation_list=()) == detect(text)
    odd = (ListedTerm("---", "place"), ListedTerm("Aleppo", "not-a-kind"))
    assert detect(text, organisation_list=odd) == detect(text)


def test_a_long_list_finds_exactly_the_terms_in_the_text() -> None:
    many = tuple(ListedTerm(f"Kestrel{n:04d} Farm", "place") for n in range(2000))
    text = "We slept at kestrel0042-farm, then at KESTREL1999 FARM's gate; not at Kestrel2000 Farm."
    found = list(find_listed_terms(text, (*many, *LIST)))
    assert [text[s.start : s.end] for s in found] == ["kestrel0042-farm", "KESTREL1999 FARM"]
