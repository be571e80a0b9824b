"""Job leases: several workers or hosts run a periodic job, one of them at a time.

Workers compete for a short lease in ``job_leases`` with conditional updates and a conditional
insert (the name is unique), so exactly one holder wins on either database. Lease times are
read from the database server's clock (``database_now``), not each host's.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise import connections
from tortoise.exceptions import IntegrityError

from stories_service.models import JobLease


async def database_now() -> datetime:
    """The time by the database server's clock on PostgreSQL, so that hosts whose clocks
    disagree still agree on when a lease ends (a host running ahead would otherwise take a
    lease another still holds); the host's clock on SQLite, whose database is on this host."""
    connection = connections.get("default")
    if connection.capabilities.dialect != "postgres":
        return datetime.now(UTC)
    rows = await connection.execute_query_dict("SELECT statement_timestamp() AS now")
    now: datetime = rows[0]["now"]
    return now


async def acquire_lease(
    name: str, holder: str, seconds: float, now: datetime | None = None
) -> bool:
    """Take or renew the lease ``name`` for ``seconds``; False while someone else holds it."""
    now = now or await database_now()
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
