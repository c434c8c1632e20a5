"""The importer's page: the draft laid out, picture placeholders added where it leaves a
blank hole until the page is full (`fill`); a text of several pages refused at once."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import LayoutError
from .pieces import char_count
from .reader import Imported

if TYPE_CHECKING:
    from ..model import PageLayout

MAX_PLACEHOLDERS = 3  # pictures the importer adds to one article to fill the page
PLACEHOLDER_ROUNDS = 4


# A text of more than this many pages' worth of characters is several pages pasted into one
# file: refused at once (laying it out as one page would take minutes to say it cannot).
MOST_PAGES = 3


def _one_page(imported: Imported, folder: Path) -> None:
    """Refuse a text that holds several pages: more characters than MOST_PAGES pages of
    its template hold, set solid in every column."""
    from ..templates import load_template  # noqa: PLC0415

    template = load_template(imported.template, folder)
    chars = sum(char_count("".join([*a.head, a.byline or "", a.note or "", *a.captions,
                                *(b.text + (b.second or "") for b in a.blocks)]))
                for a in imported.articles)
    holds = int(template.columns * template.grid_lines * template.column_width
                / template.body.size)
    if chars > MOST_PAGES * holds:
        raise LayoutError(f"the text has {chars:,} characters in {len(imported.articles)} "
                          f"article(s), some {chars / holds:.0f} pages' worth: a page of "
                          f"{template.name} holds at most about {holds:,}", imported.source,
                          hint="split it into one file per page (a folder of them is "
                               "imported by `layout batch --import`)")


def _draft_error(err: LayoutError, draft: Path, source: str) -> LayoutError:
    """An error in a draft manifest read from a temporary file, said of the text it was
    made from (the draft's line numbers kept: `-o -` prints the draft to look them up)."""
    said = re.sub(re.escape(str(draft)) + r"(?::(\d+))?:?\s*(line (\d+):\s*)?",
                  lambda m: f"line {m[1] or m[3]} of its draft: " if m[1] or m[3] else "",
                  str(err))
    out = LayoutError(f"the page made from it cannot be set: {said}", source)
    out.exit_code = err.exit_code
    return out


class Filled(NamedTuple):
    """What `fill` made: the manifest (YAML) and the page it lays out."""

    manifest: str
    page: PageLayout


def fill(imported: Imported, folder: Path, fonts=None) -> Filled:
    """The manifest, with picture placeholders added where the page would leave a blank
    hole (at most MAX_PLACEHOLDERS an article), and the page it makes. `folder`: where the
    manifest will live (its template is found from there); each draft is read from a
    folder of its own, so nothing is written beside the source or the output."""
    from ..manifest import load_issue  # noqa: PLC0415 (the pipeline: only when a page is made)
    from ..pipeline import layout_loaded, page_template  # noqa: PLC0415

    _one_page(imported, folder)
    best: tuple[tuple[int, int], Filled] | None = None
    template = None
    for _ in range(PLACEHOLDER_ROUNDS):
        text = imported.manifest()
        with tempfile.TemporaryDirectory(prefix="layout-import-") as tmp:
            draft = Path(tmp) / "page.yaml"
            draft.write_text(text, encoding="utf-8")
            try:
                issue = load_issue(draft)
                if template is None:
                    template = page_template(issue, folder)
                page = layout_loaded(issue, fonts, template)
            except LayoutError as err:  # the draft is gone: name the text it was made from
                if err.file == Path(imported.source):  # (said of the text already)
                    raise
                raise _draft_error(err, draft, imported.source) from None
        blank = sum(h.cells for h in page.holes)
        over = sum(o.lines for o in page.overflow)
        if best is None or (over, blank) < best[0]:
            best = ((over, blank), Filled(text, page))
        if not page.holes or page.overflow:
            break
        owners = sorted({h.article_index for h in page.holes if h.article_index is not None})
        grown = [n for n in owners if imported.articles[n].pictures < MAX_PLACEHOLDERS]
        if not grown:
            break
        for n in grown:
            imported.articles[n].pictures += 1
    assert best is not None
    return best[1]
