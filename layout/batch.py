"""Many manifests → many PDFs: worker processes, progress, a report, incremental and resumable.

Every item goes through one task function, `render_job`, whether it runs in this process,
in a local worker process or on a Dask cluster. A job is skipped when its PDF exists and the
digest of everything it is made from (manifest, template chain, fonts, pictures, the tool's
version) equals the one recorded beside the PDF when it was written. PDFs are written
atomically and their digest only after them, so a batch killed at any moment leaves whole
PDFs and a re-run does exactly what is missing.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import resource
import signal
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .errors import LayoutError
from .fonts import shipped_fonts
from .model import Template
from .output import alive, refuse_clashes, write_atomically
from .pipeline import Loaded, inputs, layout, layout_loaded, load, render, render_page
from .templates import load_template

DIGEST_SUFFIX = ".inputs"  # beside each PDF: the digest of what it was made from
LIST_SUFFIXES = (".txt", ".list")  # a file naming one manifest per line


@dataclass(frozen=True)
class Job:
    """One manifest (or, imported, a page's raw text) to render, and where its PDF goes;
    an imported page's manifest goes beside the PDF (.yaml)."""

    manifest: Path
    output: Path
    imported: bool = False


@dataclass(frozen=True)
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
            for manifest in sorted(path.rglob("*.txt" if imported else "*.yaml")):
                if not imported and _is_template(manifest):
                    continue  # a template kept beside the pages (templates/): not a page
                jobs.append(Job(manifest, outdir / manifest.relative_to(path).with_suffix(".pdf"),
                                imported))
        elif path.suffix in lists:
            base = path.parent
            try:
                listing = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                raise LayoutError("no such list file", path,
                                  hint="give manifests, folders of them, or a .txt list") \
                    from None
            except UnicodeDecodeError as err:
                raise LayoutError(f"the list is not UTF-8 text ({err.reason} at byte "
                                  f"{err.start})", path, hint="save it as UTF-8") from None
            except OSError as err:
                raise LayoutError(f"the list cannot be read: {err.strerror}", path) from None
            named = [(number, line.strip()) for number, line in
                     enumerate(listing.splitlines(), 1)
                     if line.strip() and not line.strip().startswith("#")]
            if not imported and named and not any(_exists(base / line) for _, line in named):
                raise LayoutError(f"none of its {len(named)} line(s) names a file: is it a "
                                  "page's raw text, not a list of manifests?", path,
                                  named[0][0], hint="to make pages of raw texts, batch them "
                                                    "with --import (or `layout import` one)")
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
        elif path.is_file():
            jobs.append(Job(path, outdir / path.with_suffix(".pdf").name, imported))
        else:
            raise LayoutError("no such file or folder", path,
                              hint="give manifests, folders of them, or a .txt list")
    jobs = list(dict.fromkeys(jobs))  # a file given twice is one job
    seen: dict[Path, Path] = {}
    for job in jobs:
        if job.output in seen:
            raise LayoutError(f"two manifests would write {job.output}: {seen[job.output]} "
                              f"and {job.manifest}", hint="give them different names or folders")
        seen[job.output] = job.manifest
    return jobs


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
    from .templates import is_template as looks_like_one  # noqa: PLC0415

    return looks_like_one(path)


_FONT_DIGEST: str | None = None


LOCK_NAME = ".layout-batch.lock"  # in OUTDIR while a batch writes there
# The descriptors of the locks this batch holds (the folder's, the report's): a forked
# worker lets go of them, so that they die with the batch, whatever becomes of it.
_LOCK_FDS: set[int] = set()


def check_batch_outputs(paths: Iterable[Path], jobs: list[Job], outdir: Path,
                        report: Path) -> None:
    """Refuse, before any work, an OUTDIR that is a file, a report that is a folder, and a
    report or PDF that would overwrite an input (a manifest, a list) or another output."""
    if outdir.exists() and not outdir.is_dir():
        raise LayoutError("the output folder (-o) is a file", outdir,
                          hint="give a folder (it is made when missing)")
    if report.is_dir() or os.path.abspath(report) == os.path.abspath(outdir):
        raise LayoutError("the report (--report) is a folder", report,
                          hint="give a file name, e.g. report.jsonl")
    if report.is_file() and not _is_report(report):
        raise LayoutError("the report (--report) would overwrite this file, which is not a "
                          "batch's report", report,
                          hint="give a new file name, e.g. report.jsonl")
    inputs = [Path(p) for p in paths if not Path(p).is_dir()] + [job.manifest for job in jobs]
    refuse_clashes([(report, "report"), *((job.output, "PDF") for job in jobs),
                    *((job.output.with_suffix(".yaml"), "manifest") for job in jobs
                      if job.imported)], inputs)


def _is_report(path: Path) -> bool:
    """An empty file or one whose first line is a batch report's (JSON with its keys)."""
    try:
        with open(path, "rb") as handle:
            first = handle.readline(1 << 20)
        if not first.strip():
            return True
        line = json.loads(first)
    except (OSError, ValueError):
        return False
    return isinstance(line, dict) and {"input", "output", "status"} <= set(line)


@contextlib.contextmanager
def locked_outdir(outdir: Path) -> Iterator[None]:
    """Hold OUTDIR for this batch: a second batch into the same folder is refused (it would
    overwrite the report and race for the same PDFs) rather than run alongside."""
    outdir.mkdir(parents=True, exist_ok=True)
    with open(outdir / LOCK_NAME, "a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            pid = holder.rpartition(" ")[2]
            # held, but by what a killed batch left (a worker of a process that is gone):
            # taken over
            if not (pid.isdigit() and not alive(int(pid))):
                raise LayoutError(f"another layout batch ({holder}) is writing into this "
                                  "folder", outdir, hint="wait for it to finish, or give "
                                                         "another -o folder") from None
        _LOCK_FDS.add(lock.fileno())
        lock.seek(0)
        lock.truncate()
        lock.write(f"process {os.getpid()}\n")
        lock.flush()
        try:
            yield
        finally:
            _LOCK_FDS.discard(lock.fileno())
            lock.seek(0)
            lock.truncate()
            fcntl.flock(lock, fcntl.LOCK_UN)


def fonts_digest() -> str:
    """Digest of the shipped faces and their roles, computed once per process."""
    global _FONT_DIGEST
    if _FONT_DIGEST is None:
        fonts = shipped_fonts()
        digest = hashlib.sha256(fonts.origin.read_bytes())
        for face in sorted(fonts.faces.values(), key=lambda f: f.role):
            digest.update(face.role.encode() + _file_digest(face.path).encode())
        _FONT_DIGEST = digest.hexdigest()
    return _FONT_DIGEST


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def inputs_digest(files: list[Path], options: str = "") -> str:
    """Digest of everything the PDF of a manifest is made from (`files`: its inputs, an
    issue's every page's), and of the options that decide whether it is written (a page
    refused without --allow-overflow is not up to date because a run with it wrote one)."""
    digest = hashlib.sha256(f"layout {__version__}\n{options}\n".encode())
    digest.update(fonts_digest().encode())
    for path in files:
        digest.update(os.fsencode(path.name) + _file_digest(path).encode())
    return digest.hexdigest()


@dataclass
class Made:
    """What one job made: the page (for the report), the PDF, the manifest an import
    wrote, what the import was unsure of."""

    page: object = None
    pdf: bytes | None = None
    manifest: str | None = None
    unsure: tuple[str, ...] = ()


def _make(source: Path, imported: bool, allow_overflow: bool, strict: bool, made: Made,
          home: Path, output: str | None = None,
          loaded: Loaded | None = None) -> None:
    """Lay out and render one page from files on this machine: a manifest, or (imported)
    a page's raw text, made into a manifest that will live in `home` (its template found
    from there). Fills `made` as it goes (the report wants the page even when the job then
    fails). `loaded`: the manifest and its template, already read (after the digest)."""
    fonts = shipped_fonts()
    if imported:
        from .importer import fill, import_text, read_source  # noqa: PLC0415

        draft = import_text(read_source(source), source.name)
        made.unsure = tuple(draft.unsure)
        made.manifest, made.page = fill(draft, home, fonts)
        template = load_template(draft.template, home)
    else:
        loaded = loaded or load(source)
        made.page = layout(loaded, fonts, layout_loaded)  # (an issue: all pages)
    page = made.page
    if page.overflow and not allow_overflow:
        left = sum(len("".join(o.text.split())) for o in page.overflow)
        raise LayoutError(f"text does not fit: {left} characters left over", source,
                          hint="shorten it, or batch with --allow-overflow")
    if page.holes and strict:
        raise LayoutError(f"the page has {len(page.holes)} blank hole(s) (天窗): "
                          + "; ".join(map(str, page.holes)), source,
                          hint="add text or pictures (`layout fit` says how many "
                               "characters), or batch without --strict")
    if imported:
        made.pdf = render_page(page, template, fonts, output)
    else:
        made.pdf = render(page, loaded, fonts, output)


def job_digest(job: Job, allow_overflow: bool, strict: bool,
               output: str | None = None) -> str:
    """The digest of everything the job's PDF is made from (and of the options that
    decide whether it is written, or how)."""
    options = f"allow_overflow={allow_overflow} strict={strict}"
    if output:
        options += f" output={output}"
    if job.imported:
        from .importer import read_source  # noqa: PLC0415

        text = read_source(job.manifest)
        digest = hashlib.sha256(f"layout {__version__} import\n{options}\n".encode())
        digest.update(fonts_digest().encode() + text.encode("utf-8"))
        for path in _template_files(_import_template(job, text)):
            digest.update(_file_digest(path).encode())
        return digest.hexdigest()
    return inputs_digest(inputs(job.manifest), options)


def _template_files(template: Template) -> list[Path]:
    """The template's files and the plant's colour profile it names."""
    return [*template.sources, *([template.press.profile] if template.press.profile else [])]


def _import_template(job: Job, text: str) -> Template:
    """The template an imported page is set on, found from where its manifest will be."""
    from .importer import page_template  # noqa: PLC0415

    return load_template(page_template(text), job.output.parent)


def _sidecar(job: Job) -> Path:
    return job.output.with_name(job.output.name + DIGEST_SUFFIX)


def _recorded(job: Job) -> list[str]:
    """The sidecar's lines: the digest the PDF was made from ("-": none), then, for an
    imported page, `manifest DIGEST` of the manifest the batch wrote."""
    try:
        return _sidecar(job).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def _up_to_date(job: Job, digest: str) -> bool:
    recorded = _recorded(job)
    return job.output.is_file() and bool(recorded) and recorded[0].strip() == digest


def _draft_line(job: Job, manifest: str) -> str:
    """The sidecar's record of an imported page's manifest, after checking that writing
    it loses nothing: the file is not there, or it is the draft a batch wrote, unedited.
    A manifest someone wrote or corrected is kept, and the job fails saying so."""
    target = job.output.with_suffix(".yaml")
    if target.exists() and f"manifest {_file_digest(target)}" not in _recorded(job):
        raise LayoutError("a manifest is there that this batch did not write (or that was "
                          "edited since): it is kept, and the page is not made", target,
                          hint="move it away, or batch into another -o folder")
    return f"manifest {hashlib.sha256(manifest.encode('utf-8')).hexdigest()}"


def _outcome(job: Job, status: str, start: float, made: Made | None = None,
             error: str | None = None) -> Outcome:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    found: dict = {}
    page = made.page if made is not None else None
    if page is not None:
        found = dict(holes=tuple(map(str, page.holes)), fit=tuple(map(str, page.fits)),
                     overflow=sum(len("".join(o.text.split())) for o in page.overflow))
    if made is not None and made.unsure:
        found["unsure"] = made.unsure
    if job.imported:
        found["manifest"] = str(job.output.with_suffix(".yaml"))
    pages = len(getattr(page, "pages", (page,))) if status == "done" else 0
    return Outcome(str(job.manifest), str(job.output), status, pages,
                   round(time.perf_counter() - start, 4), error, round(peak, 1), **found)


def _failure(job: Job, err: BaseException) -> str:
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


def _write(job: Job, made: Made, digest: str | None) -> None:
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
    write_atomically(output, made.pdf)
    write_atomically(sidecar, ("\n".join(lines) + "\n").encode())


def render_job(job: Job, force: bool = False, allow_overflow: bool = False,
               strict: bool = False, output: str | None = None) -> Outcome:
    """The per-item task on a machine that sees the files: render one manifest (or import
    and render one page text) unless its PDF is up to date. Never raises for bad input:
    the failure is the outcome."""
    start = time.perf_counter()
    made = Made()
    try:
        digest = job_digest(job, allow_overflow, strict, output)
        if not force and _up_to_date(job, digest):
            return _outcome(job, "skipped", start)
        loaded = None
        if not job.imported:  # read after the digest: what it made the digest of, or newer
            loaded = load(job.manifest)
            refuse_clashes([(job.output, "PDF")], loaded.inputs())
        _make(job.manifest, job.imported, allow_overflow, strict, made, job.output.parent,
              output, loaded)
        # a file saved while the page was made: the PDF may be of the old one or the new,
        # so it is not recorded as up to date (the next batch makes it again)
        after = job_digest(job, allow_overflow, strict, output)
        _write(job, made, digest if after == digest else None)
        return _outcome(job, "done", start, made)
    except Exception as err:  # a bug must not stop the batch: the outcome says what
        return _outcome(job, "failed", start, made, _failure(job, err) + _kept(job, made))


def _kept(job: Job, made: Made) -> str:
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


# -- a cluster whose machines share no disk --------------------------------------------------


@dataclass(frozen=True)
class Bundle:
    """A job as bytes: every file its page is made from, by its absolute path (a worker
    writes them under a folder of its own and renders there)."""

    source: str  # the manifest's or page text's absolute path
    imported: bool
    files: tuple[tuple[str, bytes], ...]
    home: str  # the folder an imported page's manifest will live in (its template's)


def bundle(job: Job) -> Bundle:
    """The job's files read here, on the machine that sees them."""
    from .importer import read_source  # noqa: PLC0415

    source = job.manifest.resolve()
    if job.imported:
        template = _import_template(job, read_source(job.manifest))
        paths = [source, *(Path(p).resolve() for p in _template_files(template))]
    else:
        paths = [Path(p).resolve() for p in inputs(job.manifest)]
    files = []
    for path in dict.fromkeys(paths):
        if _shipped(path):
            continue  # the worker has its own copy of what layout ships
        files.append((str(path), path.read_bytes()))
    return Bundle(str(source), job.imported, tuple(files),
                  str(job.output.parent.resolve()))


def _shipped(path: Path) -> bool:
    from .resources import templates_dir  # noqa: PLC0415

    try:
        path.relative_to(templates_dir().resolve())
        return True
    except ValueError:
        return False


def render_bundle(item: Bundle, allow_overflow: bool = False, strict: bool = False,
                  output: str | None = None) -> tuple[Made, str | None]:
    """The per-item task on a worker that may see none of the files: write the bundle's
    files under a folder of its own, make the page there, return what it made (PDF and
    manifest as bytes) or the error, which names the files as the client knows them."""
    import tempfile  # noqa: PLC0415

    made = Made()
    error = None
    with tempfile.TemporaryDirectory(prefix="layout-job-") as tmp:
        root = Path(tmp)
        source = Path(item.source)
        try:
            for name, data in item.files:
                target = root / name.lstrip("/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            home = root / item.home.lstrip("/")
            home.mkdir(parents=True, exist_ok=True)
            _make(root / item.source.lstrip("/"), item.imported, allow_overflow, strict,
                  made, home, output)
        except Exception as err:  # the outcome says what
            error = _failure(Job(source, source), err).replace(str(root), "")
        if made.manifest is not None:
            made.manifest = made.manifest.replace(str(root), "")
    made.page = _report_only(made.page)
    return made, error


def _report_only(page):
    """What the report needs of a page, light to send back: holes, fits, overflow."""
    if page is None:
        return None
    from types import SimpleNamespace  # noqa: PLC0415

    return SimpleNamespace(holes=page.holes, fits=page.fits, overflow=page.overflow)


def _warm_worker(parent: int) -> None:
    """Each worker reads the font set and its digest once, before its first job; a face is
    parsed the first time a page uses it, and kept. Ctrl-C is the parent's to handle: it
    stops handing out jobs, and a worker finishes the page it is writing."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    with open(os.devnull, "rb") as null:  # the locks are the parent's alone: a worker
        # that outlived it must not keep the folder from the batch that resumes
        for fd in _LOCK_FDS:
            os.dup2(null.fileno(), fd)
    fonts_digest()


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


def _local(jobs: list[Job], workers: int, force: bool, allow_overflow: bool,
           strict: bool = False, output: str | None = None) -> Iterator[Outcome]:
    if workers <= 1:  # in this process: Ctrl-C stays ours (no _warm_worker here)
        fonts_digest()
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


DASK_CONNECT_SECONDS = 10  # how long --dask waits for its scheduler to answer


def _dask(jobs: list[Job], address: str, force: bool, allow_overflow: bool,
          strict: bool = False, output: str | None = None) -> Iterator[Outcome]:
    """Jobs on a Dask cluster whose workers need not see this machine's files: each job
    goes as a `Bundle` of the bytes its page is made from and comes back as the PDF's
    bytes, written here. A few jobs per worker are in flight at a time."""
    try:
        from dask.distributed import Client, as_completed as dask_completed  # noqa: PLC0415
    except ImportError:
        raise LayoutError("--dask needs Dask: pip install 'layout[dask]'") from None
    try:
        client = Client(address, timeout=DASK_CONNECT_SECONDS)
    except (ValueError, TypeError, OSError, TimeoutError) as err:
        raise LayoutError(f"--dask {address}: no scheduler there ({err})",
                          hint="check the address (tcp://HOST:8786) and that the scheduler "
                               "runs") from None
    with client:
        window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
        waiting = iter(jobs)
        flight = dask_completed()
        pending: dict = {}

        def hand_out() -> Iterator[Outcome]:
            while len(pending) < window:
                job = next(waiting, None)
                if job is None:
                    return
                start = time.perf_counter()
                try:
                    digest = job_digest(job, allow_overflow, strict, output)
                    if not force and _up_to_date(job, digest):
                        yield _outcome(job, "skipped", start)
                        continue
                    item = bundle(job)
                except Exception as err:  # the outcome says what
                    yield _outcome(job, "failed", start, None, _failure(job, err))
                    continue
                future = client.submit(render_bundle, item, allow_overflow, strict, output,
                                       pure=False)
                pending[future] = (job, digest, start)
                flight.add(future)

        yield from hand_out()
        for future in flight:
            job, digest, start = pending.pop(future)
            made, error = future.result()
            if error is None:
                try:
                    after = job_digest(job, allow_overflow, strict, output)
                    _write(job, made, digest if after == digest else None)
                except Exception as err:  # the outcome says what
                    error = _failure(job, err)
            else:
                error += _kept(job, made)
            yield _outcome(job, "done" if error is None else "failed", start, made, error)
            yield from hand_out()


@dataclass
class Progress:
    """Counts of a running batch, drawn as one line on a terminal (or a line now and then
    when stderr is not one)."""

    total: int
    stream: object = sys.stderr
    done: int = 0
    failed: int = 0
    skipped: int = 0
    pages: int = 0
    started: float = 0.0
    _last: float = 0.0

    def __post_init__(self) -> None:
        self.started = self._last = time.perf_counter()
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        self.pages += outcome.pages
        now = time.perf_counter()
        finished = self.done + self.failed + self.skipped
        if self.tty or now - self._last >= 5 or finished == self.total:
            self._last = now
            self.draw(now, finished)

    def draw(self, now: float, finished: int) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = finished / elapsed
        eta = (self.total - finished) / rate if rate else 0.0
        width = 24
        bar = "#" * round(width * finished / max(self.total, 1))
        line = (f"[{bar:<{width}}] {finished}/{self.total}  done {self.done}  failed "
                f"{self.failed}  skipped {self.skipped}  {self.pages / elapsed:.1f} pages/s  "
                f"ETA {eta:.0f}s")
        end = "" if self.tty and finished < self.total else "\n"
        print(("\r" if self.tty else "") + line, end=end, file=self.stream, flush=True)


def max_workers() -> int:
    """Local worker processes at most: more than a few per core only costs memory."""
    return 4 * (os.cpu_count() or 1)


def run_batch(jobs: list[Job], report: Path, workers: int | None = None, force: bool = False,
              allow_overflow: bool = False, dask: str | None = None,
              on_outcome: Callable[[Outcome], None] | None = None,
              strict: bool = False, output: str | None = None) -> list[Outcome]:
    """Render every job; write one JSON line per job to `report` as it finishes. `strict`:
    a page with a blank hole fails instead of being written; `output`: "screen", "print"
    or a PDF/X standard (None: each template's own `output:`)."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs), max_workers()))
    report.parent.mkdir(parents=True, exist_ok=True)
    outcomes: list[Outcome] = []
    source = (_dask(jobs, dask, force, allow_overflow, strict, output) if dask
              else _local(jobs, workers, force, allow_overflow, strict, output))
    # closing(): when the loop stops early (Ctrl-C), the source stops handing out jobs now
    with open(report, "a", encoding="utf-8") as log, contextlib.closing(source):
        try:
            fcntl.flock(log, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LayoutError("another layout batch is writing this report", report,
                              hint="give each batch its own --report") from None
        if report.is_file():
            log.truncate(0)
        _LOCK_FDS.add(log.fileno())
        try:
            for outcome in source:
                log.write(_json_line(asdict(outcome)) + "\n")
                log.flush()
                outcomes.append(outcome)
                if on_outcome:
                    on_outcome(outcome)
        finally:
            _LOCK_FDS.discard(log.fileno())
            fcntl.flock(log, fcntl.LOCK_UN)  # (also for the workers still winding down)
    return outcomes


def _json_line(record: dict) -> str:
    """One report line; a file name that is not UTF-8 (its bytes kept by Python as lone
    surrogates) is written \\u-escaped, valid JSON, never stopping the batch."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line


def summary(outcomes: list[Outcome], seconds: float) -> str:
    """A table of the batch's result, failures listed."""
    counts = {status: sum(1 for o in outcomes if o.status == status)
              for status in ("done", "skipped", "failed")}
    pages = sum(o.pages for o in outcomes)
    rows = [("manifests", len(outcomes)), *counts.items(), ("pages written", pages),
            ("seconds", f"{seconds:.1f}"),
            ("pages/s", f"{pages / seconds:.1f}" if seconds else "-")]
    width = max(len(name) for name, _ in rows)
    text = "\n".join(f"  {name:<{width}}  {value}" for name, value in rows)
    failures = [o for o in outcomes if o.status == "failed"]
    if failures:
        text += "\nfailed:\n" + "\n".join(f"  {o.input}: {o.error}" for o in failures)
    return text
