"""Console pages of data protection: what retention will purge, and when (admins)."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import Response

from moderation.states import StaffRole
from stories_service.models import Staff
from stories_service.protection.retention import planned_purges
from stories_service.runtime import runtime_of
from stories_service.staff.auth import console
from stories_service.staff.csrf import render_with_csrf


@console(StaffRole.ADMIN)
async def retention_page(request: Request, staff: Staff) -> Response:
    """GET /staff/retention: planned purges of originals and contact details, soonest first."""
    settings = runtime_of(request).settings
    return render_with_csrf(
        request,
        "staff/retention.html",
        {
            "staff": staff,
            "retention_days": settings.retention_days,
            "plans": await planned_purges(settings.retention_days),
            "now": datetime.now(UTC),
        },
    )
