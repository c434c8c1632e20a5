"""The word segmenter's helper process (text.words): rjieba loads its dictionary when it is
imported (0.08 s quiet, 0.44 G instructions), holding the interpreter's lock all the while,
so a thread of this process loading it would stop every other thread. A helper process of
its own, `python -I -S` importing only rjieba, loads it on another core instead, while this
process imports the rest of layout, reads the template and fonts and starts the make-up;
`word_lengths` then asks it over a pipe. `load_in_background()` starts it, once a process
(`layout render` first thing, before its modules are imported: cli/__init__.py;
`pipeline.load` once a manifest is read whose display text might break). Where no helper
can run (no interpreter to start, a pipe that breaks) rjieba is imported here, as before:
the words are rjieba's own cut either way.

This module imports only what starting the helper needs, so that it starts early.
"""
from __future__ import annotations

import atexit
import io
import os
import signal
import sys
import threading
from importlib.util import find_spec

# What the helper runs: rjieba from the folder it is installed in (argv[1]), then one
# text a line in (unicode_escape: a line break inside a text stays inside it), the
# lengths of its words a line out.
_HELPER_CODE = """\
import sys
sys.path.insert(0, sys.argv[1])
import rjieba
out = sys.stdout.buffer
for line in sys.stdin.buffer:
    words = rjieba.cut(line[:-1].decode("unicode_escape"))
    out.write(" ".join([str(len(w)) for w in words]).encode("ascii") + b"\\n")
    out.flush()
"""


class Helper:
    """The helper process `pid` of the process `owner` (a forked child starts its own),
    asked through the pipes `requests` and `answers`."""

    def __init__(self, pid: int, requests: io.BufferedWriter, answers: io.BufferedReader):
        self.pid, self.requests, self.answers = pid, requests, answers
        self.owner = os.getpid()
        self.lock = threading.Lock()
        self.ended = False

    def lengths(self, text: str) -> list[int]:
        """The lengths of the words of `text`, in order (OSError when the helper is gone:
        it could not import rjieba, or was stopped)."""
        with self.lock:
            self.requests.write(text.encode("unicode_escape") + b"\n")
            self.requests.flush()
            line = self.answers.readline()
        if not line.endswith(b"\n"):
            raise OSError("the segmenter's helper process stopped")
        return [int(n) for n in line.split()]

    def stop(self) -> None:
        """End the helper (at exit: it may still be loading, for nothing)."""
        if os.getpid() != self.owner or self.ended:
            return
        self.ended = True
        for pipe in (self.requests, self.answers):
            try:
                pipe.close()
            except OSError:
                pass
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass  # (gone already)
        os.waitpid(self.pid, 0)


_HERE: list = []  # rjieba imported into this process (segment_here)
_IN_PROCESS: list[bool] = []  # rjieba is to be imported here when first needed
_HELPERS: list[Helper] = []  # this process's helper, once started
_INHERITED: list[Helper] = []  # a parent's, held (not collected) in a forked child
_FAILED: list[bool] = []  # the helper failed: the segmenter is imported here
_STARTING = threading.Lock()  # (one helper, whichever thread asks first)


def load_in_background() -> None:
    """Start the segmenter's helper process, once a process (nothing when rjieba is not
    installed, or one failed: `word_ends` imports it here)."""
    with _STARTING:
        if not (_HELPERS or _FAILED or _IN_PROCESS):
            _start()


def segment_here() -> None:
    """Have this process import rjieba itself the first time it segments a text, and
    start no helper: a batch's worker, which makes page after page (the helper pays for
    itself only where its load overlaps the start of a one-page render; a worker would
    pay for a second interpreter and a pipe round trip a text)."""
    _IN_PROCESS.append(True)


def _start() -> None:
    """Spawn the helper (posix_spawn: no fork of this process, whose memory it would
    copy, and no import of the subprocess module on a render's way); none where
    there is no posix_spawn (Windows) or no rjieba."""
    spec = find_spec("rjieba")
    if spec is None or not spec.origin or not sys.executable or not hasattr(os, "posix_spawn"):
        _FAILED.append(True)
        return
    folder = os.path.dirname(os.path.dirname(spec.origin))
    theirs_in, requests = os.pipe()  # (not inherited, but as the child's 0 and 1)
    answers, theirs_out = os.pipe()
    try:
        pid = os.posix_spawn(sys.executable,
                             [sys.executable, "-I", "-S", "-c", _HELPER_CODE, folder],
                             os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, theirs_in, 0),
                                           (os.POSIX_SPAWN_DUP2, theirs_out, 1),
                                           (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
    except OSError:
        for fd in (theirs_in, requests, answers, theirs_out):
            os.close(fd)
        _FAILED.append(True)
        return
    os.close(theirs_in)
    os.close(theirs_out)
    helper = Helper(pid, os.fdopen(requests, "wb"), os.fdopen(answers, "rb"))
    _HELPERS.append(helper)
    atexit.register(helper.stop)


def _forked() -> None:
    """In a forked child: the parent's helper is the parent's (its pipes carry the
    parent's requests); the child starts its own when it needs one."""
    global _STARTING
    _STARTING = threading.Lock()  # (another thread may have held it through the fork)
    _INHERITED.extend(_HELPERS)
    _HELPERS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forked)


def word_lengths(text: str) -> list[int] | None:
    """rjieba's cut of `text` as lengths: from the helper, else from rjieba imported here
    (None: rjieba is not installed)."""
    if _IN_PROCESS and not _HERE:
        try:
            import rjieba  # noqa: PLC0415
        except ImportError:  # pragma: no cover - a platform without its wheel
            return None
        _HERE.append(rjieba)
    if _HERE:
        return [len(word) for word in _HERE[0].cut(text)]
    if not _FAILED:
        load_in_background()
    if _HELPERS:
        try:
            return _HELPERS[0].lengths(text)
        except (OSError, ValueError):
            _FAILED.append(True)
            _HELPERS.pop().stop()
    try:
        import rjieba  # noqa: PLC0415 (only where no helper could run)
    except ImportError:  # pragma: no cover - a platform without its wheel
        return None
    return [len(word) for word in rjieba.cut(text)]


