"""Local worker processes: warmed once, dying with the batch, handed a few jobs at a
time so that Ctrl-C finishes only the pages in flight."""
from __future__ import annotations

import gc
import os
import signal
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

from .digest import fonts_digest
from .jobs import Job, Outcome
from .outdir import LOCK_FDS
from .task import render_job


def _warm_worker(parent: int) -> None:
    """Each worker reads the font set and its digest once, before its first job; a face is
    parsed the first time a page uses it, and kept. Ctrl-C is the parent's to handle: it
    stops handing out jobs, and a worker finishes the page it is writing."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    with open(os.devnull, "rb") as null:  # the locks are the parent's alone: a worker
        # that outlived it must not keep the folder from the batch that resumes
        for fd in LOCK_FDS:
            os.dup2(null.fileno(), fd)
    fonts_digest()
    few_collections()


# A batch's process has the cyclic collector look at its young objects after this many more
# were made than freed, not Python's 700: a page's make-up and PDF make and free hundreds
# of thousands, so at 700 the collector ran ~18 times a page, each time walking what the
# page held then (8 ms of a page's ~90). A page leaves no reference cycles
# (tests/test_cycles.py): what the collector is still for (an error's traceback) waits.
YOUNG_COLLECTED_AFTER = 50_000


def few_collections() -> None:
    """What the process made so far (imports, the font set) moved out of the cyclic
    collector's walks for good (gc.freeze), and its young objects collected seldom."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTED_AFTER, *gc.get_threshold()[1:])


@contextmanager
def collecting_seldom() -> Iterator[None]:
    """`few_collections` while a batch runs in this process (-j 1), as it was after."""
    threshold = gc.get_threshold()
    few_collections()
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _die_with(parent: int) -> None:
    """Have the kernel kill this worker when its parent dies (Linux); elsewhere, or when
    the parent is already gone, the worker stops on its own."""
    try:
        import ctypes  # noqa: PLC0415

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # died before the line above took effect
        os._exit(1)


def local_outcomes(jobs: list[Job], workers: int, force: bool, allow_overflow: bool,
           strict: bool = False, output: str | None = None) -> Generator[Outcome, None, None]:
    if workers <= 1:  # in this process: Ctrl-C stays ours (no _warm_worker here)
        fonts_digest()
        with collecting_seldom():
            for job in jobs:
                yield render_job(job, force, allow_overflow, strict, output)
        return
    # Jobs are handed out a few at a time (two per worker in flight), so that a batch
    # stopped by Ctrl-C finishes at most those few pages, each written whole.
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker,
                               initargs=(os.getpid(),))
    waiting = iter(jobs)
    running: set = set()

    def hand_out() -> None:
        while len(running) < 2 * workers:
            job = next(waiting, None)
            if job is None:
                return
            running.add(pool.submit(render_job, job, force, allow_overflow, strict,
                                    output))

    try:
        hand_out()
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                running.remove(future)
                yield future.result()
            hand_out()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def max_workers() -> int:
    """Local worker processes at most: more than a few per core only costs memory."""
    return 4 * (os.cpu_count() or 1)
