"""The compiled speed-ups (setup.py): built by an install wherever a C compiler is, and
setting every page exactly as the Python source they are made from."""
from __future__ import annotations

import importlib.machinery
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import layout
from layout.text import items, linebreak, normalize, wide
from layout import fontsubset, holes
from layout.render import runs
from layout.flow import article, setter

from conftest import REPO

COMPILED = (linebreak, wide, items, holes, setter, article, runs, fontsubset, normalize)


def compiled(module) -> bool:
    return any(module.__file__.endswith(suffix)
               for suffix in importlib.machinery.EXTENSION_SUFFIXES)


def installed() -> bool:
    """layout imported from an install (pip install .), not from this checkout."""
    return Path(layout.__file__).resolve().parent != REPO / "layout"


def test_an_install_with_a_c_compiler_is_compiled():
    """A regular install compiles the modules (a type error in them, which mypyc refuses,
    would otherwise leave every user on the slow path without anyone noticing)."""
    if not installed():
        pytest.skip("layout runs from the checkout (an editable install never compiles)")
    if os.environ.get("LAYOUT_PURE_PYTHON") or not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("installed without the speed-ups on purpose, or no C compiler")
    assert all(compiled(m) for m in COMPILED), [m.__file__ for m in COMPILED]


def test_compiled_and_source_set_the_same_pages(tmp_path):
    """Every sample page byte for byte the same from the compiled modules and from the
    Python source (a fresh process that imports the checkout's layout)."""
    if not any(compiled(m) for m in COMPILED):
        pytest.skip("this layout is not compiled")
    script = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
              "import layout.text.linebreak as l; assert l.__file__.endswith('.py');"
              "from layout.pipeline import render_issue;"
              "[Path(sys.argv[2], p.stem + '.pdf').write_bytes(render_issue(p).pdf)"
              " for p in sorted(Path(sys.argv[1], 'issues').glob('*.yaml'))]")
    subprocess.run([sys.executable, "-c", script, str(REPO), str(tmp_path)], check=True,
                   cwd=tmp_path)
    from layout.pipeline import render_issue
    pages = sorted((REPO / "issues").glob("*.yaml"))
    assert pages
    for page in pages:
        assert render_issue(page).pdf == (tmp_path / f"{page.stem}.pdf").read_bytes(), page

