"""A Dask cluster whose machines share no disk: each job goes as a `Bundle` of the bytes
its page is made from and comes back as the PDF's bytes, written here."""
from __future__ import annotations

import time
from collections.abc import Generator, Iterator
from pathlib import Path

from ..errors import LayoutError
from ..frozen import frozen
from ..pipeline import inputs
from .digest import import_template, job_digest, template_files
from .jobs import Job, Outcome
from .task import (
    Made,
    failure,
    job_outcome,
    kept_draft,
    make_page,
    up_to_date,
    write_job,
)


@frozen
class Bundle:
    """A job as bytes: every file its page is made from, by its absolute path (a worker
    writes them under a folder of its own and renders there)."""

    source: str  # the manifest's or page text's absolute path
    imported: bool
    files: tuple[tuple[str, bytes], ...]
    home: str  # the folder an imported page's manifest will live in (its template's)


def bundle(job: Job) -> Bundle:
    """The job's files read here, on the machine that sees them."""
    from ..importer import read_source  # noqa: PLC0415

    source = job.manifest.resolve()
    if job.imported:
        template = import_template(job, read_source(job.manifest))
        paths = [source, *(Path(p).resolve() for p in template_files(template))]
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
    from ..resources import templates_dir  # noqa: PLC0415

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
            make_page(root / item.source.lstrip("/"), item.imported, allow_overflow, strict,
                  made, home, output)
        except Exception as err:  # the outcome says what
            error = failure(Job(source, source), err).replace(str(root), "")
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


DASK_CONNECT_SECONDS = 10  # how long --dask waits for its scheduler to answer


def dask_outcomes(jobs: list[Job], address: str, force: bool, allow_overflow: bool,
          strict: bool = False, output: str | None = None) -> Generator[Outcome, None, None]:
    """Jobs on a Dask cluster whose workers need not see this machine's files: each job
    goes as a `Bundle` of the bytes its page is made from and comes back as the PDF's
    bytes, written here. A few jobs per worker are in flight at a time."""
    try:
        from dask.distributed import Client  # noqa: PLC0415
        from dask.distributed import as_completed as dask_completed
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
                    if not force and up_to_date(job, digest.value):
                        yield job_outcome(job, "skipped", start)
                        continue
                    item = bundle(job)
                except Exception as err:  # the outcome says what
                    yield job_outcome(job, "failed", start, None, failure(job, err))
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
                    write_job(job, made, digest.value if digest.again() == digest.value
                              else None)
                except Exception as err:  # the outcome says what
                    error = failure(job, err)
            else:
                error += kept_draft(job, made)
            yield job_outcome(job, "done" if error is None else "failed", start, made, error)
            yield from hand_out()
