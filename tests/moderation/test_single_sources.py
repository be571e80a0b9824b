"""Domain rules that used to be copied live in one place each."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderation.states import StaffRole, role_at_least
from tests.conftest import ROOT

SCOPE = (
    "moderation/*.py",
    "stories_service/moderating/*.py",
    "stories_service/staff/*.py",
    "stories_service/leases.py",
)


def _files_containing(needle: str) -> list[str]:
    found = {
        str(path.relative_to(ROOT))
        for pattern in SCOPE
        for path in ROOT.glob(pattern)
        if needle in Path(path).read_text(encoding="utf-8")
    }
    return sorted(found)


@pytest.mark.parametrize(
    ("needle", "home"),
    [
        ("_ROLE_RANK = ", "moderation/states.py"),  # role order
        ('order_by("-number")', "stories_service/moderating/revisions.py"),  # the newest revision
        ("JobLease.create(", "stories_service/leases.py"),  # job leases
        ("never_appear_enc,", "stories_service/moderating/revisions.py"),  # the never-appear list
    ],
)
def test_one_definition(needle: str, home: str) -> None:
    assert _files_containing(needle) == [home]


def test_role_order() -> None:
    assert role_at_least(StaffRole.ADMIN, StaffRole.EDITOR)
    assert role_at_least("editor", "editor")
    assert not role_at_least(StaffRole.MODERATOR, StaffRole.EDITOR)
