"""The leak guard: the last check before a story is published."""

from __future__ import annotations

from collections.abc import Sequence

from .detection import detect
from .html_text import html_to_text, link_targets
from .model import HIGH_CONFIDENCE, Finding
from .organisation_list import DETECTOR as ORGANISATION_LIST
from .organisation_list import ListedTerm


def check_publishable(
    text: str,
    never_appear: Sequence[str],
    *,
    html: bool = True,
    language: str | None = None,
    min_confidence: float = HIGH_CONFIDENCE,
    organisation_list: Sequence[ListedTerm] = (),
) -> list[Finding]:
    """Report every remaining never-appear term and every detection at >= min_confidence.

    With html=True the check runs on the visible text (so 'Sa<b>mir</b>' is read as 'Samir')
    and offsets are over that text; link targets are checked too (offsets into the HTML).
    Placeholders ('[name]') and pseudonyms ('Person A') are never reported. A term of the
    organisation's list (``organisation_list``) is always reported (its confidence is above the
    threshold).
    """
    visible = html_to_text(text).text if html else text
    findings: list[Finding] = []
    found = detect(
        visible, never_appear=never_appear, organisation_list=organisation_list, language=language
    )
    for s in found:
        if s.kind == "never_appear":
            reason = "a term on the storyteller's never-appear list is still present"
        elif s.detector == ORGANISATION_LIST:
            reason = "a term on the organisation's list is still present"
        elif s.confidence >= min_confidence:
            reason = f"high-confidence {s.kind.replace('_', ' ')} still present"
        else:
            continue
        findings.append(Finding(s.start, s.end, s.kind, s.detector, s.text, s.confidence, reason))
    if html:
        for a, _b, value in link_targets(text):
            in_link = detect(
                value,
                never_appear=never_appear,
                organisation_list=organisation_list,
                language=language,
            )
            for s in in_link:
                if s.kind == "never_appear" or s.confidence >= min_confidence:
                    findings.append(
                        Finding(
                            a + s.start,
                            a + s.end,
                            s.kind,
                            s.detector,
                            s.text,
                            s.confidence,
                            "found in a link address (offsets are into the HTML source)",
                        )
                    )
    return findings
