"""A first run that just works (issue 17 #1 and "What to build" 5): `seed-demo` beside a running
server, twice, while survivors submit, and a demo account signs in with what it printed."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from stories_service.demo import DEMO_STORIES
from stories_service.models import Submission
from stories_service.receipt import codes
from tests.conftest import Backend, valid_submission
from tests.servers import live_client, run_cli, running_service
from tests.staffing import post_login

SEED_DEADLINE = 600.0
ACCOUNT_LINE = re.compile(r"^staff (demo-\w+@example\.org) password (\S+)", re.MULTILINE)
STORY_LINE = re.compile(r"^story .* receipt code: ([a-z ]+)$", re.MULTILINE)


@contextmanager
def survivors_submitting(base_url: str) -> Iterator[list[int]]:
    """Submissions to the server, one after another, for as long as the block runs: the server
    writes to the database while `seed-demo` does. Yields the statuses answered."""
    statuses: list[int] = []
    stop = threading.Event()

    def submit() -> None:
        with httpx.Client(base_url=base_url, timeout=60) as http:
            while not stop.is_set():
                answer = http.post("/api/v1/submissions", json=valid_submission())
                statuses.append(answer.status_code)
                stop.wait(0.05)  # writing often, not hogging the two cores seed-demo needs too

    worker = threading.Thread(target=submit)
    worker.start()
    try:
        yield statuses
    finally:
        stop.set()
        worker.join()


def seed_demo_beside(base_url: str, backend: Backend, data_dir: Path) -> str:
    with survivors_submitting(base_url) as statuses:
        # The deadline is for a hung command, not a slow one: it warms the redaction engine
        # (40 s and more on a loaded machine) while the server keeps the database busy.
        done = run_cli(backend.database_url, data_dir, "seed-demo", timeout=SEED_DEADLINE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert statuses and set(statuses) == {201}, statuses
    return done.stdout


def accounts_in(printed: str) -> dict[str, str]:
    accounts = dict(ACCOUNT_LINE.findall(printed))
    assert set(accounts) == {
        f"demo-{role}@example.org" for role in ("moderator", "editor", "admin")
    }
    # The accounts come first, before the stories (which need the redaction engine).
    last_account = max(m.start() for m in ACCOUNT_LINE.finditer(printed))
    assert last_account < min(m.start() for m in STORY_LINE.finditer(printed))
    return accounts


async def signs_in(base_url: str, email: str, password: str) -> bool:
    async with live_client(base_url=base_url, timeout=60) as browser:
        answer = await post_login(browser, email, password)
        if answer.status_code != 303:
            return False
        return (await browser.get("/staff")).status_code == 200


async def test_seed_demo_twice_beside_a_running_server_then_sign_in(
    client: httpx.AsyncClient, backend: Backend, tmp_path: Path
) -> None:
    with running_service(backend.database_url, tmp_path) as base_url:
        first = await asyncio.to_thread(seed_demo_beside, base_url, backend, tmp_path)
        first_accounts = accounts_in(first)
        for email, password in first_accounts.items():
            assert await signs_in(base_url, email, password), email

        again = await asyncio.to_thread(seed_demo_beside, base_url, backend, tmp_path)
        accounts = accounts_in(again)
        moderator = "demo-moderator@example.org"
        assert await signs_in(base_url, moderator, accounts[moderator])
        # A rerun resets the passwords: the old ones no longer open the console.
        assert not await signs_in(base_url, moderator, first_accounts[moderator])

    # The stories were made once each, all the way to their stage, and the rerun printed the
    # same receipt codes (and said it made nothing again).
    codes_printed = STORY_LINE.findall(first)
    assert STORY_LINE.findall(again) == codes_printed
    assert len(codes_printed) == len(DEMO_STORIES)
    assert again.count("made before") == len(DEMO_STORIES)
    secret_key = (tmp_path / "secret.key").read_text().strip()
    states = []
    for code in codes_printed:
        [story] = await Submission.filter(receipt_hash=codes.code_hash(code, secret_key))
        states.append(story.state)
    assert sorted(states) == ["awaiting_consent", "in_review", "published", "ready", "submitted"]
