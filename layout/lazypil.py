"""Pillow's `PIL.Image` loaded the first time something of it is used, not when reportlab's
`reportlab.lib.utils` imports it (at its top, in every process that writes a PDF): a page
without pictures never uses it, and its import (with the enums of `PIL.ExifTags`) was ~7 %
of a one-page `layout render` (bench/speed.py). The module is the one
`importlib.util.LazyLoader` makes (the standard library's way), the same module once
loaded. A command that runs defers it (`cli.group.Commands`), not `import layout`: before Python
3.12.3 a lazy module's first use was not safe from two threads at once, and a program that
imports the library may use Pillow from threads (a Dask worker's tasks); a command's
threads (the PDF writer's compression) never use it."""
from __future__ import annotations

import importlib.util
import sys


def defer() -> None:
    """Have `PIL.Image` load on first use (unless something imported it already)."""
    if "PIL.Image" in sys.modules:
        return
    spec = importlib.util.find_spec("PIL.Image")  # (imports the light `PIL` package)
    if spec is None or spec.loader is None:
        return  # (Pillow missing: the import that needs it says so)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["PIL.Image"] = module
    loader.exec_module(module)
    setattr(sys.modules["PIL"], "Image", module)
