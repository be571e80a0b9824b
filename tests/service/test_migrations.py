"""The migrations describe the models exactly: a model change without a migration fails here."""

from __future__ import annotations

from pathlib import Path

from tortoise.context import TortoiseContext
from tortoise.migrations.autodetector import MigrationAutodetector

from stories_service.db.config import tortoise_config


async def test_no_model_change_lacks_a_migration(tmp_path: Path) -> None:
    config = tortoise_config(f"sqlite://{tmp_path / 'check.sqlite3'}")
    async with TortoiseContext() as ctx:
        await ctx.init(config=config, init_connections=False)
        changes = await MigrationAutodetector(ctx.apps, config["apps"]).changes()
    pending = [str(getattr(change, "name", change)) for change in changes]
    assert pending == [], f"models changed without a migration: {pending} (run make migrations)"
