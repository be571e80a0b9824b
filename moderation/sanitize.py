"""The one place where user HTML is cleaned (bleach, a strict allow-list, on the way in).

Plain text (no ``<`` or ``&``) never meets bleach: it is escaped and split into paragraphs,
which is both faster and exact.
"""

from __future__ import annotations

import html
import re

import bleach

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a"})
# No title attribute: redaction works on visible text, so a name hidden there could leak.
ALLOWED_ATTRIBUTES = {"a": ["href"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

_SAFE_HREF = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_HREF = re.compile(r'\s?href="([^"]*)"')


def _href_is_safe(value: str) -> bool:
    # bleach keeps "javascript:123" (it reads scheme:digits as host:port), so check ourselves.
    unescaped = html.unescape(value).strip()
    return bool(_SAFE_HREF.match(unescaped))


def _drop_unsafe_links(cleaned: str) -> str:
    def fix(match: re.Match[str]) -> str:
        return match.group(0) if _href_is_safe(match.group(1)) else ""

    return _HREF.sub(fix, cleaned)


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


def sanitize_story_html(text: str) -> str:
    """Return safe HTML for a story body typed as plain text or as the small HTML subset."""
    if not looks_like_html(text):
        return plain_text_to_html(text)
    if not _BLOCK_TAG.search(text):
        text = _paragraphs_of(text)
    cleaned = bleach.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return _drop_unsafe_links(cleaned)


def plain_text(fragment: str) -> str:
    """Visible text of sanitised HTML, stripped (for summaries, diffs and emptiness checks).

    ``moderation.redaction.html_to_text`` is the other reading: it keeps an offset map into the
    HTML, so that redactions chosen on the text can be applied to the markup."""
    text = re.sub(r"<br\s*/?>|</p>|</li>|</blockquote>", "\n", fragment)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()
