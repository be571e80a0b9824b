"""Job leases: several workers or hosts run a periodic job, one of them at a time.

Workers compete for a short lease in ``job_leases`` with conditional updates and a conditional
insert (the name is unique), so exactly one holder wins on either database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError

from stories_service.models import JobLease


async def acquire_lease(
    name: str, holder: str, seconds: float, now: datetime | None = None
) -> bool:
    """Take or renew the lease ``name`` for ``seconds``; False while someone else holds it."""
    now = now or datetime.now(UTC)
    until = now + timedelta(seconds=seconds)
    renewed = await JobLease.filter(name=name, holder=holder).update(expires_at=until)
    if renewed:
        return True
    taken = await JobLease.filter(name=name, expires_at__lt=now).update(
        holder=holder, expires_at=until
    )
    if taken:
        return True
    try:
        await JobLease.create(name=name, holder=holder, expires_at=until)
    except IntegrityError:
        return False
    return True
