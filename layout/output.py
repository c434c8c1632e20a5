"""Writing what a run makes without ever losing a file.

* An output may never be one of the run's inputs (the manifest, its templates, its
  pictures) nor another output of the same run: `refuse_clashes` says so before any work.
* A regular file (or a missing path) is replaced atomically: a temporary file in the same
  folder, renamed over it, so the path holds the old file or the whole new one. A symlink is
  followed (its target is replaced, the link stays). A device, FIFO or socket (`/dev/null`,
  `/dev/stdout`) is written into as it is, never replaced by a regular file; `-` is standard
  output.
* Temporary files carry their host and process id; one left by a process that no longer runs
  on this host (a killed render) is removed by the next write of the same file, and never one
  that belongs to a live process (another batch writing into the same folder). Only names
  of exactly that shape are ever removed: a user's own `.page.pdf.notes.tmp` stays.
"""
from __future__ import annotations

import os
import platform
import re
import stat
import sys
import tempfile
from pathlib import Path

from .errors import LayoutError

STDOUT = "-"  # the output name that means standard output
# What write_atomically names its temporary files after the target's: host-pid, then the
# random part mkstemp adds (8 of [a-z0-9_]).
_TEMPORARY = re.compile(r"(?P<host>[A-Za-z0-9_-]*)-(?P<pid>[0-9]+)\.[a-z0-9_]{8}\.tmp")


def is_stdout(path: Path | str) -> bool:
    return str(path) == STDOUT


def _identity(path: Path) -> tuple:
    """What makes two paths the same file: the resolved path, and the inode when it exists
    (a hard link has another name but the same inode)."""
    real = os.path.realpath(path)
    try:
        info = os.stat(real)
        return (real, (info.st_dev, info.st_ino))
    except OSError:
        return (real, None)


def refuse_clashes(outputs: list[tuple[Path, str]], inputs: list[Path]) -> None:
    """Raise when an output (path, what it is) would overwrite an input or another output
    of the same run."""
    known: list[tuple[tuple, str]] = []
    for path in inputs:
        known.append((_identity(Path(path)), f"the input {path}"))
    for path, what in outputs:
        if is_stdout(path):
            continue
        real, inode = _identity(Path(path))
        for (other_real, other_inode), name in known:
            if real == other_real or (inode is not None and inode == other_inode):
                raise LayoutError(f"the {what} {path} would overwrite {name}",
                                  hint="choose another output path (-o); an output is never "
                                       "one of the page's files")
        known.append(((real, inode), f"the {what} of this run"))


def _host() -> str:
    # (platform.node: the host name socket.gethostname gives, without importing socket,
    # 1 % of a one-page render's instructions)
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in platform.node())[:40]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed process not yet reaped by its parent is a zombie: gone all the same
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as info:
            return info.read().rpartition(")")[2].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return True


def remove_stale_temporaries(target: Path) -> None:
    """Remove temporary files left beside `target` by processes of this host that are gone;
    leave those of running processes alone, and every name this module did not make."""
    host = _host()
    prefix = f".{target.name}."
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not name.startswith(prefix):
            continue
        made = _TEMPORARY.fullmatch(name[len(prefix):])
        if made is None or made["host"] != host or alive(int(made["pid"])):
            continue
        try:
            entry.unlink()
        except OSError:
            pass


def write_atomically(path: Path | str, data: bytes) -> None:
    """Write `data` to `path` so that it holds the old content or all of the new, never a
    part; `-` writes to standard output, a device or FIFO is written into as it is."""
    if is_stdout(path):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    real = Path(os.path.realpath(path))
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "it is a folder", str(path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(real, "wb") as out:  # /dev/null, a FIFO, a terminal: never replaced
            out.write(data)
        return
    remove_stale_temporaries(real)
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.{_host()}-{os.getpid()}.", suffix=".tmp",
                               dir=real.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
