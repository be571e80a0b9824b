"""`seed-demo` shows the workflow: stories in review, awaiting consent, ready, and waiting."""

from __future__ import annotations

import httpx

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
