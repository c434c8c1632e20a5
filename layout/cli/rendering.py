"""`layout render`: one page or an issue into a PDF, its previews and proof; --watch."""
from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

import click

from ..errors import EXIT_BAD_INPUT, EXIT_HOLES, EXIT_OVERFLOW, LayoutError, shown
from ..model import PageFit, on_page
from ..output import is_stdout, refuse_clashes, write_atomically
from .group import into_folder, main, make_folder, output_choice, output_options


@main.command()
@click.argument("manifest", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(),
              help="PDF to write (default: the manifest's name with .pdf, beside it); "
                   "a folder (written FOLDER/) gets it under its own name; - writes it to "
                   "standard output.")
@click.option("--allow-overflow", is_flag=True,
              help="Write the page even when text does not fit (it is still reported).")
@click.option("--dump", is_flag=True, help="Also print every placed line as text.")
@click.option("-v", "--verbose", is_flag=True,
              help="List every change input normalization made, and every loose line.")
@click.option("--png", is_flag=True, help="Also write a PNG preview of the page beside the PDF.")
@click.option("--png-dpi", default=100.0, show_default=True, help="Resolution of the preview.")
@click.option("--grid", is_flag=True,
              help="Draw the guides on the PNG preview (implies --png): columns, baseline "
                   "grid, each article's module, numbered; and write them on a proof PDF, "
                   "NAME-grid.pdf (NAME.pdf stays as it prints).")
@click.option("--watch", is_flag=True,
              help="Keep running: render again whenever the manifest, its templates or its "
                   "pictures change (Ctrl-C stops).")
@click.option("--strict", is_flag=True,
              help="A blank hole (天窗) on the page is an error (exit 4): nothing is written.")
@click.option("--split", is_flag=True,
              help="An issue's pages each in a PDF of its own, NAME-p1.pdf, NAME-p2.pdf, … "
                   "(instead of one PDF of all its pages).")
@output_options
def render(manifest: Path, output: str | None, allow_overflow: bool, dump: bool,
           verbose: bool, png: bool, png_dpi: float, grid: bool, watch: bool,
           strict: bool, split: bool, for_print: bool, for_screen: bool,
           pdfx: str | None) -> None:
    """Typeset MANIFEST into a PDF page, or an issue's pages into one PDF."""
    choice = output_choice(for_print, for_screen, pdfx)
    target = into_folder(output, manifest.with_suffix(".pdf").name) or \
        manifest.with_suffix(".pdf")
    png = png or grid
    problem = _option_problem(target, png, png_dpi, watch, dump) or (
        "--split writes a PDF a page beside OUT: give a file (-o ISSUE.pdf)"
        if split and is_stdout(target) else None)
    if problem:  # before any work: nothing is written
        click.echo(f"error: {problem}", err=True)
        sys.exit(EXIT_BAD_INPUT)

    kept = None
    if watch:  # an edit re-renders what it changed: the rest is kept from the last render
        from ..pipeline import Kept  # noqa: PLC0415

        kept = Kept()

    def once() -> tuple[int, list[Path]]:
        return render_once(manifest, target, allow_overflow, dump, verbose, png, png_dpi,
                            strict, grid, choice, split, kept)

    if watch:
        try:
            watch_inputs(manifest, once)
        except KeyboardInterrupt:
            click.echo("stopped watching", err=True)
        return
    code, _ = once()
    if code:
        sys.exit(code)


# The preview's resolution: a page at more than this would take gigabytes of pixels.
MAX_PNG_DPI = 1200


def proof_path(output: Path) -> Path:
    """Where `render --grid` writes its proof PDF: NAME-grid.pdf beside NAME.pdf."""
    return output.with_name(f"{output.stem}-grid.pdf")


def split_path(output: Path, page: int) -> Path:
    """Where `render --split` writes page `page` of an issue: NAME-p4.pdf."""
    return output.with_name(f"{output.stem}-p{page}.pdf")


def png_path(output: Path, page: int) -> Path:
    """The PNG preview of page `page` (2 on; the first is NAME.png): NAME-2.png."""
    return output.with_name(f"{output.stem}-{page}.png")


def _option_problem(output: Path, png: bool, png_dpi: float, watch: bool,
                    dump: bool = False) -> str | None:
    """What is wrong with the options of `render`, if anything."""
    if not (0 < png_dpi <= MAX_PNG_DPI):
        return (f"--png-dpi {png_dpi} is not a resolution: give a number above 0 and at "
                f"most {MAX_PNG_DPI}")
    if is_stdout(output) and (png or watch):
        return "-o - writes the PDF to standard output: --png and --watch need a file (-o PAGE.pdf)"
    if is_stdout(output) and dump:
        return ("-o - writes the PDF to standard output, where --dump prints the lines: "
                "write the PDF to a file (-o PAGE.pdf)")
    return None


def render_once(manifest: Path, output: Path, allow_overflow: bool, dump: bool,
                 verbose: bool, png: bool, png_dpi: float,
                 strict: bool = False, grid: bool = False,
                 choice: str | None = None, split: bool = False,
                 kept=None) -> tuple[int, list[Path]]:
    """Render the page once, saying what happened; return the exit code and the files the
    page was made from (none known when the manifest or its template could not be read).
    `kept`: what the renders before this one kept for it (`--watch`: pipeline.Kept)."""
    from ..fonts import shipped_fonts  # noqa: PLC0415 (the pipeline: see the imports above)
    from ..pipeline import layout, load, report  # noqa: PLC0415

    if not gc.get_freeze_count():  # what the imports made lives as long as the process:
        gc.freeze()  # out of the cyclic collector's way (its walks: 3 % of a one-page render)
    gc.enable()  # (off while `layout render` imported them: cli/__init__.py)
    inputs: list[Path] = []
    written: list[Path] = []
    try:
        fonts = shipped_fonts()
        loaded = load(manifest)
        inputs = loaded.inputs()
        refuse_clashes(_outputs(loaded, output, png, png_dpi, grid, split), inputs)
        page = layout(loaded, fonts, kept=kept)
        said = report(page, loaded)
        _tell(manifest, said, page, verbose, dump)
        if said.overflow and not allow_overflow:
            click.echo("  → shorten the text or give the article more room; "
                       "--allow-overflow writes the page anyway", err=True)
            return EXIT_OVERFLOW, inputs
        if said.holes and strict:
            return EXIT_HOLES, inputs
        _write_render(page, loaded, fonts, output, choice, kept, split, png, png_dpi, grid,
                      written)
    except LayoutError as err:
        if written:
            click.echo(f"wrote {', '.join(map(str, written))}", err=True)
        click.echo(f"error: {err}", err=True)
        return err.exit_code, inputs
    except OSError as err:  # the PDF, or after it a preview: say which, and what was written
        failed = output if not written else f"the preview beside {written[-1]}"
        if written:
            click.echo(f"wrote {', '.join(map(str, written))}", err=True)
        click.echo(f"error: cannot write {failed}: {err.strerror or err}", err=True)
        return 1, inputs
    if not split:
        click.echo("wrote the PDF to standard output" if is_stdout(output)
                   else f"wrote {output}", err=True)
    return 0, inputs


def _outputs(loaded, output: Path, png: bool, png_dpi: float, grid: bool,
             split: bool) -> list[tuple[Path, str]]:
    """The files a render writes, each with what it is (an error when a preview of the
    page at `png_dpi` would be too large)."""
    template = loaded.templates[0]
    if png:
        from ..render.preview import preview_problem  # noqa: PLC0415

        problem = preview_problem(template.page_width, template.page_height, png_dpi)
        if problem:
            raise LayoutError(problem)
    pages = loaded.edition.pages
    outputs = ([(split_path(output, i.page_number), f"PDF of page {i.page_number}")
                for i in pages] if split else [(output, "PDF")])
    if png:
        outputs.append((output.with_suffix(".png"), "PNG preview"))
        outputs += [(png_path(output, n), "PNG preview") for n in range(2, len(pages) + 1)]
    if grid:
        outputs.append((proof_path(output), "proof PDF with the guides"))
    return outputs


def _tell(manifest: Path, said, page, verbose: bool, dump: bool) -> None:
    """Say what the page's report holds: what normalization guessed, pictures that will
    print soft and text broken against the rules always; loose lines counted unless asked
    for one by one (-v, with each article's copyfit); the lines with --dump; text left
    over and blank holes (天窗: a fault, like lost text) always."""
    from ..render.dump import dump_page  # noqa: PLC0415

    for notice in said.told(verbose):
        click.echo(shown(notice.text if notice.kind == "normalized"
                         else f"{manifest}: {notice.text}"), err=True)
    if verbose:
        for fit in said.fits:
            click.echo(shown(f"{manifest}: {fit}"), err=True)
    if said.loose and not verbose:
        click.echo(f"{manifest}: {len(said.loose)} line(s) set loose "
                   f"(--verbose lists them)", err=True)
    if dump:
        for laid in page.pages:
            click.echo(dump_page(laid), nl=False)
    for item in said.overflow:
        click.echo(shown(f"{manifest}: {on_page(item.page)}article "
                         f"{item.article_index + 1} does not fit: "
                         f"{len(item.text.replace(chr(10), ''))} characters "
                         f"({item.lines} lines) left over, starting “{item.text[:12]}…”"),
                   err=True)
    for hole in said.holes:
        click.echo(f"{manifest}: {hole}", err=True)
    # a page with holes, as a whole short of copy (its fit's total: never so with text
    # left over): by how much
    short = {h.page: PageFit.of([f for f in said.fits if f.page == h.page]).delta
             for h in said.holes}
    for number, chars in short.items():
        if chars > 0:
            click.echo(f"  → {on_page(number)}the page is about {chars} 字 short of full (a "
                       "newspaper prints no blank): add text or pictures to the articles with "
                       "holes (`layout fit` says how many characters each takes, and what "
                       "fills a hole no text reaches), or give them less room", err=True)
    if said.holes and not any(chars > 0 for chars in short.values()):
        click.echo("  → add text or pictures to the article (`layout fit` says how many "
                   "characters), or give it less room", err=True)


def _write_render(page, loaded, fonts, output: Path, choice: str | None, kept, split: bool,
                  png: bool, png_dpi: float, grid: bool, written: list[Path]) -> None:
    """Write the render's PDF (or a PDF a page, `split`), its previews and proof, adding
    each file written to `written` (said when a later one fails)."""
    from ..pipeline import render, render_proof, render_split  # noqa: PLC0415

    pdf = render(page, loaded, fonts, choice, kept)
    make_folder(output)
    if split:
        for issue, part in zip(loaded.edition.pages,
                               render_split(page, loaded, fonts, choice)):
            write_atomically(split_path(output, issue.page_number), part)
            click.echo(f"wrote {split_path(output, issue.page_number)}", err=True)
    else:
        write_atomically(output, pdf)
        written.append(output)
    if png:
        from ..render.preview import page_modules, write_previews  # noqa: PLC0415

        guides = ([(t, page_modules(laid)) for t, laid in zip(loaded.templates, page.pages)]
                  if grid else None)
        for path in write_previews(pdf, output.with_suffix(".png"), png_dpi, guides):
            click.echo(f"wrote {path}", err=True)
            written.append(path)
        if grid:  # the guides on a PDF made only for proofing; the page's PDF as it is
            proof = proof_path(output)
            write_atomically(proof, render_proof(page, loaded, fonts))
            click.echo(f"wrote {proof}", err=True)


WATCH_POLL = 0.3


def _stamps(paths: list[Path]) -> dict[Path, tuple[int, int] | None]:
    """Modification time and size of each file (None: missing), to tell a change."""
    out: dict[Path, tuple[int, int] | None] = {}
    for path in paths:
        try:
            info = path.stat()
            out[path] = (info.st_mtime_ns, info.st_size)
        except OSError:
            out[path] = None
    return out


def watch_inputs(manifest: Path, once: Callable[[], tuple[int, list[Path]]],
                 sleep: Callable[[float], None] = time.sleep, rounds: int | None = None) -> None:
    """Render, then render again each time one of the page's files changes, until
    interrupted (or after `rounds` looks, for tests). A failed render is reported and the
    last good PDF stays; the files watched are those the last readable manifest named, and
    always the manifest itself."""
    files = [manifest]
    seen: dict[Path, tuple[int, int] | None] | None = None
    while rounds is None or rounds > 0:
        now = _stamps(files)
        if now != seen:
            try:
                _, inputs = once()
            except Exception as err:  # a bug must not end the designer's loop: said, and on
                click.echo(f"error: internal error, a bug in layout ({type(err).__name__}: "
                           f"{err}) → please report it with this input", err=True)
                inputs = []
            files = list(dict.fromkeys([manifest, *(inputs or files)]))
            after = _stamps(files)  # (a change made while rendering still counts)
            seen = {path: now.get(path, after[path]) for path in files}
            click.echo(f"watching {len(files)} file(s) for changes (Ctrl-C stops)", err=True)
        if rounds is not None:
            rounds -= 1
        sleep(WATCH_POLL)
