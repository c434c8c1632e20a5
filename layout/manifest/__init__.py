"""YAML → Issue: the issue manifest, checked key by key; every error names file:line, and
every mistake of a manifest is reported in one run (`source.gathered`).

A package, one reader a module: `issue` (the manifest whole, an edition's pages, the text
normalized), `article` (one article: headline, region, look, jump; rules), `blocks` (the
body's blocks, one reader a kind), `pictures` (an article's pictures), `common` (what they
share), `text` (an issue's text as the reader reads it). Every public name is
re-exported here.
"""
from __future__ import annotations

from .article import TEMPLATE_TINT
from .blocks import BLOCK_READERS, BORDERS, BlockReader, text_block
from .issue import MANIFEST_VERSION, load_issue, load_manifest
from .pictures import DEFAULT_ASPECT
from .text import article_body, article_head, article_text, block_text, body_count, issue_text

__all__ = [
    "BLOCK_READERS", "BORDERS", "DEFAULT_ASPECT", "MANIFEST_VERSION", "TEMPLATE_TINT",
    "BlockReader", "article_body", "article_head", "article_text", "block_text", "body_count",
    "issue_text", "load_issue", "load_manifest", "text_block",
]
