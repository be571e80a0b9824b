"""Creating and finding staff accounts (used by the CLI, the admin page and the demo seed)."""

from __future__ import annotations

from moderation.states import StaffRole
from stories_service.models import Staff
from stories_service.staff.passwords import hash_password


class StaffAccountError(ValueError):
    """The account cannot be created as asked; the message says why."""


def normalise_email(email: str) -> str:
    email = email.strip().lower()
    if "@" not in email or len(email) > 254 or email.startswith("@") or email.endswith("@"):
        raise StaffAccountError("that is not an e-mail address")
    return email


async def create_staff(email: str, role: str, password: str | None) -> Staff:
    email = normalise_email(email)
    try:
        staff_role = StaffRole(role)
    except ValueError:
        raise StaffAccountError("role must be moderator, editor or admin") from None
    if await Staff.exists(email=email):
        raise StaffAccountError(f"a staff account for {email} exists already")
    try:
        password_hash = hash_password(password) if password is not None else None
    except ValueError as error:
        raise StaffAccountError(str(error)) from None
    return await Staff.create(email=email, role=staff_role, password_hash=password_hash)
