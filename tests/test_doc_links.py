"""The README and docs/ link only files a clone has (issue 17 #5), and the README names the
pages a new user looks for, with their URLs."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from stories_service.routes import build_routes
from tests.conftest import ROOT

# [text](target) and [text]: target, skipping images' and links' absolute URLs and anchors.
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*(\S+)", re.MULTILINE)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)


def _documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]


def _tracked_files() -> set[Path] | None:
    """The files a clone gets; None outside a git checkout (then existing files count)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return {(ROOT / name).resolve() for name in listed.decode().split("\0") if name}


def _relative_links(document: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", document.read_text("utf-8"), flags=re.DOTALL)
    targets = _INLINE.findall(text) + _REFERENCE.findall(text)
    return [t for t in targets if not _EXTERNAL.match(t)]


def _in_clone(path: Path, tracked: set[Path] | None) -> bool:
    if tracked is None:
        return path.exists()
    if path.is_dir():
        return any(str(f).startswith(str(path) + "/") for f in tracked)
    return path in tracked


@pytest.mark.parametrize("document", _documents(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_points_at_a_file_of_the_repository(document: Path) -> None:
    tracked = _tracked_files()
    broken = []
    for target in _relative_links(document):
        path = (document.parent / unquote(target.split("#", 1)[0])).resolve()
        if not _in_clone(path, tracked):
            broken.append(target)
    assert not broken, f"{document.relative_to(ROOT)} links what a clone does not have: {broken}"


def test_the_link_check_sees_links() -> None:
    assert "docs/design.md" in _relative_links(ROOT / "README.md")


README_URLS = [
    "/submit",
    "/my-story",
    "/staff",
    "/staff/login",
    "/staff/approvals",
    "/staff/admin",
    "/staff/webhooks",
    "/staff/audit",
    "/feed.json",
    "/feed.atom",
    "/openapi.json",
    "/api/v1/stories",
    "/healthz",
    "/readyz",
]


def test_the_readme_lists_the_pages_feeds_and_api_with_their_urls() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [url for url in README_URLS if f"http://127.0.0.1:8000{url}" not in readme]
    assert not missing, missing


def test_every_url_the_readme_lists_is_served() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    listed = set(re.findall(r"http://127\.0\.0\.1:8000(/[\w./{}-]*)", readme))
    paths = {getattr(route, "path", "") for route in build_routes()}
    unknown = sorted(url for url in listed if url not in paths and url != "/")
    assert not unknown, unknown
