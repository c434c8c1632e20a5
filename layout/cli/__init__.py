"""The `layout` command: thin, every decision is in the library.

`group` holds the command group (`main`) and what the commands share; each command lives
with its kind: `rendering` (render, --watch), `batching` (batch), `reading` (fit, text,
templates), `drafting` (import, intake, pin). Importing this package registers them all.

The cyclic garbage collector is off while `layout render`'s modules
import (its walks over what they make cost ~2 % of a one-page render); `render_once` moves
what they made out of its way and turns it on again. A command that runs has Pillow's
`PIL.Image`, which reportlab imports, loaded only when a page uses it (`group.Commands`,
`lazypil`).

`run` is the command as a program (the `layout` script, `python -m layout.cli`): `main`,
then the process ends without Python's teardown (`ended`).
"""
import gc
import sys

if sys.argv[1:2] == ["render"]:
    gc.disable()

from .batching import batch  # noqa: E402
from .drafting import import_, intake, pin  # noqa: E402
from .group import into_folder, main, make_folder  # noqa: E402
from .reading import fit, templates, text  # noqa: E402
from .rendering import (MAX_PNG_DPI, WATCH_POLL, png_path, proof_path, render,  # noqa: E402
                        render_once, split_path, watch_inputs)

from .ending import ended  # noqa: E402

__all__ = ["MAX_PNG_DPI", "WATCH_POLL", "batch", "fit", "import_", "intake", "into_folder",
           "main", "make_folder", "pin", "png_path", "proof_path", "render", "render_once",
           "run", "split_path", "templates", "text", "watch_inputs"]


def run() -> None:
    """The `layout` command as a program: `main`, then the process ends at once (`ended`).
    (A program that calls `main` itself, as the tests do, gets its SystemExit as always.)"""
    try:
        main()
    except SystemExit as done:
        ended(done)
        raise
