"""The per-item task, `render_job`, on a machine that sees the files: one page made
unless up to date, its PDF written whole and its digest after it; never raising for bad
input (the failure is the outcome)."""
from __future__ import annotations

import resource
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import LayoutError
from ..fonts import shipped_fonts
from ..model import IssueLayout, PageLayout, left_over
from ..output import refuse_clashes, write_atomically
from ..kept import Kept
from ..pipeline import Loaded, layout, load, render, render_page
from ..templates import load_template
from ..reads import digest as content_digest
from ..reads import file_digest, recorded
from .digest import JobDigest, job_digest, job_options, loaded_digest
from .jobs import DIGEST_SUFFIX, Job, Outcome


# What a process's jobs keep for the next (pipeline.Kept, as `render --watch` keeps it):
# the text its pages broke, each page's make-up (every article's measures and settled
# modules, by its content) and the PDF's subsets and codes, so that a page whose articles a
# job before it set (a page made again in another edition, with another date or folio)
# measures and settles only what changed; the bytes are those a fresh process makes.
# Bounded: the make-ups of the last job's pages only, the text caches started afresh
# past this many entries (~4 KB each: Kept's `most_entries`).
KEPT_ENTRIES = 10_000
_KEPT: list[Kept] = []


def kept() -> Kept:
    """What this process's jobs keep for the next (made on first use)."""
    if not _KEPT:
        _KEPT.append(Kept(KEPT_ENTRIES))
    return _KEPT[0]


def forget() -> None:
    """Start the next job afresh (after one that failed half-way)."""
    _KEPT.clear()


@dataclass
class Made:
    """What one job made: the page (for the report), the PDF, the manifest an import
    wrote, what the import was unsure of."""

    page: PageLayout | IssueLayout | None = None
    pdf: bytes | None = None
    manifest: str | None = None
    unsure: tuple[str, ...] = ()


def make_page(source: Path, imported: bool, allow_overflow: bool, strict: bool, made: Made,
          home: Path, output: str | None = None,
          loaded: Loaded | None = None, keeping: Kept | None = None) -> None:
    """Lay out and render one page from files on this machine: a manifest, or (imported)
    a page's raw text, made into a manifest that will live in `home` (its template found
    from there). Fills `made` as it goes (the report wants the page even when the job then
    fails). `loaded`: the manifest and its template, already read (after the digest);
    `keeping`: what the jobs before kept, for the next (`kept`; not for a Dask worker's
    tasks, which may run in threads at once)."""
    fonts = shipped_fonts()
    if imported:
        from ..importer import fill, import_text, read_source  # noqa: PLC0415

        draft = import_text(read_source(source), source.name)
        made.unsure = tuple(draft.unsure)
        made.manifest, one = fill(draft, home, fonts)
        made.page = one
        template = load_template(draft.template, home)
        _refuse(one, source, allow_overflow, strict)
        made.pdf = render_page(one, template, fonts, output)
    else:
        loaded = loaded or load(source)
        made.page = laid = layout(loaded, fonts, kept=keeping)  # (an issue: all pages)
        _refuse(laid, source, allow_overflow, strict)
        made.pdf = render(laid, loaded, fonts, output, keeping)
        if keeping is not None:
            keeping.let_go({issue.page_number for issue in loaded.edition.pages})


def _refuse(page: PageLayout | IssueLayout, source: Path, allow_overflow: bool,
            strict: bool) -> None:
    """A page with text left over (unless allowed) or, `strict`, a blank hole: an error."""
    if page.overflow and not allow_overflow:
        left = left_over(page.overflow)
        raise LayoutError(f"text does not fit: {left} characters left over", source,
                          hint="shorten it, or batch with --allow-overflow")
    if page.holes and strict:
        raise LayoutError(f"the page has {len(page.holes)} blank hole(s) (天窗): "
                          + "; ".join(map(str, page.holes)), source,
                          hint="add text or pictures (`layout fit` says how many "
                               "characters), or batch without --strict")


def _sidecar(job: Job) -> Path:
    return job.output.with_name(job.output.name + DIGEST_SUFFIX)


def _recorded(job: Job) -> list[str]:
    """The sidecar's lines: the digest the PDF was made from ("-": none), then, for an
    imported page, `manifest DIGEST` of the manifest the batch wrote."""
    try:
        return _sidecar(job).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def up_to_date(job: Job, digest: str) -> bool:
    recorded = _recorded(job)
    return job.output.is_file() and bool(recorded) and recorded[0].strip() == digest


def _draft_line(job: Job, manifest: str) -> str:
    """The sidecar's record of an imported page's manifest, after checking that writing
    it loses nothing: the file is not there, or it is the draft a batch wrote, unedited.
    A manifest someone wrote or corrected is kept, and the job fails saying so."""
    target = job.output.with_suffix(".yaml")
    if target.exists() and f"manifest {file_digest(target)}" not in _recorded(job):
        raise LayoutError("a manifest is there that this batch did not write (or that was "
                          "edited since): it is kept, and the page is not made", target,
                          hint="move it away, or batch into another -o folder")
    return f"manifest {content_digest(manifest.encode('utf-8'))}"


def job_outcome(job: Job, status: str, start: float, made: Made | None = None,
             error: str | None = None) -> Outcome:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    found: dict = {}
    page = made.page if made is not None else None
    if page is not None:
        found = dict(holes=tuple(map(str, page.holes)), fit=tuple(map(str, page.fits)),
                     overflow=left_over(page.overflow))
    if made is not None and made.unsure:
        found["unsure"] = made.unsure
    if job.imported:
        found["manifest"] = str(job.output.with_suffix(".yaml"))
    pages = len(getattr(page, "pages", (page,))) if status == "done" else 0
    return Outcome(str(job.manifest), str(job.output), status, pages,
                   round(time.perf_counter() - start, 4), error, round(peak, 1), **found)


def failure(job: Job, err: BaseException) -> str:
    """A failed job's message: the input's own error, the disk's, or a bug's (said so)."""
    if isinstance(err, LayoutError):
        return str(err)
    if isinstance(err, OSError):  # the disk: full, read-only, a folder in the way
        where = err.filename or job.output
        return f"cannot write or read {where}: {err.strerror or err}"
    if isinstance(err, MemoryError):
        return (f"{job.manifest}: ran out of memory laying the page out (→ run it alone, or "
                "with fewer workers)")
    return (f"{job.manifest}: internal error, a bug in layout ({type(err).__name__}: {err}) "
            "→ please report it with this input; the other pages go on")


def write_job(job: Job, made: Made, digest: str | None) -> None:
    """The job's PDF (and an import's manifest) written whole, its digest after them
    (None: the inputs changed while the page was made; the PDF is written, never recorded
    as up to date)."""
    output = job.output
    sidecar = _sidecar(job)
    output.parent.mkdir(parents=True, exist_ok=True)
    lines = [digest or "-"]
    if made.manifest is not None:
        lines.append(_draft_line(job, made.manifest))
    sidecar.unlink(missing_ok=True)  # the PDF below no longer matches an old digest
    if made.manifest is not None:
        write_atomically(output.with_suffix(".yaml"), made.manifest.encode("utf-8"))
    assert made.pdf is not None  # (a job written is one made)
    write_atomically(output, made.pdf)
    # (the PDF is on the disk before its digest is written; a digest lost in a crash, or
    # written only in part, only has the next batch make the page again: no fsync)
    write_atomically(sidecar, ("\n".join(lines) + "\n").encode(), durable=False)


def render_job(job: Job, force: bool = False, allow_overflow: bool = False,
               strict: bool = False, output: str | None = None) -> Outcome:
    """The per-item task on a machine that sees the files: render one manifest (or import
    and render one page text) unless its PDF is up to date. Never raises for bad input:
    the failure is the outcome."""
    start = time.perf_counter()
    made = Made()
    try:
        loaded, digest = _read_job(job, allow_overflow, strict, output)
        if not force and up_to_date(job, digest.value):
            return job_outcome(job, "skipped", start)
        if loaded is not None:
            refuse_clashes([(job.output, "PDF")], list(digest.files))
        make_page(job.manifest, job.imported, allow_overflow, strict, made, job.output.parent,
              output, loaded, kept())
        # a file saved while the page was made: the PDF may be of the old one or the new,
        # so it is not recorded as up to date (the next batch makes it again)
        write_job(job, made, digest.value if digest.again() == digest.value else None)
        return job_outcome(job, "done", start, made)
    except Exception as err:  # a bug must not stop the batch: the outcome says what
        if not isinstance(err, LayoutError):  # (a bug's or the disk's: half-way perhaps)
            forget()
        return job_outcome(job, "failed", start, made,
                           failure(job, err) + kept_draft(job, made))


def _read_job(job: Job, allow_overflow: bool, strict: bool,
              output: str | None) -> tuple[Loaded | None, JobDigest]:
    """A manifest read, each of its files once, and the digest of the bytes read (so
    the digest is of what the page is made from); an imported page's digest (its text
    is read as the page is made)."""
    if job.imported:
        return None, job_digest(job, allow_overflow, strict, output)
    with recorded() as read:
        loaded = load(job.manifest)
    return loaded, loaded_digest(job, loaded, read, job_options(allow_overflow, strict,
                                                                output))


def kept_draft(job: Job, made: Made) -> str:
    """An imported page that failed (its text does not fit, a hole): its manifest is
    written all the same, a draft to edit; say where."""
    if made.manifest is None:
        return ""
    try:
        line = _draft_line(job, made.manifest)
        job.output.parent.mkdir(parents=True, exist_ok=True)
        _sidecar(job).unlink(missing_ok=True)
        write_atomically(job.output.with_suffix(".yaml"), made.manifest.encode("utf-8"))
        write_atomically(_sidecar(job), f"-\n{line}\n".encode())
    except (LayoutError, OSError):  # (a manifest someone wrote is there: the error says)
        return ""
    return f"; its manifest is written, to edit: {job.output.with_suffix('.yaml')}"
