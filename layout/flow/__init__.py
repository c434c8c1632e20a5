"""Fill each article's part of the grid: headline group, byline and editor's note across the
article, pictures as obstacles, then the body flowing down its columns on the page's
baseline grid, balanced where it ends. Page furniture (报眉, banner) comes from the template.
What does not fit is returned as overflow, never dropped.

One job a module:

    setter.py    Typesetter: text in the template's styles; grid lines, one-off lines,
                 framed boxes, pictures with captions, into a Drawn
    head.py      an article's head (section bar, headline group across or 竖排, byline,
                 editor's note) set once into a frozen Head
    blocks.py    the body's block kinds in one registry (BLOCKS): each one's texts and
                 styles, its measure in a column and its placing
    article.py   ArticleFlow: one article laid out down to a bottom line (layout), and
                 balanced (run); overflow; 破栏 measures
    page.py      flow_page: every article of a plan, the furniture, tints and borders,
                 holes, copyfit, overset marks → PageLayout
    coverage.py  check_faces, check_text: every face a font role, every character drawn
    measure.py   what the make-up reads of an article: its head (HeadMeasure), its
                 body's need, the article laid out in a module (Fill)
    textcache.py TextCache: a page's text broken and measured, kept for every trial
"""
from __future__ import annotations

from .article import RULE_COLOUR, ArticleFlow, Laid, Layout, article_flow
from .division import DIVIDED_WIDTH, MIN_DIVIDED, Division, divided, divided_into
from .blocks import BLOCKS, SUBHEAD_KEEP, BlockKind, Cells, Measured, kind_of, measure_block
from .coverage import check_faces, check_text
from .head import (FILL_MOST, FILL_SHARE, VERTICAL_GAP, VERTICAL_TCY, Head, Heads, Reach,
                   Seat, air_read, set_head)
from .headstyle import two_below, vertical_cells
from .measure import (Fill, HeadMeasure, measure_fill, measure_head, measure_head_lines,
                      measure_need)
from .page import Placed, dated, flow_page, furniture
from .setter import (ASCENT, BOX_PADDING, MIN_DPI, REVERSED_TEXT, Drawn, TooLow, Typesetter,
                     baseline_in, measurer, moved, sized)
from .textcache import TextCache

__all__ = [
    "ASCENT", "BLOCKS", "BOX_PADDING", "DIVIDED_WIDTH", "FILL_MOST", "FILL_SHARE",
    "MIN_DIVIDED", "MIN_DPI", "REVERSED_TEXT", "RULE_COLOUR", "SUBHEAD_KEEP", "VERTICAL_GAP",
    "VERTICAL_TCY", "ArticleFlow", "BlockKind", "Cells", "Division", "Drawn", "Fill", "Head",
    "HeadMeasure", "Heads", "Laid",
    "Layout", "Measured", "Placed", "Reach", "Seat", "TextCache", "TooLow", "Typesetter",
    "air_read", "article_flow",
    "baseline_in", "check_faces", "check_text", "dated", "divided", "divided_into",
    "flow_page", "furniture", "kind_of", "measure_block", "measure_fill", "measure_head",
    "measure_head_lines",
    "measure_need", "measurer", "moved", "set_head",
    "sized", "two_below", "vertical_cells",
]
