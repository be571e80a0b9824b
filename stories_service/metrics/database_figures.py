"""Figures read from the database when ``/metrics`` is scraped: the moderation queue by state
and the webhook backlog.

They describe the shared database, not one worker, so every worker and host reports the same
values; read at scrape time, they are right however many workers there are (Prometheus keeps
one series per scraped target: aggregate with ``max``, not ``sum``, across hosts).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from tortoise.functions import Count

from moderation.states import SubmissionState
from stories_service.models import OutboxEvent, Submission, WebhookDelivery

log = logging.getLogger("stories_service.metrics")

FINAL_STATES = frozenset(
    {
        SubmissionState.PUBLISHED,
        SubmissionState.UNPUBLISHED,
        SubmissionState.REJECTED,
        SubmissionState.WITHDRAWN,
    }
)
"""States a submission rests in: counted, but an age there means nothing for the queue."""


@dataclass(slots=True)
class DatabaseFigures:
    up: bool = False
    submissions: dict[str, int] = field(default_factory=dict)
    oldest_age_seconds: dict[str, float] = field(default_factory=dict)
    webhook_pending: int = 0
    webhook_pending_oldest_age_seconds: float = 0.0
    webhook_failed: int = 0
    outbox_undispatched: int = 0


def _age(then: datetime | None, now: datetime) -> float:
    return max(0.0, (now - then).total_seconds()) if then is not None else 0.0


async def _oldest_created(state: SubmissionState) -> datetime | None:
    first = await Submission.filter(state=state).order_by("created_at").first()
    return first.created_at if first is not None else None


async def read_database_figures() -> DatabaseFigures:
    """Count and age what waits in the database. A database that does not answer gives
    ``up=False`` and no other figure (the scrape still gets the workers' own metrics)."""
    figures = DatabaseFigures()
    now = datetime.now(UTC)
    try:
        rows = (
            await Submission.annotate(count=Count("id"))
            .group_by("state")
            .values_list("state", "count")
        )
        counted = {str(state): int(count) for state, count in rows}
        for state in SubmissionState:
            figures.submissions[state.value] = counted.get(state.value, 0)
            if state not in FINAL_STATES:
                oldest = await _oldest_created(state) if counted.get(state.value) else None
                figures.oldest_age_seconds[state.value] = _age(oldest, now)
        pending = WebhookDelivery.filter(status="pending")
        figures.webhook_pending = await pending.count()
        oldest_delivery = await pending.order_by("created_at").first()
        figures.webhook_pending_oldest_age_seconds = _age(
            oldest_delivery.created_at if oldest_delivery else None, now
        )
        figures.webhook_failed = await WebhookDelivery.filter(status="failed").count()
        figures.outbox_undispatched = await OutboxEvent.filter(dispatched_at=None).count()
    except Exception as error:  # the scrape must still answer when the database does not
        log.warning("metrics: database figures unavailable: %s", type(error).__name__)
        return DatabaseFigures(up=False)
    figures.up = True
    return figures


class DatabaseFiguresCollector(Collector):
    """The figures as gauge families, for one scrape's registry."""

    def __init__(self, figures: DatabaseFigures) -> None:
        self.figures = figures

    def collect(self) -> Iterable[GaugeMetricFamily]:
        figures = self.figures
        yield GaugeMetricFamily(
            "stories_database_up",
            "1 when the database answered this scrape's queries, else 0.",
            value=1 if figures.up else 0,
        )
        if not figures.up:
            return
        count = GaugeMetricFamily(
            "stories_queue_submissions", "Submissions in each state.", labels=["state"]
        )
        for state, value in figures.submissions.items():
            count.add_metric([state], value)
        yield count
        age = GaugeMetricFamily(
            "stories_queue_oldest_age_seconds",
            "Seconds since the oldest submission now in each open state was submitted "
            "(0 when none is).",
            labels=["state"],
        )
        for state, seconds in figures.oldest_age_seconds.items():
            age.add_metric([state], seconds)
        yield age
        yield GaugeMetricFamily(
            "stories_webhook_backlog",
            "Webhook deliveries waiting to be sent or retried.",
            value=figures.webhook_pending,
        )
        yield GaugeMetricFamily(
            "stories_webhook_backlog_oldest_age_seconds",
            "Seconds since the oldest waiting webhook delivery was created (0 when none is).",
            value=figures.webhook_pending_oldest_age_seconds,
        )
        yield GaugeMetricFamily(
            "stories_webhook_deliveries_failed",
            "Webhook deliveries given up on (endpoint gone, disabled, or retried past 24 h).",
            value=figures.webhook_failed,
        )
        yield GaugeMetricFamily(
            "stories_outbox_undispatched",
            "Public events not yet fanned out to webhook endpoints.",
            value=figures.outbox_undispatched,
        )
