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


def test_a_later_part_whose_first_headline_is_larger_costs_out_of_rank():
    """tiling.out_of_rank, what the search adds at a cut where the later part's first
    made-up headline is larger than the earlier part's smallest: OUT_OF_RANK, and UNORDERED
    more where it could not be set down to that size in its band (its floor larger). That
    the search adds it where it should is read from the pages themselves (above, and
    test_newspages' headlines getting smaller down the page)."""
    from layout.makeup.costs import OUT_OF_RANK, UNORDERED
    from layout.makeup import tiling

    smallest = 14.0  # (the earlier part's smallest made-up headline)
    assert tiling.out_of_rank(14.0, smallest) == OUT_OF_RANK  # (set down to 14 pt in its band)
    assert tiling.out_of_rank(18.0, smallest) == OUT_OF_RANK + UNORDERED
