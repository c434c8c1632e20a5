"""Commands that read a page and say what it holds: `fit`, `text`, `templates`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EXIT_BAD_INPUT, LayoutError
from .group import main


@main.command()
@click.argument("manifest", type=click.Path(path_type=Path))
def fit(manifest: Path) -> None:
    """Copyfit (每版容字量): per article, its part of the page, the characters it holds and
    how many to add or cut to fill it exactly; then the page's total."""
    from ..fonts import shipped_fonts  # noqa: PLC0415
    from ..model import PageFit  # noqa: PLC0415
    from ..pipeline import layout, load, report  # noqa: PLC0415

    try:
        loaded = load(manifest)
        said = report(layout(loaded, shipped_fonts()))
    except LayoutError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    for item in said.fits:
        click.echo(str(item))
    for jump in said.jumps:  # an article on two pages: counted across both
        click.echo(str(jump))
    click.echo(str(PageFit.of(said.fits, "issue" if loaded.edition.whole else "page")))
    for hole in said.holes:
        click.echo(str(hole))


@main.command()
@click.argument("manifest", type=click.Path(path_type=Path))
@click.option("--manifest-order", is_flag=True,
              help="The manifest's own order (captions after the note), without laying the "
                   "page out.")
def text(manifest: Path, manifest_order: bool) -> None:
    """Print MANIFEST's text in reading order: what the PDF must give back, each picture's
    caption where a reader meets the picture on the page."""
    from ..fonts import shipped_fonts  # noqa: PLC0415
    from ..manifest import issue_text, load_manifest  # noqa: PLC0415
    from ..pipeline import layout, load, report  # noqa: PLC0415

    try:
        if manifest_order:
            edition = load_manifest(manifest)
            click.echo("".join(issue_text(issue) for issue in edition.pages), nl=False)
            return
        click.echo(report(layout(load(manifest), shipped_fonts())).text, nl=False)
    except LayoutError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)


@main.command()
@click.argument("folder", required=False, type=click.Path(path_type=Path))
def templates(folder: Path | None) -> None:
    """List the templates a manifest in FOLDER (default: here) can name, and the file each
    name means: next to the page, a templates/ folder there or above it, then shipped."""
    from ..templates import known_templates  # noqa: PLC0415

    if folder is not None and not folder.is_dir():
        click.echo(f"error: {folder}: {'not a folder' if folder.exists() else 'no such folder'}"
                   "\n  → give the folder of a page (default: here)", err=True)
        sys.exit(EXIT_BAD_INPUT)
    for name, path in known_templates(folder or Path.cwd()).items():
        click.echo(f"{name:<24} {path}")
