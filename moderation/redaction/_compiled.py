"""Which build of the redaction engine runs: compiled with mypyc, or plain Python.

`pip install` (so `make install`) compiles the engine's modules with mypyc (see setup.py): the
same source, run as C, 1.3 to 1.5 times faster. A compiled module shadows its .py file, so after
a source file is edited the old build would still run. The build therefore records a digest of
each source it compiled (SOURCES_FILE, next to the modules). At import, when a compiled
module's source no longer matches its digest, when a compiled module is missing, or when
PURE_PYTHON_ENV is set, every module of the package is loaded from its .py file instead (a
warning says why, without naming anything but modules). Plain Python gives the same results,
only slower; `make install` rebuilds.

This module and the package's __init__ are never compiled: they run before the choice.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

SOURCES_FILE = "_compiled_sources.json"  # {module name: sha256 of its .py file}, by setup.py
PURE_PYTHON_ENV = "HEALING_STORIES_PURE_PYTHON"  # set (non-empty): build and run plain Python
# Never compiled: the import-time choice itself, and the optional spaCy backend (an import that
# may fail, tested by replacing its functions).
NOT_COMPILED = ("__init__", "_compiled", "ner_backend")

log = logging.getLogger(__name__)


def source_digest(path: Path) -> str:
    """The digest recorded for a source file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compiled_modules(directory: Path) -> list[str]:
    """The modules of the package directory that have a compiled extension file."""
    # Longest first: ".cpython-311-x86_64-linux-gnu.so" before ".so".
    suffixes = sorted(importlib.machinery.EXTENSION_SUFFIXES, key=len, reverse=True)
    found: set[str] = set()
    for path in directory.iterdir():
        suffix = next((s for s in suffixes if path.name.endswith(s)), None)
        if suffix is not None and "." not in (name := path.name[: -len(suffix)]):
            found.add(name)
    return sorted(found)


def stale_reason(directory: Path) -> str | None:
    """Why the compiled modules in directory must not run (None: they may, or there are none).

    They may run only if every module recorded at build time still has its extension file and
    a source whose digest is the recorded one, and no other module has an extension file.
    """
    compiled = compiled_modules(directory)
    if not compiled:
        return None
    try:
        recorded = json.loads((directory / SOURCES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"{SOURCES_FILE} is missing or unreadable"
    if not isinstance(recorded, dict) or not recorded:
        return f"{SOURCES_FILE} lists no modules"
    if set(compiled) != set(recorded):
        return "the compiled modules are not the ones the build recorded"
    for name, digest in sorted(recorded.items()):
        source = directory / f"{name}.py"
        if not source.is_file() or source_digest(source) != digest:
            return f"{name}.py changed since it was compiled"
    return None


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the package's own modules as .py files, ahead of their compiled extensions."""

    def __init__(self, package: str, directory: Path) -> None:
        self.prefix = package + "."
        self.directory = directory

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith(self.prefix):
            return None
        name = fullname[len(self.prefix) :]
        source = self.directory / f"{name}.py"
        if "." in name or not source.is_file():
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def choose_build(package: str, directory: Path) -> bool:
    """Decide, before any other module of the package is imported, which build runs; True when
    the compiled one does. Otherwise the package's modules are loaded from their sources."""
    compiled = compiled_modules(directory)
    if not compiled:
        return False
    reason = stale_reason(directory)
    if os.environ.get(PURE_PYTHON_ENV):
        reason = f"{PURE_PYTHON_ENV} is set"
    if reason is None:
        return True
    if not os.environ.get(PURE_PYTHON_ENV):
        log.warning(
            "redaction engine: running plain Python, slower (%s); `make install` rebuilds it",
            reason,
        )
    if not any(isinstance(f, _SourceFinder) and f.prefix == package + "." for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder(package, directory))
    return False


def main() -> int:
    """Exit status 0 when the compiled build on disk matches the sources (or none is wanted),
    1 when it must be built (`make` runs this before rebuilding)."""
    directory = Path(__file__).resolve().parent
    if os.environ.get(PURE_PYTHON_ENV):
        return 0
    if not compiled_modules(directory):
        print("redaction engine: not compiled")
        return 1
    reason = stale_reason(directory)
    if reason is not None:
        print(f"redaction engine: compiled build out of date ({reason})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
