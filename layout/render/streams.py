"""The PDF's streams, Flate-compressed: what a render keeps for the next (`Kept`), and the
compression of the large streams (each font subset, each page's content) handed to a
thread of its own as soon as the stream is made, while the writer goes on making the
others: zlib lets go of the interpreter's lock while it compresses, so on a machine with
a core to spare the compression is done beside the rest of the writing rather than after
it (on a busy one it costs what it did). A writer that comes to a stream not yet begun
compresses it itself, and one that would wait for the stream being compressed compresses
the streams queued after it meanwhile: no core waits while there is a stream to compress.
While a render writes, the interpreter hands its lock over within `HAND_OVER` seconds to a
thread that asks for it (`hand_over`), rather than Python's 5 ms: the compression thread
needs the lock for a moment to take each stream and to give each back, and a writer busy
in Python (painting a page, formatting objects) held it that long each time, the thread
idle meanwhile.
Each stream is compressed by one `zlib.compress(data)` call, as reportlab's own filter
does: the same bytes, threads or not, whichever thread.
"""
from __future__ import annotations

import contextlib
import os
import queue
import sys
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
# (a text started before it is written, `start_text`: the thread is busy then anyway)
TEXT_LEAST = 1_024
# The interpreter's switch interval while a render writes (`hand_over`): an edit under
# --watch compresses 2-7 streams; its font subsets started as the page is coded waited
# for the lock till the writer let go of it (often at the save, 2-5 ms later).
HAND_OVER = 0.0002


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
    """One stream to compress, by whichever thread claims it first (the compression
    thread, or the writer that would otherwise wait for it); done when its lock is
    released."""

    def __init__(self, data: bytes):
        self.data = data
        self.result = b""
        self.done = threading.Lock()
        self.done.acquire()
        self._claim = threading.Lock()  # (held by the thread that compresses it)

    def claim(self) -> bool:
        """Take it to compress (`compress`), unless another thread has it."""
        return self._claim.acquire(blocking=False)

    def compress(self) -> None:
        """Compress it (claimed)."""
        self.result = zlib.compress(self.data)
        self.done.release()

    def run(self) -> bool:
        """Compress it here, unless another thread has it: whether this one did."""
        if not self.claim():
            return False
        self.compress()
        return True

    def finished(self) -> bool:
        return not self.done.locked()

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
            jobs.get().run()  # (one the writer took meanwhile is passed by)


_COMPRESSOR = _Compressor()


class Writing:
    """A render in progress: the streams being compressed, and what it keeps (`kept`)."""

    def __init__(self, kept: Kept | None):
        self.kept = kept
        # by the stream's id (its compression holds it): a page's streams are a megabyte or
        # two, hashed for nothing where nothing is kept by content
        self._running: dict[int, _Compression] = {}
        self.objects: dict = {}  # the objects it wrote that the next render may write again
        self._texts: dict[int, tuple[str, bytes]] = {}  # (`start_text`, by the text's id)

    def start(self, data: bytes, least: int = THREADED_LEAST) -> None:
        """Have `data` compressed beside the writing (a large stream not kept before: of
        `least` bytes or more)."""
        if (len(data) < least or id(data) in self._running
                or self.kept is not None and data in self.kept.streams):
            return
        compression = self._running[id(data)] = _Compression(data)
        _COMPRESSOR.put(compression)

    def start_text(self, text: str) -> None:
        """Have the stream written of `text` (a font subset's ToUnicode map, made before
        the document is saved) compressed beside the writing, as its bytes are when
        written (`encoded`)."""
        if id(text) not in self._texts:
            data = text.encode("utf8")
            self._texts[id(text)] = (text, data)
            self.start(data, TEXT_LEAST)

    def encoded(self, text: str) -> bytes:
        """`text` as the stream's bytes: those `start_text` started, where it was."""
        found = self._texts.get(id(text))
        return found[1] if found is not None and found[0] is text else text.encode("utf8")

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
            if not compression.run():  # (not begun: compressed here, rather than waited
                self._help(compression)  # for; being compressed: the others meanwhile)
            found = compression.join()
        if kept is not None:
            kept.streams[data] = found
            kept.used.add(data)
        return found

    def _help(self, awaited: _Compression) -> None:
        """While the compression thread compresses the stream the writer waits for
        (`awaited`), compress those started after it that it has not begun, the last
        first (the writer asks for them in about the order they were started)."""
        for compression in reversed(list(self._running.values())):
            if awaited.finished():
                return
            compression.run()

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
            compression.run()
            compression.join()
        self._running.clear()


class _HandOver:
    """The interpreter's switch interval shortened to `HAND_OVER` while any thread writes
    a render (`hand_over`), and put back as it was when the last one ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._writing = 0
        self._before = 0.0

    @contextlib.contextmanager
    def shortened(self) -> Iterator[None]:
        with self._lock:
            if not self._writing:
                self._before = sys.getswitchinterval()
                sys.setswitchinterval(min(self._before, HAND_OVER))
            self._writing += 1
        try:
            yield
        finally:
            with self._lock:
                self._writing -= 1
                if not self._writing:
                    sys.setswitchinterval(self._before)


hand_over = _HandOver().shortened


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
    with hand_over():
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
        return render.compressed(render.encoded(text) if isinstance(text, str) else text)


pdfdoc.PDFZCompress = _Flate()
# Streams are written binary (Flate only): ASCII85 on top makes them a quarter larger and
# the writer slower, and no reader needs 7-bit PDF any more.
rl_config.useA85 = 0
