"""The `layout` command: thin, every decision is in the library.

`group` holds the command group (`main`) and what the commands share; each command lives
with its kind: `rendering` (render, --watch), `batching` (batch), `reading` (fit, text,
templates), `drafting` (import, intake, pin). Importing this package registers them all.
"""
from .batching import batch
from .drafting import import_, intake, pin
from .group import into_folder, main, make_folder
from .reading import fit, templates, text
from .rendering import (MAX_PNG_DPI, WATCH_POLL, png_path, proof_path, render, render_once,
                        split_path, watch_inputs)

__all__ = ["MAX_PNG_DPI", "WATCH_POLL", "batch", "fit", "import_", "intake", "into_folder",
           "main", "make_folder", "pin", "png_path", "proof_path", "render", "render_once",
           "split_path", "templates", "text", "watch_inputs"]
