"""Released consent wordings never change: survivors consented to that exact text.

Changing what survivors are shown means adding a new version (a new file), never editing a
released one; add the new file's hash here when it is released.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from stories_service.consent import wording

RELEASED = {
    "wording_2026-11-v1.ar.txt": "b87ca7fd027f11583a12f042a335740c3f450ddac5f1de9d43c4fc2c63cea7f0",
    "wording_2026-11-v1.en.txt": "bf9c1d8d7e693812d0741e07d6230af9a80314266035183875503f548a41788f",
    "wording_2026-11-v1.es.txt": "cc349c1b536ee58a9f7a3363deee4eca01064830aff9a2afa19ef9fe0a6c04f3",
    "wording_2026-11-v1.fr.txt": "e7fd72f634aadf1d7b0e06fa77523706ff723d6c199d69426bbb6729d2e125af",
    # v2: gender-neutral wording and the search-indexing question (issue 19, issue 16 #5).
    "wording_2026-12-v2.ar.txt": "f1e633ee87d8d1bc8fdd1b31fb7f955bbfb9e352ffd39d92c6a0a80ba099d70e",
    "wording_2026-12-v2.en.txt": "1118ebd8de7fa02f84eb1277760bac8e854111f2519f3cdd7bc21a0b26cc5bd6",
    "wording_2026-12-v2.es.txt": "59b968b15d22d903e390af976b4ddc95fefdeaec51046d1aac98d83ab9c5cb1b",
    "wording_2026-12-v2.fr.txt": "9c952947035333f0cb4f9dfb6c0eaa71e1b683f8e427cc69d158d3069912f673",
}
FOLDER = Path(wording.__file__).parent


@pytest.mark.parametrize("name", sorted(RELEASED))
def test_released_wording_is_unchanged(name: str) -> None:
    text = (FOLDER / name).read_text("utf-8")
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == RELEASED[name]


def test_every_wording_file_is_pinned() -> None:
    on_disk = {p.name for p in FOLDER.glob("wording_*.txt")}
    assert on_disk <= set(RELEASED), f"pin the new wording's hash: {on_disk - set(RELEASED)}"
