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
        _refuse_other_kind(Path(path), what)
        known.append(((real, inode), f"the {what} of this run"))


# what a file of each kind of output starts with: a file there that does not is somebody's
# other work (a text, a manifest), never written over by a render
_MAGIC = {"PDF": b"%PDF-", "PNG": b"\x89PNG"}


def _refuse_other_kind(path: Path, what: str) -> None:
    """Refuse a PDF or PNG output where a file of another kind is (`-o story.txt`), and a
    manifest written under a PDF's or picture's name (`import -o page.pdf`)."""
    if what == "manifest" and path.suffix.lower() in (".pdf", ".png"):
        raise LayoutError(f"{path}: a manifest is YAML, not a {path.suffix[1:].upper()}",
                          hint=f"write it as {path.with_suffix('.yaml').name} (-o)")
    kind = next((k for k in _MAGIC if k in what), None)
    if kind is None or not path.is_file():  # (a device, a FIFO, nothing yet: written)
        return
    try:
        with open(path, "rb") as f:
            head = f.read(len(_MAGIC[kind]))
    except OSError:
        return  # (the write says what is wrong)
    if head and head != _MAGIC[kind]:
        raise LayoutError(f"{path} is there and is not a {kind}: it is kept, and the "
                          f"{what} is not written over it",
                          hint="choose another output path (-o), or move that file away")


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
    try:  # (the names alone: a batch's folder holds thousands of files, read at each write)
        names = [n for n in os.listdir(target.parent) if n.startswith(prefix)]
    except OSError:
        return
    for name in names:
        made = _TEMPORARY.fullmatch(name[len(prefix):])
        if made is None or made["host"] != host or alive(int(made["pid"])):
            continue
        try:
            (target.parent / name).unlink()
        except OSError:
            pass


def write_atomically(path: Path | str, data: bytes, durable: bool = True) -> None:
    """Write `data` to `path` so that it holds the old content or all of the new, never a
    part; `-` writes to standard output, a device or FIFO is written into as it is.
    `durable`: on the disk before it replaces the old (fsync); a file whose loss in a crash
    costs nothing but work done again (a batch's digest beside its PDF) need not wait."""
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
            if durable:
                os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
