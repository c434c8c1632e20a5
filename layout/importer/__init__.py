"""`layout import`: the raw text of a printed page, as an archive holds it, → a manifest draft
that renders as a full page.

Archive texts are what an extraction left: banner, kicker, headline, byline, paragraphs cut
at column breaks, hard-wrapped narrow lines, photo captions standing alone, subheads, 编者按,
comment boxes, signatures. The importer reads the text as pieces (a line, or the lines of a
hard-wrapped block joined), tells each piece's part from its length, its punctuation, the
blank lines around it and its neighbours, joins what a column break cut, and writes a
manifest: every character of the source in its order (captions go with their pictures),
each decision that is not certain as a YAML comment beside what it made, and counted in a
report. The page is then laid out; where it leaves a blank hole, a picture placeholder goes
into the article that has it, until the page is full (or no placeholder helps).

A package: `pieces` reads the text into pieces and says what a piece is, `reader` reads
pieces into articles (`import_text`), `draft` writes the manifest, `page` lays it out and
fills it (`fill`). Every public name is re-exported here.
"""
from __future__ import annotations

from .draft import SECOND_KEYS, HeadlineParts, headline_parts, scalar
from .page import MAX_PLACEHOLDERS, MOST_PAGES, PLACEHOLDER_ROUNDS, Filled, fill
from .pieces import (
    BANNERS,
    BYLINE,
    CAPTION_END,
    CAPTION_START,
    HANGING,
    LONG_TITLE,
    OPEN_END,
    PAIRS,
    SECTION,
    SENTENCE_END,
    SHORT,
    SIGNATURE,
    TRAILING_SIGN,
    Piece,
    Pieces,
    captioned,
    ends_sentence,
    page_template,
    pieces,
    read_source,
)
from .reader import Block, Cut, Draft, Imported, import_text

__all__ = [
    "BANNERS", "BYLINE", "CAPTION_END", "CAPTION_START", "HANGING", "LONG_TITLE",
    "MAX_PLACEHOLDERS", "MOST_PAGES", "OPEN_END", "PAIRS", "PLACEHOLDER_ROUNDS", "SECOND_KEYS",
    "SECTION", "SENTENCE_END", "SHORT", "SIGNATURE", "TRAILING_SIGN", "Block", "Cut", "Draft",
    "Filled", "HeadlineParts", "Imported", "Piece", "Pieces", "captioned", "ends_sentence",
    "fill", "headline_parts", "import_text", "page_template", "pieces", "read_source", "scalar",
]
