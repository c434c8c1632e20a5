"""Commands that write a manifest: `import` (an archive's page text), `intake` (a
reporter's file), `pin` (the make-up's arrangement written into the page)."""
from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

import click

from ..errors import LayoutError, shown
from ..output import is_stdout, refuse_clashes, write_atomically
from .group import into_folder, main, make_folder, refusing


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
    from ..importer import fill, import_text, read_source  # noqa: PLC0415
    from ..templates import load_template  # noqa: PLC0415
    from ..text.chars import char_count  # noqa: PLC0415

    target = into_folder(output, source.with_suffix(".yaml").name) or \
        source.with_suffix(".yaml")
    # (its template is found from where the manifest will be: here, for stdout)
    home = Path.cwd() if is_stdout(target) else target.parent
    try:
        if date_ is not None:
            try:
                datetime.date.fromisoformat(date_)
            except ValueError:
                raise LayoutError(f"--date {date_!r} is not a date",
                                  hint="write it as YYYY-MM-DD") from None
        refuse_clashes([(target, "manifest")], [source])
        if template is not None:
            template = _template_option(template, home)
        text = read_source(source)
        imported = import_text(text, source.name, template, paper, date_, page)
        refuse_clashes([(target, "manifest")],
                       [source, *load_template(imported.template, home).sources])
        if not force and not is_stdout(target) and target.is_file():
            raise LayoutError("the manifest exists (an editor may have corrected it): it is "
                              "kept", target, hint="give another -o, or --force to replace it")
        manifest, laid = fill(imported, home)
    except LayoutError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    try:
        make_folder(target)
        write_atomically(target, manifest.encode("utf-8"))
    except LayoutError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    except OSError as err:
        click.echo(f"error: cannot write {target}: {err.strerror}", err=True)
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
        click.echo(f"article {left.article_index + 1}: {char_count(left.text)} "
                   "characters do not fit", err=True)
    click.echo("wrote the manifest to standard output" if is_stdout(target)
               else f"wrote {target}", err=True)


def _template_option(name: str, home: Path) -> str:
    """`import --template`: a shipped or known name as it is, a file (a name ending .yaml
    or with a slash, from here) as the manifest in `home` must write it; either must be
    there."""
    from ..templates import find_template, known_templates  # noqa: PLC0415

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
    from ..intake import intake as make  # noqa: PLC0415

    with refusing():
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
    from ..pin import pin_manifest  # noqa: PLC0415

    target = into_folder(output, manifest.name)  # (`-o pages/`: a folder, made if need be)
    with refusing():
        if target is not None:
            make_folder(target)
        placed = pin_manifest(manifest, target)
    where = target if target is not None else manifest
    click.echo(f"pinned the make-up of {placed} article(s): wrote {where}", err=True)
