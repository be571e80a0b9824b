"""Database configuration, connection life cycle and migrations."""
