"""Backups, restores and the withdrawals re-applied after a restore (docs/deploy.md)."""
