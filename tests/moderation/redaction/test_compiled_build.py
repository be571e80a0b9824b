"""The compiled (mypyc) build of the redaction engine: it is what runs when it matches its
sources, plain Python runs otherwise, and both give the same suggestions."""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import moderation.redaction as redaction
from bench.redaction import _sets
from moderation.redaction import _compiled, detect, detect_in_html, names

ROOT = Path(__file__).resolve().parents[3]
PACKAGE_DIR = ROOT / "moderation" / "redaction"
_EXT = importlib.machinery.EXTENSION_SUFFIXES[0]  # ".cpython-311-x86_64-linux-gnu.so"
_PURE = bool(os.environ.get(_compiled.PURE_PYTHON_ENV))


def test_the_compiled_build_runs_when_it_matches_its_sources() -> None:
    """`make install` builds it, so the suite tests what the service runs."""
    if _PURE:
        pytest.skip(f"{_compiled.PURE_PYTHON_ENV} is set: plain Python on purpose")
    reason = _compiled.stale_reason(PACKAGE_DIR)
    assert _compiled.compiled_modules(PACKAGE_DIR), "not compiled: run `make install`"
    assert reason is None, f"{reason}: run `make install`"
    assert redaction.COMPILED
    assert not names.__file__.endswith(".py")


def _package(tmp_path: Path, modules: dict[str, str]) -> Path:
    """A package directory with these sources, each compiled, and the digests recorded."""
    for name, source in modules.items():
        (tmp_path / f"{name}.py").write_text(source)
        (tmp_path / f"{name}{_EXT}").write_bytes(b"")
    digests = {name: _compiled.source_digest(tmp_path / f"{name}.py") for name in modules}
    (tmp_path / _compiled.SOURCES_FILE).write_text(json.dumps(digests))
    return tmp_path


def test_a_build_that_matches_its_sources_is_not_stale(tmp_path: Path) -> None:
    directory = _package(tmp_path, {"a": "x = 1\n", "b": "y = 2\n"})
    (directory / "__init__.py").write_text("")  # never compiled, never recorded
    assert _compiled.compiled_modules(directory) == ["a", "b"]
    assert _compiled.stale_reason(directory) is None


def test_an_edited_source_makes_the_build_stale(tmp_path: Path) -> None:
    directory = _package(tmp_path, {"a": "x = 1\n", "b": "y = 2\n"})
    (directory / "b.py").write_text("y = 3\n")
    assert _compiled.stale_reason(directory) == "b.py changed since it was compiled"
    (directory / "b.py").unlink()
    assert _compiled.stale_reason(directory) == "b.py changed since it was compiled"


def test_a_build_without_its_record_or_with_other_modules_is_stale(tmp_path: Path) -> None:
    directory = _package(tmp_path, {"a": "x = 1\n"})
    (directory / f"c{_EXT}").write_bytes(b"")  # compiled, but not by the recorded build
    assert "not the ones the build recorded" in (_compiled.stale_reason(directory) or "")
    (directory / f"c{_EXT}").unlink()
    (directory / f"a{_EXT}").unlink()
    assert _compiled.stale_reason(directory) is None  # nothing compiled: nothing stale
    (directory / f"a{_EXT}").write_bytes(b"")
    (directory / _compiled.SOURCES_FILE).write_text("not json")
    assert "missing or unreadable" in (_compiled.stale_reason(directory) or "")
    (directory / _compiled.SOURCES_FILE).unlink()
    assert "missing or unreadable" in (_compiled.stale_reason(directory) or "")


# Run in plain Python (forced), in a fresh process: which files the modules came from, and the
# suggestions for every text given on stdin.
_PURE_RUN = """
import json, sys
import moderation.redaction as r
from moderation.redaction import detect, detect_in_html, names, warm_up
warm_up()
cases = json.load(sys.stdin)
out = [[list(s) for s in (detect_in_html if html else detect)(t, never_appear=n, language=l)]
       for t, n, l, html in cases]
print(json.dumps({"compiled": r.COMPILED, "names_file": names.__file__, "out": out}))
"""


def _cases() -> list[tuple[str, list[str], str | None, bool]]:
    presidio, stories = _sets()
    cases = [(t, list(n), lang, False) for t, _g, _i, n, lang in presidio + stories]
    cases += [(t, list(n), None, False) for t, _g, _i, n, _lang in stories[::3]]
    cases += [
        (f"<p>{t}</p><p><b>{t[:40]}</b></p>", list(n), lang, True)
        for t, _g, _i, n, lang in stories[:60]
    ]
    cases += [
        ("Sa<b>mir</b> AHMAD Aḥmad's 👩🏽‍⚕️ منذ أن غادرنا حمص", ["Samir", "Ahmad"], None, True),
        ("رقم هاتفي ٠٩٤٤١٢٣٤٥٦ وعنواني شارع الحمراء ١٢", [], "ar", False),
        ("", [], None, False),
    ]
    return cases


def test_plain_python_gives_the_same_suggestions_as_the_compiled_build() -> None:
    if not redaction.COMPILED:
        pytest.skip("the compiled build is not running here: nothing to compare")
    cases = _cases()
    env = {**os.environ, _compiled.PURE_PYTHON_ENV: "1"}
    run = subprocess.run(
        [sys.executable, "-c", _PURE_RUN],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    pure = json.loads(run.stdout)
    assert pure["compiled"] is False
    assert pure["names_file"].endswith("names.py")
    compiled = [
        [list(s) for s in (detect_in_html if html else detect)(t, never_appear=n, language=lang)]
        for t, n, lang, html in cases
    ]
    assert json.loads(json.dumps(compiled)) == pure["out"]
    assert sum(map(len, compiled)) > 5000  # the sets are full of identifiers
