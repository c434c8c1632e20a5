"""Headlines side by side at one height (碰题) on made-up pages: the make-up staggers
neighbouring modules so that their titles do not share a height (a group lowered by a few
lines of air beside a title on its module's top line, modules stacked to other heights),
and keeps a pair only where every other arrangement leaves more blank or text over. Judged
from the PDF as printed (tests/pdfgeom.py), as the render judges it
(sidebyside.at_one_height)."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import newsgen  # noqa: E402
import pdfgeom  # noqa: E402
from test_newspages import articles_of  # noqa: E402
from layout import makeup  # noqa: E402
from layout.holes import hole_lines  # noqa: E402
from layout.fonts import shipped_fonts  # noqa: E402
from layout.manifest import load_issue  # noqa: E402
from layout.pipeline import layout_loaded  # noqa: E402
from layout.plan import plan_page  # noqa: E402
from layout.render.pdf import render_pdf  # noqa: E402
from layout.sidebyside import TitleBlock, at_one_height  # noqa: E402
from layout.templates import load_template  # noqa: E402

PAGES = 40  # seeds 0..39 (main before the stagger: 34 pairs on 24 of them)
MOST_PAIRS = 26  # all the pages' pairs at the most (23 with the stagger; 26 since a group
#                 may not stand under a blank a reader sees as a hole: 3 more pairs, each
#                 with a rule between, for fuller pages: 7 → 10 of 40 full)
MOST_ON_A_PAGE = 3  # (page 28: a row of three, every other page worse by holes)


def titles(issue, t, geometry) -> list[TitleBlock]:
    """Each article's main title as printed: the box of its characters."""
    found = articles_of(geometry, [a.headline.main for a in issue.articles], t.body.size)
    return [TitleBlock(min(c.box[0] for c in title), max(c.box[2] for c in title),
                       min(c.box[1] for c in title), max(c.box[3] for c in title),
                       max(c.size for c in title), "".join(c.text for c in title))
            for title, _ in found]


def pairs_of(blocks: list[TitleBlock]) -> list[tuple[str, str]]:
    return [(a.text, b.text) for n, a in enumerate(blocks) for b in blocks[n + 1:]
            if at_one_height(a, b)]


def page_of(seed: int, folder: Path):
    """(the manifest, its template, the page, its PDF's geometry, its plan)."""
    issue = load_issue(newsgen.write(seed, folder))
    t = load_template(issue.template, issue.path.parent, issue.template_origin)
    fonts = shipped_fonts()
    settings = []
    page = layout_loaded(issue, fonts, t, seen=settings.append)
    return issue, t, page, pdfgeom.read(render_pdf(page, fonts)), settings[0].plan


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("butting")
    return {seed: page_of(seed, folder) for seed in range(PAGES)}


@pytest.fixture(scope="module")
def butting(pages):
    return {seed: pairs_of(titles(issue, t, geometry))
            for seed, (issue, t, _, geometry, _) in pages.items()}


def test_few_headline_groups_stand_under_a_blank_as_tall_as_a_hole(pages):
    """A headline group lowered against 碰题 leaves no blank over it that a reader sees as
    a hole (holes.HOLE_MM, with the blank line of the rule over its module; heads.drops),
    and the make-up weighs a band's air so too: a hole over a whole module's top (the
    render reports it) is left on 2 of 40 pages at the most, both far short of copy (seeds
    14 and 21, 1,248 and 3,340 字 short: a lowered group whose band took air in the rounds
    after the search, 3 and 1 lines; main before this: 10, on 10 pages)."""
    found = {}
    for seed, (issue, t, page, _, _) in pages.items():
        modules = {f.article_index: (f.first_line, f.first_column, f.last_column)
                   for f in page.fits}
        over = [h for h in page.holes if h.article_index is not None
                and (h.first_line, h.first_column, h.last_column)
                == modules.get(h.article_index)]
        if over:
            found[seed] = over
    assert len(found) <= 2, found


def test_few_made_up_pages_have_headlines_side_by_side_at_one_height(butting):
    """Over 40 pages of real news, the pairs the make-up keeps (where every other
    arrangement leaves more blank or text over) are bounded, and no page has many."""
    total = sum(len(p) for p in butting.values())
    assert total <= MOST_PAIRS, {seed: p for seed, p in butting.items() if p}
    assert max(len(p) for p in butting.values()) <= MOST_ON_A_PAGE, butting



@pytest.mark.parametrize("seed", [9])
def test_a_module_beside_another_stands_its_headline_lower(tmp_path, seed):
    """A cut down whose one part starts with a module whose headline group stands under a
    few lines of air (`drop:`), beside a module whose title is on the top line they share:
    the lowered title starts under the other's (no 碰题), the air over it is shorter than a
    hole, the lowered module leaves no hole over its group, and `layout pin` writes the air
    back."""
    issue, t, page, geometry, _ = page_of(seed, tmp_path)
    plans = plan_page(issue, t, shipped_fonts()).articles
    blocks = titles(issue, t, geometry)
    lowered = [p for p in plans if p.head_drop]
    assert lowered, [(p.index, p.first_line, p.first_column) for p in plans]
    for low in lowered:
        beside = [p for p in plans if p.first_line == low.first_line and not p.head_drop
                  and (p.last_column + 1 == low.first_column
                       or low.last_column + 1 == p.first_column)]
        assert beside
        assert 0 < low.head_drop < hole_lines(t)
        for other in beside:
            a, b = blocks[low.index], blocks[other.index]
            assert not at_one_height(a, b) and a.top >= b.bottom, (a, b)
        assert not [h for h in page.holes  # (no blank over the lowered group a hole)
                    if h.article_index == low.index and h.first_line == low.first_line]
    assert not pairs_of(blocks)
    # `layout pin` writes the air back (the region's `drop:`), and the page stays the same
    from click.testing import CliRunner
    from layout.cli import main
    from layout.pipeline import render_issue

    path, pinned = tmp_path / f"news-{seed:03d}.yaml", tmp_path / "pinned.yaml"
    result = CliRunner().invoke(main, ["pin", str(path), "-o", str(pinned)])
    assert result.exit_code == 0, result.output
    regions = [a.region for a in load_issue(pinned).articles]
    assert [r.drop for r in regions] == [p.head_drop for p in sorted(plans, key=lambda p: p.index)]
    assert render_issue(pinned).pdf == render_issue(path).pdf


def test_the_make_up_weighs_each_pair_of_headlines_side_by_side_at_one_height(tmp_path):
    """placed.butting (the rounds' count): the titles as their heads are set, judged as the
    render judges them (sidebyside.at_one_height): a row of three modules heading one line
    is three pairs of 碰题, a module under them butts none of them, a module without a
    headline butts nothing; a two-line title lowered by two lines of air (DROP a line)
    clears a one-line title beside it; a one-line title lowered by three beside the other's
    second line does not, and its air is a blank band (STRAY_DROP a cell)."""
    from layout.flow import TextCache
    from layout.makeup.costs import BUTTING, DROP, STRAY_DROP
    from layout.makeup.shapes import Config
    from layout.makeup.placed import butting

    issue = load_issue(newsgen.write(35, tmp_path))
    t = load_template(issue.template, issue.path.parent, issue.template_origin)
    area = makeup.free_area(t, [], issue.articles[0].origin)
    every = list(range(len(issue.articles)))
    cs = makeup.candidates_of(issue, t, shipped_fonts(), TextCache(), area, every, False)
    by_index = {c.index: c for c in cs}

    def module(n: int, columns: int, column: int, line: int, drop: int = 0):
        return cs[n].plan(columns, 30, Config(18.0, drop=drop), column, line)

    row = [module(n, 2, 2 * n + 1, 6) for n in range(3)]
    under = module(3, 6, 1, 38)
    assert butting(row + [under], by_index) == 3 * BUTTING
    assert butting(row[:2] + [under], by_index) == BUTTING
    bare = replace(row[2], article=replace(issue.articles[2], headline=None))
    assert butting(row[:2] + [bare, under], by_index) == BUTTING
    # (article 1's title in three columns is one line, article 3's two)
    assert butting([module(1, 3, 1, 6), module(3, 3, 4, 6)], by_index) == BUTTING
    assert butting([module(1, 3, 1, 6), module(3, 3, 4, 6, 2)], by_index) == 2 * DROP
    # (its air staggers nothing: a blank band over it, STRAY_DROP a cell)
    assert butting([module(3, 3, 1, 6), module(1, 3, 4, 6, 3)], by_index) == \
        BUTTING + 3 * 3 * STRAY_DROP


def test_a_headline_group_stands_lower_only_where_that_staggers_it(pages, tmp_path):
    """Air over a headline group (a drop) is bought to stagger it against a title beside
    it: a lowered title still at one height with another's bought nothing, and the rounds
    of the make-up weigh such air as the blank band it is (placed.butting). Seed 256, where
    an editor found a group lowered by three lines beside a three-line title it still
    butted (a 9-line blank over it, taken for the holes it saved at the foot), no longer
    has one; over seeds 0-39 such a title is left on 4 pages at the most (main before: 5;
    the search's estimate of the titles' lines, tiling.Marks, still meets the render's
    count on those: 1, 21, 29, 33)."""
    found = dict(pages)
    found[256] = page_of(256, tmp_path)
    butted = []
    lowered_on = 0
    for seed, (issue, t, _, geometry, plan) in found.items():
        blocks = titles(issue, t, geometry)
        lowered = [p.article.headline.main.replace("\n", "") for p in plan.articles
                   if p.head_drop]
        lowered_on += bool(lowered)
        butted += [seed for b in blocks if b.text in lowered
                   and any(at_one_height(b, other) for other in blocks)]
    assert lowered_on >= 5  # (pages with a lowered group: the rule is exercised)
    assert 256 not in butted and len(butted) <= 4, butted
