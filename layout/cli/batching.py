"""`layout batch`: many manifests (or page texts) into many PDFs."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ..errors import LayoutError
from .group import main, output_choice, output_options


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--outdir", required=True, type=click.Path(path_type=Path),
              help="Folder for the PDFs; mirrors the input folders.")
@click.option("-j", "--jobs", "workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores; never more than the "
                   "manifests, nor four per core).")
@click.option("--force", is_flag=True, help="Render everything, even PDFs that are up to date.")
@click.option("--allow-overflow", is_flag=True, help="Write pages whose text does not fit.")
@click.option("--report", type=click.Path(path_type=Path),
              help="JSON-lines report (default: OUTDIR/report.jsonl).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Run on a Dask cluster (tcp://host:8786) instead of local processes.")
@click.option("--strict", is_flag=True,
              help="A page with a blank hole (天窗) fails instead of being written.")
@click.option("--import", "imported", is_flag=True,
              help="The inputs are pages' raw texts (.txt, folders of them, .list files): "
                   "each is imported (as `layout import`), its manifest written beside "
                   "its PDF.")
@output_options
def batch(paths: tuple[Path, ...], outdir: Path, workers: int | None, force: bool,
          allow_overflow: bool, report: Path | None, dask_address: str | None,
          strict: bool, imported: bool, for_print: bool, for_screen: bool,
          pdfx: str | None) -> None:
    """Render many manifests: files, folders (recursive) or .txt lists of them; with
    --import, an archive's page texts. With --dask, the workers need not see the files:
    each job carries its files' bytes and returns the PDF's."""
    from ..batch import (Progress, check_batch_outputs, collect, locked_outdir,  # noqa: PLC0415
                         run_batch, summary)

    choice = output_choice(for_print, for_screen, pdfx)
    started = time.perf_counter()
    finished: list = []
    try:
        report = report or outdir / "report.jsonl"
        jobs = collect(paths, outdir, imported)
        check_batch_outputs(paths, jobs, outdir, report)
        progress = Progress(len(jobs))

        def record(outcome) -> None:
            finished.append(outcome)
            progress.add(outcome)

        with locked_outdir(outdir):
            outcomes = run_batch(jobs, report, workers, force, allow_overflow, dask_address,
                                 record, strict, choice)
    except LayoutError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    except OSError as err:  # the output folder or the report: read-only, a full disk
        click.echo(f"error: cannot write {err.filename or report}: "
                   f"{err.strerror or err}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted after {len(finished)} manifests; every PDF written is whole: "
                   "run the same command again to do the rest", err=True)
        sys.exit(130)
    click.echo(summary(outcomes, time.perf_counter() - started), err=True)
    sys.exit(0 if all(o.status != "failed" for o in outcomes) else 1)
