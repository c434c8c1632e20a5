"""Made-up headline sizes step down by rank (issue 21, guarantee 1): the rank check's own
test, the case that broke (page 205), and the search's cost of a later part whose first
headline is larger; the property over generated pages is test_newspages'
`test_made_up_headline_sizes_step_down_by_rank`."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import newsgen  # noqa: E402
import pdfgeom  # noqa: E402
from layout.fonts import shipped_fonts  # noqa: E402
from layout.manifest import load_issue  # noqa: E402
from layout.pipeline import layout_loaded  # noqa: E402
from layout.render.pdf import render_pdf  # noqa: E402
from layout.templates import load_template  # noqa: E402
from test_newspages import articles_of, out_of_rank  # noqa: E402


def test_the_check_of_rank_finds_a_later_headline_set_larger(tmp_path):
    """(So that the rank check could fail.) Page 0 as made up, its 4th story's title read
    8 pt larger than the 2nd's and 3rd's (as it was set before sizes stepped down by rank:
    26 pt under their 18); with `size:` on that story it is its own."""
    issue = load_issue(newsgen.write(0, tmp_path))
    t = load_template(issue.template, issue.path.parent, issue.template_origin)
    fonts = shipped_fonts()
    geometry = pdfgeom.read(render_pdf(layout_loaded(issue, fonts, t), fonts))
    titles = [a.headline.main for a in issue.articles]
    fourth = articles_of(geometry, titles, t.body.size)[3][0]
    start = geometry.chars.index(fourth[0])
    sizes = [max(c.size for c in title)
             for title, _ in articles_of(geometry, titles, t.body.size)]
    larger = max(sizes[1:3]) + 8.0
    chars = tuple(replace(c, size=larger) if start <= n < start + len(fourth) else c
                  for n, c in enumerate(geometry.chars))
    bent = replace(geometry, chars=chars)
    assert out_of_rank(issue, t, geometry) == []
    assert [(i, j) for i, j, *_ in out_of_rank(issue, t, bent)] == [(2, 4), (3, 4)]
    own = replace(issue, articles=tuple(
        replace(a, headline=replace(a.headline, size=larger)) if n == 3 else a
        for n, a in enumerate(issue.articles)))
    assert out_of_rank(own, t, bent) == []


def test_a_second_story_set_narrow_bounds_the_stories_ranked_after_it(tmp_path):
    """Page 205: the 2nd story is 75 字 and a picture, so one column is all it can have (its
    picture at most half its module): its 14-字 title took 14 pt in two lines there, while
    the 3rd story took 26 pt in four columns and the 5th 18 pt in one, seven lines tall.
    Made-up sizes step down by rank: every story after the 2nd is set no larger than it
    (a round whose page left them larger bounds them in the next: `Ordered.bounds`), and no
    title of them takes seven lines."""
    issue = load_issue(newsgen.write(205, tmp_path))
    t = load_template(issue.template, issue.path.parent, issue.template_origin)
    fonts = shipped_fonts()
    geometry = pdfgeom.read(render_pdf(layout_loaded(issue, fonts, t), fonts))
    found = articles_of(geometry, [a.headline.main for a in issue.articles], t.body.size)
    sizes = [max(c.size for c in title) for title, _ in found]
    lines = [title_lines(title) for title, _ in found]
    assert lines[1] <= 3 and sizes[1] >= max(sizes[2:]), (sizes, lines)
    assert max(lines) < 7 and out_of_rank(issue, t, geometry) == [], (sizes, lines)


def title_lines(chars) -> int:
    """The lines a title's characters stand on."""
    size = max(c.size for c in chars)
    middles = sorted((c.box[1] + c.box[3]) / 2 for c in chars)
    return 1 + sum(1 for a, b in zip(middles, middles[1:]) if b - a > size / 2)


def test_the_search_costs_a_later_part_whose_first_headline_is_larger():
    """The search's cuts (tiling: one part over another, one beside another) add
    OUT_OF_RANK where the later part's first made-up headline is larger than the earlier
    part's smallest, UNORDERED more where its band could not set it down to that size,
    and nothing where it is no larger or either part has no made-up headline; a part made
    of two carries its first's and its smallest on to the next cut; over a part, of two
    ways of the later part the search takes the one in rank unless the other is cheaper
    by more than OUT_OF_RANK. (That the search's choice is the page's is read from pages
    above, and test_newspages' headlines getting smaller down the page.)"""
    from layout.makeup.costs import OUT_OF_RANK, UNORDERED
    from layout.makeup.tiling import INF, Cheapest, Levels, Memo, Table, Way, _Tiling

    limit = 60
    search = _Tiling([], limit, 1, False, Memo(), Levels([], 2), 2)

    def way(top: float, floor: float, least: float, cost: float = 0.0, lines: int = 10,
            ) -> Way:
        """A part `lines` tall, no title on its top line, whose first made-up headline is
        `top` pt (`floor` the least its band sets it down to), its smallest `least`."""
        return Way(lines, cost, cost, False, False, 0, False, 0, 0, 0, top, floor, least,
                   None, 0, 0, 0.0)

    def cuts(first: list[Way], then: list[Way]) -> tuple[Way, Way]:
        """The cheapest way of `first` over `then`, and of `first` beside (left of) it."""
        found = []
        for across in (True, False):
            best = Cheapest(limit + 5)
            if across:
                search.across(Table(first, limit), Table(then, limit), best)
            else:
                search.down(Table(first, limit), Table(then, limit), 1, 2, best)
            found.append(min(best.ways(), key=lambda w: w.cost))
        return found[0], found[1]

    earlier = way(26.0, 18.0, 14.0)  # (ranked first: 26 pt, its smallest 14)
    larger, stuck = way(18.0, 14.0, 18.0), way(18.0, 16.0, 18.0)
    in_rank, bare = way(14.0, 14.0, 14.0), way(0.0, 0.0, INF)
    for later, costs in ((larger, OUT_OF_RANK), (stuck, OUT_OF_RANK + UNORDERED),
                         (in_rank, 0.0), (bare, 0.0)):
        assert [w.cost for w in cuts([earlier], [later])] == [costs, costs], later.rank_floor
    assert [w.cost for w in cuts([bare], [larger])] == [0.0, 0.0]
    # (a part of two, ranked first and bare in either order: the next cut reads its ranks)
    for made in (*cuts([earlier], [bare]), *cuts([bare], [earlier])):
        assert (made.rank_top, made.rank_floor, made.rank_least) == (26.0, 18.0, 14.0)
        then = way(18.0, 14.0, 18.0, lines=made.height)  # (as tall: beside it too)
        assert [w.cost for w in cuts([made], [then])] == [OUT_OF_RANK, OUT_OF_RANK]
    # (the later part set in rank at a cost: taken over the cheaper one out of rank)
    for extra, taken in ((OUT_OF_RANK - 1.0, 14.0), (OUT_OF_RANK + 1.0, 18.0)):
        over = cuts([earlier], [larger, way(14.0, 14.0, 14.0, extra)])[0]
        assert over.second is not None and over.second.rank_top == taken
        assert over.cost == min(extra, OUT_OF_RANK)
