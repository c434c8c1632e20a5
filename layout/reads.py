"""A page's files read once: the digest of what a load parsed, not of the file read again.

`read_file` reads a file's bytes (the manifest, a template, a body's text file: source.py,
templates.py, manifest/blocks.py read through it). While a `recorded()` block runs (in this
thread), the sha256 of every file read in it is kept, by the path it was read as: a batch
job takes its page's digest from the bytes the page was made from (batch/digest.py), so a
file saved between the reading and the digest cannot have its new digest recorded beside
a PDF made from the old text. templates.py keys its cache of parsed templates by the same
digests, so a template is parsed again exactly when its bytes changed.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

# The record of a file read twice that changed in between: a digest no file has.
CHANGED = "changed while it was read"

# the records open in this thread (a `recorded()` within another records into both)
_RECORDS: ContextVar[tuple[dict[Path, str], ...]] = ContextVar("_RECORDS", default=())


def digest(data: bytes) -> str:
    """The digest a file's bytes are known by (sha256, hex): the one digest of a file's
    content the package takes (`file_digest` reads the file for it)."""
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    """`digest` of the file's bytes, read a megabyte at a time (a picture may be large);
    OSError as open and read raise it. Not recorded: what a load parsed is `read_file`'s."""
    found = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            found.update(block)
    return found.hexdigest()


def read_file(path: Path, limit: int = -1) -> bytes:
    """The file's bytes (at most `limit`, when given); OSError as open and read raise it.
    Recorded by the open `recorded()` blocks."""
    with open(path, "rb") as handle:
        data = handle.read(limit)
    records = _RECORDS.get()
    if records:
        known = digest(data)
        for record in records:
            if record.setdefault(path, known) != known:
                record[path] = CHANGED
    return data


@contextmanager
def recorded() -> Iterator[dict[Path, str]]:
    """The digest of every file `read_file` reads within the block, by path (a file read
    twice that changed in between: CHANGED)."""
    record: dict[Path, str] = {}
    token = _RECORDS.set((*_RECORDS.get(), record))
    try:
        yield record
    finally:
        _RECORDS.reset(token)
