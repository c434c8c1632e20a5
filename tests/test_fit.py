"""`layout fit` followed by an editor: on a pinned page of real news (tests/newsgen.py,
pinned with `layout pin`), adding exactly the count it gives to an article's last paragraph
fills it without text over (one character more runs over), and cutting the count it gives
an overset article makes it fit (one less does not); the holes no count fills say what
does; a page the make-up arranges says the counts hold for the arrangement shown; a page
far short says so."""
from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

import newsgen  # noqa: E402
from layout.cli import main  # noqa: E402
from layout.fitting import edited, plain  # noqa: E402
from layout.fonts import shipped_fonts  # noqa: E402
from layout.manifest import load_issue  # noqa: E402
from layout.model import Paragraph  # noqa: E402
from layout.pin import pin_manifest  # noqa: E402
from layout.pipeline import fitted, layout_loaded, load  # noqa: E402

ADVICE = re.compile(r"^article (\d+) .*: ([+−])(\d+) 字 \((add|cut)", re.M)


def fit(path: Path) -> tuple[str, dict[int, int]]:
    """`layout fit`'s output, and its count per article (+ add, − cut; full ones left out)."""
    result = CliRunner().invoke(main, ["fit", str(path)])
    assert result.exit_code == 0, result.output
    return result.output, {int(n) - 1: int(count) * (1 if sign == "+" else -1)
                           for n, sign, count, _ in ADVICE.findall(result.output)}


def appended(path: Path, index: int, text: str, out: Path) -> Path:
    """The manifest with `text` added at the end of article `index`'s last paragraph, as an
    editor types it (its line in the file)."""
    article = load_issue(path).articles[index]
    last = [b for b in article.blocks if isinstance(b, Paragraph)][-1]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = last.origin.line - 1
    assert "".join(lines[at].split()).endswith("".join(last.text.split())[-6:])
    lines[at] = lines[at].rstrip("\n") + text + "\n"
    out.write_text("".join(lines), encoding="utf-8")
    return out


def render(path: Path, tmp_path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "p.pdf")])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def pinned(tmp_path_factory) -> Path:
    """Seed 212's page (the one an editor tried), pinned."""
    path = newsgen.write(212, tmp_path_factory.mktemp("pinned"))
    pin_manifest(path)
    return path


def test_the_count_given_fills_a_pinned_page_to_the_character(pinned, tmp_path):
    said, counts = fit(pinned)
    # (the page as the make-up arranges it since its headlines break as an editor breaks
    # them, text/phrases.py: 长沙市委统战部深入长沙县调研指导 | “凝心聚力新时代”行动工作)
    assert counts == {0: 20, 1: 26, 2: 22, 3: 72, 4: 91, 5: 106}
    assert "room for 261 字: +106 字" in said
    assert said.splitlines()[-1].startswith("note: the counts are plain text's")
    followed(pinned, counts, tmp_path)
    full = appended(pinned, 5, plain(106), tmp_path / "full.yaml")
    assert re.search(r"^article 6 .*holds 261 字, room for 261 字: ±0 字 \(full\)",
                     fit(full)[0], re.M)


def test_the_count_given_fills_a_page_of_the_broadsheet(tmp_path):
    """A page of 对开 (eight columns of 13 characters), pinned."""
    path = newsgen.write(201, tmp_path)
    assert "template: news\n" in path.read_text(encoding="utf-8")
    pin_manifest(path)
    _, counts = fit(path)
    assert len(counts) == 6 and all(count > 0 for count in counts.values())
    followed(path, counts, tmp_path)


def followed(path: Path, counts: dict[int, int], tmp_path: Path) -> None:
    """Each article given its count renders with nothing left over; one more runs over."""
    for index, count in counts.items():
        full = appended(path, index, plain(count), tmp_path / f"full-{index}.yaml")
        code, output = render(full, tmp_path)
        assert code == 0 and "does not fit" not in output, output
        over = appended(path, index, plain(count + 1), tmp_path / f"over-{index}.yaml")
        code, output = render(over, tmp_path)
        left = re.search(rf"article {index + 1} does not fit: (\d+) characters", output)
        # (one, or two: a paragraph's last line of one character, 孤字, takes one more)
        assert code == 3 and left and int(left.group(1)) in (1, 2), output


def test_the_count_to_cut_makes_an_overset_article_fit(pinned, tmp_path):
    """Every article a third longer: each that runs over is cut by the count given."""
    loaded = load(pinned)
    issue = loaded.edition.pages[0]
    for index, article in enumerate(issue.articles):
        more = sum(len(b.text) for b in article.blocks if isinstance(b, Paragraph)) // 3
        articles = list(issue.articles)
        articles[index] = edited(article, more)
        issue = replace(issue, articles=tuple(articles))
    page = fitted(replace(loaded, edition=replace(loaded.edition, pages=(issue,)))).pages[0]
    cuts = {f.article_index: f.cut for f in page.fits if f.cut}
    assert sorted(cuts) == [0, 1, 2, 3] and all(f.tried for f in page.fits)
    fonts = shipped_fonts()
    for index, cut in cuts.items():
        articles = list(issue.articles)
        articles[index] = edited(issue.articles[index], -cut)
        after = layout_loaded(replace(issue, articles=tuple(articles)), fonts)
        assert not any(o.article_index == index for o in after.overflow)
        assert chars(articles[index]) == chars(issue.articles[index]) - cut
        articles[index] = edited(issue.articles[index], 1 - cut)
        after = layout_loaded(replace(issue, articles=tuple(articles)), fonts)
        (left,) = [o for o in after.overflow if o.article_index == index]
        assert len("".join(left.text.split())) in (1, 2)  # (2: 孤字, as above)


def chars(article) -> int:
    return sum(len("".join(b.text.split())) for b in article.blocks
               if isinstance(b, Paragraph))


def test_a_hole_no_count_fills_says_what_does(pinned):
    said, _ = fit(pinned)
    lines = said.splitlines()
    under = {line: lines[n + 1] for n, line in enumerate(lines) if "blank hole" in line}
    beside = [hole for hole, advice in under.items() if "beside article" in advice]
    assert len(beside) == 3 and all("headline" in under[h] and "picture" in under[h]
                                    for h in beside)
    assert under["blank hole (天窗): column 6, lines 25-30 (6 lines) in article 2's part of "
                 "the page"].startswith("  → no count of characters fills it: it is beside "
                                        "article 2's headline")
    assert under["blank hole (天窗): columns 4-6, lines 69-72 (4 lines) in article 6's part "
                 "of the page"] == "  → article 6's +106 字 fill it"


def test_a_hole_over_a_headline_group_says_its_air_moves_the_text_up():
    """A blank across a module's top (air set over its headline group, `drop:`/`air:`):
    no count fills it, less air does; beside the headline (not across), the headline's
    advice; at the foot, the count."""
    from layout.cli.reading import what_fills
    from layout.model import Copyfit, Hole

    fit = Copyfit(4, "这位清官，字写得不错！", 5, 6, 52, 72, 238, 48, 0)
    said = what_fills(Hole(5, 6, 52, 55, 4), fit)
    assert said.startswith("no count of characters fills it: it is over article 5's "
                           "headline group") and "`drop:` and `air:`" in said
    assert "beside article 5's headline" in what_fills(Hole(6, 6, 52, 58, 4), fit)
    assert what_fills(Hole(5, 6, 70, 72, 4), fit) == "article 5's +48 字 fill it"


def test_a_made_up_page_says_the_counts_hold_for_its_arrangement(pinned, tmp_path):
    unpinned = newsgen.write(212, tmp_path)
    said, counts = fit(unpinned)
    assert counts == fit(pinned)[1]  # the arrangement pinned is the one shown
    assert said.splitlines()[-1] == (
        "note: the make-up arranged the page: these counts hold for the arrangement shown, "
        "and after an edit it arranges the page anew (with counts of its own); `layout pin "
        f"{unpinned}` first keeps the arrangement through the edit")
    assert "note: the make-up" not in fit(pinned)[0]


def test_a_page_far_short_says_so_besides_the_counts(tmp_path):
    said, counts = fit(newsgen.write(222, tmp_path))
    assert counts[2] > 1500 and counts[3] > 500
    far = [line for line in said.splitlines() if "far short" in line]
    assert [line.split(":")[0] for line in far[:2]] == [
        "article 3 南通刑警获评全国反诈十大先进人物", "article 4 交警拉横幅 “教科书式”执法显成效（图）"]
    assert "more than a third of its own 697 字 again): a picture or another article" in far[0]
    assert far[2].startswith("page: holds 4095 字") and "needs more articles or pictures" \
        in far[2]


def test_a_count_of_characters_leaves_out_spaces_and_line_breaks(tmp_path):
    """Every count an editor is given (an article's 字, text left over) is of the text
    without its spaces and line breaks: a credit's spaces part names, and take no room an
    editor writes into."""
    from layout.text.chars import char_count

    assert char_count("（记者　徐燕 通讯员\n焦轩）") == 11
    path = tmp_path / "page.yaml"
    path.write_text("manifest: 1\npaper: 测试报\ndate: 2024-05-01\npage: 2\n"
                    "template: news-tabloid\narticles:\n  - headline: 标题\n"
                    "    body:\n      - 汉字汉字。（记者　徐燕　通讯员　焦轩）\n", encoding="utf-8")
    issue = load_issue(path)
    assert "　" in issue.articles[0].blocks[0].text  # (the credit's spaces kept)
    (fit,) = layout_loaded(issue).fits
    assert fit.holds == 5 + 11


def test_a_page_pinned_by_slots_is_not_one_the_make_up_arranged(tmp_path):
    """An article is pinned by a slot as by a region (`Article.pinned`): a page of slots
    has no note that the make-up arranged it; one article left free, it has."""
    body = "党员冲在一线、干在一线，在抗击疫情中冲锋在前，群众看在眼里。" * 12

    def page(slots: list[str | None]) -> Path:
        articles = "".join(f"  - headline: 标题{n}\n" + (f"    slot: {s}\n" if s else "")
                           + f"    body:\n      - {body}\n" for n, s in enumerate(slots))
        path = tmp_path / f"{len([s for s in slots if s])}.yaml"
        path.write_text("manifest: 1\npaper: 测试报\ndate: 2024-05-01\npage: 2\n"
                        f"template: news\narticles:\n{articles}", encoding="utf-8")
        return path

    pinned = page(["top", "left", "right"])
    assert all(a.pinned for a in load_issue(pinned).articles)
    assert "note: the make-up" not in fit(pinned)[0]
    free = page(["top", "left", None])
    assert [a.pinned for a in load_issue(free).articles] == [True, True, False]
    assert "note: the make-up arranged the page" in fit(free)[0]


def test_far_short_is_said_past_the_share_its_words_name():
    """The share the message names (a third) is FAR_SHORT's: an article lacking a third of
    what it holds is not far short, one character more is; a page likewise of its room."""
    from layout.model import Copyfit, PageFit
    from layout.model.page import FAR_SHORT, FAR_SHORT_WORDS

    assert (FAR_SHORT, FAR_SHORT_WORDS) == (3, "a third")
    holds = 100 * FAR_SHORT

    def said(add: int) -> str:
        return str(Copyfit(0, "标题", 1, 2, 1, 40, holds, add, 0))

    assert "far short" not in said(100)
    assert "far short (more than a third of its own 300 字 again)" in said(101)
    assert "far short" not in str(PageFit(200, 100))  # (100 of a room of 300)
    assert "far short: more than a third of the page's room is blank" in str(PageFit(199, 101))


def test_a_hole_under_a_short_title_line_is_beside_the_headline_and_one_with_no_picture_says_so():
    """A hole that starts under a module's first two lines but above its body's first
    line (air right of a title's short second line) is beside the headline, not round
    pictures; one below the body's start in an article with no pictures is where its text
    ran on to the next column, not round pictures it does not have."""
    from layout.cli.reading import what_fills
    from layout.model import Copyfit, Hole

    fit = Copyfit(3, "41名中国游客在秘鲁遇抢劫 美媒曝光事件细节", 4, 6, 24, 39, 270, 11, 0,
                  body_line=32)
    assert "beside article 4's headline" in what_fills(Hole(6, 6, 27, 31, 3), fit)
    said = what_fills(Hole(5, 5, 33, 37, 3), fit)
    assert "runs on in its next column" in said and "pictures" not in said
    pictured = Copyfit(3, "题", 4, 6, 24, 39, 270, 11, 0, body_line=32, pictured=True)
    assert "round article 4's pictures" in what_fills(Hole(5, 5, 33, 37, 3), pictured)


def test_fit_reads_where_each_article_s_body_starts(pinned):
    """The copyfit of a page knows each article's body's first line (under its head) and
    whether it has pictures: what `layout fit` says of a hole beside a headline."""
    from layout.fonts import shipped_fonts
    from layout.pipeline import fitted, load, report

    said = report(fitted(load(pinned), shipped_fonts()))
    for f in said.fits:
        assert f.first_line < f.body_line <= f.last_line
    articles = load(pinned).edition.pages[0].articles
    assert [f.pictured for f in said.fits] == [bool(a.images) for a in articles]
    assert any(f.pictured for f in said.fits) and not all(f.pictured for f in said.fits)
