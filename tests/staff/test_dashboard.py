"""The dashboard (issue 17, What to build 3): queue length and age over time, time to
publication, consent turn-around and withdrawals by language, drawn as server-side SVG with the
numbers in tables; editors and admins only."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx

from moderation.states import SubmissionState
from stories_service.console import stats
from stories_service.console.charts import bar_chart
from stories_service.runtime import Runtime
from tests.conftest import Backend
from tests.protection.factories import drive_to
from tests.protection.factories import submit as submit_story
from tests.staffing import make_staff, sign_in

T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)


def _history(language: str, *changes: tuple[float, str]) -> stats.History:
    return stats.History(
        language,
        T0,
        tuple(stats.Change(T0 + timedelta(hours=h), state) for h, state in changes),
    )


def test_the_figures_follow_each_submissions_history() -> None:
    published = _history(
        "en",
        (1, "in_review"),
        (2, "awaiting_consent"),
        (26, "ready"),
        (27, "approved"),
        (48, "published"),
    )
    waiting = _history("ar")
    withdrawn = _history("ar", (1, "in_review"), (5, "withdrawn"))
    histories = [published, waiting, withdrawn]
    ends = [T0 + timedelta(hours=h) for h in (0.5, 3, 24)]
    days = stats.queue_days(histories, ends)
    assert [d.waiting for d in days] == [3, 2, 1]
    assert days[2].oldest_hours == 24
    assert stats.withdrawals_per_day(histories, [T0.date()]) == [1]
    rows = {row.language: row for row in stats.by_language(histories, T0 + timedelta(days=3))}
    assert rows["en"].median_days_to_publication == 2
    assert rows["en"].median_days_consent == 1
    assert (rows["ar"].submitted, rows["ar"].waiting, rows["ar"].withdrawn) == (2, 1, 1)
    assert rows["ar"].median_days_to_publication is None


def test_charts_escape_their_labels_and_draw_a_bar_per_value() -> None:
    svg = str(bar_chart("c", "Title <b>", ["<script>", "b", "c"], [1, None, 3]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<rect") == 2
    assert "style=" not in svg  # the CSP allows no inline style


async def test_editors_see_the_dashboard_and_moderators_do_not(
    client: httpx.AsyncClient, backend: Backend, runtime: Runtime
) -> None:
    for language, state in (
        ("en", SubmissionState.PUBLISHED),
        ("ar", SubmissionState.SUBMITTED),
        ("ar", SubmissionState.READY),
    ):
        story = await submit_story(client, f"dash{language}{state}", language=language)
        await drive_to(runtime, story, state)
    gone = await submit_story(client, "dashgone", language="es")
    await client.post("/api/v1/receipt/withdraw", json={"receipt_code": gone.receipt_code})

    moderator = await make_staff("moderator")
    await sign_in(client, moderator)
    assert (await client.get("/staff/dashboard")).status_code == 403
    client.cookies.clear()
    editor = await make_staff("editor")
    await sign_in(client, editor)
    response = await client.get("/staff/dashboard")
    assert response.status_code == 200
    page = response.text
    assert page.count('<svg class="chart"') == 5 and 'role="img"' in page
    # Nothing is fetched from elsewhere: the only URL in a chart is the SVG namespace.
    urls = set(re.findall(r'(?:src|href)="(https?://[^"]+)"', page))
    assert urls == set()
    assert "script-src 'self'" in response.headers["content-security-policy"]
    table = page[
        page.index('id="language-table"') : page.index(
            "</table>", page.index('id="language-table"')
        )
    ]
    rows = dict(re.findall(r'<th scope="row">(\w+)</th>((?:<td>[^<]*</td>)+)', table))
    assert re.findall(r"<td>([^<]*)</td>", rows["ar"])[:4] == ["2", "1", "0", "0"]
    assert re.findall(r"<td>([^<]*)</td>", rows["en"])[:4] == ["1", "0", "1", "0"]
    assert re.findall(r"<td>([^<]*)</td>", rows["es"])[:4] == ["1", "0", "0", "1"]
    queue_table = page[page.index('id="queue-table"') :]
    today = datetime.now(UTC).date().isoformat()
    assert re.search(rf'<th scope="row">{today}</th><td>1</td>', queue_table)


async def test_the_figures_are_computed_off_the_event_loop(
    client: httpx.AsyncClient, runtime: Runtime, monkeypatch
) -> None:
    """0.1 s of CPU for 10,000 submissions in the window: other requests must be answered
    meanwhile, so the pure figures run in a worker thread, not the loop's."""
    import threading

    from stories_service.console import dashboard

    story = await submit_story(client, "dashthread", language="fr")
    await drive_to(runtime, story, SubmissionState.IN_REVIEW)
    threads: list[threading.Thread] = []
    queue_days = stats.queue_days

    def recording(histories, ends):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return queue_days(histories, ends)

    monkeypatch.setattr(stats, "queue_days", recording)
    context = await dashboard.dashboard_context(datetime.now(UTC))
    assert threads and threads[0] is not threading.current_thread()
    assert context["queue"][-1].waiting == 1
