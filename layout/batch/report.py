"""A batch run: every job rendered (here, in worker processes or on Dask), one JSON line
per job in the report as it finishes, a progress line and a summary table."""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from ..errors import LayoutError
from .cluster import dask_outcomes
from .jobs import Job, Outcome
from .outdir import LOCK_FDS
from .workers import local_outcomes, max_workers


@dataclass
class Progress:
    """Counts of a running batch, drawn as one line on a terminal (or a line now and then
    when stderr is not one)."""

    total: int
    stream: TextIO = sys.stderr
    done: int = 0
    failed: int = 0
    skipped: int = 0
    pages: int = 0
    started: float = 0.0
    _last: float = 0.0

    def __post_init__(self) -> None:
        self.started = self._last = time.perf_counter()
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        self.pages += outcome.pages
        now = time.perf_counter()
        finished = self.done + self.failed + self.skipped
        if self.tty or now - self._last >= 5 or finished == self.total:
            self._last = now
            self.draw(now, finished)

    def draw(self, now: float, finished: int) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = finished / elapsed
        eta = (self.total - finished) / rate if rate else 0.0
        width = 24
        bar = "#" * round(width * finished / max(self.total, 1))
        line = (f"[{bar:<{width}}] {finished}/{self.total}  done {self.done}  failed "
                f"{self.failed}  skipped {self.skipped}  {self.pages / elapsed:.1f} pages/s  "
                f"ETA {eta:.0f}s")
        end = "" if self.tty and finished < self.total else "\n"
        print(("\r" if self.tty else "") + line, end=end, file=self.stream, flush=True)


def run_batch(jobs: list[Job], report: Path, workers: int | None = None, force: bool = False,
              allow_overflow: bool = False, dask: str | None = None,
              on_outcome: Callable[[Outcome], None] | None = None,
              strict: bool = False, output: str | None = None) -> list[Outcome]:
    """Render every job; write one JSON line per job to `report` as it finishes. `strict`:
    a page with a blank hole fails instead of being written; `output`: "screen", "print"
    or a PDF/X standard (None: each template's own `output:`)."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs), max_workers()))
    report.parent.mkdir(parents=True, exist_ok=True)
    outcomes: list[Outcome] = []
    source = (dask_outcomes(jobs, dask, force, allow_overflow, strict, output) if dask
              else local_outcomes(jobs, workers, force, allow_overflow, strict, output))
    # closing(): when the loop stops early (Ctrl-C), the source stops handing out jobs now
    with open(report, "a", encoding="utf-8") as log, contextlib.closing(source):
        try:
            fcntl.flock(log, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LayoutError("another layout batch is writing this report", report,
                              hint="give each batch its own --report") from None
        if report.is_file():
            log.truncate(0)
        LOCK_FDS.add(log.fileno())
        try:
            for outcome in source:
                log.write(_json_line(asdict(outcome)) + "\n")
                log.flush()
                outcomes.append(outcome)
                if on_outcome:
                    on_outcome(outcome)
        finally:
            LOCK_FDS.discard(log.fileno())
            fcntl.flock(log, fcntl.LOCK_UN)  # (also for the workers still winding down)
    return outcomes


def _json_line(record: dict) -> str:
    """One report line; a file name that is not UTF-8 (its bytes kept by Python as lone
    surrogates) is written \\u-escaped, valid JSON, never stopping the batch."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line


def summary(outcomes: list[Outcome], seconds: float) -> str:
    """A table of the batch's result, failures listed."""
    counts = {status: sum(1 for o in outcomes if o.status == status)
              for status in ("done", "skipped", "failed")}
    pages = sum(o.pages for o in outcomes)
    rows = [("manifests", len(outcomes)), *counts.items(), ("pages written", pages),
            ("seconds", f"{seconds:.1f}"),
            ("pages/s", f"{pages / seconds:.1f}" if seconds else "-")]
    width = max(len(name) for name, _ in rows)
    text = "\n".join(f"  {name:<{width}}  {value}" for name, value in rows)
    failures = [o for o in outcomes if o.status == "failed"]
    if failures:
        text += "\nfailed:\n" + "\n".join(f"  {o.input}: {o.error}" for o in failures)
    return text
