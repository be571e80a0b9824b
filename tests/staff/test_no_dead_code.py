"""Every function and class in moderation/ and the staff package is used by the service."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("moderation", "stories_service/staff")
USERS = ("stories_service/**/*.py", "moderation/**/*.py", "templates/**/*.html", "bench/**/*.py")


def _definitions(path: Path) -> list[str]:
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        if isinstance(node, ast.ClassDef):
            names += [
                sub.name
                for sub in node.body
                if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef)
                and not sub.name.startswith("__")
            ]
    return names


def test_no_function_is_defined_and_never_used() -> None:
    # How often each whole word occurs (a name is a whole word: \bname\b).
    words = Counter(
        word
        for pattern in USERS
        for path in ROOT.glob(pattern)
        for word in re.findall(r"\w+", path.read_text(encoding="utf-8"))
    )
    unused = [
        f"{path.relative_to(ROOT)}: {name}"
        for package in PACKAGES
        for path in sorted((ROOT / package).glob("*.py"))
        for name in _definitions(path)
        if words[name] <= 1
    ]
    assert unused == []
