"""The front page's 报头 (nameplate), across the top of the grid: the paper's name large in
the middle (its text in a face and size, or a picture of it); at the left the 主办 line,
the registration numbers (刊号, 准印证号) and the website; at the right the issue's number,
its date with the weekday and the 农历 date, beside an optional QR code; two rules under.
It takes whole grid lines at the top, as a banner does, so the make-up places the articles
in the rest of the grid (the template sets `banner.lines` to them: templates.py). Or a
block over the first columns at the top left (`place: top-left`), the name over the same
lines stacked under it: its lines are kept from the make-up the same way, and the columns
beside it hold the articles the manifest pins there (plan.py checks they are filled) or
the one the make-up finds fills them best (pipeline.py)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from .model import Align, Issue, LineKind, PlacedImage, PlacedRect, Template, TextStyle
from .text.chars import char_count

if TYPE_CHECKING:
    from .flow import Drawn, Typesetter

# The lines at the right: this share of the body size, this far apart (share of their size).
INFO_SCALE = 10.5 / 9
INFO_LEADING = 1.45
# The name (as text or picture) takes at most this share of the nameplate's height.
NAME_SHARE = 0.9
RULE_GAP = 2.0  # pt between the thick and the thin rule under the nameplate


def lunar_date(day: dt.date) -> str:
    """The 农历 date of a day, as a paper's nameplate prints it: 农历庚子年十月十三. The
    calendar is lunar-python's (a maintained library: the lunar months and their lengths are
    astronomical facts it computes, not a table of ours)."""
    from lunar_python import Solar  # type: ignore[import-untyped]  # noqa: PLC0415

    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    return (f"农历{lunar.getYearInGanZhi()}年{lunar.getMonthInChinese()}月"
            f"{lunar.getDayInChinese()}")


def left_lines(issue: Issue, template: Template) -> list[str]:
    """The lines at the nameplate's left, top to bottom: 主办, registration, website."""
    plate = template.nameplate
    assert plate is not None
    return [*([plate.sponsor] if plate.sponsor else []), *plate.registration,
            *([plate.website] if plate.website else [])]


def info_lines(issue: Issue, template: Template) -> list[str]:
    """The lines at the nameplate's right, top to bottom: the issue's number and dates."""
    from .flow import dated  # noqa: PLC0415 (flow imports this module)

    out = [f"第{issue.issue_number}期"] if issue.issue_number else []
    return out + [dated(issue.date), lunar_date(issue.date)]


def texts(issue: Issue, template: Template) -> list[str]:
    """Every text the nameplate sets (for the check that the faces have its characters)."""
    plate = template.nameplate
    if plate is None:
        return []
    name = [] if plate.image else [plate.name or issue.paper]
    return [*name, *left_lines(issue, template), *info_lines(issue, template)]


def draw(issue: Issue, template: Template, flow: Typesetter, out: Drawn) -> None:
    """Set the nameplate into `out` over grid lines 1 to its `lines`: the name in the
    middle, the 主办 and registration lines at the left, the issue's number and dates at
    the right (a QR code beside them), two rules under it all."""
    from .flow import baseline_in  # noqa: PLC0415 (flow imports this module)

    t = template
    plate = t.nameplate
    assert plate is not None
    if plate.columns is not None:
        _block(issue, t, flow, out, baseline_in)
        return
    top = t.line_top(1)
    height = plate.lines * t.pitch - t.pitch / 2  # half a line clear above the text
    left, width = flow.x, flow.width
    info = TextStyle(t.styles["header"].face, t.body.size * INFO_SCALE, Align.LEFT,
                     t.body.size * INFO_SCALE * INFO_LEADING)
    right = left + width
    if plate.code is not None:  # a square QR code at the right, the text beside it
        side = min(height * 0.8, width / 6)
        out.images.append(PlacedImage(right - side, top + (height - side) / 2, side, side,
                                      plate.code, "contain"))
        right -= side + t.body.size
    # the name in the middle third, as large as NAME_SHARE of the height allows
    band = height * NAME_SHARE
    third = width / 3
    if plate.image is not None:
        out.images.append(PlacedImage(left + third, top + (height - band) / 2, third, band,
                                      plate.image, "contain"))
    else:
        size = min(plate.size, band / 1.05)
        style = TextStyle(plate.face, size, Align.CENTER, size * 1.05)
        line = flow.set_text(plate.name or issue.paper, style, width, False)[0]
        out.lines.append(flow.placed(line, LineKind.BANNER, baseline_in(top, height, size),
                                     style, left, width, None, color=t.accent))
    blocks = ((left_lines(issue, t), left, Align.LEFT),
              (info_lines(issue, t), right - third, Align.RIGHT))
    for texts_, x, align in blocks:
        y = top + (height - len(texts_) * info.line_height) / 2
        for text in texts_:
            line = flow.set_text(text, info, third, False)[0]
            out.lines.append(flow.placed(line, LineKind.HEADER, baseline_in(
                y, info.line_height, info.size), info, x, third, None, align=align))
            y += info.line_height
    bottom = top + height
    out.rects.append(PlacedRect(left, bottom - RULE_GAP - 1.5, width, 0, None, t.accent, 2.0))
    out.rects.append(PlacedRect(left, bottom, width, 0, None, t.accent, 0.5))


def _block(issue: Issue, template: Template, flow: Typesetter, out: Drawn,
           baseline_in: Callable[[float, float, float], float]) -> None:
    """The nameplate as a block over its columns at the top left of the grid: the name
    as wide as the block allows, two rules under it, then the 主办 and registration lines
    and the issue's number and dates, centred (a QR code at their right); a thin rule down
    the gutter beside it and one across the grid through its last line, which is blank:
    the articles beside it and under it are parted from it as modules are (`baseline_in`:
    the flow's, which draw imports)."""
    t = template
    plate = t.nameplate
    assert plate is not None and plate.columns is not None
    top, left = t.line_top(1), t.column_x(1)
    width = t.column_x(plate.columns) + t.column_width - left
    height = (plate.lines - 1) * t.pitch  # its last line: blank, a rule through it
    info = TextStyle(t.styles["header"].face, t.body.size * INFO_SCALE, Align.CENTER,
                     t.body.size * INFO_SCALE * INFO_LEADING)
    texts_ = [*left_lines(issue, t), *info_lines(issue, t)]
    below = len(texts_) * info.line_height
    band = height - below - 2 * t.pitch  # the name's; the rules under it take the rest
    if plate.image is not None:
        out.images.append(PlacedImage(left, top, width, band, plate.image, "contain"))
    else:
        name = plate.name or issue.paper
        size = min(plate.size, band * NAME_SHARE / 1.05,
                   width * NAME_SHARE / max(char_count(name), 1))
        style = TextStyle(plate.face, size, Align.CENTER, size * 1.05)
        line = flow.set_text(name, style, width, False)[0]
        out.lines.append(flow.placed(line, LineKind.BANNER, baseline_in(top, band, size),
                                     style, left, width, None, color=t.accent))
    rule = top + band + t.pitch / 2
    out.rects.append(PlacedRect(left, rule, width, 0, None, t.accent, 2.0))
    out.rects.append(PlacedRect(left, rule + RULE_GAP + 1.5, width, 0, None, t.accent, 0.5))
    text_width = width
    y = top + height - below
    if plate.code is not None:  # a square QR code at the right of the lines
        side = min(below, width / 3)
        out.images.append(PlacedImage(left + width - side, y + (below - side) / 2, side,
                                      side, plate.code, "contain"))
        text_width -= side + t.body.size
    for text_ in texts_:
        line = flow.set_text(text_, info, text_width, False)[0]
        out.lines.append(flow.placed(line, LineKind.HEADER, baseline_in(
            y, info.line_height, info.size), info, left, text_width, None,
            align=Align.CENTER))
        y += info.line_height
    # under the block and the articles beside it (they end above its last line, plan.py),
    # through that line, as the make-up parts stacked modules; and down the gutter beside
    out.rects.append(PlacedRect(flow.x, t.line_top(plate.lines) + t.pitch / 2, flow.width, 0,
                                None, t.accent, 0.5))
    out.rects.append(PlacedRect(left + width + t.gutter / 2, top, 0, height, None, t.accent,
                                0.5))
