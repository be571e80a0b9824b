"""The staff console's pages: which role may open each (its navigation shows only those)."""

from __future__ import annotations

from dataclasses import dataclass

from moderation.states import StaffRole, role_at_least


@dataclass(frozen=True)
class ConsolePage:
    key: str
    label: str
    href: str
    minimum_role: StaffRole


CONSOLE_PAGES: tuple[ConsolePage, ...] = (
    ConsolePage("queue", "Queue", "/staff", StaffRole.MODERATOR),
    ConsolePage("mine", "My claims", "/staff?view=mine", StaffRole.MODERATOR),
    ConsolePage("approvals", "Approvals", "/staff/approvals", StaffRole.EDITOR),
    ConsolePage("published", "Published", "/staff?view=published", StaffRole.MODERATOR),
    ConsolePage("dashboard", "Dashboard", "/staff/dashboard", StaffRole.EDITOR),
    ConsolePage("webhooks", "Webhooks", "/staff/webhooks", StaffRole.ADMIN),
    ConsolePage("audit", "Audit log", "/staff/audit", StaffRole.ADMIN),
    ConsolePage("staff", "Staff", "/staff/admin", StaffRole.ADMIN),
    ConsolePage("terms", "Listed terms", "/staff/admin/terms", StaffRole.ADMIN),
    ConsolePage("retention", "Retention", "/staff/retention", StaffRole.ADMIN),
)


def pages_for_role(role: StaffRole | str) -> list[ConsolePage]:
    """The console pages ``role`` may open, in navigation order."""
    return [page for page in CONSOLE_PAGES if role_at_least(role, page.minimum_role)]
