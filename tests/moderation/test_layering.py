"""The domain (moderation/) depends on models and crypto, never on the application features."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

APPLICATION = (
    "stories_service.publishing",
    "stories_service.receipt",
    "stories_service.staff",
    "stories_service.webhooks",
    "stories_service.intake",
)


def test_moderation_imports_no_application_feature() -> None:
    offending = []
    for path in sorted((ROOT / "moderation").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offending += [
                f"{path.relative_to(ROOT)}:{node.lineno} {name}"
                for name in names
                if name.startswith(APPLICATION)
            ]
    assert offending == []
