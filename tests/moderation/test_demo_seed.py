"""`seed-demo` shows the workflow: stories in review, awaiting consent, ready, and waiting."""

from __future__ import annotations

import httpx
import pytest

from stories_service import demo
from stories_service.demo import seed_demo
from stories_service.models import Revision, Submission
from stories_service.runtime import Runtime
from tests.conftest import Backend


async def test_seed_demo_leaves_stories_in_several_states(
    client: httpx.AsyncClient, backend: Backend, runtime: Runtime
) -> None:
    lines = await seed_demo(runtime.settings)
    assert any("password" in line for line in lines)
    states = sorted([s.state for s in await Submission.all()])
    assert states == ["awaiting_consent", "in_review", "published", "ready", "submitted"]
    assert any("published at" in line for line in lines)
    in_review = await Submission.get(state="in_review")
    assert await Revision.filter(submission_id=in_review.id).count() == 1


async def test_a_story_that_fails_halfway_leaves_nothing_and_a_rerun_completes(
    client: httpx.AsyncClient, backend: Backend, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17 #1: never half-made demo stories. The last demo story fails at its last step
    (publication, as a crash or a busy database would); everything it had made is gone."""

    async def crash(*args: object) -> str:
        raise RuntimeError("the process died here")

    monkeypatch.setattr(demo, "_publish_demo", crash)
    with pytest.raises(RuntimeError):
        await demo.seed_demo(runtime.settings)
    states = sorted([s.state for s in await Submission.all()])
    assert states == ["awaiting_consent", "in_review", "ready", "submitted"]
    assert await Revision.all().count() == 3  # the published story's revision went with it

    monkeypatch.undo()
    lines = await demo.seed_demo(runtime.settings)
    assert sum("made before" in line for line in lines) == 4
    states = sorted([s.state for s in await Submission.all()])
    assert states == ["awaiting_consent", "in_review", "published", "ready", "submitted"]
