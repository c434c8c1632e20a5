"""The PDF's streams, Flate-compressed: what a render keeps for the next (`Kept`), and the
compression of the large streams (each font subset, each page's content) handed to a
thread of its own as soon as the stream is made, while the writer goes on making the
others: zlib lets go of the interpreter's lock while it compresses, so on a machine with
a core to spare the compression is done beside the rest of the writing rather than after
it (on a busy one it costs what it did). Each stream is compressed by one
`zlib.compress(data)` call, as reportlab's own filter does: the same bytes, threads or not.
"""
from __future__ import annotations

import contextlib
import os
import queue
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

from ..fonts import FontSet
from .runs import LineRuns

# A stream shorter than this is compressed where it is written: a thread costs more.
THREADED_LEAST = 16_384


@dataclass
class Kept:
    """What a process that renders the same pages again (`render --watch`) keeps from one
    render for the next, by content, so that the same content gives the same bytes
    without being made again: each font subset (by face and characters) and each stream
    compressed (by its bytes), and the code each character is painted with (`render.runs`:
    by face, size, character and advance), each line's runs and painted text
    (`render.runs.LineRuns`), and each font subset's objects as written, by all they are
    made from and their numbers (`render.objects`). What the last render did not use is
    let go."""

    subsets: dict = field(default_factory=dict)
    streams: dict = field(default_factory=dict)
    codes: dict = field(default_factory=dict)
    fonts: FontSet | None = None  # the font set the codes are of
    lines: LineRuns = field(default_factory=LineRuns)  # each line's runs (of those codes)
    objects: dict = field(default_factory=dict)  # subsets' objects written (render.objects)
    objects_kept: int = 0  # (objects written as the last render wrote them: for tests)
    used: set = field(default_factory=set)

    def forget_unused(self) -> None:
        self.streams = {k: v for k, v in self.streams.items() if k in self.used}
        self.used = set()


class _Compression:
    """One stream to compress, done when its lock is released."""

    def __init__(self, data: bytes):
        self.data = data
        self.result = b""
        self.done = threading.Lock()
        self.done.acquire()

    def join(self) -> bytes:
        with self.done:
            return self.result


class _Compressor:
    """One thread a process that compresses what it is handed, in turn (started on first
    use: starting a thread for each stream would cost a wait for the scheduler each)."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[_Compression] = queue.SimpleQueue()
        self._owner = 0  # the process whose thread it is (a forked child starts its own)

    def put(self, compression: _Compression) -> None:
        if self._owner != os.getpid():
            self._queue = queue.SimpleQueue()
            threading.Thread(target=self._run, args=(self._queue,), name="layout-flate",
                             daemon=True).start()
            self._owner = os.getpid()
        self._queue.put(compression)

    @staticmethod
    def _run(jobs: queue.SimpleQueue) -> None:
        while True:
            compression = jobs.get()
            compression.result = zlib.compress(compression.data)
            compression.done.release()


_COMPRESSOR = _Compressor()


class Writing:
    """A render in progress: the streams being compressed, and what it keeps (`kept`)."""

    def __init__(self, kept: Kept | None):
        self.kept = kept
        # by the stream's id (its compression holds it): a page's streams are a megabyte or
        # two, hashed for nothing where nothing is kept by content
        self._running: dict[int, _Compression] = {}
        self.objects: dict = {}  # the objects it wrote that the next render may write again

    def start(self, data: bytes) -> None:
        """Have `data` compressed beside the writing (a large stream not kept before)."""
        if (len(data) < THREADED_LEAST or id(data) in self._running
                or self.kept is not None and data in self.kept.streams):
            return
        compression = self._running[id(data)] = _Compression(data)
        _COMPRESSOR.put(compression)

    def compressed(self, data: bytes) -> bytes:
        """`data` compressed: kept, compressed on its thread, or compressed now."""
        kept = self.kept
        if kept is not None:
            found = kept.streams.get(data)
            if found is not None:
                kept.used.add(data)
                return found
        compression = self._running.get(id(data))
        if compression is None or compression.data is not data:  # (an equal copy: made
            found = zlib.compress(data)  # again; reportlab's own call)
        else:
            del self._running[id(data)]
            found = compression.join()
        if kept is not None:
            kept.streams[data] = found
            kept.used.add(data)
        return found

    def keep(self, data: bytes) -> None:
        """Keep `data` compressed for the next render, as if compressed in this one (an
        object written as the last render wrote it holds it: a font subset the next render
        makes again is not compressed again)."""
        kept = self.kept
        if kept is not None and data in kept.streams:
            kept.used.add(data)

    def finish(self) -> None:
        """Wait for what is still compressing (a render that failed half way)."""
        for compression in self._running.values():
            compression.join()
        self._running.clear()


class _Renders(threading.local):
    """The renders in progress on a thread (the innermost last)."""

    def __init__(self) -> None:
        self.stack: list[Writing] = []


_RENDERS = _Renders()


@contextlib.contextmanager
def writing(kept: Kept | None) -> Iterator[Writing]:
    """A render's streams, compressed through a `Writing` while it lasts."""
    render = Writing(kept)
    _RENDERS.stack.append(render)
    try:
        yield render
    finally:
        _RENDERS.stack.pop()
        render.finish()
        if kept is not None:
            kept.forget_unused()
            kept.objects = render.objects


def current() -> Writing | None:
    """The render in progress on this thread (the innermost), None outside one."""
    stack = _RENDERS.stack
    return stack[-1] if stack else None


class _Flate(type(pdfdoc.PDFZCompress)):  # type: ignore[misc]
    """reportlab's Flate filter, through the render's `Writing`."""

    def encode(self, text):
        render = current()
        if render is None:
            return super().encode(text)
        return render.compressed(text.encode("utf8") if isinstance(text, str) else text)


pdfdoc.PDFZCompress = _Flate()
# Streams are written binary (Flate only): ASCII85 on top makes them a quarter larger and
# the writer slower, and no reader needs 7-bit PDF any more.
rl_config.useA85 = 0
