"""The folder in which several workers share their counts (prometheus-client's multiprocess
mode), prepared by ``stories-service serve`` before the workers start."""

from __future__ import annotations

import os
from pathlib import Path

MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"


def prepare_multiprocess_dir(path: Path) -> Path:
    """Create ``path`` (owner only) and empty it of an earlier run's files: the counts of
    processes that no longer run would otherwise be added to the new ones for ever.

    The files of this process stay: with one worker, this process serves, and it has opened
    its files already if prometheus-client was imported with the variable set."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    own = f"_{os.getpid()}.db"
    for stale in path.glob("*.db"):
        if not stale.name.endswith(own):
            stale.unlink()
    return path
