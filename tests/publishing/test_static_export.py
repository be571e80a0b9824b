"""`stories-service export-static DIR`: the whole site as files, swapped in atomically."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import feedparser
import jsonschema

from stories_service.models import PublishedStory, Tombstone
from stories_service.publishing.static_export import export_static
from tests.conftest import ROOT, TEST_DATA
from tests.publishing.factories import publish_story

SCHEMA = json.loads((TEST_DATA / "jsonfeed" / "jsonfeed-1.1.schema.json").read_text())


async def test_export_writes_the_site_feeds_and_json(client, runtime, editor_token, tmp_path):
    stories = [
        await publish_story(client, runtime.cipher, editor_token, title=f"Story {i}")
        for i in range(23)
    ]
    gone = await PublishedStory.get(slug=stories[0]["slug"])
    await PublishedStory.filter(id=gone.id).delete()
    await Tombstone.create(slug=gone.slug, entry_id=gone.entry_id, withdrawn_at=datetime.now(UTC))
    target = tmp_path / "site"
    count = await export_static(target, runtime.templates.env, "https://stories.example.org")
    assert count > 25
    assert target.is_symlink()
    assert (target / "index.html").read_text().count('href="/stories/') == 20
    assert (target / "page" / "2" / "index.html").exists()
    story_page = (target / "stories" / stories[5]["slug"] / "index.html").read_text()
    assert "Story 5" in story_page
    tomb_page = (target / "stories" / gone.slug / "index.html").read_text()
    assert "Story 0" not in tomb_page and "no longer available" in tomb_page
    feed = json.loads((target / "feed.json").read_bytes())
    jsonschema.validate(feed, SCHEMA)
    assert feed["next_url"] == "https://stories.example.org/feed/2.json"
    second = json.loads((target / "feed" / "2.json").read_bytes())
    assert len(feed["items"]) + len(second["items"]) == 22
    atom = feedparser.parse((target / "feed.atom").read_bytes())
    assert not atom.bozo and len(atom.entries) == 20
    assert gone.entry_id in (target / "feed.atom").read_text()
    api = json.loads((target / "api" / "v1" / "stories" / "index.json").read_bytes())
    assert len(api["stories"]) == 20
    assert (target / "api" / "v1" / "stories" / f"{stories[3]['slug']}.json").exists()
    assert (target / "static" / "site.css").exists()


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
