"""The types that cross stage boundaries: load → plan → flow → render.

Every type is a frozen dataclass (`@frozen`: layout.frozen) but a placed line
(`PlacedLine`, a compiled class, never changed once made). Once past `load`, every length
is in PDF points (float), x grows to the right from the page's left edge and y grows DOWN
from the page's top edge (the way a designer reads a page); only the PDF renderer turns y
over.

A package of three modules, one a stage's types: `issue` (the manifest, as `load` reads it),
`template` (a template, as `load` reads it), `page` (the plan and the placed page), and
`line`, the placed page's lines (compiled: see its docstring). Every name is re-exported here: `from layout.model import Article` as before.
"""
from __future__ import annotations

from .issue import (
    Align,
    Article,
    Block,
    Boxed,
    Edit,
    Figure,
    Headline,
    Image,
    Issue,
    Origin,
    Paragraph,
    Quote,
    Region,
    Rule,
    Signature,
    Subhead,
)
from .line import ASCENT, EmBox, LineKind, PlacedGlyph, PlacedLine
from .page import (
    ArticlePlan,
    Copyfit,
    Edition,
    Hole,
    IssueLayout,
    Jump,
    Overflow,
    PageFit,
    PageLayout,
    PagePlan,
    PlacedImage,
    PlacedRect,
    left_over,
    on_page,
)
from .template import (
    PDFX_STANDARDS,
    Banner,
    Breaking,
    Composition,
    Nameplate,
    PrintSettings,
    PunctuationFit,
    Template,
    TextStyle,
)

__all__ = [
    "ASCENT",
    "PDFX_STANDARDS",
    "Align",
    "Article",
    "ArticlePlan",
    "Banner",
    "Block",
    "Boxed",
    "Breaking",
    "Composition",
    "Copyfit",
    "Edit",
    "Edition",
    "EmBox",
    "Figure",
    "Headline",
    "Hole",
    "Image",
    "Issue",
    "IssueLayout",
    "Jump",
    "LineKind",
    "Nameplate",
    "Origin",
    "Overflow",
    "PageFit",
    "PageLayout",
    "PagePlan",
    "Paragraph",
    "PlacedGlyph",
    "PlacedImage",
    "PlacedLine",
    "PlacedRect",
    "PrintSettings",
    "PunctuationFit",
    "Quote",
    "Region",
    "Rule",
    "Signature",
    "Subhead",
    "Template",
    "TextStyle",
    "left_over",
    "on_page"
]
