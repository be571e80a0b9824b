"""The local copy: one JSON file per public story and a state file with the cursor, in DIR.

Every file is written to a temporary name in the same folder, flushed to disk and renamed over
the old one, so a crash leaves either the old file or the new one, never half of one. The
cursor is saved only after the changes before it are applied: after a crash the mirror applies
some changes again (harmless: a story is fetched again, a deleted one deleted again) and never
skips one.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stories_service.mirror.client import MirrorError

STATE_FILE = "state.json"
STORIES_DIR = "stories"
_SLUG = re.compile(r"^[a-z0-9]{1,64}$")  # the service's slugs; anything else is no file name
STATE_FORMAT = 1


@dataclass(frozen=True, slots=True)
class SyncState:
    site: str
    cursor: str | None = None
    etag: str | None = None  # of the change log page at ``cursor`` when it was empty


def _write_atomically(path: Path, data: bytes) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename or an unlink in ``folder`` durable (POSIX; a no-op where not supported)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _canonical(story: dict[str, Any]) -> bytes:
    return json.dumps(story, ensure_ascii=False, sort_keys=True, indent=2).encode("utf-8") + b"\n"


def safe_slug(slug: object) -> str:
    """The slug, if it can name a file; MirrorError otherwise (never a path from the wire)."""
    if not isinstance(slug, str) or not _SLUG.match(slug):
        raise MirrorError(f"the site sent a slug that is not a plain name: {str(slug)[:80]!r}")
    return slug


class LocalCopy:
    """The stories of one site as files ``DIR/stories/<slug>.json`` plus ``DIR/state.json``."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self.stories_folder = self.folder / STORIES_DIR
        self._by_id: dict[str, str] = {}

    def open(self, site: str) -> SyncState:
        """Create the folders if needed, read the saved state; MirrorError if DIR holds another
        site's copy or a state file this mirror cannot read."""
        if self.folder.exists() and not self.folder.is_dir():
            raise MirrorError(f"{self.folder} exists and is not a folder")
        try:
            self.stories_folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise MirrorError(f"cannot create {self.stories_folder}: {error.strerror}") from None
        state = self._read_state(site)
        self._by_id = {}
        for path in self.stories_folder.glob("*.json"):
            entry_id = self._read(path).get("id")
            if isinstance(entry_id, str):
                self._by_id[entry_id] = path.stem
        return state

    def _read_state(self, site: str) -> SyncState:
        path = self.folder / STATE_FILE
        if not path.exists():
            return SyncState(site)
        try:
            saved = json.loads(path.read_bytes())
            state = SyncState(str(saved["site"]), saved.get("cursor"), saved.get("etag"))
        except (ValueError, KeyError, TypeError):
            raise MirrorError(
                f"{path} is not a mirror state file; move it away to start again"
            ) from None
        if state.site != site:
            raise MirrorError(f"{self.folder} holds a copy of {state.site}, not of {site}")
        return state

    def save_state(self, state: SyncState) -> None:
        body = {"format": STATE_FORMAT, "site": state.site, "cursor": state.cursor}
        if state.etag:
            body["etag"] = state.etag
        _write_atomically(self.folder / STATE_FILE, json.dumps(body, indent=2).encode() + b"\n")

    @staticmethod
    def _read(path: Path) -> dict[str, Any]:
        try:
            story = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return {}
        return story if isinstance(story, dict) else {}

    def put(self, story: dict[str, Any]) -> bool:
        """Store a story as the site gave it; True if the file changed."""
        slug = safe_slug(story.get("slug"))
        entry_id = str(story.get("id") or "")
        old_slug = self._by_id.get(entry_id)
        if old_slug is not None and old_slug != slug:
            self._delete(old_slug)
        path = self.stories_folder / f"{slug}.json"
        data = _canonical(story)
        changed = not path.exists() or path.read_bytes() != data
        if changed:
            _write_atomically(path, data)
        self._by_id[entry_id] = slug
        return changed

    def remove(self, entry_id: str, slug: str | None = None) -> bool:
        """Delete the copy of the story with this id (and this slug); True if one was there."""
        removed = False
        for name in {self._by_id.pop(entry_id, None), slug} - {None}:
            assert name is not None
            removed = self._delete(safe_slug(name)) or removed
        return removed

    def _delete(self, slug: str) -> bool:
        path = self.stories_folder / f"{slug}.json"
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        _sync_folder(self.stories_folder)
        return True

    def slugs(self) -> set[str]:
        return {path.stem for path in self.stories_folder.glob("*.json")}

    def stories(self) -> dict[str, dict[str, Any]]:
        """Every stored story by slug (what the copy holds now)."""
        return {path.stem: self._read(path) for path in self.stories_folder.glob("*.json")}

    def keep_only(self, slugs: set[str]) -> list[str]:
        """Delete every stored story whose slug is not in ``slugs``; the slugs deleted."""
        gone = sorted(self.slugs() - slugs)
        for slug in gone:
            self._delete(slug)
        self._by_id = {i: s for i, s in self._by_id.items() if s not in gone}
        return gone
