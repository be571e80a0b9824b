"""Places the names detector finds (known places in runs, lower case after a preposition,
continents), ordinary words it does not take for places, and sentence-initial words it does
not take for people."""

from __future__ import annotations

import pytest

from moderation.redaction import detect


def _found(text: str, needle: str, kind: str | None = None) -> bool:
    start = text.index(needle)
    end = start + len(needle)
    hits = [s for s in detect(text, language="en") if s.start < end and start < s.end]
    return bool(hits) and (kind is None or any(s.kind == kind for s in hits))


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("The orchestra now serves Southern Tunisia.", "Tunisia"),  # known place inside a run
        ("South Africa was super fun to visit!", "South Africa"),  # not cut at sentence start
        (">Apt. 805\n>Pines Beach\n>New Zealand 34694", "New Zealand"),
        ("Who's coming to Czech Republic with me?", "Czech Republic"),  # usual country name
        ("We moved here from Netherlands", "Netherlands"),  # "The Netherlands" without "The"
        ("i'm originally from switzerland", "switzerland"),  # lower-case after a preposition
        ("my friend lives in harburg", "harburg"),
        ("we returned to kiel by helicopter.", "kiel"),
        ("We walked for days through Europe.", "Europe"),  # continents
    ],
)
def test_places_found(text: str, needle: str) -> None:
    assert _found(text, needle, "place")


@pytest.mark.parametrize(
    "text",
    [
        "Can I request you to block it?",  # "Can" is also a place name, but a common word
        "I went in search of work and came to nothing.",
        "We talked to reading groups from time to time.",
    ],
)
def test_no_place_for_ordinary_words(text: str) -> None:
    assert not [s for s in detect(text, language="en") if s.kind == "place"]


# --- behaviour: fewer false persons at sentence start --------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Nous étions là. J'enseignais à l'école du quartier.", "J'enseignais"),
        ("W ana tla3na. Sahbi kan yekteb li kol yom.", "Sahbi"),  # a cue word ("my friend")
    ],
)
def test_sentence_start_words_that_are_not_names(text: str, word: str) -> None:
    assert not [s for s in detect(text) if s.kind == "person" and word in s.text]


def test_sentence_start_rare_name_still_found() -> None:
    assert _found("We waited. Tesfay came back at night.", "Tesfay", "person")


@pytest.mark.parametrize(
    "text",
    ["Los paramilitares rodearon la casa.", "Les soldats sont venus la nuit."],
)
def test_an_article_at_a_sentence_start_is_no_place(text: str) -> None:
    # "Los" and "Les" are in the gazetteer as other names of Lagos and of a small town.
    assert not [s for s in detect(text) if s.text in ("Los", "Les")]
