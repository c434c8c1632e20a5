"""The `layout` command: thin, every decision is in the library.

`group` holds the command group (`main`) and what the commands share; each command lives
with its kind: `rendering` (render, --watch), `batching` (batch), `reading` (fit, text,
templates), `drafting` (import, intake, pin), each module imported when its command is asked
for (or its names here used): `layout render` imports no other command's.

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

from .ending import ended  # noqa: E402
from .group import into_folder, main, make_folder  # noqa: E402

# The commands' names, each from its module, imported on first use (PEP 562): `main` imports
# a command's module when the command is asked for (group.COMMAND_MODULES).
_NAMES = {"batch": "batching", "import_": "drafting", "intake": "drafting", "pin": "drafting",
          "fit": "reading", "templates": "reading", "text": "reading",
          **dict.fromkeys(("MAX_PNG_DPI", "WATCH_POLL", "png_path", "proof_path", "render",
                           "render_once", "split_path", "watch_inputs"), "rendering")}


def __getattr__(name: str):
    if name in _NAMES:
        import importlib  # noqa: PLC0415

        return getattr(importlib.import_module(f".{_NAMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
