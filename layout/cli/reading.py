"""Commands that read a page and say what it holds: `fit`, `text`, `templates`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import EXIT_BAD_INPUT, LayoutError
from .group import main

if TYPE_CHECKING:
    from ..model import Copyfit, Hole


@main.command()
@click.argument("manifest", type=click.Path(path_type=Path))
def fit(manifest: Path) -> None:
    """Copyfit (每版容字量): per article, its part of the page, the characters it holds and
    how many to add or cut to fill it exactly — tried: that much plain text added to (or
    cut from the end of) its last paragraph fills the page as it is arranged, one more
    would run over; then the page's total, and under each blank hole what fills it."""
    from ..fonts import shipped_fonts  # noqa: PLC0415
    from ..model import PageFit  # noqa: PLC0415
    from ..pipeline import fitted, load, report  # noqa: PLC0415

    try:
        loaded = load(manifest)
        said = report(fitted(loaded, shipped_fonts()))
    except LayoutError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    for item in said.fits:
        click.echo(str(item))
    for jump in said.jumps:  # an article on two pages: counted across both
        click.echo(str(jump))
    click.echo(str(PageFit.of(said.fits, "issue" if loaded.edition.whole else "page")))
    _holes(said)
    if any(f.tried and f.delta for f in said.fits):
        click.echo("note: the counts are plain text's, added at the end of an article's last "
                   "paragraph (or cut from its end); text with punctuation can take two or "
                   "three more where a line breaks (keep three 字 in hand), a new paragraph "
                   "its indent and its last line's end")
    _made_up(manifest, loaded)


def _holes(said) -> None:
    """Each blank hole, and under it what fills it."""
    for hole in said.holes:
        click.echo(str(hole))
        fit = next((f for f in said.fits if f.article_index == hole.article_index
                    and f.page == hole.page), None)
        click.echo(f"  → {what_fills(hole, fit)}")



def what_fills(hole: Hole, fit: Copyfit | None) -> str:
    """What fills a blank hole, said under it by `layout fit`: the count its article is
    to take when the hole is at the foot of the article's part (text flows down into
    it); else what no count of characters can do — text flows under a headline (a hole
    above its body's first line is beside the head), round a picture, and on past a
    block that moved to the next column, never back into what they leave."""
    if fit is None:
        return ("outside every article: no text flows there; a module over it (an "
                "article's `region:`), or the page made up again, fills it")
    name = f"article {fit.article_index + 1}"
    if hole.last_line >= fit.last_line:  # at the foot of its columns
        if fit.add:
            return f"{name}'s +{fit.add} 字 fill it"
        return (f"no more text fits {name} (its columns end short): a picture there, or "
                "its module made smaller (`region:`), fills it")
    if hole.first_line == fit.first_line and (hole.first_column, hole.last_column) == (
            fit.first_column, fit.last_column):  # across its top: over the headline group
        return (f"no count of characters fills it: it is over {name}'s headline group "
                "(the air set over it); less air there (its region's `drop:` and `air:`, "
                "written by `layout pin`) moves its text up, then its count fills the "
                "foot; or the page made up again")
    if hole.first_line < (fit.body_line or fit.first_line + 2):  # beside the headline
        return (f"no count of characters fills it: it is beside {name}'s headline, and "
                "text flows under the headline; the headline across it (its `columns:`, "
                "or a size up), a picture there, or the page made up again")
    if fit.pictured:
        return (f"no count of characters fills it: text flows round {name}'s pictures, "
                "not into it; a larger picture, or the page made up again")
    return (f"no count of characters fills it: {name}'s text runs on in its next column "
            "(a box or a subhead that did not fit under it moved on, or its legs balanced "
            "so); an edit of the text before it, or the page made up again")


def _made_up(manifest: Path, loaded) -> None:
    """On a page the make-up arranged, that the counts hold for the arrangement shown."""
    made_up = [issue.page_number for issue in loaded.edition.pages
               if not all(a.pinned for a in issue.articles)]
    if not made_up:
        return
    pages = (f"page{'s' if len(made_up) > 1 else ''} {', '.join(map(str, made_up))}"
             if loaded.edition.whole else "the page")
    click.echo(f"note: the make-up arranged {pages}: these counts hold for the arrangement "
               "shown, and after an edit it arranges the page anew (with counts of its "
               f"own); `layout pin {manifest}` first keeps the arrangement through the edit")


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
