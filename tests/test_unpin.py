"""`layout pin`, then an article's `region:` taken off: the article is made up again in the
room its module had, under (or over) the blank line with the rule the make-up drew between
it and the module it was stacked with (that line belongs to neither module: the room was
refused as "not a rectangle"), and every other module stays where it was."""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
import newsgen  # noqa: E402
from layout.cli import main  # noqa: E402
from layout.errors import LayoutError  # noqa: E402
from layout.fonts import shipped_fonts  # noqa: E402
from layout.manifest import article_text, load_issue  # noqa: E402
from layout.pipeline import render_issue  # noqa: E402
from layout.plan import plan_page  # noqa: E402
from layout.templates import load_template  # noqa: E402
from test_render import pdf_text, squeeze  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
LAOMO = REPO / "issues" / "2020-11-27-p1-laomo-jingshen.yaml"
REGION = re.compile(r"^(\s*)- region: [^\n]*# pinned by layout pin\n\1  ", re.M)


def pinned(source: Path | None, folder: Path, seed: int = 0) -> Path:
    """The page pinned by `layout pin` (a copy of `source`, or generated page `seed`)."""
    if source is None:
        path = newsgen.write(seed, folder)
    else:
        path = folder / "page.yaml"
        shutil.copy(source, path)
    result = CliRunner().invoke(main, ["pin", str(path)])
    assert result.exit_code == 0, result.output
    return path


def unpinned(path: Path, *indexes: int) -> str:
    """The pinned manifest's text with the `region:` of these articles (0-based) taken off,
    as an editor would delete the line."""
    text = path.read_text(encoding="utf-8")
    found = list(REGION.finditer(text))
    for index in sorted(indexes, reverse=True):
        match = found[index]
        text = text[:match.start()] + f"{match.group(1)}- " + text[match.end():]
    return text


def plan_of(path: Path):
    issue = load_issue(path)
    template = load_template(issue.template, path.parent, issue.template_origin)
    return plan_page(issue, template, shipped_fonts())


def rectangles(path: Path) -> list[tuple[int, int, int, int]]:
    return [(a.first_column, a.last_column, a.first_line, a.last_line)
            for a in plan_of(path).articles]


def every_character_comes_out(path: Path) -> None:
    result = render_issue(path)
    assert not result.layout.overflow
    extracted = squeeze(pdf_text(result.pdf))
    for article in load_issue(path).articles:
        chars = iter(extracted)
        assert all(c in chars for c in squeeze(article_text(article)))


@pytest.mark.parametrize("article", [1, 2])
def test_an_article_under_a_rule_across_the_page_is_made_up_in_its_own_room(article,
                                                                            tmp_path):
    # laomo: the lead over the page (lines 1-26), a rule at line 27 across columns 1-6,
    # articles 2 (columns 1-2) and 3 (columns 3-6) side by side under it
    path = pinned(LAOMO, tmp_path)
    before, rules = rectangles(path), plan_of(path).rules
    assert before == [(1, 6, 1, 26), (1, 2, 28, 72), (3, 6, 28, 72)]
    path.write_text(unpinned(path, article), encoding="utf-8")
    assert load_issue(path).articles[article].region is None
    assert rectangles(path) == before  # (the room it had, the others where they were)
    # the rules drawn: the manifest's as pinned, none twice (the make-up adds none)
    assert plan_of(path).rules == rules and len(rules) == 2
    assert [r.where() for r in load_issue(path).rules] == ["columns 1-6, line 27",
                                                           "gutter 2-3, lines 28-72"]
    every_character_comes_out(path)


@pytest.mark.parametrize("article", [0, 1, 2, 3, 4])
def test_any_article_of_a_generated_page_may_be_unpinned(article, tmp_path):
    # page 0: the lead over the page, a rule across it, and two columns of two modules
    # stacked each, with rules at lines 52 (columns 1-3) and 50 (columns 4-6)
    path = pinned(None, tmp_path, 0)
    before = rectangles(path)
    assert before == [(1, 6, 1, 27), (1, 3, 29, 51), (1, 3, 53, 72), (4, 6, 29, 49),
                      (4, 6, 51, 72)]
    path.write_text(unpinned(path, article), encoding="utf-8")
    assert rectangles(path) == before
    if article == 1:
        every_character_comes_out(path)


def test_two_neighbours_unpinned_are_refused_until_the_rule_between_them_goes(tmp_path):
    # page 0's articles 2 and 3, stacked in columns 1-3 with the rule at line 52 between
    path = pinned(None, tmp_path, 0)
    before = rectangles(path)
    path.write_text(unpinned(path, 1, 2), encoding="utf-8")
    with pytest.raises(LayoutError, match=r"a rule of `rules:` \(columns 1-3, line 52\) "
                                          r"runs through") as refused:
        plan_of(path)
    text = path.read_text(encoding="utf-8")
    rule = "  - {columns: 1-3, line: 52}\n"
    assert refused.value.line == text[:text.index(rule)].count("\n") + 1
    assert "delete it" in (refused.value.hint or "")
    path.write_text(text.replace(rule, ""), encoding="utf-8")
    after = rectangles(path)  # (the two made up again in the room they had between them)
    assert after[0] == before[0] and after[3:] == before[3:]
    assert all(1 <= a[0] <= a[1] <= 3 and 29 <= a[2] <= a[3] <= 72 for a in after[1:3])
    every_character_comes_out(path)


def test_two_neighbours_side_by_side_are_refused_with_the_rule_to_delete(tmp_path):
    # laomo's articles 2 and 3, side by side under the lead: the rule down the gutter
    # between them would print across what the make-up places there
    path = pinned(LAOMO, tmp_path)
    path.write_text(unpinned(path, 1, 2), encoding="utf-8")
    with pytest.raises(LayoutError, match=r"a rule of `rules:` \(gutter 2-3, lines 28-72\) "
                                          r"runs through") as refused:
        plan_of(path)
    assert "delete it" in (refused.value.hint or "")
