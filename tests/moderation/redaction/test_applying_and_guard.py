"""Applying redactions (text and HTML), the leak guard and quasi-identifier warnings."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from moderation.redaction import (
    apply_redactions,
    check_publishable,
    detect,
    detect_in_html,
    html_to_text,
    quasi_identifier_warnings,
)


class _Balance(HTMLParser):
    VOID = {"br"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def _well_formed(markup: str) -> bool:
    p = _Balance()
    p.feed(markup)
    p.close()
    return p.ok and not p.stack


def test_placeholders() -> None:
    text = "My brother Samir left Homs on 12 March 2019; call +963 944 123 456."
    out = apply_redactions(text, detect(text))
    assert out == "My brother [name] left [place] on [date]; call [phone]."


def test_pseudonyms_are_consistent() -> None:
    text = "My brother Samir Haddad stayed. Later SAMIR wrote from Homs; Samir's wife is in Homs."
    out = apply_redactions(text, detect(text), mode="pseudonym")
    assert "Samir" not in out and "SAMIR" not in out and "Homs" not in out
    assert out.count("Person A") == 3 and out.count("Place A") == 2


def test_tuple_spans() -> None:
    assert apply_redactions("Hello Samir!", [(6, 11, "person")]) == "Hello [name]!"


def test_html_visible_text_and_offsets() -> None:
    doc = html_to_text("<p>Sa<b>mir</b> &amp; me</p><p>left</p>")
    assert doc.text.rstrip("\n") == "Samir & me\nleft"
    assert doc.text[doc.starts[0]] == "S" or doc.html[doc.starts[2]] == "m"


def test_html_redaction_crossing_tags_stays_well_formed() -> None:
    markup = (
        "<p>My brother Sa<b>mir</b> and I left <em>Homs on 12 March</em> 2019.</p>"
        '<ul><li>Write: <a href="mailto:samir@example.org">samir@example.org</a></li></ul>'
    )
    sugg = detect_in_html(markup, never_appear=["Samir"])
    out = apply_redactions(markup, sugg, html=True)
    assert _well_formed(out)
    visible = html_to_text(out).text
    assert "mir" not in visible and "Homs" not in visible and "2019" not in visible
    assert "samir" not in out.lower()  # the href was blanked too
    assert "<b></b>" in out or "<b>" not in out


def test_leak_guard_catches_split_case_and_diacritics() -> None:
    for markup in (
        "<p>Sa<b>mir</b> stayed</p>",
        "<p>SAMIR stayed</p>",
        "<p>Sāmir stayed</p>",
        "<p>S<em>ā</em>m<strong>ir</strong>'s house</p>",
    ):
        findings = check_publishable(markup, ["Samir"])
        assert [f.kind for f in findings if f.kind == "never_appear"] == ["never_appear"], markup


def test_leak_guard_ignores_placeholders_and_pseudonyms() -> None:
    text = "<p>[name] and Person A went to Place B on [date]. Organisation C paid.</p>"
    assert check_publishable(text, ["Samir"]) == []


def test_leak_guard_flags_high_confidence_and_serialises() -> None:
    findings = check_publishable(
        "Write to samir@example.org or call +44 7700 900123.", [], html=False
    )
    assert {f.kind for f in findings} == {"email", "phone"}
    json.dumps([f.as_dict() for f in findings])
    assert all(f.as_dict()["text"] for f in findings)


def test_leak_guard_checks_link_targets() -> None:
    markup = '<p><a href="https://example.org/samir-haddad">my page</a></p>'
    findings = check_publishable(markup, ["Samir Haddad"])
    assert any(f.kind == "never_appear" for f in findings)


def test_quasi_identifiers() -> None:
    text = "I was the only doctor in Kafr Nabl when they came on 12 March 2019. I was 34 years old."
    warnings = quasi_identifier_warnings(text, detect(text))
    codes = {w.code for w in warnings}
    assert "place_date_role" in codes and "age_place" in codes
    for w in warnings:
        assert re.fullmatch(r"[^.]+\.", w.explanation.replace('"', "")) or w.explanation.endswith(
            "."
        )
        json.dumps(w.as_dict())


def test_quasi_identifiers_quiet_for_harmless_text() -> None:
    text = "We were tired and hungry, but we kept walking."
    assert quasi_identifier_warnings(text, detect(text)) == []
