"""A PostgreSQL server of the test's own (its own folder and port, trust auth) that it may stop,
restart and kill, for the fault tests. Always reaped, whatever happens in the block.

PostgreSQL refuses to run as root: as root, the folder belongs to ``postgres`` and every
command runs through ``runuser -u postgres``. The binaries come from
``/usr/lib/postgresql/<version>/bin`` (the newest version there), or ``pg_config --bindir``.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.servers import free_port

COMMAND_TIMEOUT = 60.0


def postgres_bin_dir() -> Path | None:
    """Where initdb and pg_ctl are, or None when PostgreSQL is not installed."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda path: (
            int(Path(path).parent.parent.name) if Path(path).parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return Path(found[-1]).parent
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        candidate = Path(out.stdout.strip())
        if (candidate / "pg_ctl").exists():
            return candidate
    return None


@dataclass
class PrivatePostgres:
    bin_dir: Path
    folder: Path
    port: int
    as_postgres: bool

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=COMMAND_TIMEOUT, check=False
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({result.returncode}):\n{result.stderr[-2000:]}")
        return result

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"),
            "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    def reap(self) -> None:
        """Stop the server however it is (immediate shutdown, then SIGKILL of the postmaster)."""
        if self.running():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        pid_file = self.data / "postmaster.pid"
        if pid_file.exists():
            with contextlib.suppress(ValueError, ProcessLookupError, OSError):
                os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)


@contextlib.contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    """initdb into a fresh folder, start on a free loopback port, yield; always stop and
    remove it afterwards. Raises LookupError when PostgreSQL is not installed."""
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        raise LookupError("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
    as_postgres = os.geteuid() == 0
    # Not under pytest's tmp_path: its parents are private to root, and the server runs as
    # the postgres user.
    folder = Path(tempfile.mkdtemp(prefix="hs-private-pg-"))
    try:
        if as_postgres:
            shutil.chown(folder, user="postgres", group="postgres")
        server = PrivatePostgres(bin_dir, folder, free_port(), as_postgres)
        server.init()
        server.start()
        try:
            yield server
        finally:
            server.reap()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
