"""Reading a live SQLite database's files as raw bytes, safely.

SQLite's locks are POSIX advisory locks, which a process loses on *every* descriptor of the file
as soon as it closes *any* descriptor of it. Opening the database file with plain ``open()`` in
the test process (where the app's connection lives) and closing it again silently drops the
app's locks; the next server process that closes its connection then believes it is the last
one and deletes the WAL under the app's feet ("disk I/O error", lost writes). So the bytes are
read by a child process, whose descriptors cannot touch this process's locks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_READ = "import sys; sys.stdout.buffer.write(open(sys.argv[1], 'rb').read())"


def read_bytes_elsewhere(path: Path) -> bytes:
    """The file's bytes, read by another process (b"" if it does not exist)."""
    if not path.exists():
        return b""
    done = subprocess.run(  # a fixed command on a test file
        [sys.executable, "-c", _READ, str(path)], capture_output=True, check=True, timeout=60
    )
    return done.stdout


def sqlite_bytes(path: Path) -> bytes:
    """The main database file and its WAL, as they are on disk now."""
    return read_bytes_elsewhere(path) + read_bytes_elsewhere(path.with_name(path.name + "-wal"))
