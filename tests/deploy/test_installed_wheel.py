"""The service installed from its wheel, as the Containerfile and a plain `pip install` do it,
away from any checkout: the templates, assets and translations travel with it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.servers import free_port, live_sync_client, spawned_server

BUILD_TIMEOUT = 600
_NOT_BUILT = shutil.ignore_patterns(
    ".git", ".venv", "build", "node_modules", "test-artifacts", "var", "*.egg-info", "__pycache__"
)


def _run(*command: str | Path, cwd: Path = ROOT) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment holding the wheel built from this checkout, its
    dependencies taken from the test environment (nothing downloaded)."""
    folder = tmp_path_factory.mktemp("wheel")
    # Built from a copy: setuptools builds in the source tree's build/, where two builds at once
    # (two test processes, two checkouts' suites) would trip over each other.
    source = folder / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_BUILT)
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--quiet",
        "-w",
        folder / "dist",
        ".",
        cwd=source,
    )
    [wheel] = (folder / "dist").glob("healing_stories-*.whl")
    venv = folder / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        venv / "bin" / "python",
        "install",
        "--no-deps",
        "--quiet",
        wheel,
    )
    # The dependencies: the test environment's site-packages, after the new environment's own
    # (a path in a .pth file is appended; the checkout's editable install is not picked up).
    [own] = (venv / "lib").glob("python3.*/site-packages")
    dependencies = next(Path(p) for p in sys.path if p.endswith("site-packages"))
    (own / "test-dependencies.pth").write_text(f"{dependencies}\n")
    return venv


def test_the_wheel_carries_every_template_asset_and_translation(installed: Path) -> None:
    where = _run(
        installed / "bin" / "python",
        "-c",
        "import stories_service.templating as t; print(t.__file__); print(t.TEMPLATES_DIR)",
        cwd=installed,
    ).split()
    assert all(Path(path).is_relative_to(installed) for path in where), where
    templates = Path(where[1])
    shipped = {p.relative_to(templates) for p in templates.rglob("*") if p.is_file()}
    in_checkout = {
        p.relative_to(ROOT / "templates") for p in (ROOT / "templates").rglob("*") if p.is_file()
    }
    assert shipped == in_checkout
    package = Path(where[0]).parent
    assert {p.name for p in (package / "static").iterdir()} == {
        p.name for p in (ROOT / "stories_service" / "static").iterdir()
    }
    assert len(list(package.glob("locale/*/LC_MESSAGES/messages.mo"))) == 3


def test_the_installed_service_serves_its_pages(installed: Path, tmp_path: Path) -> None:
    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "STORIES_ENV": "test",
        "STORIES_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite://{tmp_path / 'stories.sqlite3'}",
    }
    command = [str(installed / "bin" / "stories-service"), "serve", "--port", str(port)]
    with (
        spawned_server(command, port, env, ready_path="/healthz"),
        live_sync_client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http,
    ):
        french = http.get("/submit", headers={"Accept-Language": "fr"})
        console = http.get("/staff/login")
        css = http.get("/static/site.css")
    assert french.status_code == 200 and 'lang="fr"' in french.text
    assert "<form" in french.text
    assert console.status_code == 200 and "<form" in console.text
    assert css.status_code == 200
