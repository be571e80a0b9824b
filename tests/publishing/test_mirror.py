"""The reference consumer against a live server (issue 16 #2): `stories-service serve`'s app in
its own process, with its own webhook dispatcher, on the test database; the mirror follows it
through publish, update, unpublish, withdrawal, take-down and consent changes, and its copy
equals the public site after each. The poll interval is 600 s, so every change after the start
can only have arrived through a webhook (and the mirror records that it did)."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from moderation.workflow import Actor
from stories_service.cli import main
from stories_service.mirror import LocalCopy, Mirror
from stories_service.mirror.running import run_mirror
from stories_service.mirror.store import SyncState
from stories_service.protection.withdrawal import withdraw_submission
from tests.conftest import ROOT, Backend
from tests.publishing.conftest import serving, wait_until
from tests.publishing.factories import bearer, staff_token
from tests.publishing.test_change_log import _edit, _new_consent, _published
from tests.publishing.test_webhooks import _register
from tests.servers import free_port, live_client

pytestmark = pytest.mark.db

POLL_NEVER = 600.0  # longer than the test: only a webhook explains a change arriving
ARRIVAL_DEADLINE = 90.0  # generous: the dispatcher runs every 2 s on a loaded machine


@pytest.fixture(scope="module")
def site(app, backend: Backend, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service in its own process on the test database, with background jobs (the webhook
    dispatcher) on and the in-process app's keys, so it can decrypt the endpoints' secrets."""
    settings = app.state.runtime.settings
    keys = ",".join(base64.urlsafe_b64encode(k).decode() for k in settings.encryption_keys)
    with serving(
        backend,
        tmp_path_factory.mktemp("mirror-site"),
        STORIES_BACKGROUND_JOBS="true",
        STORIES_ENCRYPTION_KEY=keys,
        STORIES_SECRET_KEY=settings.secret_key,
        STORIES_WEBHOOK_ALLOW_NETWORKS="127.0.0.0/8",
    ) as url:
        yield url


class Inconsistent(Exception):
    """The listing and a story disagree: the site's caches are catching up with a change."""


async def public_site(url: str) -> dict[str, dict[str, Any]]:
    """What the site shows now: every story of /api/v1/stories, each as /api/v1/stories/{slug}
    (Inconsistent while its cached listing still shows a story just taken down)."""
    stories: dict[str, dict[str, Any]] = {}
    async with live_client(timeout=30) as http:
        next_url: str | None = f"{url}/api/v1/stories?limit=2"  # small pages: paging is used
        while next_url:
            page = (await http.get(next_url)).json()
            for item in page["stories"]:
                single = await http.get(f"{url}/api/v1/stories/{item['slug']}")
                if single.status_code != 200 or single.json() != item:
                    raise Inconsistent(item["slug"])
                stories[item["slug"]] = single.json()
            next_url = page["next_url"]
    return stories


class Running:
    def __init__(self, folder: Path, port: int) -> None:
        self.folder = folder
        self.port = port
        self.mirror: Mirror | None = None

    def ready(self, mirror: Mirror) -> None:
        self.mirror = mirror

    def copy(self) -> dict[str, dict[str, Any]]:
        return LocalCopy(self.folder).stories()

    def arrivals(self, slug: str, action: str) -> list[str]:
        assert self.mirror is not None
        return [a.trigger for a in self.mirror.applied if a.slug == slug and a.action == action]


@contextlib.asynccontextmanager
async def running_mirror(url: str, folder: Path, secret: str, port: int) -> AsyncIterator[Running]:
    running = Running(folder, port)
    task = asyncio.create_task(
        run_mirror(
            url,
            folder,
            poll_interval=POLL_NEVER,
            webhook_secret=secret,
            listen=("127.0.0.1", port),
            on_ready=running.ready,
        )
    )
    try:
        yield running
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _copy_equals_site(running: Running, url: str, expected: set[str]) -> None:
    """Wait until the site shows ``expected`` (its cache follows the database within a second)
    and the copy equals it."""

    async def equal() -> bool:
        try:
            shown = await public_site(url)
        except Inconsistent:
            return False
        return set(shown) == expected and running.copy() == shown

    await wait_until(equal, deadline=ARRIVAL_DEADLINE, pause=0.2)


async def test_the_mirror_follows_every_change_and_removal_through_webhooks(
    client, runtime, editor_token, site, tmp_path
):
    cipher = runtime.cipher
    moderator = await staff_token("moderator")
    port = free_port()
    endpoint = await _register(client, f"http://127.0.0.1:{port}/hooks", ["*"])
    edited_sid, edited = await _published(client, cipher, editor_token, title="Edited later")
    _, unpublished = await _published(client, cipher, editor_token, title="Unpublished later")
    folder = tmp_path / "copy"

    async with running_mirror(site, folder, endpoint["secret"], port) as running:
        # First full sync.
        expected = {edited, unpublished}
        await _copy_equals_site(running, site, expected)
        assert running.arrivals(edited, "stored") == ["start"]

        # The copy can equal the site before the first sync has read the change log to its
        # end: a story published meanwhile would arrive with it, not through a webhook.
        async def first_sync_done() -> bool:
            return running.mirror is not None and running.mirror.completed_syncs > 0

        await wait_until(first_sync_done, deadline=ARRIVAL_DEADLINE)

        # A forged webhook is refused; the receiver is listening.
        async with live_client() as http:
            forged = await http.post(
                f"http://127.0.0.1:{port}/hooks",
                content=b'{"type":"story.withdrawn","data":{}}',
                headers={
                    "webhook-id": "msg_x",
                    "webhook-timestamp": "1",
                    "webhook-signature": "v1,AAAA",
                },
            )
        assert forged.status_code == 401

        # Publish.
        withdrawn_sid, withdrawn = await _published(client, cipher, editor_token, title="Later")
        expected.add(withdrawn)
        await _copy_equals_site(running, site, expected)
        assert running.arrivals(withdrawn, "stored") == ["webhook"]

        # Update: the copy holds the new title.
        await _edit(client, cipher, editor_token, edited_sid)

        async def edit_shown() -> bool:
            return running.copy()[edited]["title"].endswith("(edited)")

        await wait_until(edit_shown, deadline=ARRIVAL_DEADLINE)
        await _copy_equals_site(running, site, expected)
        assert "webhook" in running.arrivals(edited, "stored")

        # Unpublish.
        answer = await client.post(
            f"/api/v1/stories/{unpublished}/unpublish", headers=bearer(editor_token)
        )
        assert answer.status_code == 200, answer.text
        expected.discard(unpublished)
        await _copy_equals_site(running, site, expected)
        assert running.arrivals(unpublished, "removed") == ["webhook"]

        # Withdrawal by the survivor.
        await withdraw_submission(withdrawn_sid, Actor.survivor())
        expected.discard(withdrawn)
        await _copy_equals_site(running, site, expected)
        assert running.arrivals(withdrawn, "removed") == ["webhook"]

        # Take-down: a new revision rejected while the old one is public.
        taken_sid, taken = await _published(client, cipher, editor_token, title="Taken down")
        expected.add(taken)
        await _copy_equals_site(running, site, expected)
        revised = await client.post(
            f"/api/v1/submissions/{taken_sid}/revise", headers=bearer(moderator)
        )
        assert revised.status_code == 200, revised.text
        rejected = await client.post(
            f"/api/v1/submissions/{taken_sid}/reject",
            json={"reason": "The storyteller asked us to stop."},
            headers=bearer(moderator),
        )
        assert rejected.status_code == 200, rejected.text
        expected.discard(taken)
        await _copy_equals_site(running, site, expected)
        assert running.arrivals(taken, "removed") == ["webhook"]

        # Consent changes: syndication ended, then a story's language no longer consented.
        unsyndicated_sid, unsyndicated = await _published(client, cipher, editor_token)
        relanguaged_sid, relanguaged = await _published(client, cipher, editor_token)
        expected |= {unsyndicated, relanguaged}
        await _copy_equals_site(running, site, expected)
        await _new_consent(unsyndicated_sid, cipher, syndicate=False)
        expected.discard(unsyndicated)
        await _copy_equals_site(running, site, expected)
        assert running.arrivals(unsyndicated, "removed") == ["webhook"]
        await _new_consent(relanguaged_sid, cipher, languages=["fr"])
        expected.discard(relanguaged)
        await _copy_equals_site(running, site, expected)
        assert running.arrivals(relanguaged, "removed") == ["webhook"]

        assert set(running.copy()) == {edited}
        assert running.mirror is not None
        assert {a.trigger for a in running.mirror.applied} == {"start", "webhook"}

    # Started again from its saved cursor: nothing to do, nothing lost.
    cursor_before = json.loads((folder / "state.json").read_bytes())["cursor"]
    again = _cli(site, folder, "--once")
    assert again.returncode == 0, again.stderr
    assert json.loads((folder / "state.json").read_bytes())["cursor"] == cursor_before
    assert "full sync" not in again.stderr and "stored" not in again.stderr
    assert LocalCopy(folder).stories() == await public_site(site)


def _cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stories_service.cli", "mirror", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )


async def test_the_command_copies_the_site_once(client, runtime, editor_token, site, tmp_path):
    for title in ("One", "Two", "Three"):
        await _published(client, runtime.cipher, editor_token, title=title)
    _, gone = await _published(client, runtime.cipher, editor_token, title="Gone")
    await client.post(f"/api/v1/stories/{gone}/unpublish", headers=bearer(editor_token))

    async def site_settled() -> bool:
        try:
            shown = await public_site(site)
        except Inconsistent:
            return False
        return len(shown) == 3 and gone not in shown

    await wait_until(site_settled)
    folder = tmp_path / "copy"
    # A story left over from an earlier copy (the site no longer has it) goes at the full sync.
    (folder / "stories").mkdir(parents=True)
    (folder / "stories" / "leftover.json").write_text('{"id": "urn:uuid:x", "slug": "leftover"}')
    done = _cli(site, folder, "--once")
    assert done.returncode == 0, done.stderr
    assert LocalCopy(folder).stories() == await public_site(site)
    assert "full sync: 3 stories" in done.stderr

    again = _cli(site, folder, "--once", "--quiet")
    assert again.returncode == 0 and again.stderr == "", again.stderr


def test_bad_input_is_a_message_and_exit_1_never_a_traceback(tmp_path, capsys):
    """In-process (the command's own code path, without a process start per case)."""
    folder = tmp_path / "copy"
    assert main(["mirror", "http://127.0.0.1:1/", str(tmp_path / "z"), "--once"]) == 1
    LocalCopy(folder).open("http://stories.example")
    LocalCopy(folder).save_state(SyncState("http://stories.example", "YzEuMQ"))
    secret_file = tmp_path / "secret"
    secret_file.write_text("not-a-secret")
    for args, says in [
        (("http://127.0.0.1:1", folder, "--once"), "holds a copy of http://stories.example"),
        (("not a url", tmp_path / "a", "--once"), "not an http(s) URL"),
        (("ftp://example.org", tmp_path / "a", "--once"), "not an http(s) URL"),
        ((f"http://127.0.0.1:{free_port()}", tmp_path / "b", "--once"), "cannot connect"),
        (("http://127.0.0.1:1", tmp_path / "c", "--listen", "nowhere"), "HOST:PORT"),
        (("http://127.0.0.1:1", tmp_path / "d", "--listen", "127.0.0.1:1"), "needs a webhook"),
        (("http://127.0.0.1:1", tmp_path / "e", "--webhook-secret", "whsec_???"), "not a whsec_"),
        (("http://127.0.0.1:1", tmp_path / "f", "--webhook-secret-file", secret_file), "whsec_"),
        (("http://127.0.0.1:1", tmp_path / "g", "--poll-interval", "0"), "more than 0"),
    ]:
        capsys.readouterr()
        assert main(["mirror", *map(str, args)]) == 1, args
        err = capsys.readouterr().err
        assert says in err, (args, err)
        assert "Traceback" not in err
    with pytest.raises(SystemExit):
        main(["mirror", "--help"])
    assert "--poll-interval" in capsys.readouterr().out
