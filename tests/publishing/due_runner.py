"""Run the scheduler step once in its own process (a second worker or host), print the slugs."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import datetime
from pathlib import Path

from stories_service.crypto import FieldCipher
from stories_service.db.lifecycle import close_database, open_database
from stories_service.publishing.publisher import publish_due_stories
from stories_service.redaction_warm_up import engine_ready
from stories_service.settings import parse_encryption_keys


async def main(database_url: str, key: str, now: str) -> None:
    # As the app's start-up does, before any job runs (the test run's cache folder, which the
    # test process set: tests/conftest.py).
    await engine_ready(Path(os.environ["STORIES_CACHE_DIR"]))
    await open_database(database_url)
    try:
        cipher = FieldCipher(parse_encryption_keys(key))
        slugs = await publish_due_stories(
            cipher, "http://testserver", now=datetime.fromisoformat(now)
        )
    finally:
        await close_database()
    print(json.dumps(slugs))


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
