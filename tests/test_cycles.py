"""A page leaves no reference cycles behind: what it made is freed as soon as it is dropped,
not at the cyclic collector's next full pass (cycles that held a page's trials alive cost a
warm page a tenth of its time in collections, and memory between them)."""
from __future__ import annotations

import gc

from layout.fonts import shipped_fonts
from layout.pipeline import render_issue

from conftest import REPO


def test_pages_leave_no_cyclic_garbage():
    fonts = shipped_fonts()
    pages = sorted((REPO / "issues").glob("*.yaml"))
    for page in pages:  # (faces, templates and caches of the process made first)
        render_issue(page, fonts)
    gc.collect()
    gc.disable()
    try:
        for page in pages:
            render_issue(page, fonts)
        assert gc.collect() == 0
    finally:
        gc.enable()
