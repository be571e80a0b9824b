"""The development stories written with inline labels (tests/data/redaction/dev*-*.txt) load
with exact spans of known kinds."""

from __future__ import annotations

from bench.labelled_stories import (
    held_out_parts,
    held_out_sets,
    labelled_sets,
    load_labelled,
    parse,
)
from moderation.redaction import KINDS


def test_a_labelled_story_becomes_text_and_exact_spans() -> None:
    text, spans = parse(
        "me llamo [[person:rosa elvira]] y vengo de [[place:la ceiba]].\n"
        "vivo en [[address:Calle 5 #12-30]]."
    )
    assert text == "me llamo rosa elvira y vengo de la ceiba.\nvivo en Calle 5 #12-30."
    assert [(text[a:b], kind) for a, b, kind in spans] == [
        ("rosa elvira", "person"),
        ("la ceiba", "place"),
        ("Calle 5 #12-30", "address"),
    ]


def test_every_labelled_set_loads_with_exact_spans() -> None:
    names = labelled_sets()
    assert {"dev2-latin", "dev2-arabic-script", "dev2-kinds", "dev3-arabic-script"} <= set(names)
    for name in names:
        stories = load_labelled(name)
        assert stories
        # A story may name nobody (it tests precision), but a set of such stories is a mistake.
        assert sum(1 for story in stories if story.spans) > len(stories) / 2, name
        for story in stories:
            assert "[[" not in story.text, story.id
            for start, end, kind in story.spans:
                assert kind in KINDS
                assert story.text[start:end].strip() == story.text[start:end] != ""


def test_every_held_out_file_loads_and_belongs_to_one_part() -> None:
    """Only their format is checked here: the held-out stories are measured, never read."""
    names = held_out_sets()
    parts = held_out_parts()
    assert sorted(name for files in parts.values() for name in files) == names
    for name in names:
        stories = load_labelled(name)
        assert len(stories) >= 20, name
        for story in stories:
            assert "[[" not in story.text and "]]" not in story.text, story.id
            assert all(kind in KINDS for _, _, kind in story.spans), story.id
