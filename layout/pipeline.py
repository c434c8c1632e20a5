"""The pipeline in one place: load → plan/make-up → flow → render (docs/architecture.md),
for a page and for an issue of pages. `import layout` does not import it; its names are
loaded from here on first use."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .edition import lay_out, with_contents
from .errors import LayoutError, Mistakes
from .flow import check_faces, flow_page
from .fonts import FontSet, shipped_fonts
from .manifest import load_issue, load_manifest
from .model import (Edition, Figure, Issue, IssueLayout, PageLayout, PagePlan, Region,
                    Template)
from .plan import Unplaced, partial_plan, plan_mistakes, plan_page
from .render.pdf import Document, render_pages, render_pdf
from .source import alone, carried, kept
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
    beside = placed_beside(issue, template, fonts)
    return beside[1] if beside else _set(issue, template, fonts)


def _set(issue: Issue, template: Template, fonts: FontSet) -> PageLayout:
    cache: dict = {}  # text broken by the make-up's trials is not broken again by the flow
    try:
        plan = plan_page(issue, template, fonts, cache)
    except Unplaced as err:  # the setting's mistakes of the other articles come with them
        raise Mistakes(err.errors + _set_mistakes(err.partial, fonts, cache)) from None
    return flow_page(plan, fonts, cache)


# Of the articles the make-up places, the first this many are tried beside a 报头 block.
BESIDE_TRIES = 4


def placed_beside(issue: Issue, template: Template, fonts: FontSet,
                  ) -> tuple[Issue, PageLayout] | None:
    """A page under a 报头 block at the top left whose manifest pins nothing beside it: the
    page with the article the make-up would place that fills the columns beside the block
    best (of the first BESIDE_TRIES: none left over, then the fewest blank cells on the
    page, then the fewest characters short of filling its place) given those columns, and
    the page laid out so, the others made up under it. None when the manifest pins an
    article there, or no article fits (the placement then says what to pin there)."""
    plate = template.nameplate
    if plate is None or plate.columns is None:
        return None
    last = plate.lines - 1
    if any(a.slot is not None or (a.region is not None and a.region.first_line <= last)
           for a in issue.articles):
        return None
    best: tuple[tuple[int, int, int, int], Issue, PageLayout] | None = None
    free = [i for i, a in enumerate(issue.articles) if a.region is None]
    for index in free[:BESIDE_TRIES]:
        region = Region(plate.columns + 1, template.columns, 1, last)
        trial = replace(issue, articles=tuple(
            replace(a, region=region) if i == index else a
            for i, a in enumerate(issue.articles)))
        try:
            page = _set(trial, template, fonts)
        except LayoutError:
            continue
        fit = next(f for f in page.fits if f.article_index == index)
        score = (sum(len("".join(o.text.split())) for o in page.overflow),
                 sum((h.last_column - h.first_column + 1) * (h.last_line - h.first_line + 1)
                     for h in page.holes), fit.add, index)
        if best is None or score < best[0]:
            best = (score, trial, page)
    return (best[1], best[2]) if best and not best[0][0] else None


def _set_mistakes(plan: PagePlan | None, fonts: FontSet, cache: dict) -> list[LayoutError]:
    """The setting's mistakes of a page planned without its mistaken articles."""
    if plan is None:
        return []
    try:
        flow_page(plan, fonts, cache)
    except LayoutError as err:
        return list(getattr(err, "errors", [err]))
    return []


def page_inputs(issue: Issue, template: Template) -> list[Path]:
    """Every file the page is made from besides the fonts: the manifest, its template and
    the templates it extends, a plant's colour profile it names, and the pictures, each
    once."""
    pictures = sorted({i.file for a in issue.articles for i in a.images if i.file} |
                      {b.file for a in issue.articles for b in a.blocks
                       if isinstance(b, Figure) and b.file})
    profile = [template.press.profile] if template.press.profile else []
    nameplate = template.nameplate.files if template.nameplate else ()
    # a body read from a text file beside the manifest (`body: {file: story.txt}`)
    texts = sorted({Path(b.origin.file) for a in issue.articles for b in a.blocks
                    if Path(b.origin.file) != Path(issue.path)})
    return [issue.path, *template.sources, *profile, *nameplate, *pictures, *texts]


def render_issue(manifest: Path, fonts: FontSet | None = None) -> Rendered:
    """The whole pipeline: manifest → placed page → PDF bytes."""
    fonts = fonts or shipped_fonts()
    page = layout_issue(manifest, fonts)
    return Rendered(page, render_pdf(page, fonts))


# -- a manifest of one page or an issue of several ---------------------------------------


@dataclass(frozen=True)
class Loaded:
    """A manifest read: its pages (Edition) and each page's template."""

    edition: Edition
    templates: tuple[Template, ...]

    def inputs(self) -> list[Path]:
        """Every file the manifest's pages are made from besides the fonts, each once."""
        paths = [self.edition.path]
        for issue, template in zip(self.edition.pages, self.templates):
            paths += page_inputs(issue, template)
        return list(dict.fromkeys(paths))


def load(manifest: Path) -> Loaded:
    """Read a manifest (one page, or an issue of `pages:`) and its pages' templates. A
    manifest with mistakes is read on past them (an article with one has a stand-in, so
    that the others keep their numbers) and its pages are put through the placement's
    checks as well: every mistake of the manifest, its templates and its pages' places is
    said in one run."""
    with carried() as mistakes:
        edition = load_manifest(Path(manifest))
        templates = [_template(issue) for issue in edition.pages]
        if mistakes:
            fonts = shipped_fonts()
            for issue, template in zip(edition.pages, templates):
                if template is not None:
                    for found in _placed(issue, template, fonts, list(mistakes)):
                        kept(found)
    if mistakes:
        raise Mistakes(mistakes)
    return Loaded(edition, tuple(t for t in templates if t is not None))


def _template(issue: Issue) -> Template | None:
    """A page's template; None when it has mistakes (kept, while gathering)."""
    try:
        with alone():  # (a template with mistakes is not to be read on with stand-ins)
            return load_template(issue.template, issue.path.parent, issue.template_origin)
    except LayoutError as err:
        if not kept(err):
            raise
        return None


def _placed(issue: Issue, template: Template, fonts: FontSet,
            read: list[LayoutError]) -> list[LayoutError]:
    """The placement's mistakes of a page read with mistakes (`read`), and the setting's of
    its articles that have none where the page can be set without the others
    (`plan.partial_plan`). The stand-ins (a date or a paper left out, an article without
    text) may be more than the checks bear: then they say nothing more."""
    try:
        found = plan_mistakes(issue, template, fonts)[0]
        cache: dict = {}
        return found + _set_mistakes(partial_plan(issue, template, fonts, read + found,
                                                  cache), fonts, cache)
    except Exception:  # noqa: BLE001 (what the stand-ins broke; the mistakes are said)
        return []


def layout_manifest(loaded: Loaded, fonts: FontSet | None = None,
                    lay_page=None) -> IssueLayout:
    """Every page of the manifest laid out (by `lay_page`, layout_loaded unless given); an
    issue's 导读 filled and its jumps made."""
    fonts = fonts or shipped_fonts()
    lay_page = lay_page or layout_loaded
    templates = {issue.page_number: t for issue, t in zip(loaded.edition.pages,
                                                         loaded.templates)}
    edition = with_contents(loaded.edition)
    def grid(issue: Issue) -> tuple[int, int, int]:
        t = templates[issue.page_number]
        return t.columns, t.grid_lines, int(t.column_width / t.body.size + 1e-6)

    pages, jumps = lay_out(edition, lambda issue: lay_page(
        issue, fonts, templates[issue.page_number]), grid)
    return IssueLayout(edition, pages, jumps)


def document(laid: IssueLayout, templates: tuple[Template, ...]) -> Document | None:
    """What an issue's PDF says of itself: its title, a page label per page (第1版 要闻)
    and an outline (a page per entry, its articles under it); None for one page."""
    if not laid.edition.whole:
        return None
    labels, outline = [], []
    for issue, page, template in zip(laid.edition.pages, laid.pages, templates):
        label = f"第{issue.page_number}版" + (f" {issue.page_name}" if issue.page_name
                                             else "")
        labels.append(label)
        outline.append((label, tuple((fit.title or f"article {fit.article_index + 1}",
                                      template.line_top(fit.first_line))
                                     for fit in page.fits)))
    return Document(laid.edition.title, tuple(labels), tuple(outline))


def render_manifest(laid: IssueLayout, loaded: Loaded, fonts: FontSet,
                    press=None) -> bytes:
    """The manifest's PDF: one page as it always was, an issue's pages in one document."""
    return render_pages(laid.pages, fonts, press, document(laid, loaded.templates))


def render_split(laid: IssueLayout, loaded: Loaded, fonts: FontSet,
                 press=None) -> list[bytes]:
    """An issue's pages each in a PDF of its own (`render --split`), in order."""
    whole = document(laid, loaded.templates)
    out = []
    for index, page in enumerate(laid.pages):
        own = whole and Document(f"{whole.title} {whole.labels[index]}",
                                 (whole.labels[index],), (whole.outline[index],))
        out.append(render_pages((page,), fonts, press, own))
    return out
