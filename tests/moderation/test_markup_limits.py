"""Markup no survivor writes is refused before bleach parses it (issue 14 #1): the counts of
``moderation.markup_limits``, and where they leave room for what people and the service write."""

from __future__ import annotations

import pytest

from moderation.markup_limits import (
    MAX_ATTRIBUTES,
    MAX_DEPTH,
    MAX_ELEMENTS,
    TooMuchMarkup,
    check_markup,
    count_markup,
)
from moderation.sanitize import sanitize_story_html

# The review's body: 96 KB of unclosed bold (bleach took 13 s on it, holding the server).
REVIEW_BODY = "<b>x" * 24_000


def refused(text: str) -> str:
    with pytest.raises(TooMuchMarkup) as caught:
        check_markup(text)
    return caught.value.limit


def test_the_review_body_is_refused_for_its_depth() -> None:
    assert refused(REVIEW_BODY) == "depth"
    with pytest.raises(TooMuchMarkup):
        sanitize_story_html(REVIEW_BODY)


def test_nesting_one_level_deeper_than_allowed_is_refused() -> None:
    within = "<blockquote>" * MAX_DEPTH + "x" + "</blockquote>" * MAX_DEPTH
    check_markup(within)
    assert refused("<ul><li>" * (MAX_DEPTH // 2) + "<em>deep</em>" + "</li></ul>") == "depth"


def test_unclosed_paragraphs_and_list_items_close_as_in_a_browser() -> None:
    check_markup("<p>one<p>two" * 300)
    check_markup("<ul>" + "<li>an item" * 500 + "</ul>")
    assert count_markup("<p>a<p>b<p>c").depth == 1


def test_elements_over_the_limit_are_refused_line_breaks_do_not_count() -> None:
    check_markup("<em>x</em>" * MAX_ELEMENTS)
    assert refused("<em>x</em>" * (MAX_ELEMENTS + 1)) == "elements"
    check_markup("a line<br>" * 5 * MAX_ELEMENTS)


def test_paragraphs_reopening_bold_are_counted() -> None:
    # 500 paragraphs that each reopen a bold run, then plain paragraphs: 12.7 s in bleach.
    assert refused("<p><b>x" * 500 + "<p>x" * 20_000) == "elements"


def test_attributes_are_counted_even_with_a_quoted_closing_bracket() -> None:
    check_markup("<a " + " ".join(f'x{i}="1"' for i in range(MAX_ATTRIBUTES)) + ">x</a>")
    bomb = "<a " + " ".join(f'x{i}=">"' for i in range(MAX_ATTRIBUTES + 1)) + ">x</a>"
    assert refused(bomb) == "attributes"


def test_plain_text_is_checked_as_the_paragraphs_it_becomes() -> None:
    sanitize_story_html("A paragraph.\n\n" * MAX_ELEMENTS)
    with pytest.raises(TooMuchMarkup):
        sanitize_story_html("A paragraph.\n\n" * (MAX_ELEMENTS + 1))


def test_what_people_write_passes() -> None:
    check_markup("I was 5 < 6 years old & scared. <3")
    check_markup(
        '<p>I <strong>survived</strong>, <a href="https://example.org">read</a> more:</p>'
        "<ul><li><em>one</em></li><li>two</li></ul><blockquote><p>a quote</p></blockquote>"
    )


@pytest.mark.parametrize(
    "unit",
    [
        "<em><!--</em>-->x",  # a comment
        "<em><!x </em>x",  # a bogus comment, up to the first ">"
        "<em><textarea></em></textarea>",  # text, in a textarea
        "<svg><g><![CDATA[ > </g> ]]>",  # text, in CDATA inside svg
    ],
)
def test_end_tags_a_parser_reads_as_text_close_nothing(unit: str) -> None:
    # A thousand of these nest a thousand deep in html5lib (1.3 s in bleach for the first).
    assert refused(unit * (MAX_DEPTH + 1)) == "depth"
