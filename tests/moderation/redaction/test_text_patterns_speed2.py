# ruff: noqa: RUF001  (multilingual text: odd letters are data)
"""The platform words of the handle cue are found with str.find: the same start positions as
the earlier search of a prefix tree of the words (stepping one character after each hit)."""

from __future__ import annotations

import random
import re

from moderation.redaction import text_patterns as tp
from moderation.redaction.regex_util import trie_regex
from moderation.redaction.scan import lower_same_length
from tests.moderation.redaction._speed_texts import texts

_OLD_PARTS = re.compile(trie_regex([w for w in tp._PLATFORMS.split("|") if w != "x"]))


def _old_platform_starts(lower: str) -> list[int]:
    """The earlier _platform_starts: a prefix-tree search, one character on after each hit."""
    starts = []
    pos = 0
    while (m := _OLD_PARTS.search(lower, pos)) is not None:
        starts.append(m.start())
        pos = m.start() + 1
    if "x" in lower:
        starts.extend([m.start() for m in tp._X_WORD.finditer(lower)])
        starts.sort()
    return starts


_PIECES = [
    "instagram", "insta", "instainstagram", "twitter", "x", "ex", "xx", "x_", "tiktok",
    "telegram", "snapchat", "facebook", "fb", "fbfb", "signal", "handle", "username",
    "user name", "user", "usuario", "account", "cuenta", "compte", "pseudo", "pseudopseudo",
    "is", ":", " ", "", "a", "s", "t", "_", "1", "é", "İ", "ſ",
]  # fmt: skip


def test_platform_starts_match_the_prefix_tree_search() -> None:
    rnd = random.Random(12)
    glued = ["".join(rnd.choice(_PIECES) for _ in range(10)) for _ in range(20000)]
    found = 0
    for text in glued + texts(5000, 41):
        lower = lower_same_length(text)
        want = _old_platform_starts(lower)
        assert tp._platform_starts(lower) == want, text
        found += len(want)
    assert found > 50000, found


def test_platform_heads_cover_every_word() -> None:
    words = [w for w in tp._PLATFORMS.split("|") if w != "x"]
    for word in words:
        assert any(word.startswith(head) for head in tp._PLATFORM_HEADS), word
    for head in tp._PLATFORM_HEADS:
        assert head in words
        assert not any(h != head and h.startswith(head) for h in tp._PLATFORM_HEADS)
