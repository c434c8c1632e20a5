"""The `layout` command: thin, every decision is in the library."""
from __future__ import annotations

import datetime
import os
import sys
import time
from pathlib import Path
from contextlib import contextmanager
from typing import Callable, Iterator

import click

from . import __version__
from .errors import EXIT_BAD_INPUT, EXIT_HOLES, EXIT_OVERFLOW, LayoutError, shown
from .model import on_page
from .output import is_stdout, refuse_clashes, write_atomically

# The pipeline (fonts, make-up, PDF writer) is imported by the commands that run it, not
# by `layout --help` or a mistyped command: start-up stays quick.


class _Commands(click.Group):
    """The commands, each interrupted by Ctrl-C with exit 130 (as the README says), not
    click's "Aborted!" and 1; every file a command writes is written whole or not at all."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\ninterrupted: every file written is whole", err=True)
            sys.exit(130)


@click.group(cls=_Commands)
@click.version_option(__version__, prog_name="layout")
def main() -> None:
    """Typeset Chinese newspaper pages from issue manifests.

    \b
    Exit codes:
      0    done
      1    a file could not be written, or some pages of a batch failed
      2    bad input (the message names file:line and what to do); nothing written
      3    text does not fit (the page is written only with --allow-overflow)
      4    a blank hole (天窗) on the page with --strict; nothing written
      130  interrupted (Ctrl-C); every file written is whole
    """


_OUTPUT_OPTIONS = [
    click.option("--print", "for_print", is_flag=True,
                 help="For the press: PDF/X (the template's standard, PDF/X-4 unless it "
                      "says), every colour CMYK, black text black ink only, pictures "
                      "through the output profile, trim and bleed boxes, crop marks."),
    click.option("--screen", "for_screen", is_flag=True,
                 help="The screen PDF (RGB), whatever the template's `output:` says."),
    click.option("--pdfx", type=click.Choice(["PDF/X-4", "PDF/X-1a:2001"]), default=None,
                 help="The PDF/X standard (implies --print): X-1a:2001 where a plant asks "
                      "for it."),
]


def _output_options(command):
    for option in reversed(_OUTPUT_OPTIONS):
        command = option(command)
    return command


def _output_choice(for_print: bool, for_screen: bool, pdfx: str | None) -> str | None:
    """What to make: "screen", "print", a standard, or None (the template says)."""
    if for_screen and (for_print or pdfx):
        click.echo("error: --screen and --print/--pdfx ask for different PDFs: give one",
                   err=True)
        sys.exit(EXIT_BAD_INPUT)
    return pdfx or ("print" if for_print else "screen" if for_screen else None)


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
@_output_options
def render(manifest: Path, output: str | None, allow_overflow: bool, dump: bool,
           verbose: bool, png: bool, png_dpi: float, grid: bool, watch: bool,
           strict: bool, split: bool, for_print: bool, for_screen: bool,
           pdfx: str | None) -> None:
    """Typeset MANIFEST into a PDF page, or an issue's pages into one PDF."""
    choice = _output_choice(for_print, for_screen, pdfx)
    output = into_folder(output, manifest.with_suffix(".pdf").name) or \
        manifest.with_suffix(".pdf")
    png = png or grid
    problem = _option_problem(output, png, png_dpi, watch, dump) or (
        "--split writes a PDF a page beside OUT: give a file (-o ISSUE.pdf)"
        if split and is_stdout(output) else None)
    if problem:  # before any work: nothing is written
        click.echo(f"error: {problem}", err=True)
        sys.exit(EXIT_BAD_INPUT)

    kept = None
    if watch:  # an edit re-renders what it changed: the rest is kept from the last render
        from .pipeline import Kept  # noqa: PLC0415

        kept = Kept()

    def once() -> tuple[int, list[Path]]:
        return _render_once(manifest, output, allow_overflow, dump, verbose, png, png_dpi,
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


def into_folder(output: str | None, name: str) -> Path | None:
    """`-o`: a file; a folder (an existing one, or a name ending with a slash, made when
    missing) means the file `name` in it."""
    if output is None:
        return None
    if output.endswith(("/", os.sep)) or (not is_stdout(output) and Path(output).is_dir()):
        return Path(output) / name
    return Path(output)


def make_folder(output: Path) -> None:
    """The folder an output goes in, made when missing; a file where a folder should be
    is said in words."""
    if is_stdout(output):
        return
    for folder in (output.parent, *output.parent.parents):
        if folder.exists() and not folder.is_dir():
            raise LayoutError(f"{folder} is a file, where the folder of {output} should be",
                              hint="give another -o, or move the file away")
    output.parent.mkdir(parents=True, exist_ok=True)


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


def _render_once(manifest: Path, output: Path, allow_overflow: bool, dump: bool,
                 verbose: bool, png: bool, png_dpi: float,
                 strict: bool = False, grid: bool = False,
                 choice: str | None = None, split: bool = False,
                 kept=None) -> tuple[int, list[Path]]:
    """Render the page once, saying what happened; return the exit code and the files the
    page was made from (none known when the manifest or its template could not be read).
    `kept`: what the renders before this one kept for it (`--watch`: pipeline.Kept)."""
    from .fonts import shipped_fonts  # noqa: PLC0415 (the pipeline: see the imports above)
    from .pipeline import layout, load, report  # noqa: PLC0415

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
        from .render.preview import preview_problem  # noqa: PLC0415

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
    from .render.dump import dump_page  # noqa: PLC0415

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
    if said.holes:
        click.echo("  → add text or pictures to the article (`layout fit` says how many "
                   "characters), or give it less room", err=True)


def _write_render(page, loaded, fonts, output: Path, choice: str | None, kept, split: bool,
                  png: bool, png_dpi: float, grid: bool, written: list[Path]) -> None:
    """Write the render's PDF (or a PDF a page, `split`), its previews and proof, adding
    each file written to `written` (said when a later one fails)."""
    from .pipeline import render, render_proof, render_split  # noqa: PLC0415

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
        from .render.preview import page_modules, write_previews  # noqa: PLC0415

        guides = ([(t, page_modules(laid)) for t, laid in zip(loaded.templates, page.pages)]
                  if grid else None)
        for path in write_previews(pdf, output.with_suffix(".png"), png_dpi, guides):
            click.echo(f"wrote {path}", err=True)
            written.append(path)
        if grid:  # the guides on a PDF made only for proofing; the page's PDF as it is
            proof = proof_path(output)
            write_atomically(proof, render_proof(page, loaded, fonts))
            click.echo(f"wrote {proof}", err=True)


# How often --watch looks at its files, seconds: a save shows within a third of a second.
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
@_output_options
def batch(paths: tuple[Path, ...], outdir: Path, workers: int | None, force: bool,
          allow_overflow: bool, report: Path | None, dask_address: str | None,
          strict: bool, imported: bool, for_print: bool, for_screen: bool,
          pdfx: str | None) -> None:
    """Render many manifests: files, folders (recursive) or .txt lists of them; with
    --import, an archive's page texts. With --dask, the workers need not see the files:
    each job carries its files' bytes and returns the PDF's."""
    from .batch import (Progress, check_batch_outputs, collect, locked_outdir,
                        run_batch, summary)  # noqa: PLC0415

    choice = _output_choice(for_print, for_screen, pdfx)
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


@main.command()
@click.argument("manifest", type=click.Path(path_type=Path))
def fit(manifest: Path) -> None:
    """Copyfit (每版容字量): per article, its part of the page, the characters it holds and
    how many to add or cut to fill it exactly; then the page's total."""
    from .fonts import shipped_fonts  # noqa: PLC0415
    from .pipeline import layout, load, report  # noqa: PLC0415

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
    holds = sum(f.holds for f in said.fits)
    delta = sum(f.delta for f in said.fits)
    sign = "+" if delta > 0 else "−" if delta < 0 else "±"
    whole = "issue" if loaded.edition.whole else "page"
    click.echo(f"{whole}: holds {holds} 字, room for {holds + delta} 字: {sign}{abs(delta)} 字")
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
    from .fonts import shipped_fonts  # noqa: PLC0415
    from .manifest import issue_text, load_manifest  # noqa: PLC0415
    from .pipeline import layout, load, report  # noqa: PLC0415

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
    from .templates import known_templates  # noqa: PLC0415

    if folder is not None and not folder.is_dir():
        click.echo(f"error: {folder}: {'not a folder' if folder.exists() else 'no such folder'}"
                   "\n  → give the folder of a page (default: here)", err=True)
        sys.exit(EXIT_BAD_INPUT)
    for name, path in known_templates(folder or Path.cwd()).items():
        click.echo(f"{name:<24} {path}")


@main.command(name="import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(),
              help="The manifest to write (default: SOURCE with .yaml; a folder (FOLDER/) "
                   "gets it under that name; - for stdout).")
@click.option("--template", help="Template name or .yaml file (default: party-building when "
                                 "the text opens with its banner, else news-tabloid).")
@click.option("--paper", help="The paper's name (not in an archive's text).")
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="The issue's date.")
@click.option("--page", type=click.IntRange(1, 999), help="The page number.")
@click.option("--force", is_flag=True,
              help="Replace the manifest when it exists (an editor's corrections in it "
                   "are lost).")
def import_(source: Path, output: str | None, template: str | None, paper: str | None,
            date_: str | None, page: int | None, force: bool) -> None:
    """Make a manifest draft from the raw text of a printed page (an archive's .txt): the
    banner, headlines, bylines, notes, subheads, captions and signatures told apart, the
    paragraphs a column break cut joined; every unsure decision a YAML comment. Pictures
    are added as placeholders where the page would otherwise leave a blank hole."""
    from .importer import fill, import_text, read_source  # noqa: PLC0415
    from .templates import load_template  # noqa: PLC0415

    output = into_folder(output, source.with_suffix(".yaml").name) or \
        source.with_suffix(".yaml")
    # (its template is found from where the manifest will be: here, for stdout)
    home = Path.cwd() if is_stdout(output) else output.parent
    try:
        if date_ is not None:
            try:
                datetime.date.fromisoformat(date_)
            except ValueError:
                raise LayoutError(f"--date {date_!r} is not a date",
                                  hint="write it as YYYY-MM-DD") from None
        refuse_clashes([(output, "manifest")], [source])
        if template is not None:
            template = _template_option(template, home)
        text = read_source(source)
        imported = import_text(text, source.name, template, paper, date_, page)
        refuse_clashes([(output, "manifest")],
                       [source, *load_template(imported.template, home).sources])
        if not force and not is_stdout(output) and output.is_file():
            raise LayoutError("the manifest exists (an editor may have corrected it): it is "
                              "kept", output, hint="give another -o, or --force to replace it")
        manifest, laid = fill(imported, home)
    except LayoutError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    try:
        make_folder(output)
        write_atomically(output, manifest.encode("utf-8"))
    except LayoutError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    except OSError as err:
        click.echo(f"error: cannot write {output}: {err.strerror}", err=True)
        sys.exit(1)
    count = len(imported.articles)
    click.echo(f"imported {count} article(s) onto {imported.template}; "
               f"{len(imported.unsure)} decision(s) to check (marked # in the manifest):",
               err=True)
    for doubt in imported.unsure:
        click.echo(shown(f"  {doubt}"), err=True)
    for hole in laid.holes:
        click.echo(str(hole), err=True)
    for left in laid.overflow:
        click.echo(f"article {left.article_index + 1}: {len(''.join(left.text.split()))} "
                   "characters do not fit", err=True)
    click.echo("wrote the manifest to standard output" if is_stdout(output)
               else f"wrote {output}", err=True)


def _template_option(name: str, home: Path) -> str:
    """`import --template`: a shipped or known name as it is, a file (a name ending .yaml
    or with a slash, from here) as the manifest in `home` must write it; either must be
    there."""
    from .templates import find_template, known_templates  # noqa: PLC0415

    if name.endswith((".yaml", ".yml")) or "/" in name:
        path = Path(name).absolute()
        if not path.is_file():
            raise LayoutError(f"--template {name}: no such file",
                              hint="give a template's name (`layout templates` lists them) "
                                   "or the path of its .yaml file from here")
        return os.path.relpath(path, home.absolute())
    if not find_template(name, home).is_file():
        raise LayoutError(f"--template {name}: no such template",
                          hint="templates it can name: " + ", ".join(sorted(
                              known_templates(home))) + " (`layout templates`); or give "
                              "the path of a .yaml file")
    return name


@main.command()
@click.argument("story", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="The manifest to write (default: STORY with .yaml).")
@click.option("--append", type=click.Path(path_type=Path),
              help="Add the article at the end of this manifest's articles instead (its "
                   "other bytes, comments included, kept).")
@click.option("--template", default="news-tabloid", show_default=True,
              help="The new manifest's template.")
@click.option("--force", is_flag=True, help="Replace an existing manifest or picture.")
def intake(story: Path, output: Path | None, append: Path | None, template: str,
           force: bool) -> None:
    """Make an article from a reporter's file (.docx, .txt or .md): title, 引题, 副题,
    byline, 编者按, subheads, pictures and their captions told apart, the text normalized,
    every decision made on position alone a # comment in the manifest."""
    from .intake import intake as make  # noqa: PLC0415

    with _refusing():
        if output is not None and append is not None:
            raise LayoutError("-o and --append both say where the article goes",
                              hint="give one of them")
        if output is not None:
            refuse_clashes([(output, "manifest")], [story])
        target, pictures, unsure = make(story, output, append, force, template)
    for picture in pictures:
        click.echo(f"saved {picture}", err=True)
    click.echo(f"{len(unsure)} decision(s) to check (marked # in the manifest):", err=True)
    for doubt in unsure:
        click.echo(f"  {doubt}", err=True)
    click.echo(f"{'added the article to' if append else 'wrote'} {target}", err=True)


@main.command()
@click.argument("manifest", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Write the pinned manifest here (default: MANIFEST itself, replaced "
                   "whole; a folder: MANIFEST's name in it; - for standard output).")
def pin(manifest: Path, output: str | None) -> None:
    """Write the make-up's arrangement into MANIFEST (a page): a `region:` for every
    article it placed, its headlines' sizes, its pictures' places and the rules between
    its modules, each marked `# pinned by layout pin`; the rest of the file as it was."""
    from .pin import pin_manifest  # noqa: PLC0415

    target = into_folder(output, manifest.name)  # (`-o pages/`: a folder, made if need be)
    with _refusing():
        if target is not None:
            make_folder(target)
        placed = pin_manifest(manifest, target)
    where = target if target is not None else manifest
    click.echo(f"pinned the make-up of {placed} article(s): wrote {where}", err=True)



@contextmanager
def _refusing() -> Iterator[None]:
    """A command's mistake said and its exit code given (a file that cannot be written:
    exit 1)."""
    try:
        yield
    except LayoutError as err:
        click.echo(shown(f"error: {err}"), err=True)
        sys.exit(err.exit_code)
    except OSError as err:
        click.echo(f"error: cannot write: {err.strerror} ({err.filename})", err=True)
        sys.exit(1)

if __name__ == "__main__":
    main()
