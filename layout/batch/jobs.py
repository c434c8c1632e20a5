"""A batch's jobs: the manifests (or page texts) given, found in folders or named by
list files, each with the PDF it makes; and what became of each (`Outcome`)."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import LayoutError
from ..frozen import frozen

DIGEST_SUFFIX = ".inputs"  # beside each PDF: the digest of what it was made from
LIST_SUFFIXES = (".txt", ".list")  # a file naming one manifest per line


@frozen
class Job:
    """One manifest (or, imported, a page's raw text) to render, and where its PDF goes;
    an imported page's manifest goes beside the PDF (.yaml)."""

    manifest: Path
    output: Path
    imported: bool = False


@frozen
class Outcome:
    """What became of a job: one line of the report."""

    input: str
    output: str
    status: str  # done, skipped or failed
    pages: int
    seconds: float
    error: str | None
    memory_mb: float  # peak resident memory of the process that rendered it so far
    holes: tuple[str, ...] = ()  # blank holes (天窗) the page has
    overflow: int = 0  # characters that did not fit
    fit: tuple[str, ...] = ()  # per article: its room, what it holds, what to add or cut
    unsure: tuple[str, ...] = ()  # an imported page: what the import decided unsure
    manifest: str | None = None  # an imported page: the manifest it made


def collect(paths: Iterable[Path], outdir: Path, imported: bool = False) -> list[Job]:
    """Jobs for manifest files, folders (searched recursively for *.yaml) and list files
    (.txt/.list, one path per line, relative to the list). `imported`: the inputs are
    pages' raw texts (.txt files, folders of them, .list files naming them), each made
    into a manifest first. The output tree mirrors the input tree: a folder's manifests
    keep their place below it."""
    jobs: list[Job] = []
    lists = (".list",) if imported else LIST_SUFFIXES
    for path in paths:
        path = Path(path)
        if path.is_dir():
            jobs += _folder_jobs(path, outdir, imported)
        elif path.suffix in lists:
            jobs += _listed_jobs(path, outdir, imported)
        elif path.is_file():
            jobs.append(Job(path, outdir / path.with_suffix(".pdf").name, imported))
        else:
            raise LayoutError("no such file or folder", path,
                              hint="give manifests, folders of them, or a .txt list")
    jobs = list(dict.fromkeys(jobs))  # a file given twice is one job
    _refuse_same_output(jobs)
    return jobs


def _folder_jobs(path: Path, outdir: Path, imported: bool) -> list[Job]:
    """A folder's manifests (or page texts), searched recursively, in the mirrored tree."""
    jobs = []
    for manifest in sorted(path.rglob("*.txt" if imported else "*.yaml")):
        if not imported and _is_template(manifest):
            continue  # a template kept beside the pages (templates/): not a page
        jobs.append(Job(manifest, outdir / manifest.relative_to(path).with_suffix(".pdf"),
                        imported))
    return jobs


def _read_list(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LayoutError("no such list file", path,
                          hint="give manifests, folders of them, or a .txt list") \
            from None
    except UnicodeDecodeError as err:
        raise LayoutError(f"the list is not UTF-8 text ({err.reason} at byte "
                          f"{err.start})", path, hint="save it as UTF-8") from None
    except OSError as err:
        raise LayoutError(f"the list cannot be read: {err.strerror}", path) from None


def _listed_jobs(path: Path, outdir: Path, imported: bool) -> list[Job]:
    """The files a list names, one a line, relative to the list and kept below it."""
    base = path.parent
    listing = _read_list(path)
    named = [(number, line.strip()) for number, line in
             enumerate(listing.splitlines(), 1)
             if line.strip() and not line.strip().startswith("#")]
    if not imported and named and not any(_exists(base / line) for _, line in named):
        raise LayoutError(f"none of its {len(named)} line(s) names a file: is it a "
                          "page's raw text, not a list of manifests?", path,
                          named[0][0], hint="to make pages of raw texts, batch them "
                                            "with --import (or `layout import` one)")
    jobs = []
    for number, line in named:
        manifest = (base / line)
        if _same_file(manifest, path):
            raise LayoutError("the list names itself", path, number,
                              hint="list the pages' files, not the list")
        try:
            relative = manifest.resolve().relative_to(base.resolve())
        except (OSError, RuntimeError) as err:  # a symlink loop
            raise LayoutError(f"{line!r} cannot be followed ({err})", path, number,
                              hint="list the path of a manifest file") from None
        except ValueError:
            raise LayoutError(f"{line!r} lies outside the list's folder, so its PDF has "
                              "no place in the mirrored output tree", path, number,
                              hint="list manifests below the list file") from None
        jobs.append(Job(manifest, outdir / relative.with_suffix(".pdf"), imported))
    return jobs


def _refuse_same_output(jobs: list[Job]) -> None:
    seen: dict[Path, Path] = {}
    for job in jobs:
        if job.output in seen:
            raise LayoutError(f"two manifests would write {job.output}: {seen[job.output]} "
                              f"and {job.manifest}", hint="give them different names or folders")
        seen[job.output] = job.manifest


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a name too long, a NUL: no file
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _is_template(path: Path) -> bool:
    from ..templates import is_template as looks_like_one  # noqa: PLC0415

    return looks_like_one(path)
