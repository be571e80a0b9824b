"""The architecture stated in pyproject.toml ([tool.importlinter]) holds: import-linter checks
every contract (the pure core, the layers, no cycles, features' handlers kept to themselves)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 broken" in result.stdout


def test_no_import_inside_a_function_dodges_a_circle() -> None:
    """Imports live at the top of a module; the only late import is an optional package."""
    late = []
    for path in [*ROOT.glob("stories_service/**/*.py"), *ROOT.glob("moderation/**/*.py")]:
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                late += [
                    (str(path.relative_to(ROOT)), ast.unparse(inner))
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.Import | ast.ImportFrom)
                ]
    # spaCy is optional: installed only where a deployment wants its models.
    assert late == [("moderation/redaction/ner_backend.py", "import spacy")]
