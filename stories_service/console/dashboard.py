"""The editors' and admins' dashboard: the queries behind it and its page. The figures are
computed in ``console/stats.py`` and drawn by ``console/charts.py``."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta
from typing import Any
from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response

from moderation.revisions import CONTENT_NOTES
from moderation.states import StaffRole, SubmissionState
from stories_service.console import stats
from stories_service.console.charts import bar_chart
from stories_service.console.wellbeing import team_totals
from stories_service.models import AuditEvent, Staff, Submission
from stories_service.staff.auth import console
from stories_service.staff.csrf import render_with_csrf

DAYS_SHOWN = 28
# Submissions older than this are left out, unless they still wait in the queue.
HISTORY_DAYS = 180
_OPEN_STATES = (
    SubmissionState.SUBMITTED,
    SubmissionState.IN_REVIEW,
    SubmissionState.AWAITING_CONSENT,
)


async def load_histories(now: datetime) -> list[stats.History]:
    """Each recent (or still waiting) submission's language, arrival and state changes."""
    since = now - timedelta(days=HISTORY_DAYS)
    rows = await Submission.filter(created_at__gte=since).values_list(
        "id", "language", "created_at"
    )
    rows += await Submission.filter(created_at__lt=since, state__in=_OPEN_STATES).values_list(
        "id", "language", "created_at"
    )
    changes: dict[UUID, list[stats.Change]] = {}
    events = (
        AuditEvent.filter(to_state__isnull=False, submission_id__isnull=False)
        .filter(created_at__gte=min((r[2] for r in rows), default=now))
        .order_by("id")
        .values_list("submission_id", "created_at", "to_state")
    )
    for submission_id, at, to_state in await events:
        changes.setdefault(submission_id, []).append(stats.Change(at, to_state))
    return [
        stats.History(language, created_at, tuple(changes.get(sid, ())))
        for sid, language, created_at in rows
    ]


def _days(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _figures(
    histories: list[stats.History], now: datetime
) -> tuple[list[stats.QueueDay], list[int], list[stats.LanguageRow]]:
    """The queue at the end of each of the last DAYS_SHOWN days (the last one now), the
    withdrawals on each of those days, and the rows by language."""
    midnight = datetime.combine(now.date(), time(), tzinfo=UTC)
    ends = [midnight - timedelta(days=n) for n in range(DAYS_SHOWN - 2, -1, -1)] + [now]
    queue = stats.queue_days(histories, ends)
    withdrawals = stats.withdrawals_per_day(histories, [q.day for q in queue])
    return queue, withdrawals, stats.by_language(histories, now)


async def dashboard_context(now: datetime) -> dict[str, Any]:
    histories = await load_histories(now)
    # Pure figures, but 0.1 s of CPU for 10,000 submissions in the window (0.4 s for 30,000):
    # computed in a thread, so that other requests are answered meanwhile.
    queue, withdrawals, languages = await asyncio.to_thread(_figures, histories, now)
    day_labels = [q.day.isoformat() for q in queue]  # the console's one way to write a day
    team_today, team_week = await team_totals(now.date())
    oldest = [None if q.oldest_hours is None else round(q.oldest_hours / 24, 1) for q in queue]
    return {
        "queue": queue,
        "withdrawals": list(zip(day_labels, withdrawals, strict=True)),
        "languages": languages,
        "team_today": team_today,
        "team_week": team_week,
        "history_days": HISTORY_DAYS,
        "charts": {
            "queue": bar_chart(
                "chart-queue",
                "Stories waiting for moderation at the end of each day",
                day_labels,
                [q.waiting for q in queue],
            ),
            "age": bar_chart(
                "chart-age",
                "Oldest waiting story, in days, at the end of each day",
                day_labels,
                oldest,
            ),
            "withdrawals": bar_chart(
                "chart-withdrawals", "Withdrawals per day", day_labels, withdrawals
            ),
            "publication": bar_chart(
                "chart-publication",
                "Median days from submission to publication, by language",
                [row.language for row in languages],
                [_days(row.median_days_to_publication) for row in languages],
            ),
            "consent": bar_chart(
                "chart-consent",
                "Median days the survivor took to answer, by language",
                [row.language for row in languages],
                [_days(row.median_days_consent) for row in languages],
            ),
        },
        "content_note_labels": CONTENT_NOTES,
    }


@console(StaffRole.EDITOR)
async def dashboard_page(request: Request, staff: Staff) -> Response:
    context = await dashboard_context(datetime.now(UTC))
    return render_with_csrf(
        request,
        "staff/dashboard.html",
        {**context, "staff": staff, "nav_current": "dashboard", "now": datetime.now(UTC)},
    )
