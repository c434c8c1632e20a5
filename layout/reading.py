"""The order a reader meets an article's text on the page, and its text in that order.

The body's order is the manifest's. A picture the make-up places (at the top right, on the
foot at the left) is met where it stands: a reader goes down the article's columns left to
right, reading a picture that spans several columns after the text above it in those
columns; its caption comes in there. `layout text` gives this text: what the page, read
as a reader reads it, must give back.
"""
from __future__ import annotations

from collections.abc import Sequence

from .manifest import article_head, article_body
from .model import Article, PlacedLine

Box = tuple[float, float, float, float, int]  # x0, x1, y0, y1, index


def xy_order(boxes: Sequence[Box]) -> list[int]:
    """Indexes of the boxes in reading order: split at every vertical gap (columns, left to
    right) first; where there is none, take off the top band above the first horizontal gap
    and order the rest again; what cannot be split reads top to bottom."""
    out: list[int] = []
    pending = [list(boxes)]
    while pending:
        group = pending.pop()
        if len(group) <= 1:
            out += [b[4] for b in group]
            continue
        columns = _split(group, 0, 1)
        if len(columns) > 1:
            pending += reversed(columns)
            continue
        bands = _split(group, 2, 3)
        if len(bands) > 1:
            pending += [[b for band in bands[1:] for b in band], bands[0]]
            continue
        out += [b[4] for b in sorted(group, key=lambda b: (b[2], b[0]))]
    return out


def _split(group: list[Box], low: int, high: int) -> list[list[Box]]:
    """The group cut at each gap along one axis (x: 0, 1; y: 2, 3)."""
    parts: list[list[Box]] = []
    reach = None
    for box in sorted(group, key=lambda b: (b[low], b[high])):
        if reach is None or box[low] > reach:
            parts.append([])
            reach = box[high]
        parts[-1].append(box)
        reach = max(reach, box[high])
    return parts


def reading_text(article: Article, lines: Sequence[PlacedLine], head: int,
                 captions: Sequence[tuple[int, int, str]], pitch: float) -> str:
    """The article's text in the order a reader meets it: headline group, byline and note
    (`lines[:head]`), then the body, each caption of a placed picture (`captions`: its
    lines' range and its text) where the picture stands among the body's columns. Each
    line stands for the grid line it sits on (`pitch` high), so that a column's lines
    read as one block."""
    met = _met(lines, head, tuple(captions), pitch) if captions else []
    body = article_body(article)
    return "\n".join(article_head(article) + _inserted(body, met))


# Where each caption is met (`_met`), by the lines it was found from: a page set again under
# `render --watch` places most of its articles' lines as they were (the very objects).
# Started afresh past this many.
_MET: dict[int, tuple[tuple[PlacedLine, ...], int, tuple, float, list]] = {}
MOST_MET = 64


def _met(lines: Sequence[PlacedLine], head: int, captions: tuple[tuple[int, int, str], ...],
         pitch: float) -> list[tuple[int, str]]:
    """Each caption of `captions` with the body characters read before it (see
    reading_text); found before for equal lines (the same objects: compared at once),
    head, captions and pitch, given again."""
    placed = tuple(lines)
    found = _MET.get(id(lines))
    if found is not None and found[0] == placed and found[1] == head \
            and found[2] == captions and found[3] == pitch:
        return found[4]
    met: list[tuple[int, str]] = []  # (body characters read before it, caption)
    is_caption = {i for start, end, _ in captions for i in range(start, end)}
    boxes = [(line.left, line.left + line.width, line.baseline - pitch - 0.01,
              line.baseline, i) for i, line in enumerate(lines) if i >= head
             and line.kind.value != "label"]
    starts = {start: text for start, _, text in captions}
    read = 0
    for i in xy_order(boxes):
        if i in starts:
            met.append((read, starts[i]))
        elif i not in is_caption:
            read += sum(1 for g in lines[i].set_glyphs if not g.char.isspace())
    if len(_MET) >= MOST_MET:
        _MET.clear()
    _MET[id(lines)] = (placed, head, captions, pitch, met)
    return met


def _inserted(parts: list[str], met: list[tuple[int, str]]) -> list[str]:
    """The body's parts with each caption put in after as many of their characters
    (whitespace aside), splitting a part where a caption falls inside it."""
    out: list[str] = []
    pending = sorted(met)
    read = 0
    for part in parts:
        count = len("".join(part.split()))  # (its characters, whitespace aside)
        if not pending or part and pending[0][0] >= read + count:
            out.append(part)  # (no caption inside it: as it is)
            read += count
            continue
        current = ""
        for char in part:
            while pending and pending[0][0] <= read and not char.isspace():
                if current:
                    out.append(current)
                    current = ""
                out.append(pending.pop(0)[1])
            current += char
            if not char.isspace():
                read += 1
        while pending and pending[0][0] <= read and not current:
            out.append(pending.pop(0)[1])
        out.append(current)
    out += [text for _, text in pending]
    return [p for p in out if p]
