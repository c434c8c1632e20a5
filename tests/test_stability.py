"""Issue 21, point 5: a small edit to one article changes its module and its neighbours,
not the page. A pinned page (`layout pin`) keeps every other module through an edit; the
make-up of laomo keeps at least the share of the others it keeps now (a regression floor,
not the issue's 90 %: bench/stability.py says why); and what any make-up could keep through
an edit (tests/editbound.py) is what bench/stability.py --bound measured, on edits picked
by hand, each setting that keeps the page checked through the whole pipeline."""
from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import editbound  # noqa: E402
from editbound import KEEPS, ROOM, Page, bound, changed, rect  # noqa: E402
from edits import sample_page, written  # noqa: E402
from layout.fonts import shipped_fonts  # noqa: E402
from layout.frozen import copied  # noqa: E402
from layout.kept import Kept  # noqa: E402
from layout.manifest import load_issue  # noqa: E402
from layout.model import Region  # noqa: E402
from layout.pin import pin_manifest  # noqa: E402
from layout.pipeline import layout_loaded, page_template, plan  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
LAOMO = REPO / "issues" / "2020-11-27-p1-laomo-jingshen.yaml"


@pytest.fixture(scope="module")
def fonts():
    return shipped_fonts()


def laomo() -> dict:
    return sample_page(LAOMO.stem)


def rectangles(path: Path, fonts, kept: Kept | None = None) -> dict[int, tuple]:
    """Each module's rectangle (`kept`: what the make-up of the page before kept, as
    `render --watch` keeps it: the page a fresh process makes, made faster)."""
    issue = load_issue(path)
    t = page_template(issue)
    cache = kept.text_cache(t, fonts) if kept else None
    return {p.index: rect(p) for p in plan(issue, t, fonts, cache, kept).articles}


@pytest.mark.parametrize("n", [0, 1, 2])
def test_after_layout_pin_an_edit_moves_no_other_module(n, fonts, tmp_path):
    """A paragraph less of each article of the pinned laomo (its last paragraph's line
    taken out of the manifest): every other module keeps its rectangle."""
    path = tmp_path / "page.yaml"
    shutil.copy(LAOMO, path)
    assert pin_manifest(path, fonts=fonts) == 3
    before = rectangles(path, fonts)
    last = load_issue(path).articles[n].blocks[-1]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert last.text[:8] in lines[last.origin.line - 1]
    del lines[last.origin.line - 1]
    path.write_text("".join(lines), encoding="utf-8")
    assert len(load_issue(path).articles[n].blocks) == len(
        load_issue(LAOMO).articles[n].blocks) - 1
    after = rectangles(path, fonts)
    assert {i: r for i, r in after.items() if i != n} == \
        {i: r for i, r in before.items() if i != n}


# a paragraph less and more (its first paragraph again, or its first sentences) of each
# article of laomo, made up afresh: (article, source) as editbound.changed takes them
EDITS = [(0, None), (0, 3), (1, None), (1, 0), (2, None), (2, 6)]
# of the 12 other modules, those the make-up keeps (issue 21 asks for 11): 4 while laomo's
# second row stood at 22 pt; with its titles a step smaller to mend their cuts (18 pt) 2,
# while over 39 edits of laomo and 12 generated pages the share kept rose, 43 → 48 %
KEPT_NOW = 2


def test_the_make_up_keeps_at_least_what_it_keeps_now_of_laomo(fonts, tmp_path):
    """A regression floor, not the issue's figure: the make-up keeps no memory of the page
    before an edit, and today keeps 2 of the 12 other modules through these six edits
    (bench/stability.py: 24 of 80 over 40 random edits; any make-up could keep 73-77)."""
    page = laomo()
    watch = Kept()
    base = rectangles(written(page, tmp_path / "base.yaml"), fonts, watch)
    kept = []
    for n, source in EDITS:
        edited, _ = changed(page, n, source)
        after = rectangles(written(edited, tmp_path / "edit.yaml"), fonts, watch)
        kept.append(sum(after[i] == base[i] for i in base if i != n))
    assert sum(kept) >= KEPT_NOW, kept


def pinned_so(path: Path, edit_path: Path, n: int, setting) -> object:
    """The edited page with every other article pinned where the make-up put it (`layout
    pin`) and article n pinned as `setting` (an ArticlePlan) says: its region, headline
    size and pictures."""
    pinned = path.with_name("pinned.yaml")
    shutil.copy(path, pinned)
    pin_manifest(pinned)
    issue = load_issue(pinned)
    article = load_issue(edit_path).articles[n]
    h = setting.headline
    article = replace(article, region=Region(
        setting.first_column, setting.last_column, setting.first_line, setting.last_line,
        air=setting.head_extra, divide=setting.measure[0] if setting.measure else 0,
        drop=setting.head_drop),
        headline=copied(article.headline, size=h.size, columns=h.columns),
        images=setting.images)
    return replace(issue, articles=tuple(article if i == n else a
                                         for i, a in enumerate(issue.articles)))


def test_an_edit_that_any_make_up_could_take_in_the_old_modules(fonts, tmp_path):
    """Laomo's second article a paragraph less (42 字): set in its old module as before
    (its picture a line shorter) the page stays full, so nothing forces a move; the
    setting found, pinned with the others, lays out so through the whole pipeline."""
    page = laomo()
    path = written(page, tmp_path / "base.yaml")
    base = Page(path, fonts)
    assert base.full()
    edited, made = changed(page, 1)
    assert made.what == "a paragraph less (42 字)"
    edit_path = written(edited, tmp_path / "edit.yaml")
    found = bound(base, edit_path, 1)
    assert (found.kind, found.modules, found.most, found.kept) == (KEEPS, 3, 2, 2)
    assert found.how == "18.0pt pictures 1x6 → 18.0pt air 2 pictures 1x6"
    issue = pinned_so(path, edit_path, 1, found.plan)
    laid = layout_loaded(issue, fonts, base.t)
    assert not laid.overflow
    assert editbound.holes_cells(laid) <= editbound.FULL * base.t.columns * base.t.grid_lines


def test_edits_that_force_a_move_or_a_copyfit(fonts, tmp_path):
    """Laomo's second article a paragraph more (44 字): in its old module it is left over
    at every size no smaller than the third's (strict: 13 字), while the make-up of the
    page sets it all, moving both others: point 4 forces a move; with the third's headline
    set down too it fits (14 pt, under the ladder's foot of 18). Its third a paragraph
    more (142 字): set in its old module (a move was forced while its headline stood at
    22 pt, 77 字 left over there); its first paragraph again (149 字): set there too (at
    22 pt 84 字 were left over there and on the make-up's page: a copyfit)."""
    page = laomo()
    base = Page(written(page, tmp_path / "base.yaml"), fonts)
    edited, made = changed(page, 1, 3)
    assert made.what == "a paragraph more (44 字)"
    edit_path = written(edited, tmp_path / "edit.yaml")
    strict = bound(base, edit_path, 1, strict=True)
    assert (strict.kind, strict.over, strict.kept, strict.most) == (ROOM, 13, 0, 1)
    loose = bound(base, edit_path, 1)
    assert loose.kind == KEEPS and loose.how.endswith("→ 14.0pt pictures 1x5")
    edited, made = changed(page, 2, 11)
    assert made.what == "a paragraph more (142 字)"
    found = bound(base, written(edited, tmp_path / "edit.yaml"), 2)
    assert (found.kind, found.over, found.most) == (KEEPS, 0, 2)
    edited, made = changed(page, 2, 0)
    assert made.what == "a paragraph more (149 字)"
    found = bound(base, written(edited, tmp_path / "edit.yaml"), 2)
    assert (found.kind, found.over, found.most) == (KEEPS, 0, 2)


def test_a_bound_on_the_ladder_leaves_out_sizes_no_make_up_gives_such_a_module(fonts):
    """`--ladder` (bench/stability.py, bench/holding.py): laomo's third article, four
    columns wide, at the ladder's foot (18 pt), may keep it but not be set down to the
    sizes under the foot that only a narrow module's title takes (16, 14 pt), as the bound
    without it allows; the second may be set up the ladder."""
    base = Page(LAOMO, fonts)
    issue = load_issue(LAOMO)
    assert editbound.OldRect(base, issue, 2).sizes == [18.0, 16.0, 14.0]
    assert editbound.OldRect(base, issue, 2, ladder=True).sizes == [18.0]
    assert editbound.OldRect(base, issue, 1, ladder=True).sizes == [18.0, 22.0, 24.0, 26.0]


def test_the_text_a_module_holds_in_its_own_rectangle(fonts, tmp_path):
    """bench/holding.py: laomo's third article made 20 字 longer (its own text again, a
    paragraph ending 。 after its last) or 60 字 shorter (off its end) by exactly that
    many characters; its rectangle holds it 40 字 longer and 200 shorter (the page full,
    no stub, headlines on the ladder), not 200 longer."""
    sys.path.insert(0, str(REPO / "bench"))
    import holding  # noqa: PLC0415
    from edits import with_chars  # noqa: PLC0415

    page = laomo()

    def chars(p: dict) -> int:
        return sum(len(b) for b in p["articles"][2]["body"] if isinstance(b, str))

    longer = with_chars(page, 2, 20)
    shorter = with_chars(page, 2, -60)
    assert chars(longer) - chars(page) == 20 and chars(page) - chars(shorter) == 60
    body = longer["articles"][2]["body"]
    texts = [i for i, b in enumerate(body) if isinstance(b, str)]
    assert body[texts[-1]].endswith("。") and not isinstance(body[-1], str)  # (signed last)
    base = Page(written(page, tmp_path / "base.yaml"), fonts)
    probe = tmp_path / "probe.yaml"
    assert holding.holds(base, with_chars(page, 2, 40), 2, probe)
    assert holding.holds(base, with_chars(page, 2, -200), 2, probe)
    assert not holding.holds(base, with_chars(page, 2, 200), 2, probe)
