# ruff: noqa: RUF001  (Arabic letters and accents are test data)
"""fold() keeps the folds of short words: the same answers, first time and later, and when the
store is emptied."""

from __future__ import annotations

from moderation.redaction import folding

WORDS = ["Aḥmad", "ÉLODIE", "الحسن", "أحمد", "مُحَمَّد", "straße", "İzmir", "ﬁnal", "Ｓamir", "é" * 41]


def test_fold_of_short_words_is_the_table_fold_every_time() -> None:
    for word in WORDS:
        expected = word.translate(folding._FOLD_TABLE)
        assert folding.fold(word) == expected
        assert folding.fold(word) == expected  # from the store the second time


def test_fold_when_the_store_is_full() -> None:
    many = [f"é{n}" for n in range(folding._FOLDED_WORDS_MAX + 10)]
    assert [folding.fold(w) for w in many] == [w.translate(folding._FOLD_TABLE) for w in many]
    assert len(folding._FOLDED_WORDS) <= folding._FOLDED_WORDS_MAX
    assert folding.fold("Aḥmad") == "ahmad" and folding.fold("أحمد") == "احمد"
