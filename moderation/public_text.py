"""The leak guard over everything about a story that goes public.

One function decides, for approval and publication alike: the title, summary, body and tags in
full, and the byline against the never-appear list (a chosen name is a name by design, so only
the survivor's own list can refuse it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from moderation.redaction import Finding, ListedTerm, check_publishable


@dataclass(frozen=True, slots=True)
class PublicText:
    """What readers would see of a story: its text, tags and byline."""

    title: str
    summary: str
    body_html: str
    tags: Sequence[str]
    byline: str | None
    language: str | None


@dataclass(frozen=True, slots=True)
class PublicFinding:
    """A leak-guard finding and the part of the story it is in."""

    part: str  # "title", "summary", "body", "tag" or "byline"
    finding: Finding

    @property
    def kind(self) -> str:
        return self.finding.kind

    def as_dict(self) -> dict[str, object]:
        return {"part": self.part, **self.finding.as_dict()}


def leak_findings(
    public: PublicText,
    never_appear: Sequence[str],
    organisation_list: Sequence[ListedTerm] = (),
) -> list[PublicFinding]:
    """What the leak guard finds in ``public``; empty when it may go public as it is. The
    organisation's list is checked in the title, summary, body and tags, not in the byline."""
    terms = list(never_appear)
    parts: list[tuple[str, str, bool]] = [
        ("title", public.title, False),
        ("summary", public.summary, False),
        ("body", public.body_html, True),
    ]
    parts += [("tag", str(tag), False) for tag in public.tags]
    findings = [
        PublicFinding(part, finding)
        for part, text, is_html in parts
        for finding in check_publishable(
            text,
            terms,
            html=is_html,
            language=public.language,
            organisation_list=organisation_list,
        )
    ]
    if public.byline:
        findings += [
            PublicFinding("byline", finding)
            for finding in check_publishable(public.byline, terms, html=False)
            if finding.kind == "never_appear"
        ]
    return findings
