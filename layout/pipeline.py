"""The pipeline in one place: load → plan/make-up → flow → render (docs/architecture.md).
`import layout` does not import it; its names are loaded from here on first use."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .flow import check_faces, flow_page
from .fonts import FontSet, shipped_fonts
from .manifest import load_issue
from .model import Figure, Issue, PageLayout, Template
from .plan import plan_page
from .render.pdf import render_pdf
from .templates import load_template


@dataclass(frozen=True)
class Rendered:
    """A rendered page: the placed layout and its PDF."""

    layout: PageLayout
    pdf: bytes


def layout_issue(manifest: Path, fonts: FontSet | None = None) -> PageLayout:
    """Load, plan and flow one manifest: every glyph placed, overflow listed."""
    return layout_loaded(load_issue(Path(manifest)), fonts)


def layout_loaded(issue: Issue, fonts: FontSet | None = None,
                  template: Template | None = None) -> PageLayout:
    """Plan and flow a loaded issue (on its template, loaded unless given)."""
    template = template or load_template(issue.template, issue.path.parent,
                                         issue.template_origin)
    fonts = fonts or shipped_fonts()
    check_faces(template, fonts)
    cache: dict = {}  # text broken by the make-up's trials is not broken again by the flow
    return flow_page(plan_page(issue, template, fonts, cache), fonts, cache)


def page_inputs(issue: Issue, template: Template) -> list[Path]:
    """Every file the page is made from besides the fonts: the manifest, its template and
    the templates it extends, a plant's colour profile it names, and the pictures, each
    once."""
    pictures = sorted({i.file for a in issue.articles for i in a.images if i.file} |
                      {b.file for a in issue.articles for b in a.blocks
                       if isinstance(b, Figure) and b.file})
    profile = [template.press.profile] if template.press.profile else []
    # a body read from a text file beside the manifest (`body: {file: story.txt}`)
    texts = sorted({Path(b.origin.file) for a in issue.articles for b in a.blocks
                    if Path(b.origin.file) != Path(issue.path)})
    return [issue.path, *template.sources, *profile, *pictures, *texts]


def render_issue(manifest: Path, fonts: FontSet | None = None) -> Rendered:
    """The whole pipeline: manifest → placed page → PDF bytes."""
    fonts = fonts or shipped_fonts()
    page = layout_issue(manifest, fonts)
    return Rendered(page, render_pdf(page, fonts))
