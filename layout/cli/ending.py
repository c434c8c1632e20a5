"""The end of the `layout` program (`cli.run`): once a command is done, the process exits
without Python's teardown.

At a normal exit Python takes down every module the command imported, object by object, and
runs the cyclic collector over what is left: ~40 M instructions after a one-page `layout
render`, ~5 % of its whole process (cachegrind), for memory the system takes back anyway.
`ended` does what an exit must do here (the `atexit` functions, the standard streams
flushed, the exit status `sys.exit` was given) and ends the process with `os._exit`. It
leaves the exit to Python (returns) when anything could still need the teardown: a thread
that is not a daemon still running (Python would wait for it), or a standard stream that
cannot be flushed (a closed pipe: Python says so and exits with 120), or an exit with
a message rather than a number.
"""
from __future__ import annotations

import atexit
import os
import sys
import threading


def ended(done: SystemExit) -> None:
    """End the process now with `done`'s status, or return (Python exits as usual)."""
    if any(thread.is_alive() and not thread.daemon for thread in threading.enumerate()
           if thread is not threading.main_thread()):
        return
    status = 0 if done.code is None else done.code
    if not isinstance(status, int):  # (sys.exit("message"): Python says it)
        return
    atexit._run_exitfuncs()  # noqa: SLF001 (what Python runs at exit; none in a render)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return  # (Python's own exit says what could not be written)
    os._exit(status)
