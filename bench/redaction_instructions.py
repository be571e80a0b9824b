"""Instructions executed by one cold detect() pass over each evaluation set, under callgrind.

Run: python -m bench.redaction_instructions [--sets a,b,s] [--keep DIR]

Sets: (a) Presidio's, (b) the older generated stories, (s) the 20 KB story of the budget
(``bench.redaction``'s "one 20 KB story"), measured on its second pass as the budget is.

With --keep, callgrind's output of each set is kept as DIR/callgrind.<set>.out (per-function
counts: callgrind_annotate DIR/callgrind.a.out).

CPU time on a shared machine drifts by up to 2x within an hour; the instruction count of the
same pass does not (it is the same within a fraction of a percent from run to run), so it is the
figure to compare two versions of the engine with. It needs valgrind (Debian's package). Each
set takes about two minutes: warm_up() runs uninstrumented, then the controller switches
callgrind's instrumentation on for the detect() pass only.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _target(which: str, folder: Path) -> None:
    """The measured process: warm up, wait for the go file, one cold pass, wait for exit."""
    from moderation.redaction import detect, warm_up

    from .redaction import budget_story, load_presidio
    from .redaction_corpus import generate

    docs: list[tuple[str, tuple[str, ...], str | None]]
    if which == "a":
        docs = [(t, (), "en") for t, _, _ in load_presidio()]
    elif which == "s":
        docs = [(budget_story(), (), None)]
    else:
        docs = [(s.text, tuple(s.never_appear), s.language) for s in generate()]
    warm_up()
    if which == "s":
        detect(docs[0][0])  # the budget's figure is a warm pass: the median of five
    gc.collect()
    (folder / "ready").write_text(str(os.getpid()))
    _wait_for(folder / "go")
    for text, never, lang in docs:
        detect(text, never_appear=never, language=lang)
    (folder / "done").write_text(str(sum(len(t.encode()) for t, _, _ in docs)))
    _wait_for(folder / "exit")


def _wait_for(path: Path) -> None:
    while not path.exists():
        time.sleep(0.05)


def measure(which: str, keep: Path | None = None) -> tuple[int, int]:
    """(instructions, bytes of text) of one cold pass over set `which`."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "callgrind.out"
        command = [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={out}",
            sys.executable,
            "-m",
            "bench.redaction_instructions",
            "--target",
            which,
            str(folder),
        ]
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            _wait_for(folder / "ready")
            pid = (folder / "ready").read_text()
            subprocess.run(["callgrind_control", "-i", "on", pid], check=True, capture_output=True)
            (folder / "go").touch()
            _wait_for(folder / "done")
            subprocess.run(["callgrind_control", "-i", "off", pid], check=True, capture_output=True)
            (folder / "exit").touch()
            process.wait(timeout=120)
        finally:
            if process.poll() is None:
                process.kill()
            process.wait()
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out, keep / f"callgrind.{which}.out")
        totals = re.search(r"^totals: (\d+)", out.read_text(), re.MULTILINE)
        assert totals is not None, "callgrind wrote no totals"
        return int(totals.group(1)), int((folder / "done").read_text())


def main() -> None:
    """Print the instruction count of each set's cold pass, and per byte."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default="a,b")
    parser.add_argument("--keep", type=Path, help="keep callgrind's output in this folder")
    parser.add_argument("--target", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.target:
        _target(args.target[0], Path(args.target[1]))
        return
    for which in args.sets.split(","):
        instructions, size = measure(which, args.keep)
        print(
            f"set ({which}): {instructions / 1e6:,.0f} M instructions for {size:,} bytes "
            f"({instructions / size:,.0f} per byte)"
        )


if __name__ == "__main__":
    main()
