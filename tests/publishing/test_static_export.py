"""`stories-service export-static DIR`: the whole site as files, swapped in atomically."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys

from stories_service.publishing.static_export import export_static
from tests.conftest import ROOT
from tests.publishing.factories import publish_story


async def test_re_export_swaps_atomically(client, runtime, editor_token, tmp_path):
    await publish_story(client, runtime.cipher, editor_token, title="One")
    target = tmp_path / "site"
    env = runtime.templates.env
    await export_static(target, env, "https://x.example")
    first_version = os.readlink(target)
    await publish_story(client, runtime.cipher, editor_token, title="Two")
    reads: list[int] = []
    done = asyncio.Event()

    async def reader() -> None:
        while not done.is_set():
            reads.append(len(json.loads((target / "feed.json").read_bytes())["items"]))
            await asyncio.sleep(0)

    task = asyncio.create_task(reader())
    await export_static(target, env, "https://x.example")
    done.set()
    await task
    assert os.readlink(target) != first_version
    assert set(reads) <= {1, 2}  # always a whole feed, old or new, never a broken file
    assert len(json.loads((target / "feed.json").read_bytes())["items"]) == 2
    await export_static(target, env, "https://x.example")
    versions = [p for p in tmp_path.iterdir() if p.name.startswith(".site.v-")]
    assert versions == [tmp_path / os.readlink(target)]  # only the current one (finding 13)


async def test_the_command_line_exports(client, runtime, editor_token, backend, tmp_path):
    await publish_story(client, runtime.cipher, editor_token, title="From the CLI")
    env = {
        **os.environ,
        "STORIES_ENV": "test",
        "STORIES_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": backend.database_url,
        "STORIES_BASE_URL": "https://cdn.example.org",
    }
    result = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "stories_service.cli", "export-static", str(tmp_path / "out")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "exported" in result.stdout
    feed = json.loads((tmp_path / "out" / "feed.json").read_bytes())
    assert [i["title"] for i in feed["items"]] == ["From the CLI"]
    assert feed["items"][0]["url"].startswith("https://cdn.example.org/stories/")


async def test_a_server_with_an_export_dir_re_exports_after_each_change(
    client, runtime, editor_token, backend, tmp_path
):
    from tests.publishing.conftest import serving, wait_until

    target = tmp_path / "exported"

    def titles() -> list[str]:
        try:
            feed = json.loads((target / "feed.json").read_bytes())
        except FileNotFoundError:
            return []
        return [i["title"] for i in feed["items"]]

    async def exported(expected: list[str]) -> bool:
        return titles() == expected

    with serving(backend, tmp_path / "data", STORIES_EXPORT_DIR=str(target)):
        await wait_until(lambda: exported([]))
        await publish_story(client, runtime.cipher, editor_token, title="Exported on change")
        await wait_until(lambda: exported(["Exported on change"]))


async def test_two_exports_at_once_wait_for_each_other(client, runtime, editor_token, tmp_path):
    """The service's export and the command's may run together: neither removes the other's
    folder half-written, and DIR ends whole (the lock beside DIR)."""
    for title in ("One", "Two", "Three"):
        await publish_story(client, runtime.cipher, editor_token, title=title)
    target = tmp_path / "site"
    env = runtime.templates.env
    counts = await asyncio.gather(*(export_static(target, env, "https://x.example") for _ in "ab"))
    assert counts[0] == counts[1]
    files = [p for p in target.rglob("*") if p.is_file()]
    assert len(files) == counts[0]
    versions = [p for p in tmp_path.iterdir() if p.name.startswith(".site.v-")]
    assert versions == [tmp_path / os.readlink(target)]
    assert len(json.loads((target / "feed.json").read_bytes())["items"]) == 3
