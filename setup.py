"""Compiled speed-ups, optional: `pip install .` compiles the hot pure-Python modules listed
in COMPILED to C extensions with mypyc (from mypy, a build requirement). The Python source
stays the one truth: the extensions are built from it, give byte-identical pages (a test
compares them), and are left out, with a warning, wherever they cannot be built (no C
compiler, LAYOUT_PURE_PYTHON=1 in the environment); the package then runs as plain Python,
slower. An editable install (`pip install -e .`) never compiles, so that an edit to the
source always takes effect. Everything else about the package is in pyproject.toml."""
from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules a page spends its time in (bench/speed.py): the line breaker, the make-up's
# search, the flow it runs on each of its trials and the lines it places, the hole count
# after each, the PDF writer's per-glyph work and font subsets, and the normalization of a
# manifest's text (its loading's most: a page of new text is normalized anew).
COMPILED = [
    "layout/valued.py",
    "layout/model/line.py",
    "layout/text/linebreak.py",
    "layout/text/totalfit.py",
    "layout/text/wide.py",
    "layout/text/items.py",
    "layout/text/edits.py",
    "layout/text/quotes.py",
    "layout/text/normalize.py",
    "layout/holes.py",
    "layout/render/runs.py",
    "layout/fontsubset.py",
    "layout/flow/setter.py",
    "layout/flow/textcache.py",
    "layout/flow/head.py",
    "layout/flow/headstyle.py",
    "layout/flow/blocks.py",
    "layout/flow/article.py",
    "layout/flow/division.py",
    "layout/flow/page.py",
    "layout/flow/measure.py",
    "layout/makeup/__init__.py",
    "layout/makeup/candidate.py",
    "layout/makeup/costs.py",
    "layout/makeup/heads.py",
    "layout/makeup/pictures.py",
    "layout/makeup/placed.py",
    "layout/makeup/settle.py",
    "layout/makeup/shapes.py",
    "layout/makeup/sizing.py",
    "layout/makeup/tiling.py",
]


class OptionalBuildExt(build_ext):
    """Builds the extensions, or none of them, with a warning, when one fails (the modules
    share one runtime library: a part of them would not import); the pure modules they are
    made from are installed either way."""

    def build_extensions(self) -> None:
        try:
            super().build_extensions()
        except Exception as error:  # noqa: BLE001 (any failure: fall back to pure Python)
            for ext in self.extensions:
                built = self.get_ext_fullpath(ext.name)
                if os.path.exists(built):
                    os.remove(built)
            _skipped(error)


def _skipped(error: Exception) -> None:
    print(f"layout: the compiled speed-ups were not built ({error}); layout runs as plain "
          "Python, slower", file=sys.stderr)


def _editable() -> bool:
    return any(command in ("editable_wheel", "develop") for command in sys.argv[1:])


def ext_modules() -> list:
    if os.environ.get("LAYOUT_PURE_PYTHON") or _editable():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as error:
        _skipped(error)
        return []
    try:
        return mypycify(COMPILED, opt_level="3", group_name="layout")
    except (Exception, SystemExit) as error:  # noqa: BLE001 (mypy found a type error and
        _skipped(error)                       # exits: the modules stay plain Python)
        return []


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
