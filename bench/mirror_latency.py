"""How long a removal takes to reach the reference consumer's copy when webhooks are on.

`stories-service serve` (one worker, background jobs on: the webhook dispatcher runs every 2 s)
on a fresh SQLite database, a webhook endpoint registered for the mirror, and the mirror
(`stories_service.mirror`) running in this process with a 600 s poll interval, so only the
webhook can bring a change. Each round publishes a story, waits until the copy holds it, then
unpublishes it (or withdraws it, every other round) and times, from the answer to that request:
the webhook's arrival at the mirror, and the story's file gone from the copy.

    python -m bench.mirror_latency [--rounds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from stories_service.crypto import FieldCipher
from stories_service.db.lifecycle import apply_migrations, close_database, open_database
from stories_service.mirror.running import run_mirror
from stories_service.mirror.sync import Applied, Mirror
from stories_service.settings import new_encryption_key, parse_encryption_keys
from tests.publishing.factories import bearer, make_approved_submission, staff_token
from tests.servers import free_port, running_service

REMOVAL_EVENTS = ("story.unpublished", "story.withdrawn")


def _figures(name: str, values: list[float]) -> str:
    if not values:
        return f"{name:<34} (none)"
    ordered = sorted(values)
    p90 = ordered[max(0, round(0.9 * len(ordered)) - 1)]
    return (
        f"{name:<34} median {statistics.median(ordered) * 1000:7.0f} ms   "
        f"p90 {p90 * 1000:7.0f} ms   max {ordered[-1] * 1000:7.0f} ms   (n={len(ordered)})"
    )


async def _wait(condition: object, deadline: float = 60.0) -> None:
    give_up = time.monotonic() + deadline
    while time.monotonic() < give_up:
        if condition():  # type: ignore[operator]
            return
        await asyncio.sleep(0.005)
    raise RuntimeError(f"not reached in time: {condition}")


async def bench(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        database_url = f"sqlite://{data / 'bench.sqlite3'}"
        key = new_encryption_key()
        cipher = FieldCipher(parse_encryption_keys(key))
        await apply_migrations(database_url, cipher.seal_column)
        await open_database(database_url)
        env = {
            "STORIES_BACKGROUND_JOBS": "true",
            "STORIES_ENCRYPTION_KEY": key,
            "STORIES_SECRET_KEY": "bench-secret-key-" + "x" * 32,
            "STORIES_WEBHOOK_ALLOW_NETWORKS": "127.0.0.0/8",
        }
        try:
            with running_service(database_url, data / "site", **env) as site:
                await _rounds(site, cipher, data / "copy", rounds)
        finally:
            await close_database()


async def _rounds(site: str, cipher: FieldCipher, folder: Path, rounds: int) -> None:
    editor, admin = await staff_token("editor"), await staff_token("admin")
    port = free_port()
    async with httpx.AsyncClient(base_url=site, timeout=30) as http:
        endpoint = await http.post(
            "/api/v1/webhooks",
            json={"url": f"http://127.0.0.1:{port}/", "events": ["*"]},
            headers=bearer(admin),
        )
        endpoint.raise_for_status()
        applied: list[Applied] = []
        ready: list[Mirror] = []

        def on_ready(mirror: Mirror) -> None:
            ready.append(mirror)

        task = asyncio.create_task(
            run_mirror(
                site,
                folder,
                poll_interval=600,
                webhook_secret=endpoint.json()["secret"],
                listen=("127.0.0.1", port),
                on_applied=applied.append,
                on_ready=on_ready,
            )
        )
        await _wait((folder / "state.json").exists)  # the first sync is done
        webhooks = ready[0].webhooks
        await asyncio.sleep(1.0)
        to_webhook: list[float] = []
        to_copy: list[float] = []
        webhook_to_copy: list[float] = []
        early = 0
        try:
            for number in range(rounds):
                submission = await make_approved_submission(cipher, title=f"Bench story {number}")
                published = await http.post(
                    f"/api/v1/submissions/{submission.id}/publish", json={}, headers=bearer(editor)
                )
                published.raise_for_status()
                slug = published.json()["slug"]
                story_file = folder / "stories" / f"{slug}.json"
                await _wait(story_file.exists)
                seen = len(webhooks)
                if number % 2:
                    removal = await http.post(
                        f"/api/v1/submissions/{submission.id}/withdraw",
                        json={"reason_category": "survivor_asked_by_phone"},
                        headers=bearer(editor),
                    )
                else:
                    removal = await http.post(
                        f"/api/v1/stories/{slug}/unpublish", headers=bearer(editor)
                    )
                removal.raise_for_status()
                asked = time.monotonic()
                await _wait(lambda: not story_file.exists())  # noqa: B023 (awaited here)
                gone = next(a for a in reversed(applied) if a.slug == slug)
                assert gone.action == "removed" and gone.trigger == "webhook", gone
                to_copy.append(gone.at - asked)

                def removal_webhooks() -> list[float]:
                    return [t for t, kind in list(webhooks)[seen:] if kind in REMOVAL_EVENTS]  # noqa: B023

                await _wait(removal_webhooks)
                arrival = removal_webhooks()[0]
                to_webhook.append(arrival - asked)
                if gone.at >= arrival:
                    webhook_to_copy.append(gone.at - arrival)
                else:  # an earlier webhook (the publication's) already read the removal
                    early += 1
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
    print(f"{rounds} removals (unpublish and staff withdrawal alternating), poll every 600 s:")
    print(_figures("removal answered -> webhook", to_webhook))
    print(_figures("webhook -> file gone from the copy", webhook_to_copy))
    print(_figures("removal answered -> file gone", to_copy))
    print(f"{early} removal(s) reached the copy before their own webhook (an earlier one's read)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    asyncio.run(bench(parser.parse_args().rounds))


if __name__ == "__main__":
    main()
