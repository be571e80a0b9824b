"""The working text as text (issue 17 #4): paragraphs and line breaks survive the round trip
between the stored sanitised HTML and the text a moderator edits; markup is never invented."""

from __future__ import annotations

import pytest

from moderation.editable_text import editable_text, html_of_editable, placed_redactions
from moderation.redaction import html_to_text
from moderation.sanitize import sanitize_story_html

TYPED = [
    "One paragraph.",
    "First paragraph.\n\nSecond paragraph,\nwith a line break.",
    "Windows new lines.\r\n\r\nSecond.\r\nBroken line.",
    "Too many blank lines.\n\n\n\n   \nNext.",
    "Tom & Jerry, 5 < 6 and 7 > 3; I <3 you.",
    "Quotes \"double\" and 'single', an ampersand entity typed: &amp; stays as typed.",
    "Not markup, as typed: &lt;b&gt; and &#60;",
    "مرحبا بكم.\n\nسطر ثان\nوسطر ثالث.",
    "Indented line\n    with spaces kept inside.",
    "Emoji 🌱 and a non-breaking\u00a0space.",
]


@pytest.mark.parametrize("typed", TYPED)
def test_a_typed_story_round_trips_without_losing_a_word(typed: str) -> None:
    stored = sanitize_story_html(typed)
    text = editable_text(stored)
    assert text is not None, stored
    assert "<p>" not in text and "<br>" not in text
    again = html_of_editable(text)
    # The same visible text, paragraphs and breaks, and the same text when opened again.
    assert html_to_text(again).text == html_to_text(stored).text
    assert again.count("<p>") == stored.count("<p>")
    assert again.count("<br>") == stored.count("<br>")
    assert editable_text(again) == text


def test_paragraphs_and_breaks_become_blank_lines_and_new_lines() -> None:
    stored = "<p>First &amp; best.</p><p>Line one<br>line two</p>"
    assert editable_text(stored) == "First & best.\n\nLine one\nline two"
    assert html_of_editable("First & best.\n\nLine one\nline two") == stored


def test_text_that_looks_like_markup_stays_text() -> None:
    html = html_of_editable("I wrote <b>this</b> & <script>that</script>")
    assert "<b>" not in html and "<script>" not in html
    assert editable_text(html) == "I wrote <b>this</b> & <script>that</script>"


@pytest.mark.parametrize(
    "stored",
    [
        "<p>A <strong>bold</strong> word.</p>",
        "<ul><li>one</li></ul>",
        '<p><a href="https://example.org">a link</a></p>',
        "<p>two<br><br>breaks</p>",
        "<p>raw\nnew line</p>",
        "loose text",
    ],
)
def test_other_markup_is_edited_as_html_rather_than_lost(stored: str) -> None:
    assert editable_text(stored) is None


def test_placed_redactions_point_at_the_nth_placeholder() -> None:
    html = html_of_editable("[name] met [place].\n\nThen [name] left.")
    visible = html_to_text(html).text
    spans = placed_redactions(html, ["person|1", "place|0", "person|7", "nonsense|0", "person|x"])
    assert sorted(spans) == sorted(
        [
            (visible.rindex("[name]"), visible.rindex("[name]") + 6, "person"),
            (visible.index("[place]"), visible.index("[place]") + 7, "place"),
        ]
    )
