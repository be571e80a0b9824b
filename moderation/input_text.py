"""Which characters text may hold when it comes in, and which a one-line public label loses.

Refused everywhere: NUL and the other C0 control characters except tab, line feed and carriage
return (PostgreSQL cannot store NUL at all, and none of them is text anyone types), and lone
surrogates (no database can encode them). Refusing, not dropping: the sender learns which field
held one, and nothing is changed behind their back.

Dropped from titles, bylines and tags (labels shown on their own line, in lists, feeds and page
titles): the bidi embeddings, overrides and isolates, which reorder what readers see, and the
zero-width space, word joiner and byte-order mark, which make one label look like another (and
would let a byline slip past the never-appear list). The zero-width joiner and non-joiner stay:
Persian, Urdu, the Indic scripts and emoji need them, and the leak guard's folding ignores them.
"""

from __future__ import annotations

import re

_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def holds_refused_characters(text: str) -> bool:
    """Whether ``text`` holds a character no text field may hold (see the module docstring)."""
    return _REFUSED.search(text) is not None


def without_invisible_marks(label: str) -> str:
    """``label`` without the bidi controls and zero-width characters a label must not hold."""
    return _INVISIBLE.sub("", label)
