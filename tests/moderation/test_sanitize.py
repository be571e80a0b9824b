from __future__ import annotations

import pytest

from moderation.sanitize import plain_text, plain_text_to_html, sanitize_story_html


def test_plain_text_becomes_escaped_paragraphs() -> None:
    assert plain_text_to_html("one\ntwo\n\nthree") == "<p>one<br>two</p><p>three</p>"
    assert sanitize_story_html("5 > 3") == "<p>5 &gt; 3</p>"


def test_allowed_markup_survives() -> None:
    cleaned = sanitize_story_html("<p>I <strong>survived</strong> <em>and</em> heal.</p>")
    assert cleaned == "<p>I <strong>survived</strong> <em>and</em> heal.</p>"


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="javascript:123">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<p style="background:url(javascript:alert(1))">x</p>',
        '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
        "<svg><g onload=alert(1)></g></svg>",
    ],
)
def test_executable_markup_is_removed(payload: str) -> None:
    cleaned = sanitize_story_html(payload).lower()
    for bad in ("<script", "onerror", "onload", "javascript:", "style=", "srcdoc", "<iframe"):
        assert bad not in cleaned, (payload, cleaned)


def test_safe_links_are_kept() -> None:
    cleaned = sanitize_story_html('<p><a href="https://example.org/x">help</a></p>')
    assert 'href="https://example.org/x"' in cleaned


def test_plain_text() -> None:
    assert plain_text("<p>a &amp; b</p><p>c</p>") == "a & b\nc"


def test_link_titles_are_dropped() -> None:
    cleaned = sanitize_story_html('<p><a href="https://example.org" title="Amina Khalil">x</a></p>')
    assert "Amina" not in cleaned and 'href="https://example.org"' in cleaned
