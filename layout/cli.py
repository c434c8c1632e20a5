"""The `layout` command: thin, every decision is in the library."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from . import __version__, layout_loaded
from .errors import EXIT_OVERFLOW, LayoutError
from .flow import LOOSE_NOTE
from .fonts import shipped_fonts
from .manifest import issue_text, load_issue
from .render.dump import dump_page
from .render.pdf import render_pdf, write_atomically


@click.group()
@click.version_option(__version__, prog_name="layout")
def main() -> None:
    """Typeset Chinese newspaper pages from issue manifests."""


@main.command()
@click.argument("manifest", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="PDF to write (default: the manifest's name with .pdf, beside it).")
@click.option("--allow-overflow", is_flag=True,
              help="Write the page even when text does not fit (it is still reported).")
@click.option("--dump", is_flag=True, help="Also print every placed line as text.")
@click.option("-v", "--verbose", is_flag=True,
              help="List every change input normalization made, and every loose line.")
@click.option("--png", is_flag=True, help="Also write a PNG preview of the page beside the PDF.")
@click.option("--png-dpi", default=100.0, show_default=True, help="Resolution of the preview.")
def render(manifest: Path, output: Path | None, allow_overflow: bool, dump: bool,
           verbose: bool, png: bool, png_dpi: float) -> None:
    """Typeset MANIFEST into a PDF page."""
    output = output or manifest.with_suffix(".pdf")
    try:
        fonts = shipped_fonts()
        issue = load_issue(manifest)
        page = layout_loaded(issue, fonts)
        if verbose:
            for edit in issue.edits:
                click.echo(f"normalized {edit}", err=True)
        # Pictures that will print soft and text broken against the rules are always worth
        # a word; loose lines are counted unless asked for one by one.
        quiet = [n for n in page.notes if f": {LOOSE_NOTE}: " in n]
        for note in page.notes:
            if verbose or note not in quiet:
                click.echo(f"{manifest}: {note}", err=True)
        if verbose:
            for usage in page.usage:
                click.echo(f"{manifest}: {usage}", err=True)
        if quiet and not verbose:
            click.echo(f"{manifest}: {len(quiet)} line(s) set loose "
                       f"(--verbose lists them)", err=True)
        if dump:
            click.echo(dump_page(page), nl=False)
        for item in page.overflow:
            click.echo(f"{manifest}: article {item.article_index + 1} does not fit: "
                       f"{len(item.text.replace(chr(10), ''))} characters ({item.lines} "
                       f"lines) left over, starting “{item.text[:12]}…”", err=True)
        if page.overflow and not allow_overflow:
            click.echo("  → shorten the text or give the article more room; "
                       "--allow-overflow writes the page anyway", err=True)
            sys.exit(EXIT_OVERFLOW)
        pdf = render_pdf(page, fonts)
        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(output, pdf)
        if png:
            from .render.preview import write_previews  # noqa: PLC0415 (pdfium: only here)
            for path in write_previews(pdf, output.with_suffix(".png"), png_dpi):
                click.echo(f"wrote {path}", err=True)
    except LayoutError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    except OSError as err:
        click.echo(f"error: cannot write {output}: {err.strerror}", err=True)
        sys.exit(1)
    click.echo(f"wrote {output}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--outdir", required=True, type=click.Path(path_type=Path),
              help="Folder for the PDFs; mirrors the input folders.")
@click.option("-j", "--jobs", "workers", type=int, default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--force", is_flag=True, help="Render everything, even PDFs that are up to date.")
@click.option("--allow-overflow", is_flag=True, help="Write pages whose text does not fit.")
@click.option("--report", type=click.Path(path_type=Path),
              help="JSON-lines report (default: OUTDIR/report.jsonl).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Run on a Dask cluster (tcp://host:8786) instead of local processes.")
def batch(paths: tuple[Path, ...], outdir: Path, workers: int | None, force: bool,
          allow_overflow: bool, report: Path | None, dask_address: str | None) -> None:
    """Render many manifests: files, folders (recursive) or .txt lists of them."""
    from .batch import Progress, collect, run_batch, summary  # noqa: PLC0415

    started = time.perf_counter()
    finished: list = []
    try:
        jobs = collect(paths, outdir)
        progress = Progress(len(jobs))

        def record(outcome) -> None:
            finished.append(outcome)
            progress.add(outcome)

        outcomes = run_batch(jobs, report or outdir / "report.jsonl", workers, force,
                             allow_overflow, dask_address, record)
    except LayoutError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted after {len(finished)} manifests; every PDF written is whole: "
                   "run the same command again to do the rest", err=True)
        sys.exit(130)
    click.echo(summary(outcomes, time.perf_counter() - started), err=True)
    sys.exit(0 if all(o.status != "failed" for o in outcomes) else 1)


@main.command()
@click.argument("manifest", type=click.Path(path_type=Path))
def text(manifest: Path) -> None:
    """Print MANIFEST's text in reading order (what the PDF must give back)."""
    try:
        click.echo(issue_text(load_issue(manifest)), nl=False)
    except LayoutError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)


if __name__ == "__main__":
    main()
