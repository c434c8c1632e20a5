"""What a process that renders the same manifest again and again (`render --watch`) keeps
from one render for the next (`Kept`, used by pipeline.layout and pipeline.render), so that
an edit costs about what it changes and a save with nothing changed next to nothing; each
part by all it is made from, so that the same input gives the same bytes, kept or not
(tests/test_watch.py)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .flow import TextCache
from .fonts import FontSet
from .model import Figure, Issue, PageLayout, Template
from .pictures import opened, upright_size
from .reads import file_digest
from .render.streams import Kept as PdfKept

if TYPE_CHECKING:
    from .makeup import Kept as MakeupKept


class Kept:
    """What `render --watch` keeps between renders:

    * the text the make-up and the flow broke (paragraphs at each width, display lines,
      each character's box at each size: the page's text cache, whose keys hold
      everything its values are made from but the composition rules and the fonts, so one
      is kept per composition and font set: `text_cache`);
    * each page's make-up (makeup.Kept: each article's measures and the modules it
      settled, by content, so that an edit of one article measures that one again);
    * each page's layout, taken whole when nothing it is made from changed (`laid`);
    * the PDF's font subsets, compressed streams and character codes (render.streams.Kept,
      by content), and the last PDF, given again when its pages are those laid out last
      and no file it is made from changed (`rendered`)."""

    def __init__(self, most_entries: int = 400_000) -> None:
        # the text caches, grown past this many entries between them (a long session of
        # edits, a batch worker's jobs), start afresh (`text_cache`)
        self.most_entries = most_entries
        self._texts: dict[tuple, tuple[FontSet, TextCache]] = {}
        self.pdf = PdfKept()
        self._makeups: dict[int, MakeupKept] = {}
        # each page's last layout, with what it was made from (`laid`)
        self._laid: dict[int, tuple[Issue, Template, FontSet, PageLayout]] = {}
        self._pixels: dict[int, tuple] = {}  # (each page's pictures' pixels: `laid`)
        self._rendered: tuple[tuple, bytes] | None = None  # (`rendered`)
        self.pages_kept = 0  # (pages taken whole from the last render: for tests)
        self.pdfs_kept = 0  # (PDFs given again: for tests)

    def text_cache(self, template: Template, fonts: FontSet) -> TextCache:
        """The text cache of pages of `template`'s composition set in `fonts`; all are
        started afresh once they hold more than `most_entries` between them."""
        if sum(len(cache) for _, cache in self._texts.values()) > self.most_entries:
            self._texts.clear()
        key = (template.composition, id(fonts))
        found = self._texts.get(key)
        if found is None:
            # (the font set held: its id stays its)
            found = self._texts[key] = (fonts, TextCache())
        return found[1]

    def makeup(self, issue: Issue) -> MakeupKept:
        """What the make-up of the page numbered as `issue` kept (one a page of an
        issue)."""
        found = self._makeups.get(issue.page_number)
        if found is None:
            from .makeup import Kept as Made  # noqa: PLC0415 (the make-up, on first use)

            found = self._makeups[issue.page_number] = Made()
        return found

    def laid(self, issue: Issue, template: Template, fonts: FontSet) -> PageLayout | None:
        """The page the last render laid out of this very page (`issue` equal, with
        where each of its keys is written, on an equal template with the same fonts, its
        pictures as many pixels: all the layout reads of their files, for the notes of
        soft pictures). A picture of other pixels lets go of the page's make-up too."""
        pixels = picture_pixels(issue)
        if self._pixels.get(issue.page_number, pixels) != pixels:
            self._makeups.pop(issue.page_number, None)
            self._laid.pop(issue.page_number, None)
        self._pixels[issue.page_number] = pixels
        found = self._laid.get(issue.page_number)
        if found is None or found[2] is not fonts or not (
                found[1] is template or found[1] == template) or found[0] != issue \
                or found[0].origins != issue.origins:
            return None
        self.pages_kept += 1
        return found[3]

    def keep_laid(self, issue: Issue, template: Template, fonts: FontSet,
                  page: PageLayout) -> None:
        self._laid[issue.page_number] = (issue, template, fonts, page)

    def rendered(self, key: tuple) -> bytes | None:
        """The last PDF, when `key` (`render_key`) is the last one's."""
        if self._rendered is None or not _same(self._rendered[0], key):
            return None
        self.pdfs_kept += 1
        return self._rendered[1]

    def keep_rendered(self, key: tuple, pdf: bytes) -> None:
        self._rendered = (key, pdf)

    def let_go(self, pages: set[int]) -> None:
        """Let go of the make-ups and layouts of page numbers other than `pages` (a batch
        worker keeps those of its last job's pages only; its text caches are bounded as
        any are: `text_cache`)."""
        for kept in (self._makeups, self._laid, self._pixels):
            for number in [n for n in kept if n not in pages]:
                del kept[number]


def render_key(pages: tuple[PageLayout, ...], files: list[Path], *values: object) -> tuple:
    """What a PDF is made from: its pages (these very objects: a page kept whole, `laid`),
    the content of the files it reads or was read from (the manifest, templates,
    pictures, a profile: each one's `reads.file_digest`, the digest the batch takes), and
    `values` (compared by equality: the document's title and outline, the template, the
    output asked for, the fonts)."""
    digests: list[tuple[Path, str | None]] = []
    for file in files:
        try:
            digests.append((file, file_digest(file)))
        except OSError:
            digests.append((file, None))
    return (pages, tuple(digests), values)


def _same(a: tuple, b: tuple) -> bool:
    return len(a[0]) == len(b[0]) and all(x is y for x, y in zip(a[0], b[0])) \
        and a[1] == b[1] and all(x is y or x == y for x, y in zip(a[2], b[2]))


def picture_pixels(issue: Issue) -> tuple:
    """The pixels (width, height as it stands) of every picture file of the page, in
    order (None: one that cannot be read)."""
    files = [i.file for a in issue.articles for i in a.images if i.file] + [
        b.file for a in issue.articles for b in a.blocks if isinstance(b, Figure) and b.file]
    out: list[tuple[Path, tuple[int, int] | None]] = []
    for file in files:
        try:
            with opened(file) as picture:
                out.append((file, upright_size(picture)))
        except Exception:  # noqa: BLE001 (the layout says what is wrong with it)
            out.append((file, None))
    return tuple(out)
