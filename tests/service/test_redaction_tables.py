"""The redaction engine's gazetteer is kept on disk between starts, read back only when it is
whole and was built by the installed packages and code, and built again otherwise."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from moderation.redaction.gazetteer import Gazetteer, load_gazetteer
from stories_service import redaction_tables
from stories_service.redaction_tables import (
    gazetteer_file,
    load_or_build_gazetteer,
    read_gazetteer,
    write_gazetteer,
)

SMALL = Gazetteer({"aleppo": 2_000_000, "deir ez zor": 240_000}, {"حلب": 2_000_000}, 3)


def test_a_kept_copy_reads_back_equal(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer-x.txt"
    write_gazetteer(SMALL, path)
    assert read_gazetteer(path) == SMALL
    assert not [p for p in tmp_path.iterdir() if p != path]  # no temporary file left behind


def test_the_whole_gazetteer_is_kept_and_read_back(tmp_path: Path) -> None:
    load_or_build_gazetteer(tmp_path)  # this process's gazetteer is built (or read) once
    kept = read_gazetteer(gazetteer_file(tmp_path))
    assert kept is not None
    assert kept == load_gazetteer()
    assert len(kept.latin) > 100_000 and len(kept.arabic) > 10_000


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short (a full disk, a crash)
        lambda text: text.replace("healing-stories gazetteer 2", "healing-stories gazetteer 1"),
        lambda text: text.replace("L\t2000000\taleppo", "X\t2000000\taleppo"),
        lambda text: text.replace("L\t2000000", "L\tmany"),
        lambda text: text.replace("A\t2000000\t", "A\t"),  # the first format's Arabic line
        lambda text: "",
    ],
    ids=["truncated", "other-format", "unknown-line", "bad-number", "no-population", "empty"],
)
def test_a_damaged_copy_is_not_read(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "gazetteer-x.txt"
    write_gazetteer(SMALL, path)
    assert callable(damage)
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert read_gazetteer(path) is None


def test_no_copy_is_none(tmp_path: Path) -> None:
    assert read_gazetteer(tmp_path / "gazetteer-missing.txt") is None


def test_the_name_changes_with_the_packages_it_is_built_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = gazetteer_file(tmp_path)
    assert before == gazetteer_file(tmp_path)
    monkeypatch.setattr(redaction_tables.metadata, "version", lambda package: "0.0-other")
    assert gazetteer_file(tmp_path) != before


def test_a_new_copy_replaces_older_ones(tmp_path: Path) -> None:
    older = tmp_path / "gazetteer-older.txt"
    write_gazetteer(SMALL, older)
    newer = tmp_path / "gazetteer-newer.txt"
    write_gazetteer(SMALL, newer)
    assert not older.exists()
    assert read_gazetteer(newer) == SMALL


def test_a_folder_that_cannot_be_written_only_costs_the_copy(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="stories_service"):
        load_or_build_gazetteer(not_a_folder)  # no exception: the engine has its gazetteer
    assert "could not keep the redaction gazetteer" in caplog.text


def test_a_name_with_a_tab_is_refused_not_written(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_gazetteer(Gazetteer({"a\tb": 1}, {}, 1), tmp_path / "gazetteer-x.txt")
    assert not list(tmp_path.iterdir())
