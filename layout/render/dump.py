"""A placed page as readable text: one line per placed line, for `--dump` and tests."""
from __future__ import annotations

from ..model import PageLayout


def dump_page(page: PageLayout) -> str:
    """`kind grid-line baseline left–right | text`, with ¶ after a paragraph's last line."""
    out = [f"page {page.width:.2f} x {page.height:.2f} pt: {page.title}"]
    for line in page.lines:
        grid = f"L{line.grid_line:<3d}" if line.grid_line is not None else "    "
        right = max((g.x + g.advance for g in line.glyphs), default=line.left)
        left = min((g.x for g in line.glyphs), default=line.left)
        end = " ¶" if line.paragraph_end else ""
        out.append(f"{line.kind.value:<8} {grid} y={line.baseline:7.2f} "
                   f"x={left:7.2f}–{right:7.2f} | {line.text}{end}")
    for overflow in page.overflow:
        out.append(f"OVERFLOW article {overflow.article_index + 1}: {overflow.lines} lines: "
                   f"{overflow.text[:40]}…")
    return "\n".join(out) + "\n"
