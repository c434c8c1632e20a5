"""The batch's output folder and report: refused before any work when they would
overwrite an input or each other; the folder locked while a batch writes there."""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import LayoutError
from ..output import alive, refuse_clashes
from .jobs import Job

LOCK_NAME = ".layout-batch.lock"  # in OUTDIR while a batch writes there
# The descriptors of the locks this batch holds (the folder's, the report's): a forked
# worker lets go of them, so that they die with the batch, whatever becomes of it.
LOCK_FDS: set[int] = set()


def check_batch_outputs(paths: Iterable[Path], jobs: list[Job], outdir: Path,
                        report: Path) -> None:
    """Refuse, before any work, an OUTDIR that is a file, a report that is a folder, and a
    report or PDF that would overwrite an input (a manifest, a list) or another output."""
    if outdir.exists() and not outdir.is_dir():
        raise LayoutError("the output folder (-o) is a file", outdir,
                          hint="give a folder (it is made when missing)")
    if report.is_dir() or os.path.abspath(report) == os.path.abspath(outdir):
        raise LayoutError("the report (--report) is a folder", report,
                          hint="give a file name, e.g. report.jsonl")
    if report.is_file() and not _is_report(report):
        raise LayoutError("the report (--report) would overwrite this file, which is not a "
                          "batch's report", report,
                          hint="give a new file name, e.g. report.jsonl")
    inputs = [Path(p) for p in paths if not Path(p).is_dir()] + [job.manifest for job in jobs]
    refuse_clashes([(report, "report"), *((job.output, "PDF") for job in jobs),
                    *((job.output.with_suffix(".yaml"), "manifest") for job in jobs
                      if job.imported)], inputs)


def _is_report(path: Path) -> bool:
    """An empty file or one whose first line is a batch report's (JSON with its keys)."""
    try:
        with open(path, "rb") as handle:
            first = handle.readline(1 << 20)
        if not first.strip():
            return True
        line = json.loads(first)
    except (OSError, ValueError):
        return False
    return isinstance(line, dict) and {"input", "output", "status"} <= set(line)


@contextlib.contextmanager
def locked_outdir(outdir: Path) -> Iterator[None]:
    """Hold OUTDIR for this batch: a second batch into the same folder is refused (it would
    overwrite the report and race for the same PDFs) rather than run alongside."""
    outdir.mkdir(parents=True, exist_ok=True)
    with open(outdir / LOCK_NAME, "a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            pid = holder.rpartition(" ")[2]
            # held, but by what a killed batch left (a worker of a process that is gone):
            # taken over
            if not (pid.isdigit() and not alive(int(pid))):
                raise LayoutError(f"another layout batch ({holder}) is writing into this "
                                  "folder", outdir, hint="wait for it to finish, or give "
                                                         "another -o folder") from None
        LOCK_FDS.add(lock.fileno())
        lock.seek(0)
        lock.truncate()
        lock.write(f"process {os.getpid()}\n")
        lock.flush()
        try:
            yield
        finally:
            LOCK_FDS.discard(lock.fileno())
            lock.seek(0)
            lock.truncate()
            fcntl.flock(lock, fcntl.LOCK_UN)
