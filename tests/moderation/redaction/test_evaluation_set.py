"""The multilingual evaluation set (tests/data/redaction) is what its generator writes, its
spans are exact, and its held-out part shares no template and no name, place or organisation
with the development part (issue 15)."""

from __future__ import annotations

import json
from dataclasses import asdict

from bench.multilingual_pools import POOLS, TEMPLATES
from bench.multilingual_set import OUT, generate, load
from moderation.redaction import KINDS


def test_committed_files_are_what_the_generator_writes() -> None:
    for split in ("dev", "heldout"):
        assert [asdict(s) for s in load(split)] == [
            {**asdict(s), "spans": [tuple(x) for x in s.spans]} for s in generate(split)
        ]


def test_each_part_has_200_stories_in_six_languages_with_exact_spans() -> None:
    for split in ("dev", "heldout"):
        stories = load(split)
        assert len(stories) >= 200
        assert {s.language for s in stories} == {"en", "ar", "es", "fr", "fa", "ku"}
        assert any(s.lower_case for s in stories)
        for s in stories:
            assert s.spans, s.id
            for start, end, kind in s.spans:
                assert kind in KINDS
                value = s.text[start:end]
                assert value and value == value.strip(), (s.id, value)


def _entries(split: str) -> set[str]:
    """Every name, place, organisation and ID format of a split's pools, all languages."""
    fields = ("first", "family", "other_names", "places", "small_places", "organisations")
    return {
        entry
        for pool in POOLS[split].values()
        for name in (*fields, "id_formats")
        for entry in getattr(pool, name)
    }


def test_held_out_part_shares_no_template_or_pool_entry_with_development() -> None:
    for lang, templates in TEMPLATES["heldout"].items():
        assert not set(templates) & set(TEMPLATES["dev"][lang]), lang
    assert not _entries("heldout") & _entries("dev")


def test_lines_are_json_objects_with_the_documented_fields() -> None:
    line = (OUT / "dev.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert set(json.loads(line)) == {"id", "split", "language", "lower_case", "text", "spans"}
