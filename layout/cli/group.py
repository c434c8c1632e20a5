"""The `layout` command group and what its commands share: Ctrl-C said and exit 130,
the output options (--print/--screen/--pdfx), `-o` given a folder, a mistake said."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from .. import __version__
from ..errors import EXIT_BAD_INPUT, LayoutError, shown
from ..output import is_stdout

# The pipeline (fonts, make-up, PDF writer) is imported by the commands that run it, not
# by `layout --help` or a mistyped command: start-up stays quick.

# Each command's module (which registers it on `main`), imported when the command is asked
# for: `layout render` imports no other command's module (~5 M instructions of a one-page
# render's process). Listing them (`layout --help`) or a name that is none of them (click's
# suggestion of the nearest) imports them all.
COMMAND_MODULES = {"render": "rendering", "batch": "batching", "fit": "reading",
                   "text": "reading", "templates": "reading", "import": "drafting",
                   "intake": "drafting", "pin": "drafting"}


def registered(name: str | None = None) -> None:
    """Import the module of command `name` (None, or a name that is no command: all)."""
    import importlib  # noqa: PLC0415

    modules = [COMMAND_MODULES[name]] if name in COMMAND_MODULES else \
        sorted(set(COMMAND_MODULES.values()))
    for module in modules:
        importlib.import_module(f".{module}", __package__)


class Commands(click.Group):
    """The commands, each interrupted by Ctrl-C with exit 130 (as the README says), not
    click's "Aborted!" and 1; every file a command writes is written whole or not at all.
    A command's module is imported when the command is asked for (`COMMAND_MODULES`)."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            registered(cmd_name)
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        registered()
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context):
        from ..lazypil import defer  # noqa: PLC0415

        defer()  # (PIL.Image loaded by the first page that has a picture: lazypil)
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\ninterrupted: every file written is whole", err=True)
            sys.exit(130)


@click.group(cls=Commands)
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


OUTPUT_OPTIONS = [
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


def output_options(command):
    for option in reversed(OUTPUT_OPTIONS):
        command = option(command)
    return command


def output_choice(for_print: bool, for_screen: bool, pdfx: str | None) -> str | None:
    """What to make: "screen", "print", a standard, or None (the template says)."""
    if for_screen and (for_print or pdfx):
        click.echo("error: --screen and --print/--pdfx ask for different PDFs: give one",
                   err=True)
        sys.exit(EXIT_BAD_INPUT)
    return pdfx or ("print" if for_print else "screen" if for_screen else None)


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


@contextmanager
def refusing() -> Iterator[None]:
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
