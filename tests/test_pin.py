"""`layout pin`: the make-up's arrangement written into the manifest renders the same page,
byte for byte; the rest of the manifest is kept; an edit after pinning moves nothing else;
the keys it writes (`region:` air and divide, `line:` 0 or less, `rules:`) are checked."""
from __future__ import annotations

import difflib
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
import newsgen  # noqa: E402
from layout.cli import main  # noqa: E402
from layout.fonts import shipped_fonts  # noqa: E402
from layout.manifest import load_issue  # noqa: E402
from layout.pipeline import render_issue  # noqa: E402
from layout.plan import plan_page  # noqa: E402
from layout.templates import load_template  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p.stem for p in (REPO / "issues").glob("*.yaml"))


def pin(path: Path, *more: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["pin", str(path), *more])
    return result.exit_code, result.output


def rectangles(path: Path) -> list[tuple[int, int, int, int]]:
    return [(a.first_column, a.last_column, a.first_line, a.last_line)
            for a in plan_of(path)[0].articles]


def changed_lines(before: str, after: str) -> list[str]:
    """The lines of `before` that `after` does not keep as they were."""
    a, b = before.splitlines(), after.splitlines()
    out = []
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            out += a[i1:i2]
    return out


@pytest.mark.parametrize("stem", SAMPLES)
def test_a_pinned_sample_page_renders_the_same_bytes_and_keeps_the_rest(stem, tmp_path):
    original = REPO / "issues" / f"{stem}.yaml"
    path = tmp_path / original.name
    shutil.copy(original, path)
    code, output = pin(path)
    assert code == 0, output
    assert "pinned" in output
    pinned = path.read_text(encoding="utf-8")
    issue = load_issue(path)
    assert all(a.region is not None for a in issue.articles)
    assert pinned.count("# pinned by layout pin") >= len(issue.articles)
    assert all(i.placed for a in issue.articles for i in a.images)
    assert render_issue(path).pdf == render_issue(original).pdf
    # every comment and every line but a plain headline's or a picture's is as it was
    before = original.read_text(encoding="utf-8")
    assert [line for line in before.splitlines() if line.lstrip().startswith("#")] == \
        [line for line in pinned.splitlines() if line.lstrip().startswith("#")
         and "layout pin" not in line]
    kept = pinned.splitlines()
    for line in changed_lines(before, pinned):
        if line.lstrip().startswith(("- {aspect", "headline:")):
            continue  # (a picture's place, a plain headline's size: written into them)
        # an article's first line: its region first, the key it started with under it
        assert line.lstrip().startswith("- ") and line.replace("- ", "  ", 1) in kept, line


GENERATED = (0, 1, 2, 6, 11, 12)  # 四开 (news-tabloid, party-building) and 对开 (news)


@pytest.mark.parametrize("seed", GENERATED)
def test_a_pinned_page_of_real_news_renders_the_same_bytes(seed, tmp_path):
    path = newsgen.write(seed, tmp_path)
    made_up = render_issue(path).pdf
    original = path.read_text(encoding="utf-8")
    code, output = pin(path, "-o", str(tmp_path / "pinned.yaml"))
    assert code == 0, output
    assert path.read_text(encoding="utf-8") == original  # -o: the manifest is untouched
    pinned = tmp_path / "pinned.yaml"
    assert render_issue(pinned).pdf == made_up
    issue = load_issue(pinned)
    assert all(a.region is not None for a in issue.articles)
    assert any(a.images for a in issue.articles)
    # each headline's text as it was, with the size the make-up gave it
    titles = [a.headline.main for a in load_issue(path).articles]
    assert [a.headline.main for a in issue.articles] == titles
    assert all(a.headline.size for a in issue.articles)


def test_the_generated_pages_cover_what_the_make_up_decides(tmp_path):
    """Among them, a picture beside its headline (line 0 or less, the headline over the
    other columns), a re-divided lead (破栏), air around a headline and rules."""
    path = newsgen.write(0, tmp_path)
    assert pin(path)[0] == 0
    text = path.read_text(encoding="utf-8")
    issue = load_issue(path)
    beside = [a for a in issue.articles if any(i.first_line < 1 for i in a.images)]
    assert beside and beside[0].headline.columns is not None
    assert any(a.region.divide for a in issue.articles)
    assert any(a.region.air for a in issue.articles)
    assert issue.rules and "rules:  # pinned by layout pin" in text


def test_pinning_a_pinned_page_changes_nothing(tmp_path):
    path = tmp_path / "page.yaml"
    shutil.copy(REPO / "issues" / "2020-11-27-p1-laomo-jingshen.yaml", path)
    assert pin(path)[0] == 0
    once = path.read_bytes()
    code, output = pin(path)
    assert code == 0 and "pinned the make-up of 0 article(s)" in output
    assert path.read_bytes() == once


def test_a_manifest_with_windows_line_ends_keeps_them(tmp_path):
    original = REPO / "issues" / "2020-07-01-p3-fenjin-lushang.yaml"
    path = tmp_path / "page.yaml"
    path.write_bytes(original.read_bytes().replace(b"\n", b"\r\n"))
    made_up = render_issue(path).pdf
    assert pin(path)[0] == 0
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") > original.read_bytes().count(b"\n")
    assert render_issue(path).pdf == made_up


@pytest.mark.parametrize("page", ["laomo", 1, 12])
def test_an_edit_after_pinning_leaves_the_other_articles_where_they_were(page, tmp_path):
    if page == "laomo":
        path = tmp_path / "page.yaml"
        shutil.copy(REPO / "issues" / "2020-11-27-p1-laomo-jingshen.yaml", path)
    else:
        path = newsgen.write(page, tmp_path)
    assert pin(path)[0] == 0
    before, rules = rectangles(path), plan_of(path)[0].rules
    # a paragraph more at the head of the second article's body, written as its first is
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = load_issue(path).articles[1].blocks[0].origin.line - 1
    indent = lines[at][:lines[at].index("- ")]
    lines.insert(at, f"{indent}- 记者获悉，双方的合作将于明年起分阶段落地，首批项目已经启动。\n")
    path.write_text("".join(lines), encoding="utf-8")
    assert load_issue(path).articles[1].blocks[0].text.startswith("记者获悉")
    after = rectangles(path)
    assert after == before and len(before) >= 3
    assert plan_of(path)[0].rules == rules


HEAD = "manifest: 1\npaper: 测试报\ndate: 2024-05-01\npage: 2\ntemplate: news-tabloid\n"

STYLES = HEAD + """\
# a comment at the top
articles:
  # the lead
  - headline: "一篇报道的标题：写在引号里"  # its own comment
    images:
      - aspect: 3:2  # a block mapping
        caption: 图为一张照片。
    body:
      - {body1}
  - {{headline: 第二篇报道的标题, body: [{body2}]}}
  - headline: 比分3:1, 报道的标题
    body: [{body2}]
  - headline: |
      第三篇报道
      的标题
    images: [{{}}]
    body:
      - {body3}
"""


def test_every_yaml_style_of_article_headline_and_picture_is_pinned_in_place(tmp_path):
    line = "这是一段用于测试的正文，它说明版面如何被固定下来并且可以继续编辑。" * 6
    path = tmp_path / "page.yaml"
    path.write_text(STYLES.format(body1=line * 3, body2=line, body3=line), encoding="utf-8")
    made_up = render_issue(path).pdf
    code, output = pin(path)
    assert code == 0, output
    text = path.read_text(encoding="utf-8")
    assert render_issue(path).pdf == made_up
    issue = load_issue(path)
    assert [a.headline.main for a in issue.articles] == [
        "一篇报道的标题：写在引号里", "第二篇报道的标题", "比分3:1, 报道的标题",
        "第三篇报道\n的标题"]
    assert all(a.region for a in issue.articles)
    assert "# a comment at the top\n" in text and "# the lead\n" in text
    assert 'headline: {main: "一篇报道的标题：写在引号里", size: ' in text
    assert "}  # its own comment\n" in text
    assert "- aspect: 3:2  # a block mapping\n" in text


def test_an_issue_of_several_pages_is_refused_with_its_line(tmp_path):
    path = tmp_path / "issue.yaml"
    path.write_text(textwrap.dedent("""\
        manifest: 1
        paper: 测试报
        date: 2024-05-01
        template: news-tabloid
        pages:
          - articles: [{headline: 标题, body: [正文。]}]
        """), encoding="utf-8")
    before = path.read_bytes()
    code, output = pin(path)
    assert code == 2
    assert f"{path}:5" in output and "pins a page" in output and "file:" in output
    assert path.read_bytes() == before


def test_a_manifest_that_does_not_load_is_refused_untouched(tmp_path):
    path = tmp_path / "page.yaml"
    path.write_text(HEAD + "articles:\n  - headline: 标题\n    region: {columns: 1-2, air: -1}\n"
                    "    body: [正文。]\n", encoding="utf-8")
    before = path.read_bytes()
    code, output = pin(path)
    assert code == 2 and f"{path}:8" in output and "at least 0" in output
    assert "mistake" not in output  # (that one alone)
    assert path.read_bytes() == before
    assert pin(tmp_path / "missing.yaml")[0] == 2


PINNED = HEAD + """\
{rules}articles:
  - headline: 标题
    region: {region}
    images:
      - {image}
    body: [{body}]
  - headline: 另一篇
    region: {{columns: 1-6, lines: 32-70}}
    body: [{body}]
"""


def write(tmp_path: Path, region: str = "{columns: 1-6, lines: 1-30}",
          image: str = "{columns: 1-2, line: 1, lines: 8}", rules: str = "") -> Path:
    path = tmp_path / "page.yaml"
    path.write_text(PINNED.format(region=region, image=image, rules=rules,
                                  body="正文的一段话。" * 40), encoding="utf-8")
    return path


def plan_of(path: Path):
    issue = load_issue(path)
    template = load_template(issue.template, path.parent, issue.template_origin)
    return plan_page(issue, template, shipped_fonts()), template


def test_region_air_and_divide_are_honoured(tmp_path):
    plan, template = plan_of(write(tmp_path, "{columns: 1-6, lines: 1-30, air: 2, divide: 5}",
                                   "{columns: 1-2, line: 1, lines: 8}"))
    lead = plan.articles[0]
    assert lead.head_extra == 2
    count, width, gutter = lead.measure
    assert count == 5 and width % template.body.size == 0
    assert 5 * width + 4 * gutter == pytest.approx(6 * template.column_width
                                                   + 5 * template.gutter)
    assert plan.articles[1].head_extra == 0 and plan.articles[1].measure is None


@pytest.mark.parametrize("region, words", [
    ("{columns: 1-6, lines: 1-30, divide: 1}", (":8:", "2 or more")),
    ("{columns: 1-2, lines: 1-30, divide: 2}", (":7:", "does not suit its 2 column")),
    ("{columns: 1-6, lines: 1-30, air: 40}", (":7:", "more lines than its region")),
    ("{columns: 1-6, lines: 1-30, air: x}", (":8:", "whole number")),
])
def test_region_air_and_divide_mistakes_name_their_line(tmp_path, region, words):
    path = write(tmp_path, region)
    code, output = pin(path)
    assert code == 2, output
    assert f"{path}{words[0]}" in output and words[1] in output


def test_rules_are_drawn_where_the_manifest_says(tmp_path):
    rules = "rules:\n  - {columns: 1-6, line: 31}\n  - {gutter: 3-4, lines: 1-30}\n"
    plan, t = plan_of(write(tmp_path, "{columns: 1-3, lines: 1-30}", rules=rules))
    across, down = plan.rules
    assert across.height == 0 and across.y == t.line_top(31) + t.pitch / 2
    assert across.x == t.column_x(1) and across.width == pytest.approx(
        t.column_x(6) + t.column_width - t.column_x(1))
    assert down.width == 0 and down.x == t.column_x(4) - t.gutter / 2
    assert down.y == t.line_top(1) and down.height == pytest.approx(30 * t.pitch)
    assert plan_of(write(tmp_path))[0].rules == ()  # pinned, no `rules:`: none


@pytest.mark.parametrize("rule, words", [
    ("{gutter: 2-4, lines: 1-3}", (":7:", "not a gutter")),
    ("{columns: 1-6, gutter: 2-3, line: 4}", (":7:", "across")),
    ("{columns: 1-9, line: 31}", (":7:", "leaves the grid")),
    # (a rule `layout pin` wrote, left behind when the regions moved: it would print
    # across the text)
    ("{columns: 2-3, line: 12}", (":7:", "runs through article 1's module (columns 1-6, "
                                         "lines 1-30)")),
    ("{gutter: 3-4, lines: 60-70}", (":7:", "runs through article 2's module")),
])
def test_rule_mistakes_name_their_line(tmp_path, rule, words):
    path = write(tmp_path, rules=f"rules:\n  - {rule}\n")
    code, output = pin(path)
    assert code == 2, output
    assert f"{path}{words[0]}" in output and words[1] in output


def test_a_picture_beside_the_headline_is_written_from_line_zero_and_checked(tmp_path):
    region = "{columns: 1-6, lines: 1-30}"
    head = "headline: {main: 标题, columns: 1-4}"
    path = write(tmp_path, region, "{columns: 5-6, line: 0, lines: 8}")
    path.write_text(path.read_text(encoding="utf-8").replace("headline: 标题", head, 1),
                    encoding="utf-8")
    assert load_issue(path).articles[0].images[0].first_line == 0
    t = plan_of(path)[1]

    def box() -> float:  # the placeholder's top
        found = [r for r in render_issue(path).layout.rects if r.fill and r.x == t.column_x(5)
                 and r.height == 8 * t.pitch]
        assert len(found) == 1
        return found[0].y
    at_zero = box()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("line: 0", "line: 1"), encoding="utf-8")
    assert box() == pytest.approx(at_zero + t.pitch)  # line 1: the body's first line
    path.write_text(text, encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("line: 0", "line: -20"),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "p.pdf")])
    assert result.exit_code == 2
    assert "starts above the article's region" in result.output
    assert f"{path}:10" in result.output and "give it line -" in result.output


def test_a_slot_with_air_becomes_its_region_and_pictures_in_it_are_pinned(tmp_path):
    line = "这是一段用于测试的正文，它说明版面如何被固定下来并且可以继续编辑。" * 6
    path = tmp_path / "page.yaml"
    path.write_text(HEAD.replace("news-tabloid", "party-building") + f"""\
articles:
  - headline: 固定在槽里的报道
    slot: lead  # the lead slot
    images: [{{aspect: 4:3}}]
    body: [{line * 4}]
  - headline: 第二篇
    slot: side
    body: [{line}]
""", encoding="utf-8")
    made_up = render_issue(path).pdf
    code, output = pin(path)
    assert code == 0 and "of 1 article(s)" in output, output
    assert render_issue(path).pdf == made_up
    text = path.read_text(encoding="utf-8")
    assert "    region: {columns: 1-4, lines: 6-rest, air: 2}  # pinned by layout pin  # the " \
           "lead slot\n" in text
    assert "    slot: side\n" in text  # (nothing of it the make-up decided)
    assert load_issue(path).articles[0].images[0].placed


def test_a_picture_placed_by_hand_after_one_the_make_up_sizes_is_refused(tmp_path):
    path = write(tmp_path, "{columns: 1-6, lines: 1-30}", "{aspect: 4:3}")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      - {aspect: 4:3}\n", "      - {aspect: 4:3}\n"
                                 "      - {columns: 1-2, line: 20, lines: 6}\n"),
                    encoding="utf-8")
    before = path.read_bytes()
    code, output = pin(path)
    assert code == 2 and f"{path}:10" in output and "`columns:` first" in output
    assert path.read_bytes() == before


def test_a_pinned_manifest_is_written_only_beside_one_that_names_its_files(tmp_path):
    (tmp_path / "pages").mkdir()
    path = newsgen.write(1, tmp_path / "pages")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("template: news", "template: ../news.yaml", 1),
                    encoding="utf-8")
    shutil.copy(REPO / "templates" / "news.yaml", tmp_path / "news.yaml")
    code, output = pin(path, "-o", str(tmp_path / "pinned.yaml"))
    assert code == 2 and "another folder" in output and "beside this one" in output
    assert not (tmp_path / "pinned.yaml").exists()


def test_a_part_two_articles_share_through_an_alias_is_refused_at_its_line(tmp_path):
    line = "这是一段用于测试的正文，它说明版面如何被固定下来并且可以继续编辑。" * 6
    path = tmp_path / "page.yaml"
    path.write_text(HEAD + f"""\
articles:
  - headline: 第一篇
    images: &pictures [{{aspect: 4:3}}]
    body: [{line * 3}]
  - headline: 第二篇
    images: *pictures
    body: [{line}]
""", encoding="utf-8")
    before = path.read_bytes()
    code, output = pin(path)
    assert code == 2 and f"{path}:8" in output and "alias" in output, output
    assert path.read_bytes() == before


def test_a_region_of_the_manifest_keeps_its_place_and_gets_what_the_make_up_sized(tmp_path):
    path = write(tmp_path, "{columns: 1-6, lines: 1-30}", "{aspect: 4:3}")
    made_up = render_issue(path).pdf
    code, output = pin(path)
    assert code == 0, output
    assert render_issue(path).pdf == made_up
    issue = load_issue(path)
    region = issue.articles[0].region
    assert (region.first_column, region.last_column, region.first_line, region.last_line) \
        == (1, 6, 1, 30)
    assert issue.articles[0].images[0].placed
    assert "# pinned by layout pin" not in path.read_text(encoding="utf-8")  # (no new region)


def test_the_pinned_manifest_can_go_to_standard_output(tmp_path):
    path = tmp_path / "page.yaml"
    shutil.copy(REPO / "issues" / "2020-07-01-p4-hongqi-dangzuzhi.yaml", path)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["pin", str(path), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert "  # pinned by layout pin\n" in result.stdout
    assert result.stdout.startswith(before.decode("utf-8").splitlines()[0])
    assert path.read_bytes() == before


def test_an_output_ending_with_a_slash_is_a_folder_the_pinned_manifest_goes_in(tmp_path):
    path = newsgen.write(2, tmp_path)
    before = path.read_bytes()
    code, output = pin(path, "-o", str(tmp_path / "pinned") + "/")
    assert code == 0, output
    written = tmp_path / "pinned" / path.name
    assert (tmp_path / "pinned").is_dir() and written.is_file()
    assert "# pinned by layout pin" in written.read_text(encoding="utf-8")
    assert path.read_bytes() == before
    assert render_issue(written).pdf == render_issue(path).pdf
