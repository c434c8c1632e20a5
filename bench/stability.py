#!/usr/bin/env python3
"""How stable the make-up is under small edits (issue 21, point 5): for the laomo sample page
and pages of real news (tests/newsgen.py), add or remove one paragraph of one article at
random and count how many of the other articles keep their rectangles.

    python bench/stability.py [--pages N] [--first F] [--edits K] [--no-laomo]
    python bench/stability.py --bound [--strict] [--full] [the same]

A paragraph is one of the article's own when it is no longer than PARAGRAPH characters
(the sample pages' run 100-130); a longer one (the generated pages' texts are often one
paragraph of many hundred: a paragraph more would double the article) gives its first
sentences up to PARAGRAPH (a sentence longer than that, its first PARAGRAPH characters),
and a paragraph less takes its last sentences up to PARAGRAPH off (tests/editbound.py,
`edit`). Prints each edit and the share kept. The make-up keeps no memory of an earlier
page: an edited article's module changes, and with it any module the search then finds
cheaper to set otherwise; `layout pin` freezes a page so that an edit moves nothing else.

Figures (laomo and pages 0-11, 3 edits each: 39 edits, 132 other modules): 45 kept, 34 %;
the edited module itself moved in 27; since the make-up weighs the blank over a headline
group as a reader sees it (a group lowered against 碰题 only where that blank stays under
a hole: fewer lowered groups to re-choose), 60 kept, 45 % (moved in 25); laomo ×40: 24
kept, 30 %, as before (the table's make-up column below is of before it); with names in
credits kept whole and a lowered group that staggers nothing weighed as a blank band (three
of the twelve pages changed), 57 kept, 43 % (moved in 25). Whole paragraphs as the manifests have them (often
500-2000 字) kept 28 % once; a make-up that takes the tiling's shape from the articles'
sizes in bands (each length rounded to a power of 1.5; the `stable` branch, not merged)
kept 50 %, for about a quarter more of the make-up's time and fuller holes on two of 40
pages.

`--bound`: what any make-up could keep through each edit, as tests/editbound.py classes
it (the edited article set in its old module with every freedom the make-up has, every
other module where it was). A move is forced where the article is left over there at
every setting while the make-up's page of the edit sets all its text (point 4: "over,
room"), or leaves the page not full while the make-up's page is full ("not full"); it
costs one other module at the least, so a page of n modules keeps n - 2 of its n - 1
others at the most, n - 1 otherwise ("most"). "tight" also counts as forcing a setting
that only fits with a leg under five lines or with more holes than the make-up's page of
the edit (air over a headline group it did not have counted as holes). `--strict`: the
edited headline no smaller than one ranked after it or standing under it (otherwise the
make-up sets that one down too, in its band). `--full`: only the generated pages the
make-up fills (holes at most 5 % of the grid, no text over: 12 of seeds 0-39, 15 of
40-79).

    edits (others)                  make-up       most          tight    (--strict: most, tight)
    laomo + 0-11 ×3: 39 (132)     45  34.1 %   127  96.2 %   124  93.9 %   (the same)
    laomo ×40:       40 (80)      24  30.0 %    77  96.2 %    69  86.2 %   (73 91.2 %, 67 83.8 %)
    full of 0-39 ×3: 36 (126)     49  38.9 %   115  91.3 %   107  84.9 %   (111 88.1 %, 104 82.5 %)
    full of 40-79:   45 (138)     36  26.1 %   121  87.7 %   114  82.6 %   (121 87.7 %, 113 81.9 %)

`--ladder` (headlines on the template's ladder, as the make-up sizes them: laomo's four-column
third article 22 or 18 pt, not the 16 or 14 pt only a narrow module's title takes) and a
stub counted as forcing (guarantee 2): laomo ×40, make-up of 3d84058: kept 24 (30.0 %),
most 72 (90.0 %), no stub 72 (90.0 %), tight 65 (81.2 %): keeps 21, emptier 7, over with
no room 4, over with room 8. So on laomo the issue's 90 % is the ceiling itself: a make-up
would have to keep every module in every edit that any setting could keep, emptier pages
included. bench/holding.py measures what each module holds in its rectangle, and so what
a make-up with no memory can keep over pages like one: 90.7 % for laomo, 85.4 % over the
full pages of real news (8 of 11 under 90 %).

The classes: laomo + 0-11: keeps 7, keeps but emptier 3, not full anyway 24 (10 of the 12
generated pages are not full before any edit: fullness forces nothing there), not full 1,
over with room 4. Laomo ×40: keeps 24, emptier 8, over with no room 5 (a copyfit: the
make-up's page leaves text over too), over with room 3. Full pages of 0-39: keeps 15,
emptier 8, not full anyway 2, over with room 11; of 40-79: keeps 19, emptier 7, not full
anyway 2, not full 1, over with room 16. Where nothing forced a move the make-up kept 45 of
the 111 others that could stay (laomo ×40: 24 of 74; full pages: 42 of 82, 27 of 82): its
own instability; on laomo every move is the one boundary under the lead, 5 lines up to 1
down (so both modules under it move), the page's shape the same. Where a move was forced it
kept 0 of 16 (0 of 3; 7 of 33, 9 of 39). Of the edits in which it moved others, those it
moved were all neighbours of the edited module (sharing an edge) in 6 of 28 (laomo: 28 of
28, three modules; full pages: 20 of 29, 16 of 39). So the issue's 90 %: on laomo, the only
sample page of several articles, it is within the rules as issue 21 states them (96.2 %;
91.2 % strict), not with no stub and no page emptier than the make-up's (86.2 %, 83.8 %);
on full pages of real news it is past them: 89.4 % at the most over the 81 edits of the 27
pages (87.9 % strict; 83.7 % tight). The make-up keeps 26-39 %.

Part of its own instability is its estimate, not its costs: laomo's lead a paragraph more
(39 字) fits its old module undivided with its picture as it was (2x11, every column foot
within a line), but `pictures.picture_options` counts a module taller than the text as
its last column short (SHORT_MOST cells) while the flow balances the columns, so no
option of 25 lines without air is offered and the search moves the boundary under the
lead (both others). Offering the heights at which each column ends a line short (shortage
up to columns × SHORT_OK + SHORT_MOST cells, costed by the lines per column), tried on a
copy: laomo ×40 kept 28 of 80 (24 now), the default edits 48 of 132 (45); holes better on
15 of seeds 0-38, worse on 2 (seed 12 5.0 %, no longer full), but two sample pages (fenjin,
hongqi) get 5 and 4 cells of holes: not taken."""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from edits import sample_page, written  # noqa: E402


def rectangles(path: Path, fonts) -> dict[int, tuple[int, int, int, int]]:
    from layout.manifest import load_issue  # noqa: PLC0415
    from layout.pipeline import page_template, plan as plan_of  # noqa: PLC0415

    issue = load_issue(path)
    plan = plan_of(issue, page_template(issue), fonts)
    return {p.index: (p.first_column, p.last_column, p.first_line, p.last_line)
            for p in plan.articles}


def sources(pages: int, first: int = 0, laomo: bool = True) -> list[tuple[str, dict]]:
    """The laomo sample page (unless not `laomo`) and generated pages first..first+pages-1."""
    import newsgen  # noqa: PLC0415

    out = []
    if laomo:
        out.append(("laomo", sample_page("2020-11-27-p1-laomo-jingshen")))
    return out + [(f"news-{seed}", newsgen.page(seed)) for seed in range(first, first + pages)]


def main() -> None:
    from editbound import edit  # noqa: PLC0415

    from layout.fonts import shipped_fonts  # noqa: PLC0415

    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--first", type=int, default=0, help="the first generated page")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--no-laomo", action="store_true")
    parser.add_argument("--bound", action="store_true",
                        help="also what any make-up could keep (tests/editbound.py)")
    parser.add_argument("--strict", action="store_true",
                        help="with --bound: an edited headline no smaller than one ranked "
                             "after it or under it (nothing else set down)")
    parser.add_argument("--ladder", action="store_true",
                        help="with --bound: headline sizes on the template's ladder only "
                             "(below its foot only where the make-up sets one so: narrow)")
    parser.add_argument("--full", action="store_true",
                        help="with --bound: only the pages the make-up fills (holes at "
                             "most 5 %%, no text over)")
    args = parser.parse_args()
    if args.bound:
        return bounds(args)
    fonts = shipped_fonts()
    rng = random.Random(1)
    kept = total = ceiling = moved = 0
    with tempfile.TemporaryDirectory() as scratch:
        found = sources(args.pages, args.first, not args.no_laomo)
        for name, page in found:  # (all on shipped templates: any folder will do)
            base_path = Path(scratch, f"{name}.yaml")
            edit_path = Path(scratch, f"{name}-edit.yaml")
            written(page, base_path)
            base = rectangles(base_path, fonts)
            for _ in range(args.edits):
                edited, made = edit(page, rng)
                n = made.index
                written(edited, edit_path)
                after = rectangles(edit_path, fonts)
                others = [i for i in base if i != n]
                same = sum(base[i] == after[i] for i in others)
                kept, total = kept + same, total + len(others)
                # the modules tile the type area: when the edited one changes its
                # rectangle, the lines it took or gave are another's, which changes too
                own = base[n] != after[n]
                moved += own
                ceiling += len(others) - own
                print(f"{name}: article {n + 1}, {made.what}: {same}/{len(others)} kept"
                      + ("" if own else " (its own module kept)"))
    print(f"other modules that kept their rectangles: {kept}/{total} = "
          f"{kept / max(1, total):.0%} (issue 21's figure: at least 90 %)")
    print(f"the edited module itself moved in {moved} of {len(found) * args.edits} edits; "
          f"as the modules tile the page, at most {ceiling}/{total} = "
          f"{ceiling / max(1, total):.0%} of the others could have kept theirs")


COLUMNS = ("edits", "others", "kept", "most", "no stub", "tight", "own kept", "near only", "far too",
           "far ones")


def bounds(args) -> None:
    """Each edit's class (tests/editbound.py), and by class: the edits, the other modules,
    those the make-up kept, the most any make-up could keep, the edits in which the
    make-up kept the edited module's own rectangle, those in which it moved others but
    only its neighbours, those in which it moved no neighbours too, and how many."""
    from editbound import EMPTIER, EMPTY_ANYWAY, FORCED, Page, bound, edit  # noqa: PLC0415

    from layout.fonts import shipped_fonts  # noqa: PLC0415

    fonts = shipped_fonts()
    rng = random.Random(1)
    rows: dict[str, list[int]] = {}  # class → the COLUMNS
    with tempfile.TemporaryDirectory() as scratch:
        for name, page in sources(args.pages, args.first, not args.no_laomo):
            base_path = Path(scratch, f"{name}.yaml")
            edit_path = Path(scratch, f"{name}-edit.yaml")
            written(page, base_path)
            base = Page(base_path, fonts)
            if args.full and not base.full():
                print(f"{name}: not full, left out")
                continue
            for _ in range(args.edits):
                edited, made = edit(page, rng)
                written(edited, edit_path)
                b = bound(base, edit_path, made.index, args.strict, args.ladder)
                moved = b.kept < b.modules - 1
                row = rows.setdefault(b.kind, [0] * len(COLUMNS))
                for k, v in enumerate((1, b.modules - 1, b.kept, b.most, b.most_rules,
                                       b.most_tight,
                                       b.own_kept,
                                       moved and not b.moved_far, bool(b.moved_far),
                                       b.moved_far)):
                    row[k] += v
                print(f"{name}: article {made.index + 1}, {made.what}: {b.kind}"
                      + (f" ({b.over} 字 over at the least)" if b.over else "")
                      + (f" (holes {b.holes} cells at the least, the make-up's "
                         f"{b.made_holes}, full ≤ {b.full})" if b.kind in (EMPTY_ANYWAY, EMPTIER)
                         else "")
                      + f"; the make-up kept {b.kept}/{b.modules - 1}, any could keep "
                        f"{b.most}" + (f"; it moved {b.moved_far} no neighbour(s)"
                                       if b.moved_far else "")
                      + f" [{b.settings} settings" + (f": {b.how}]" if b.how else "]"),
                      flush=True)
    print(f"{'class':24}" + "".join(f"{c:>10}" for c in COLUMNS))
    total = [0] * len(COLUMNS)
    for kind, row in sorted(rows.items()):
        print(f"{kind + (' (forced)' if kind in FORCED else ''):24}"
              + "".join(f"{v:>10}" for v in row))
        total = [a + b for a, b in zip(total, row)]
    print(f"{'all':24}" + "".join(f"{v:>10}" for v in total))
    print(f"the make-up kept {total[2]}/{total[1]} = {total[2] / max(1, total[1]):.1%}; "
          f"any make-up could keep {total[3]}/{total[1]} = {total[3] / max(1, total[1]):.1%}"
          f", with no stub {total[4]}/{total[1]} = {total[4] / max(1, total[1]):.1%}"
          f" (and no page emptier than the make-up's: {total[5]}/{total[1]} = "
          f"{total[5] / max(1, total[1]):.1%})")


if __name__ == "__main__":
    main()
