"""suggestion() builds the same named tuple as Suggestion(); detect() returns suggestions; a Context
keeps what it is given and leaves the text out of its repr."""

from __future__ import annotations

import pickle

from moderation.redaction import Context, Suggestion, detect
from moderation.redaction.model import suggestion


def test_suggestion_builds_the_same_named_tuple() -> None:
    fast = suggestion(3, 9, "person", 0.9, "names", "Samir")
    plain = Suggestion(3, 9, "person", 0.9, "names", "Samir")
    assert type(fast) is Suggestion
    assert fast == plain and hash(fast) == hash(plain)
    assert (fast.start, fast.end, fast.kind, fast.text) == (3, 9, "person", "Samir")
    assert fast._replace(kind="place").kind == "place"
    assert pickle.loads(pickle.dumps(fast)) == plain
    assert fast.as_dict() == plain.as_dict()


def test_detect_returns_suggestions() -> None:
    found = detect("My brother Samir lives in Homs.", language="en")
    assert found and all(type(s) is Suggestion for s in found)
    assert {s.text for s in found} >= {"Samir", "Homs"}


def test_context_keeps_what_it_is_given_and_does_not_show_the_text() -> None:
    ctx = Context("Samir was born in Homs", "en", ("Samir",))
    assert (ctx.text, ctx.language, ctx.never_appear) == (
        "Samir was born in Homs",
        "en",
        ("Samir",),
    )
    assert "Samir" not in repr(ctx)  # survivor text stays out of logs and tracebacks
