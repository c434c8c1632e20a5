"""layout: typesets Chinese newspaper pages from an issue manifest and a template.

The pipeline, one pure stage after another (docs/architecture.md):

    load    manifest.load_issue, templates.load_template  → Issue, Template
    plan    plan.plan_page                                → PagePlan
    flow    flow.flow_page                                → PageLayout
    render  render.pdf.render_pdf / render.dump.dump_page → PDF bytes / text
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
