"""The one place where user HTML is cleaned (bleach, a strict allow-list, on the way in).

Plain text (no ``<`` or ``&``) never meets bleach: it is escaped and split into paragraphs,
which is both faster and exact. Markup over the limits of ``moderation.markup_limits`` is
refused before bleach parses it. The service runs this in child processes with a time limit
(``stories_service.sanitizing``), never on its event loop.
"""

from __future__ import annotations

import html
import re

from bleach.sanitizer import Cleaner

from moderation.markup_limits import check_markup

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a"})
# No title attribute: redaction works on visible text, so a name hidden there could leak.
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

_SAFE_HREF = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)


def allowed_attribute(tag: str, name: str, value: str) -> bool:
    """bleach's attribute filter: only ``href`` on links, and only to a web or mail address.

    bleach alone keeps "javascript:123" (it reads scheme:digits as host:port), so the scheme is
    checked here, on the attribute's value (entities already decoded by the parser), inside the
    sanitiser: the text around links is never touched."""
    if tag != "a" or name != "href":
        return False
    return _SAFE_HREF.match(html.unescape(value).strip()) is not None


def plain_text_to_html(text: str) -> str:
    """Escape plain text and turn blank-line-separated blocks into paragraphs."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    return "".join(
        "<p>" + html.escape(block, quote=False).replace("\n", "<br>") + "</p>" for block in blocks
    )


def looks_like_html(text: str) -> bool:
    return "<" in text or "&" in text


_BLOCK_TAG = re.compile(r"<(p|ul|ol|blockquote)[\s>/]", re.IGNORECASE)


def _paragraphs_of(text: str) -> str:
    # Plain text with an ampersand or a stray bracket: keep the paragraphs the writer typed.
    # Done before bleach, so that bleach balances whatever the split leaves unclosed.
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    return "".join("<p>" + b.replace("\n", "<br>") + "</p>" for b in blocks)


def sanitize_story_html(text: str, *, check_limits: bool = True) -> str:
    """Return safe HTML for a story body typed as plain text or as the small HTML subset.

    ``TooMuchMarkup``, before any parsing, when the markup (or the paragraphs plain text
    becomes) is over the limits of ``moderation.markup_limits``. ``check_limits=False`` is for
    HTML that came out of this function before: bleach's output is balanced, so cheap to parse.
    """
    if not looks_like_html(text):
        cleaned = plain_text_to_html(text)
        if check_limits:
            check_markup(cleaned)  # what staff will save again as HTML
        return cleaned
    if not _BLOCK_TAG.search(text):
        text = _paragraphs_of(text)
    if check_limits:
        check_markup(text)
    # A Cleaner per call, as bleach.clean() does: one instance is not safe to share by threads.
    cleaner = Cleaner(
        tags=ALLOWED_TAGS,
        attributes=allowed_attribute,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return cleaner.clean(text)


def plain_text(fragment: str) -> str:
    """Visible text of sanitised HTML, stripped (for summaries, diffs and emptiness checks).

    ``moderation.redaction.html_to_text`` is the other reading: it keeps an offset map into the
    HTML, so that redactions chosen on the text can be applied to the markup."""
    text = re.sub(r"<br\s*/?>|</p>|</li>|</blockquote>", "\n", fragment)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()
