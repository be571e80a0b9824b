"""Creating and finding staff accounts (used by the CLI, the admin page and the demo seed)."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from moderation.states import StaffRole
from stories_service.audit_log import append_audit_event
from stories_service.models import ApiToken, Staff
from stories_service.staff.passwords import hash_password
from stories_service.staff.sessions import end_all_sessions


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
        password_hash = await hash_password(password) if password is not None else None
    except ValueError as error:
        raise StaffAccountError(str(error)) from None
    return await Staff.create(email=email, role=staff_role, password_hash=password_hash)


def new_staff_password() -> str:
    """A random password to hand to a person once (about 96 bits; typed from a printout)."""
    return secrets.token_urlsafe(12)


async def reset_password(email: str, password: str) -> tuple[Staff, int]:
    """Set a new password and end every console session of the account at once (whoever held
    the old password is signed out); returns the account and how many sessions ended."""
    email = normalise_email(email)
    try:
        password_hash = await hash_password(password)  # outside the transaction: it is slow
    except ValueError as error:
        raise StaffAccountError(str(error)) from None
    async with in_transaction() as connection:
        staff = await Staff.filter(email=email).using_db(connection).first()
        if staff is None:
            raise StaffAccountError(f"there is no staff account for {email}")
        await Staff.filter(id=staff.id).using_db(connection).update(password_hash=password_hash)
        ended = await end_all_sessions(staff.id, connection)
        await append_audit_event(
            connection, actor="system", action="staff.password_reset", data={"staff": staff.id}
        )
    return staff, ended


async def _audit_staff_change(actor_id: int | None, action: str, data: dict[str, object]) -> None:
    async with in_transaction() as connection:
        await append_audit_event(
            connection,
            actor=f"staff:{actor_id}" if actor_id is not None else "system",
            action=action,
            data=data,
        )


async def add_staff_by_admin(admin_id: int, email: str, role: str, password: str) -> Staff:
    staff = await create_staff(email, role, password)
    await _audit_staff_change(admin_id, "staff.create", {"staff": staff.id, "role": staff.role})
    return staff


async def change_role(admin_id: int, staff_id: int, role: str) -> None:
    """A new role ends the account's sessions (they sign in again with the new role)."""
    try:
        new_role = StaffRole(role)
    except ValueError:
        raise StaffAccountError("role must be moderator, editor or admin") from None
    if staff_id == admin_id:
        raise StaffAccountError("you cannot change your own role")
    async with in_transaction() as connection:
        updated = await Staff.filter(id=staff_id).using_db(connection).update(role=new_role)
        if not updated:
            raise StaffAccountError("there is no such account")
        await end_all_sessions(staff_id, connection)
    await _audit_staff_change(admin_id, "staff.role", {"staff": staff_id, "role": new_role.value})


async def deactivate_staff(admin_id: int, staff_id: int) -> None:
    """Deactivation ends every session and revokes every API token of the account at once."""
    if staff_id == admin_id:
        raise StaffAccountError("you cannot deactivate your own account")
    async with in_transaction() as connection:
        updated = (
            await Staff.filter(id=staff_id, active=True).using_db(connection).update(active=False)
        )
        if not updated:
            raise StaffAccountError("there is no such active account")
        await end_all_sessions(staff_id, connection)
    await ApiToken.filter(staff_id=staff_id, revoked_at=None).update(revoked_at=datetime.now(UTC))
    await _audit_staff_change(admin_id, "staff.deactivate", {"staff": staff_id})


async def revoke_tokens(
    actor_id: int | None,
    *,
    token_id: int | None = None,
    prefix: str | None = None,
    email: str | None = None,
) -> int:
    """Revoke one token (by id or printed prefix) or all of an account's; returns how many."""
    query = ApiToken.filter(revoked_at=None)
    if token_id is not None:
        query = query.filter(id=token_id)
    elif prefix:
        query = query.filter(prefix=prefix)
    elif email:
        query = query.filter(staff__email=normalise_email(email))
    else:
        raise StaffAccountError("say which token to revoke")
    ids = [t.id for t in await query]
    if ids:
        await ApiToken.filter(id__in=ids).update(revoked_at=datetime.now(UTC))
        await _audit_staff_change(actor_id, "token.revoke", {"tokens": ids})
    return len(ids)
