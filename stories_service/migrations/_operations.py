"""Migration operations of our own. The loader skips this module (its name starts with ``_``)."""

from __future__ import annotations

from typing import Any

from tortoise.migrations import operations as ops


class DropColumn(ops.RemoveField):
    """``RemoveField`` as a plain ``ALTER TABLE … DROP COLUMN`` (SQLite 3.35+, PostgreSQL).

    On SQLite, Tortoise's own ``RemoveField`` copies the table and drops the old one; with
    foreign keys on, dropping ``submissions`` deletes every consent record and revision through
    their ``ON DELETE CASCADE`` (and the copy loses the table's triggers).
    """

    async def database_forward(
        self, app_label: str, old_state: Any, new_state: Any, state_editor: Any = None
    ) -> None:
        if not state_editor:
            return
        model = old_state.apps.get_model(f"{app_label}.{self.model_name}")
        field = model._meta.fields_map[self.name]
        column = field.source_field or field.model_field_name
        await state_editor.client.execute_script(
            f'ALTER TABLE "{model._meta.db_table}" DROP COLUMN "{column}"'
        )
