"""The service's Prometheus instruments: what each worker counts and times as it works.

Every label value comes from a short fixed set (a route template, a method, a status, a job's
name, an outcome), never from a request's path or body: a slug, a submission id or a receipt
code in a label would put survivors' traces in the monitoring system, and one series per value.
Figures read from the database (queue lengths, webhook backlog) are not here: ``/metrics``
reads them when it is scraped (``stories_service.metrics``).

With several workers, ``stories-service serve`` sets ``PROMETHEUS_MULTIPROC_DIR`` before they
start, and prometheus-client then keeps these values in files there that any worker's
``/metrics`` adds up (docs/deploy.md, "Metrics"). Only counters and histograms live here: they
add up across processes without a choice of mode, and a worker that dies keeps its counts.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from prometheus_client import Counter, Histogram, disable_created_metrics

from moderation.redaction import ListedTerm, Suggestion
from moderation.revisions import suggestions_for

# One series per label set, not two: the `_created` timestamps add nothing a scrape needs.
disable_created_metrics()  # type: ignore[no-untyped-call]

UNMATCHED_ROUTE = "unmatched"
"""The route label of a request that matched no route (a 404 before any handler)."""

HTTP_REQUESTS = Counter(
    "stories_http_requests",
    "HTTP requests answered, by route template, method and status.",
    ["route", "method", "status"],
)
HTTP_DURATION = Histogram(
    "stories_http_request_duration_seconds",
    "Time from a request's arrival to the end of its answer, by route template and method.",
    ["route", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
JOB_RUNS = Counter(
    "stories_job_runs",
    "Runs of a periodic job's step in this worker (with or without its lease), by job.",
    ["job"],
)
JOB_ERRORS = Counter(
    "stories_job_errors",
    "Runs of a periodic job's step that failed with an exception, by job.",
    ["job"],
)
JOB_DURATION = Histogram(
    "stories_job_duration_seconds",
    "Time a periodic job's step took, by job.",
    ["job"],
    buckets=(0.005, 0.025, 0.1, 0.5, 1.0, 5.0, 30.0, 120.0),
)
REDACTION_DURATION = Histogram(
    "stories_redaction_seconds",
    "Time the redaction engine took to suggest redactions for one text.",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0),
)
PAGE_CACHE = Counter(
    "stories_page_cache_lookups",
    "Lookups in the public page cache, by result (hit or miss).",
    ["result"],
)
WEBHOOK_ATTEMPTS = Counter(
    "stories_webhook_attempts",
    "Webhook delivery attempts, by outcome: delivered (2xx), refused (another HTTP status), "
    "unreachable (no HTTP answer).",
    ["outcome"],
)

# Children made once: a lookup on the hot path of a cached page costs one increment.
_CACHE_HIT = PAGE_CACHE.labels(result="hit")
_CACHE_MISS = PAGE_CACHE.labels(result="miss")


def count_cache_lookup(hit: bool) -> None:
    (_CACHE_HIT if hit else _CACHE_MISS).inc()


def count_webhook_attempt(status_code: int | None) -> None:
    if status_code is None:
        outcome = "unreachable"
    elif 200 <= status_code < 300:
        outcome = "delivered"
    else:
        outcome = "refused"
    WEBHOOK_ATTEMPTS.labels(outcome=outcome).inc()


# The children of each label set met so far (routes x methods x statuses: a few hundred at
# most), so that a request costs one look-up in a dict rather than two ``labels()`` calls.
_REQUEST_SERIES: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}


def count_request(route: str, method: str, status: int, seconds: float) -> None:
    series = _REQUEST_SERIES.get((route, method, status))
    if series is None:
        series = _REQUEST_SERIES[route, method, status] = (
            HTTP_REQUESTS.labels(route=route, method=method, status=str(status)),
            HTTP_DURATION.labels(route=route, method=method),
        )
    counter, timer = series
    counter.inc()
    timer.observe(seconds)


@contextmanager
def job_run(name: str) -> Iterator[None]:
    """Count and time one run of a periodic job's step; an exception counts as an error."""
    JOB_RUNS.labels(job=name).inc()
    started = time.perf_counter()
    try:
        yield
    except BaseException as error:
        if isinstance(error, Exception):
            JOB_ERRORS.labels(job=name).inc()
        raise
    finally:
        JOB_DURATION.labels(job=name).observe(time.perf_counter() - started)


def timed_suggestions(
    body_html: str,
    never_appear: list[str],
    language: str | None,
    enabled: frozenset[str] | None = None,
    organisation_list: Sequence[ListedTerm] = (),
) -> list[Suggestion]:
    """``moderation.revisions.suggestions_for``, timed into ``stories_redaction_seconds``.
    CPU-bound (tens of milliseconds for a long story): call it through ``asyncio.to_thread``."""
    with REDACTION_DURATION.time():
        return suggestions_for(body_html, never_appear, language, enabled, organisation_list)
