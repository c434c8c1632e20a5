"""The pipeline, assembled here and nowhere else (docs/architecture.md):

    load(manifest)                 → Loaded      (the Edition of pages, each page's Template)
    layout(loaded, fonts)          → IssueLayout (each page's PageLayout: plan, make-up, flow)
    report(laid, loaded)           → PageReport  (overflow, holes, copyfit, reading text,
                                                  what the user is told)
    render(laid, loaded, fonts, output) → PDF bytes (through the press `output` asks for:
                                                  None for what the template's `output:` says)

The command line, the batch (and its Dask jobs), the importer's pages, `layout pin` and the
guide's pictures call these; only this module calls the stages (plan.plan_page,
flow.flow_page, render.pdf.render_pages, render.press.press_for) itself
(tests/test_pipeline.py holds that). `Kept` (kept.py) is what `render --watch` keeps between
renders.
`import layout` does not import it; its names are loaded from here on first use."""
from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .collector import collector_paused
from .edition import lay_out, with_contents
from .errors import LayoutError, Mistakes
from .flow import TextCache, check_faces, flow_page
from .fonts import FontSet, shipped_fonts
from .frozen import frozen
from .kept import Kept, render_key
from .manifest import load_issue, load_manifest
from .model import (Article, Copyfit, Edition, Figure, Hole, Issue, IssueLayout, Jump,
                    Overflow, PageLayout, PagePlan, Region, Template, left_over)
from .plan import Unplaced, partial_plan, plan_mistakes, plan_page
from .render.pdf import Document, render_pages
from .source import alone, carried
from .source import kept as keep_mistake
from .templates import load_template

if TYPE_CHECKING:
    from .render.press import Press


# -- load -----------------------------------------------------------------------------------


@frozen
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
                        keep_mistake(found)
    if mistakes:
        raise Mistakes(mistakes)
    return Loaded(edition, tuple(t for t in templates if t is not None))


def _template(issue: Issue) -> Template | None:
    """A page's template; None when it has mistakes (kept, while gathering), or names
    none (`template:` missing: that mistake is said already)."""
    if not issue.template:
        return None
    try:
        with alone():  # (a template with mistakes is not to be read on with stand-ins)
            return page_template(issue)
    except LayoutError as err:
        if not keep_mistake(err):
            raise
        return None


def _placed(issue: Issue, template: Template, fonts: FontSet,
            read: list[LayoutError]) -> list[LayoutError]:
    """The placement's mistakes of a page read with mistakes (`read`), and the setting's of
    its articles that have none where the page can be set without the others
    (`plan.partial_plan`). The stand-ins (a date or a paper left out, an article without
    text) may be more than the checks bear: then they say nothing more."""
    try:
        pinned = plan_mistakes(issue, template, fonts)
        cache = TextCache()
        return pinned.mistakes + _set_mistakes(partial_plan(
            issue, template, fonts, pinned, read + pinned.mistakes, cache), fonts, cache)
    except Exception:  # noqa: BLE001 (what the stand-ins broke; the mistakes are said)
        return []


def inputs(manifest: Path) -> list[Path]:
    """The files a manifest's pages are made from besides the fonts (`Loaded.inputs`),
    read without normalizing its text: for a digest taken before and after a page is made
    (batch), a sixth of a whole load."""
    edition = load_manifest(Path(manifest), files_only=True)
    return Loaded(edition, tuple(page_template(i) for i in edition.pages)).inputs()


def page_template(issue: Issue, folder: Path | None = None) -> Template:
    """The template a page names, found from its manifest's folder (or `folder`)."""
    return load_template(issue.template, folder or issue.path.parent, issue.template_origin)


def page_inputs(issue: Issue, template: Template) -> list[Path]:
    """Every file the page is made from besides the fonts: the manifest, its template and
    the templates it extends, a plant's colour profile it names, and the pictures, each
    once."""
    pictures = sorted({i.file for a in issue.articles for i in a.images if i.file} |
                      {b.file for a in issue.articles for b in a.blocks
                       if isinstance(b, Figure) and b.file})
    profile = [template.press.profile] if template.press.profile else []
    nameplate = template.nameplate.files if template.nameplate else ()
    # a body read from a text file beside the manifest (`body: {file: story.txt}`): each
    # block's file (a Path made once a file by the reader), the few distinct ones as Paths
    files = {b.origin.file for a in issue.articles for b in a.blocks}
    texts = sorted({Path(f) for f in files} - {Path(issue.path)})
    return [issue.path, *template.sources, *profile, *nameplate, *pictures, *texts]


# -- layout ---------------------------------------------------------------------------------


def plan(issue: Issue, template: Template, fonts: FontSet,
         cache: TextCache | None = None, kept: Kept | None = None) -> PagePlan:
    """Each article's module on the page (pinned, or found by the make-up): what `layout
    pin` writes back. `cache`: text broken on the way, for the flow to read; `kept`: what
    an earlier render of the process kept (its make-up's measures)."""
    return plan_page(issue, template, fonts, TextCache() if cache is None else cache,
                     kept.makeup(issue) if kept is not None else None)


@frozen
class Setting:
    """A page planned and flowed: its plan (`plan.issue`, the manifest it was set from: a
    page beside a 报头 block has the article chosen for that place), the page, and the
    text cache the flow read."""

    plan: PagePlan
    page: PageLayout
    cache: TextCache


# what `fitted` is told of each page laid out
Seen = Callable[[Setting], None]


# What a process keeps of the text its pages broke where no Kept is given (`layout`,
# `render_issue`): a text cache as Kept keeps one, each table keyed by all its values are
# made from but the composition and the fonts, so that a page set with it is the page set
# without (tests/test_pipeline.py); the headlines, kickers, bylines, captions and notes a
# page shares with pages set before it in the process (the same furniture, a page made
# again with new text) are not broken, cut and measured again. One composition and font
# set's at a time, started afresh past TEXT_ENTRIES: a page of new text adds some 50, most
# of them its paragraphs' lines and boxes, ~12 KB each (~50 MB held at the most).
TEXT_ENTRIES = 4_000
_TEXTS: dict[tuple, tuple[FontSet, TextCache]] = {}


def process_texts(template: Template, fonts: FontSet) -> TextCache:
    """The text cache of the process's pages of `template`'s composition in `fonts`."""
    key = (template.composition, id(fonts))
    found = _TEXTS.get(key)
    if found is None or len(found[1]) > TEXT_ENTRIES:
        _TEXTS.clear()
        # (the font set held: its id stays its)
        found = _TEXTS[key] = (fonts, TextCache())
    return found[1]


def forget_texts() -> None:
    """Set the process's next page with no text kept (bench/warm.py: a page laid out as if
    the process had not seen it)."""
    _TEXTS.clear()


def layout_loaded(issue: Issue, fonts: FontSet | None = None,
                  template: Template | None = None, kept: Kept | None = None,
                  seen: Seen | None = None) -> PageLayout:
    """One page planned and flowed (on its template, loaded unless given): every glyph
    placed, overflow, holes and copyfit listed. `kept`: what an earlier render of the
    process made (render --watch): its page whole when nothing it was made from changed,
    else its text broken and the make-up's measures of the articles that did not change. `seen`: told the page's Setting, its plan with it
    (a page beside a 报头 block: the one `placed_beside` chose)."""
    template = template or page_template(issue)
    fonts = fonts or shipped_fonts()
    found = kept.laid(issue, template, fonts) if kept and seen is None else None
    if found is not None:
        return found
    check_faces(template, fonts)
    with collector_paused():
        # a page beside a 报头 block: as its trial set it (text broken by the trials is
        # not broken again)
        setting = placed_beside(issue, template, fonts) or _set(
            issue, template, fonts, (kept.text_cache if kept else process_texts)(
                template, fonts), kept)
    if seen is not None:
        seen(setting)
    if kept and seen is None:
        kept.keep_laid(issue, template, fonts, setting.page)
    return setting.page


def _set(issue: Issue, template: Template, fonts: FontSet, cache: TextCache,
         kept: Kept | None = None) -> Setting:
    """The page planned and flowed; the setting's mistakes of its other articles come
    with those of the placement. `kept`: what an earlier render kept."""
    try:
        planned = plan(issue, template, fonts, cache, kept)
    except Unplaced as err:
        raise Mistakes(err.errors + _set_mistakes(err.partial, fonts, cache)) from None
    return Setting(planned, flow_page(planned, fonts, cache), cache)


def _set_mistakes(planned: PagePlan | None, fonts: FontSet,
                  cache: TextCache) -> list[LayoutError]:
    """The setting's mistakes of a page planned without its mistaken articles."""
    if planned is None:
        return []
    try:
        flow_page(planned, fonts, cache)
    except LayoutError as err:
        return list(getattr(err, "errors", [err]))
    return []


# Of the articles the make-up places, the first this many are tried beside a 报头 block.
BESIDE_TRIES = 4


def placed_beside(issue: Issue, template: Template, fonts: FontSet) -> Setting | None:
    """A page under a 报头 block at the top left whose manifest pins nothing beside it: the
    page set with the article the make-up would place that fills the columns beside the
    block best (of the first BESIDE_TRIES: none left over, then the fewest blank cells on
    the page, then the fewest characters short of filling its place) given those columns
    (its plan's `issue`), the others made up under it. None when the manifest pins an article
    there, or no article fits (the placement then says what to pin there)."""
    plate = template.nameplate
    if plate is None or plate.columns is None:
        return None
    last = plate.lines - 1
    if any(a.slot is not None or (a.region is not None and a.region.first_line <= last)
           for a in issue.articles):
        return None
    best: tuple[tuple[int, int, int, int], Setting] | None = None
    free = [i for i, a in enumerate(issue.articles) if not a.pinned]
    for index in free[:BESIDE_TRIES]:
        region = Region(plate.columns + 1, template.columns, 1, last)
        trial = replace(issue, articles=tuple(
            replace(a, region=region) if i == index else a
            for i, a in enumerate(issue.articles)))
        try:
            setting = _set(trial, template, fonts, TextCache())
        except LayoutError:
            continue
        page = setting.page
        fit = next(f for f in page.fits if f.article_index == index)
        score = (left_over(page.overflow),
                 sum(h.cells for h in page.holes), fit.add, index)
        if best is None or score < best[0]:
            best = (score, setting)
    return best[1] if best and not best[0][0] else None


def layout(loaded: Loaded, fonts: FontSet | None = None,
           lay_page: Callable[..., PageLayout] | None = None,
           kept: Kept | None = None) -> IssueLayout:
    """Every page of the manifest laid out (by `lay_page`, layout_loaded unless given); an
    issue's 导读 filled and its jumps made. `kept`: what an earlier render of the process
    kept (`Kept`)."""
    fonts = fonts or shipped_fonts()
    lay_page = lay_page or (partial(layout_loaded, kept=kept) if kept else layout_loaded)
    templates = {issue.page_number: t for issue, t in zip(loaded.edition.pages,
                                                         loaded.templates)}
    edition = with_contents(loaded.edition)

    def grid(issue: Issue) -> tuple[int, int, int]:
        t = templates[issue.page_number]
        return t.columns, t.grid_lines, int(t.column_width / t.body.size + 1e-6)

    pages, jumps = lay_out(edition, lambda issue: lay_page(
        issue, fonts, templates[issue.page_number]), grid)
    return IssueLayout(edition, pages, jumps)


def fitted(loaded: Loaded, fonts: FontSet | None = None) -> IssueLayout:
    """Every page laid out as `layout` lays it out, each article's copyfit tried
    (fitting.tried: the page flowed again, in its plan, with the count added or cut) —
    but an article that jumps or goes on from another page, whose count stays the flow's
    estimate."""
    from .fitting import tried  # noqa: PLC0415 (`layout fit`'s only)

    fonts = fonts or shipped_fonts()
    seen: dict[int, Setting] = {}
    laid = layout(loaded, fonts, partial(
        layout_loaded, seen=lambda setting: seen.__setitem__(id(setting.page), setting)))
    pages = []
    for page in laid.pages:
        if id(page) not in seen:  # (seen holds its pages: their ids are not reused)
            pages.append(page)  # (an issue's page changed after its flow)
            continue
        planned = seen[id(page)].plan
        flow = partial(flow_page, fonts=fonts, cache=seen[id(page)].cache)
        pages.append(replace(page, fits=tuple(
            tried(planned, page, fit, flow) if _own(planned.issue.articles[fit.article_index])
            else fit for fit in page.fits)))
    return replace(laid, pages=tuple(pages))


def _own(article: Article) -> bool:
    """Whether all of an article is on its page (none of it jumps, or comes from another)."""
    return article.jump is None and article.continued_from is None \
        and article.continues_on is None and article.contents is None


def layout_issue(manifest: Path, fonts: FontSet | None = None) -> PageLayout:
    """A one-page manifest loaded, planned and flowed."""
    return layout_loaded(load_issue(Path(manifest)), fonts)


# -- report ---------------------------------------------------------------------------------


@frozen
class Notice:
    """A thing the user is told about a render, of a `kind`: "normalized" (a change
    normalization made to the text, said of its line), "note" (a line broken against the
    rules, a soft picture), "loose" (a line set loose), "usage" (an article's depth);
    `always` said, or only when asked (-v)."""

    kind: str
    text: str
    always: bool


@frozen
class PageReport:
    """What a laid-out manifest says besides its geometry (an issue's, each item marked
    with its page): text left over, blank holes, each article's copyfit, jumps, its text
    in reading order, and the notices (what normalization changed, lines broken against
    the rules and soft pictures always; loose lines and each article's depth with -v)."""

    overflow: tuple[Overflow, ...]
    holes: tuple[Hole, ...]
    fits: tuple[Copyfit, ...]
    jumps: tuple[Jump, ...]
    loose: tuple[str, ...]  # lines set loose (counted, listed with -v)
    notices: tuple[Notice, ...]
    text: str  # the articles' text as a reader reads it (`layout text`)

    def told(self, verbose: bool = False) -> tuple[Notice, ...]:
        """The notices to print: those always said, and with `verbose` the rest."""
        return tuple(n for n in self.notices if n.always or verbose)


def report(laid: IssueLayout, loaded: Loaded | None = None) -> PageReport:
    """The report of a laid-out manifest; with `loaded`, what normalizing its text
    changed is told too (a guess, such as quotes paired again, always)."""
    edits = [e for issue in loaded.edition.pages for e in issue.edits] if loaded else []
    notices = [Notice("normalized", f"{'warning: ' if e.warning else ''}normalized {e}",
                      e.warning) for e in edits]
    notices += [Notice("note", n, True) for n in laid.notes]
    notices += [Notice("note", n, True) for n in _side_by_side(laid)]
    notices += [Notice("loose", n, False) for n in laid.loose]
    notices += [Notice("usage", n, False) for n in laid.usage]
    return PageReport(laid.overflow, laid.holes, laid.fits, laid.jumps, laid.loose,
                      tuple(notices), laid.text())


def _side_by_side(laid: IssueLayout) -> list[str]:
    """Each page's headlines side by side at one height (碰题), marked with its page in an
    issue of several pages."""
    from .sidebyside import side_by_side  # noqa: PLC0415

    whole = laid.edition.whole
    return [f"page {issue.page_number}: {note}" if whole else note
            for issue, page in zip(laid.edition.pages, laid.pages)
            for note in side_by_side(page.lines)]


# -- render ---------------------------------------------------------------------------------


def press(template: Template, output: str | None) -> Press | None:
    """The press a render goes through: None for the screen, else the print settings of
    `template` (render/press.py, with littleCMS: loaded only to print). `output`:
    "screen", "print", a PDF/X standard, or None for what the template's `output:` says."""
    if (output or template.output) == "screen":
        return None
    from .render.press import press_for  # noqa: PLC0415

    return press_for(template, output)


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


def render(laid: IssueLayout, loaded: Loaded, fonts: FontSet,
           output: str | None = None, kept: Kept | None = None) -> bytes:
    """The manifest's PDF (one page as it always was, an issue's pages in one document)
    for `output`: "screen", "print", a PDF/X standard, or None for what the template's
    `output:` says (an issue: its first page's template). `kept`: font subsets and
    compressed streams an earlier render of the process made, and its PDF when nothing
    it is made from changed (`Kept`)."""
    whole = document(laid, loaded.templates)
    key = render_key(laid.pages, loaded.inputs(), whole, loaded.templates[0], output,
                     fonts) if kept else ()
    found = kept.rendered(key) if kept else None
    if found is not None:
        return found
    with collector_paused():  # (what it makes leaves no cycles: layout_loaded)
        pdf = render_pages(laid.pages, fonts, press(loaded.templates[0], output), whole,
                           kept.pdf if kept else None)
    if kept:
        kept.keep_rendered(key, pdf)
    return pdf


def render_split(laid: IssueLayout, loaded: Loaded, fonts: FontSet,
                 output: str | None = None) -> list[bytes]:
    """An issue's pages each in a PDF of its own (`render --split`), in order."""
    through = press(loaded.templates[0], output)
    whole = document(laid, loaded.templates)
    out = []
    for index, page in enumerate(laid.pages):
        own = whole and Document(f"{whole.title} {whole.labels[index]}",
                                 (whole.labels[index],), (whole.outline[index],))
        out.append(render_pages((page,), fonts, through, own))
    return out


def render_page(page: PageLayout, template: Template, fonts: FontSet,
                output: str | None = None) -> bytes:
    """One page laid out on `template` (an imported page's, a guide's picture) as PDF."""
    return render_pages((page,), fonts, press(template, output))


def render_proof(laid: IssueLayout, loaded: Loaded, fonts: FontSet) -> bytes:
    """The pages with their guides as vector marks (`render --grid`'s proof PDF: columns,
    baseline grid, each module framed and numbered), for the screen."""
    from .render.preview import page_modules, proof_layout  # noqa: PLC0415

    return render_pages(tuple(proof_layout(page, t, page_modules(page), fonts)
                              for page, t in zip(laid.pages, loaded.templates)), fonts)


@frozen
class Rendered:
    """A rendered manifest: its (first) page's placed layout, its PDF, and every page."""

    layout: PageLayout
    pdf: bytes
    laid: IssueLayout


def render_issue(manifest: Path, fonts: FontSet | None = None,
                 output: str | None = None) -> Rendered:
    """The whole pipeline: manifest → placed pages → PDF bytes, for `output` as the
    command line's `render` makes it (None: what the template's `output:` says)."""
    fonts = fonts or shipped_fonts()
    with collector_paused(aged=True):  # (loaded, laid out and written: no cycles made)
        loaded = load(manifest)
        laid = layout(loaded, fonts)
        return Rendered(laid.pages[0], render(laid, loaded, fonts, output), laid)
