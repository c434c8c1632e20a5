"""layout: typesets Chinese newspaper pages from an issue manifest and a template.

The pipeline, one pure stage after another, assembled in `layout.pipeline` (and only
there; docs/architecture.md):

    load    pipeline.load    → Loaded (Edition, Templates)
    layout  pipeline.layout  → IssueLayout (each page's PageLayout: plan, make-up, flow)
    report  pipeline.report  → PageReport (overflow, holes, copyfit, reading text, notices)
    render  pipeline.render  → PDF bytes (through the press the template or the caller asks)
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

# The pipeline's entry points, imported on first use: `import layout` (and `layout --help`)
# stay quick, the fonts, PDF writer and make-up are loaded only by what needs them.
_PIPELINE = ("Rendered", "layout_issue", "layout_loaded", "page_inputs", "render_issue")
__all__ = ["__version__", *_PIPELINE]


def __getattr__(name: str):
    if name in _PIPELINE:
        return getattr(importlib.import_module(".pipeline", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
