"""Automatic make-up: articles without a place tile the page in modules, pictures are sized
from their proportions, the page comes out full, and copyfit agrees with the page."""
from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout import layout_issue, layout_loaded, render_issue
from layout.cli import main
from layout.errors import LayoutError
from layout.flow import TextCache
from layout.fonts import shipped_fonts
from layout.holes import Occupancy
from layout.manifest import load_issue
from layout.model import LineKind, Paragraph
from layout.plan import plan_page
from layout.templates import load_template

REPO = Path(__file__).resolve().parent.parent
ISSUES = sorted((REPO / "issues").glob("*.yaml"))


def corpus() -> list[str]:
    """Real paragraphs of news text: those of the seed pages."""
    return [b.text for path in ISSUES for a in load_issue(path).articles for b in a.blocks
            if isinstance(b, Paragraph) and len(b.text) > 40]


PARAGRAPHS = corpus()
HEADER = """\
manifest: 1
paper: 测试报
date: 2021-03-04
page: 2
template: party-building
articles:
"""


def article_yaml(rng: random.Random, chars: int, pictures: int) -> str:
    body, total = [], 0
    while total < chars:
        text = rng.choice(PARAGRAPHS)
        body.append(text)
        total += len(text)
    head = rng.choice(PARAGRAPHS)
    start = rng.randrange(0, max(1, len(head) - 16))
    title = head[start:start + rng.randint(7, 13)].strip("，。、；：“”")
    images = "".join(f"      - {{aspect: {rng.choice(['4:3', '3:2', '16:9', '1:1'])}}}\n"
                     for _ in range(pictures))
    return (f"  - headline: {title or '标题'}\n"
            + (f"    images:\n{images}" if pictures else "")
            + "    body:\n" + "".join(f"      - {p}\n" for p in body))


def write_page(tmp_path: Path, template: str, articles: list[tuple[int, int]],
               seed: int) -> Path:
    rng = random.Random(seed)
    text = (f"manifest: 1\npaper: 测试报\ndate: 2021-03-04\npage: 2\ntemplate: {template}\n"
            "articles:\n" + "".join(article_yaml(rng, chars, pictures)
                                    for chars, pictures in articles))
    path = tmp_path / f"page-{seed}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def modules_tile_the_area(plan, template) -> None:
    """Every article a rectangle on the grid; rectangles never overlap; every cell of the
    area is in a module or in the blank line between two stacked ones."""
    top = 1 + (template.banner.lines if template.banner else 0)
    seen: dict[tuple[int, int], int] = {}
    for a in plan.articles:
        assert 1 <= a.first_column <= a.last_column <= template.columns
        assert top <= a.first_line <= a.last_line <= template.grid_lines
        for c in range(a.first_column, a.last_column + 1):
            for line in range(a.first_line, a.last_line + 1):
                assert (c, line) not in seen, f"articles {seen[(c, line)]} and {a.index} overlap"
                seen[(c, line)] = a.index
    free = {(c, line) for c in range(1, template.columns + 1)
            for line in range(top, template.grid_lines + 1)} - set(seen)
    for c, line in free:  # only separator lines: a module above and one below
        assert (c, line - 1) in seen and (c, line + 1) in seen, (c, line)


def hole_share(page, template) -> float:
    top = 1 + (template.banner.lines if template.banner else 0)
    area = template.columns * (template.grid_lines - top + 1)
    return sum(h.cells for h in page.holes) / area


def runs_on(page, plan, t) -> list[str]:
    """Where a reader going down one article's columns runs on into another article: a
    gutter inside an article that no line of its body crosses (only its headline band, at
    the top), with text under the article by that gutter before any line crosses it (a
    reader, like a geometric reading order, takes the column under it next)."""
    band = {LineKind.KICKER, LineKind.HEADLINE, LineKind.SUBTITLE, LineKind.BYLINE}
    extents = [(min(g.x for g in l.glyphs), max(g.x + g.advance for g in l.glyphs),
                l.baseline, l.kind in band) for l in page.lines if l.glyphs]
    faults = []
    for c in range(1, t.columns):
        x = t.column_x(c + 1) - t.gutter / 2
        for a in plan.articles:
            if not a.first_column <= c < a.last_column:
                continue
            top, foot = t.line_top(a.first_line), t.line_top(a.last_line) + t.pitch
            if any(x0 < x < x1 and top <= y <= foot and not head
                   for x0, x1, y, head in extents):
                continue  # its body crosses the gutter: read as one block
            end = min((y for x0, x1, y, _ in extents if x0 < x < x1 and y > foot),
                      default=page.height)
            under = [y for x0, x1, y, _ in extents
                     if foot < y < end and x0 < x and x1 > x - t.column_width - t.gutter]
            if under:
                faults.append(f"article {a.index + 1}: down the gutter after column {c} "
                              f"into the text at y={min(under):.0f}")
    return faults


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10 ** 6), count=st.integers(2, 6),
       template=st.sampled_from(["party-building", "news-tabloid"]))
def test_generated_pages_tile_fill_and_keep_the_rules(tmp_path, seed, count, template):
    rng = random.Random(seed)
    # 2–6 articles of 300–1,000 characters, 0–2 pictures each: within a 四开 page's capacity
    articles = [(rng.randint(300, 3000 // count + 300), rng.randint(0, 2)) for _ in range(count)]
    path = write_page(tmp_path, template, articles, seed)
    issue = load_issue(path)
    t = load_template(template)
    fonts = shipped_fonts()
    plan = plan_page(issue, t, fonts)
    modules_tile_the_area(plan, t)
    lead = plan.articles[0]
    top = 1 + (t.banner.lines if t.banner else 0)
    assert lead.first_line == top and lead.first_column == 1  # the lead on top, at the left
    assert all(a.last_column - a.first_column <= lead.last_column - lead.first_column
               for a in plan.articles)  # and the widest
    for a in plan.articles:  # side by side at one height: a rule stands between them
        for b in plan.articles:
            if b.first_column == a.last_column + 1 and b.first_line <= a.last_line \
                    and a.first_line <= b.last_line:
                x = t.column_x(b.first_column) - t.gutter / 2
                assert any(abs(r.x - x) < 0.01 and r.width == 0 for r in plan.rules)
    page = layout_loaded(issue, fonts, t)
    for a in plan.articles:
        column, gutter = (a.measure[1:] if a.measure else (t.column_width, t.gutter))
        for image in a.images:  # on the article's own columns when re-divided
            span = image.last_column - image.first_column + 1
            width = span * column + (span - 1) * gutter
            crop = image.lines * t.pitch / (width / image.aspect)
            assert 0.9 - 1e-6 <= crop <= 1 / 0.9 + 1e-6  # cropped ≤ 10 %, never stretched
    if page.overflow:  # then it says per article what to cut
        assert any(f.cut > 0 for f in page.fits)
    elif hole_share(page, t) > 0.05:  # else it is full, or says what is missing
        owners = {h.article_index for h in page.holes}
        assert any(f.add > 0 for f in page.fits if f.article_index in owners)


@pytest.mark.parametrize("path", ISSUES, ids=[p.stem for p in ISSUES])
def test_seed_pages_come_out_full(path):
    page = layout_issue(path)
    assert not page.overflow and not page.holes, [str(h) for h in page.holes]
    t = load_template(load_issue(path).template)
    occupied = Occupancy(t)
    occupied.add_lines(page.lines)
    occupied.add_boxes(page.rects, page.images)
    top = 1 + (t.banner.lines if t.banner else 0)
    for column in range(1, t.columns + 1):  # every column printed to within 2 lines of the foot
        assert occupied.foot(column, top, t.grid_lines) >= t.grid_lines - 2
    # read as a reader reads: no article's columns run on into the article under it
    assert runs_on(page, plan_page(load_issue(path), t, shipped_fonts()), t) == []


def test_column_rules_never_run_through_a_picture(write_manifest):
    page = layout_issue(REPO / "issues" / "2020-07-01-p4-hongqi-dangzuzhi.yaml")
    pictures = [r for r in page.rects if r.fill] + list(page.images)
    rules = [r for r in page.rects if r.width == 0 and r.height > 0]
    for rule in rules:
        for p in pictures:
            crosses = p.x < rule.x < p.x + p.width
            overlaps = rule.y < p.y + p.height and p.y < rule.y + rule.height
            assert not (crosses and overlaps)


def pinned_page(folder, template: str, region: str, paragraphs: int, others) -> Path:
    """A page of a pinned article in `region` and made-up ones (`others`: their headline
    lines), each with the first `paragraphs` paragraphs."""
    body = "".join(f"      - {p}\n" for p in PARAGRAPHS[:paragraphs])
    path = folder / "pinned.yaml"
    path.write_text("manifest: 1\npaper: 测试报\ndate: 2021-03-04\npage: 2\n"
                    f"template: {template}\narticles:\n"
                    f"  - headline: 钉住的文章\n    region: {region}\n    body:\n{body}"
                    + "".join(f"  - headline: {o}\n    body:\n{body}" for o in others),
                    encoding="utf-8")
    return path


def test_pinned_articles_stay_and_the_rest_fill_around_them(tmp_path):
    path = pinned_page(tmp_path, "party-building", "{columns: 1-2, lines: 6-rest}", 6,
                       ("自动排的文章\n    images: [{aspect: 4:3}]",))
    plan = plan_page(load_issue(path), load_template("party-building"), shipped_fonts())
    pinned, auto = plan.articles
    assert (pinned.first_column, pinned.last_column, pinned.first_line) == (1, 2, 6)
    assert (auto.first_column, auto.last_column, auto.first_line, auto.last_line) == (3, 6, 6, 72)


def test_a_room_that_is_not_a_rectangle_is_refused(write_manifest):
    path = write_manifest(HEADER + """\
          - headline: 钉住的文章
            region: {columns: 1-2, lines: 6-30}
            body: [一段正文。]
          - headline: 自动排的文章
            body: [一段正文。]
        """)
    with pytest.raises(Exception, match=r"not a rectangle .*but article 1 \(columns 1-2, "
                                        r"lines 6-30\) stand"):
        plan_page(load_issue(path), load_template("party-building"), shipped_fonts())


def test_made_up_articles_are_parted_from_a_pinned_one_as_from_each_other(tmp_path):
    """Under a pinned lead (an editor who pinned a page and took the others' regions off)
    the made-up modules start after a blank line with a rule through it, as stacked
    modules do; beside a pinned column, a rule runs down the gutter."""
    path = pinned_page(tmp_path, "news-tabloid", "{columns: 1-6, lines: 1-22}", 3,
                       ("自动排的文章", "另一篇自动排的文章"))
    t = load_template("news-tabloid")
    plan = plan_page(load_issue(path), t, shipped_fonts())
    lead, *others = plan.articles
    assert lead.last_line == 22 and min(p.first_line for p in others) == 24
    across = [r for r in plan.rules if r.height == 0]
    assert any(r.y == t.line_top(23) + t.pitch / 2 and r.x == t.column_x(1) and
               r.width == pytest.approx(t.column_x(6) + t.column_width - t.column_x(1))
               for r in across)

    beside = path.read_text(encoding="utf-8").replace("{columns: 1-6, lines: 1-22}",
                                                      "{columns: 1-2, lines: 1-rest}")
    path.write_text(beside, encoding="utf-8")
    plan = plan_page(load_issue(path), t, shipped_fonts())
    assert min(p.first_column for p in plan.articles[1:]) == 3
    assert any(r.width == 0 and r.x == t.column_x(3) - t.gutter / 2 and
               r.y == t.line_top(1) for r in plan.rules)


def test_fit_agrees_with_the_page(write_manifest):
    """Adding the characters `layout fit` reports to an article fills its part exactly."""
    text = "".join(PARAGRAPHS)[:700]
    manifest = HEADER + """\
          - headline: 容字量
            region: {{columns: 1-3, lines: 6-40}}
            body:
              - {body}
        """
    path = write_manifest(manifest.format(body=text))
    result = CliRunner().invoke(main, ["fit", str(path)])
    assert result.exit_code == 0, result.output
    page = layout_issue(path)
    (fit,) = page.fits
    assert f"+{fit.add} 字" in result.output and fit.add > 100 and fit.cut == 0
    filler = "".join(PARAGRAPHS[3:])[: fit.add].replace("\n", "")
    full = layout_issue(write_manifest(manifest.format(body=text + filler), "full.yaml"))
    assert not full.overflow
    (after,) = full.fits
    assert after.add <= 11  # within a line of full: the last line's end is free at most
    t = load_template("party-building")
    body = [l for l in full.lines if l.kind is LineKind.BODY]
    for column in (1, 2, 3):
        assert max(l.grid_line for l in body if abs(l.left - t.column_x(column)) < 1) >= 39
    over = layout_issue(write_manifest(manifest.format(body=text + filler + "多" * 30),
                                       "over.yaml"))
    assert over.overflow and over.fits[0].cut >= 30 - 11


def test_strict_refuses_a_page_with_a_hole(write_manifest, tmp_path):
    path = write_manifest(HEADER + """\
          - headline: 很短的文章
            body: [一段正文，只有一句话。]
        """)
    out = tmp_path / "p.pdf"
    loose = CliRunner().invoke(main, ["render", str(path), "-o", str(out)])
    assert loose.exit_code == 0 and "blank hole (天窗)" in loose.output
    out.unlink()
    strict = CliRunner().invoke(main, ["render", str(path), "-o", str(out), "--strict"])
    assert strict.exit_code == 4 and not out.exists()


def test_aspect_ratios_as_written(write_manifest):
    path = write_manifest(HEADER + """\
          - headline: 图
            images: [{aspect: 4:3}, {aspect: "16:9"}, {aspect: 1.5}, {}]
            body: [一段正文。]
        """)
    aspects = [i.aspect for i in load_issue(path).articles[0].images]
    assert aspects == pytest.approx([4 / 3, 16 / 9, 1.5, 4 / 3])
    bad = write_manifest(path.read_text(encoding="utf-8").replace("1.5", "9:1"), "bad.yaml")
    with pytest.raises(Exception, match="bad.yaml:8.*aspect"):
        load_issue(bad)


def test_make_up_is_deterministic():
    path = REPO / "issues" / "2020-11-27-p1-laomo-jingshen.yaml"
    assert render_issue(path).pdf == render_issue(path).pdf


def test_re_divided_columns_keep_clear_of_the_base_gutters():
    from layout.flow import divided

    t = load_template("party-building")
    assert divided(t, 6) == (5, 13 * 9.0, pytest.approx(1.5 * 9.0))  # six of 11 字 → five of 13
    assert divided(t, 4) == (3, 15 * 9.0, 9.0)
    assert divided(t, 2) is None  # two columns of 11 字 cannot be re-divided
    for columns in range(3, 7):
        count, width, gutter = divided(t, columns)
        own = [t.margin_left + k * (width + gutter) - gutter / 2 for k in range(1, count)]
        base = [t.column_x(m) - t.gutter / 2 for m in range(2, columns + 1)]
        assert min(abs(a - b) for a in own for b in base) >= t.gutter


def test_a_re_divided_lead_is_set_on_its_own_columns(tmp_path):
    rng = random.Random(0)
    articles = [(rng.randint(300, 3000 // 3 + 300), rng.randint(0, 2)) for _ in range(3)]
    path = write_page(tmp_path, "party-building", articles, 0)
    issue = load_issue(path)
    t = load_template("party-building")
    plan = plan_page(issue, t, shipped_fonts())
    lead = plan.articles[0]
    assert lead.measure is not None  # 破栏 chosen for this page
    count, width, _ = lead.measure
    assert width != t.column_width and count != lead.last_column - lead.first_column + 1
    page = layout_loaded(issue, shipped_fonts(), t)
    lefts = {round(l.left, 2) for l in page.lines if l.kind is LineKind.BODY
             and l.width == pytest.approx(width)}
    assert len(lefts) == count  # its own columns across the base ones
    assert not page.overflow


def test_a_headline_over_some_columns_of_a_made_up_article(write_manifest):
    path = write_manifest(HEADER + """\
          - headline: {main: 半幅标题, columns: 1-2}
            body: [BODY]
        """.replace("BODY", ", ".join(PARAGRAPHS[:8])))
    page = layout_issue(path)
    assert not page.overflow
    head = next(l for l in page.lines if l.kind is LineKind.HEADLINE)
    t = load_template("party-building")
    assert head.width == pytest.approx(2 * t.column_width + t.gutter)


def test_a_way_the_flow_refuses_gives_way_to_the_next_at_that_height():
    from layout import makeup

    path = REPO / "issues" / "2020-11-27-p1-laomo-jingshen.yaml"
    issue = load_issue(path)
    t = load_template(issue.template)
    area = makeup.free_area(t, [], issue.articles[0].origin)
    lead = makeup.Candidate(0, issue.articles[0], t, shipped_fonts(), TextCache(), area, 0)
    lead.may_divide = True
    options = lead.cached_options(6, area.lines)
    height = min(h for h, (_, config) in options.items() if config.divide)
    refused = options[height][1]
    lead.refuse(6, area.lines, height, refused)
    again = lead.cached_options(6, area.lines)
    assert again[height][1] != refused  # the height stays on offer, set another way
    assert all(config != refused for _, config in again.values())


def test_a_re_divided_lead_is_kept_beside_a_cheaper_one_of_the_same_height(tmp_path):
    # with a 4:3 photo the lead's cheapest way at some heights is on the base columns,
    # whose gutters a reader may follow down into the two articles under it (the search
    # costs that READING); the re-divided way of such a height is kept beside it, so that
    # the search can weigh the two
    from layout.flow import TextCache as Cache
    from layout.makeup import candidates_of, free_area, parted

    text = (REPO / "issues" / "2020-11-27-p1-laomo-jingshen.yaml").read_text(encoding="utf-8")
    path = tmp_path / "page.yaml"
    path.write_text(text.replace("{aspect: 3:2}", "{aspect: 4:3}"), encoding="utf-8")
    issue = load_issue(path)
    t = load_template(issue.template)
    area, _ = parted(free_area(t, [], issue.articles[0].origin), [], issue.rules)
    lead = candidates_of(issue, t, shipped_fonts(), Cache(), area, [0, 1, 2], False)[0]
    cheapest = lead.cached_options(t.columns, area.last_line)
    divided = lead.divided_options(t.columns, area.last_line)
    beside = [h for h, (cost, config) in cheapest.items() if config.divide == 0 and h in divided]
    assert beside  # (24 and 35 lines: a way on the base columns the cheaper)
    for height in beside:
        assert divided[height][1].divide == 5 and cheapest[height][0] < divided[height][0]
    page = layout_loaded(issue, shipped_fonts(), t)
    assert not page.overflow and not page.holes


def guide_page(tmp_path: Path, edit) -> Path:
    """The guide's page of five real stories and two photographs, edited by `edit` (a
    function of its YAML text), written into tmp_path."""
    guide = REPO / "docs" / "guide"
    (tmp_path / "photos").mkdir(exist_ok=True)
    for photo in ("rocket.jpg", "coffee.jpg"):
        (tmp_path / "photos" / photo).write_bytes((guide / "photos" / photo).read_bytes())
    path = tmp_path / "page.yaml"
    path.write_text(edit((guide / "makeup5.yaml").read_text(encoding="utf-8")),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("photo, width", [("rocket.jpg", 3), ("rocket.jpg", "3栏"),
                                          ("coffee.jpg", 2)])
def test_a_picture_asked_to_be_so_many_columns_wide_is_so_wide(tmp_path, photo, width):
    path = guide_page(tmp_path, lambda text: text.replace(
        f"  - file: photos/{photo}\n", f"  - file: photos/{photo}\n    width: {width}\n"))
    issue = load_issue(path)
    template = load_template(issue.template, issue.path.parent, issue.template_origin)
    plan = plan_page(issue, template, shipped_fonts(), TextCache())
    wide = int(str(width).rstrip("栏"))
    pictures = [(p, i) for p in plan.articles for i in p.images
                if i.file and i.file.name == photo]
    assert len(pictures) == 1
    article, picture = pictures[0]
    # (counted in the article's text columns: its own re-divided ones when 破栏)
    assert picture.last_column - picture.first_column + 1 == wide
    columns = (article.measure[0] if article.measure else
               article.last_column - article.first_column + 1)
    assert picture.last_column <= columns
    page = layout_loaded(issue, shipped_fonts(), template)
    assert not page.overflow


@pytest.mark.parametrize("edit, words, hint", [
    ("    width: 7\n", "a picture 7 columns wide: the make-up places articles in columns "
     "1-6, so the article has 6 at the most", "give it `width:` 6 or less"),
    ("    columns: 2-7\n    lines: 12\n", "picture columns 2-7: the make-up places articles "
     "in columns 1-6", "within 1-6"),
])
def test_a_picture_wider_than_the_page_is_refused_at_its_line_with_the_columns_it_may_have(
        tmp_path, edit, words, hint):
    path = guide_page(tmp_path, lambda text: text.replace(
        "  - file: photos/rocket.jpg\n", "  - file: photos/rocket.jpg\n" + edit))
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "p.pdf")])
    assert result.exit_code == 2, result.output
    assert "page.yaml:16:" in result.output and words in result.output
    assert hint in result.output
    assert not (tmp_path / "p.pdf").exists()


def test_width_and_columns_on_one_picture_must_agree(write_manifest):
    path = write_manifest(HEADER + """\
          - headline: 图
            images: [{width: 3, columns: 1-2, lines: 5}]
            body: [一段正文。]
        """)
    with pytest.raises(Exception, match="(?s)issue.yaml:8.*3 columns wide.*places it 2 wide"
                                        ".*make them agree"):
        load_issue(path)
    path.write_text(path.read_text(encoding="utf-8").replace("width: 3", "width: 2"),
                    encoding="utf-8")
    assert load_issue(path).articles[0].images[0].placed


def test_a_picture_asked_so_wide_is_pinned_where_the_make_up_put_it(tmp_path):
    path = guide_page(tmp_path, lambda text: text.replace(
        "  - file: photos/rocket.jpg\n", "  - file: photos/rocket.jpg\n    width: 3\n"))
    made_up = render_issue(path).pdf
    result = CliRunner().invoke(main, ["pin", str(path)])
    assert result.exit_code == 0, result.output
    assert render_issue(path).pdf == made_up
    picture = load_issue(path).articles[0].images[0]
    assert picture.placed and picture.last_column - picture.first_column + 1 == 3


def test_an_article_that_says_rank_1_leads_the_page_and_is_read_first(tmp_path):
    path = guide_page(tmp_path, lambda text: text.replace(
        "- headline: 开车不小心撞人了怎么办", "- rank: 1\n  headline: 开车不小心撞人了怎么办"))
    issue = load_issue(path)
    assert issue.ranked() == (3, 0, 1, 2, 4)
    template = load_template(issue.template, issue.path.parent, issue.template_origin)
    plan = plan_page(issue, template, shipped_fonts(), TextCache())
    lead = plan.articles[3]
    sizes = [p.headline.size for p in plan.articles]
    assert (lead.first_line, lead.first_column) == (min(p.first_line for p in plan.articles), 1)
    assert sizes[3] == max(sizes) and sizes.count(sizes[3]) == 1, sizes
    page = layout_loaded(issue, shipped_fonts(), template)
    assert page.text().startswith("开车不小心撞人了怎么办")
    assert page.reading[0].startswith("教育感悟")  # (each article's text by its index)
    result = CliRunner().invoke(main, ["text", str(path)])
    assert result.output.startswith("开车不小心撞人了怎么办")


def test_two_articles_of_one_rank_are_refused(tmp_path):
    path = guide_page(tmp_path, lambda text: text.replace(
        "- headline: 开车不小心撞人了怎么办", "- rank: 2\n  headline: 开车不小心撞人了怎么办").replace(
        "- headline: 双牌县", "- rank: 2\n  headline: 双牌县"))
    with pytest.raises(LayoutError, match="(?s)articles 4 and 5 both say rank: 2.*own rank"):
        load_issue(path)


def test_a_placed_picture_wider_than_its_region_says_the_columns_it_may_use(write_manifest):
    path = write_manifest(HEADER + """\
          - headline: 图
            region: {columns: 1-2, lines: 6-40}
            images: [{columns: 2-3, lines: 5}]
            body: [一段正文。]
        """)
    with pytest.raises(LayoutError, match="(?s)issue.yaml:9.*picture columns 2-3 leave the "
                                          "article's 2 columns.*within 1-2"):
        layout_issue(path)


def test_the_make_up_reads_an_article_s_head_and_fill_as_typed_measures():
    from layout.flow import ArticleFlow, Drawn, measure_fill, measure_head
    from layout.holes import text_legs
    from layout.model import ArticlePlan

    path = REPO / "issues" / "2020-07-01-p3-fenjin-lushang.yaml"
    issue = load_issue(path)
    t = load_template(issue.template)
    article = replace(issue.articles[0], images=())
    plan = ArticlePlan(article, 0, 1, t.columns, 1, t.grid_lines, head_size=36.0,
                       pictures=())
    flow = ArticleFlow(plan, t, shipped_fonts(), TextCache())
    head = measure_head(flow)
    set_ = flow.head(Drawn(), plan.last_line)
    assert head is not None and head.lines == set_.body_line - plan.first_line > 0
    assert (head.strip, head.strip_columns) == (0, 0)  # (a horizontal headline)
    assert plan.headline is not None and plan.headline.size == 36.0  # the decision, set
    assert article.headline is not None and article.headline.size is None  # not the article
    fill = measure_fill(flow)
    drawn, overflow, bottom = ArticleFlow(plan, t, shipped_fonts(), TextCache()).run()
    assert overflow is None and (fill.bottom, fill.over) == (bottom, None) < (t.grid_lines, 0)
    assert fill.legs() == text_legs(t, drawn.lines, drawn.images, range(1, t.columns + 1))
    occupied = Occupancy(t)  # (the blank at the columns' feet: from what the flow drew)
    occupied.add_lines(drawn.lines)
    occupied.add_boxes(drawn.rects, drawn.images)
    feet = [bottom - occupied.foot(c, 1, bottom) for c in range(1, t.columns + 1)]
    assert fill.blank_feet(1, bottom, 0) == sum(feet) and fill.blank_feet(1, bottom, 1) == \
        sum(max(0, f - 1) for f in feet)
    # a headline too tall for a module of three lines: no head measure
    low = ArticlePlan(article, 0, 1, 3, 1, 3, head_size=36.0, pictures=())
    assert measure_head(ArticleFlow(low, t, shipped_fonts(), TextCache())) is None


def sample_articles():
    """Every article of the five sample pages with its template and a text cache shared by
    its page's: (template, cache, index, article)."""
    for path in sorted((REPO / "issues").glob("20*.yaml")):
        issue = load_issue(path)
        t = load_template(issue.template)
        cache = TextCache()
        for n, article in enumerate(issue.articles):
            yield t, cache, n, article


def test_heads_set_from_bands_and_styles_set_before_are_those_set_anew():
    """A head set through an article's `Heads` reuses the bands (their texts set from the
    top) and kicker and subtitle styles of the heads set before it, at other airs, drops
    and first lines; and a head that does not read its air (`air_read`: a vertical
    headline's, a band's air under none) is the one set without it. Each is the head set
    alone, from nothing (the long way), on every sample's articles."""
    from layout.flow import ArticleFlow, Heads, air_read, set_head
    from layout.model import ArticlePlan

    fonts = shipped_fonts()
    vertical = 0
    for t, cache, _, article in sample_articles():
        article = replace(article, images=())
        heads = Heads()
        h = article.headline
        vertical += bool(h and h.vertical)
        for first, extra, drop in ((3, 0, 0), (3, 2, 0), (5, 1, 0), (3, 0, 2), (7, 2, 3),
                                   (5, 0, 0)):
            plan = ArticlePlan(article, 0, 1, t.columns, first, t.grid_lines,
                               head_extra=extra, head_drop=drop, pictures=())
            reused = heads.head(ArticleFlow(plan, t, fonts, cache).s, plan)
            alone = set_head(ArticleFlow(plan, t, fonts, TextCache()).s, plan)
            assert reused == alone
            read = air_read(h, extra, drop)
            if read != (extra, drop):  # (the head with only the air it reads)
                bare = replace(plan, head_extra=read[0], head_drop=read[1])
                assert reused is heads.head(ArticleFlow(bare, t, fonts, cache).s, bare)
        assert len(heads.bands) <= 2  # (its headline's band and byline's, set once)
    assert vertical  # (a vertical headline's head among them)


def test_a_candidate_s_head_lines_alone_are_its_measure_s():
    """`Candidate.head_lines` where the head has no measure yet (its lines alone, the long
    way skipped) are the lines of its measure (`Candidate.head`, of a candidate that
    measured nothing before), at every ladder size, width, air and picture beside it of
    every sample's articles; and a vertical headline's measure, which reads no air, is
    the one without it."""
    from layout.makeup import Area, Candidate, Config
    from layout.makeup.shapes import settable_sizes

    fonts = shipped_fonts()
    for t, cache, n, article in sample_articles():
        area = Area(1, t.columns, 1, t.grid_lines)
        quick = Candidate(n, article, t, fonts, cache, area, 1)
        for size in settable_sizes(t):
            for columns in range(1, t.columns + 1, 2):
                for config in (Config(size), Config(size, 2),
                               *([Config(size, beside=1)] if columns >= 3 else [])):
                    lines = quick.head_lines(columns, config)
                    fresh = Candidate(n, article, t, fonts, TextCache(), area, 1)
                    found = fresh.head(columns, config)
                    assert lines == (None if found is None else found.measure.lines)
                    h = article.headline
                    if h is not None and h.vertical and not config.beside:
                        assert fresh.head(columns, Config(size)) is found


def test_a_head_s_lines_counted_are_those_of_the_head_set(tmp_path):
    """`flow.head_lines` (its bands' lines counted, not set: the first cut between words
    that fits, not the evenest) gives the lines of the head set (`set_head`, the long way),
    or None where that head reaches below the plan's last line, at every ladder size of
    every article of pages of real news (tests/newsgen) at several widths and airs."""
    import sys
    sys.path.insert(0, str(Path(__file__).parent))
    import newsgen
    from layout.flow import ArticleFlow, Heads
    from layout.flow.head import head_lines, set_head
    from layout.makeup.shapes import settable_sizes
    from layout.model import ArticlePlan

    fonts = shipped_fonts()
    counted = 0
    for seed in (3, 17):
        issue = load_issue(newsgen.write(seed, tmp_path))
        t = load_template(issue.template)
        cache = TextCache()
        for article in issue.articles:
            h = article.headline
            for size in settable_sizes(t):
                for columns in (1, 3, 5):
                    if h is not None and h.columns and h.columns[1] > columns:
                        continue
                    for extra, last in ((0, t.grid_lines), (1, t.grid_lines), (0, 6)):
                        plan = ArticlePlan(article, 0, 1, columns, 1, last, head_extra=extra,
                                           head_size=size if h and not h.size else None,
                                           pictures=())
                        lines = head_lines(ArticleFlow(plan, t, fonts, cache).s, plan, Heads())
                        set_ = set_head(ArticleFlow(plan, t, fonts, TextCache()).s, plan)
                        low = set_.reach is not None and set_.reach.line > last
                        assert lines == (None if low else set_.body_line - 1)
                        counted += lines is not None
    assert counted > 100


def test_a_headline_s_size_under_a_bound_after_others_is_that_found_alone():
    """`Sizes.headline` under each bound on the headline, found after those under other
    bounds (its title's lines at a size and width counted once: `Sizes.title_count`), is
    the size a candidate that counted nothing before finds, on every sample's articles."""
    from layout.makeup import Area, Candidate
    from layout.makeup.shapes import settable_sizes

    fonts = shipped_fonts()
    for t, cache, n, article in sample_articles():
        area = Area(1, t.columns, 1, t.grid_lines)
        kept = Candidate(n, article, t, fonts, cache, area, 2)
        for cap in [None, *settable_sizes(t)[1::2]]:
            for columns in range(1, t.columns + 1):
                kept.cap = cap
                fresh = Candidate(n, article, t, fonts, TextCache(), area, 2)
                fresh.cap = cap
                assert kept.headline(columns) == fresh.headline(columns)
                assert kept.too_tall(columns) == fresh.too_tall(columns)


def test_an_article_s_flows_share_its_head_and_sizes_of_one_band_share_a_need():
    from layout.flow import ArticleFlow, Drawn, Heads, set_head
    from layout.makeup import Area, Candidate, Config
    from layout.model import ArticlePlan

    path = REPO / "issues" / "2020-07-01-p3-fenjin-lushang.yaml"
    issue = load_issue(path)
    t = load_template(issue.template)
    fonts, cache, heads = shipped_fonts(), TextCache(), Heads()
    article = replace(issue.articles[0], images=())
    plans = [ArticlePlan(article, 0, 1, 4, 3, last, head_size=36.0, pictures=())
             for last in (60, 80)]  # (one module's head, the body's foot tried lower)
    set_ = [ArticleFlow(p, t, fonts, cache, heads).head(Drawn(), p.last_line) for p in plans]
    assert set_[0] is set_[1] == set_head(ArticleFlow(plans[0], t, fonts).s, plans[0])
    other = replace(plans[0], head_extra=1)  # (air in its band: a head of its own)
    aired = ArticleFlow(other, t, fonts, cache, heads).head(Drawn(), other.last_line)
    assert aired is not set_[0] and aired.body_line == set_[0].body_line + 1
    # headline sizes whose bands take as many lines leave the body the same cells: its
    # need measured once (one band kept, read from the make-up's own table: a compiled
    # make-up calls its own measure_need, which no patch reaches), the same as each size's
    # measured alone
    area = Area(1, 8, 1, t.grid_lines)
    c = Candidate(0, article, t, fonts, cache, area, 0)
    sizes = [s for s in (32.0, 28.0, 26.0, 24.0)
             if c.head_lines(4, Config(s)) == c.head_lines(4, Config(32.0))]
    assert len(sizes) > 1
    needs = [c.need_at(4, s) for s in sizes]
    assert len(c._seated) == 1 and len(c._needs) == len(sizes)
    for s in sizes[1:]:
        assert Candidate(0, article, t, fonts, TextCache(), area, 0).need_at(4, s) == needs[0]


def test_a_made_up_plan_carries_its_decisions_beside_the_manifest_s_article():
    path = REPO / "issues" / "2020-11-27-p1-laomo-jingshen.yaml"
    issue = load_issue(path)
    plan = plan_page(issue, load_template(issue.template), shipped_fonts())
    for p in plan.articles:
        article = issue.articles[p.index]
        assert p.article is article  # the manifest's article, never a rewritten one
        assert p.headline is not None and article.headline is not None
        assert p.headline.size == (p.head_size or article.headline.size) is not None
        assert p.headline.columns == (p.head_columns or article.headline.columns)
        assert [i.placed for i in p.images] == [True] * len(article.images)
        assert [i.aspect for i in p.images] == [i.aspect for i in article.images]
    assert any(p.head_size for p in plan.articles)  # (the make-up sized the headlines)
    assert any(not i.placed for p in plan.articles for i in p.article.images)


def test_the_final_page_reuses_the_make_up_s_layouts_and_gives_the_same_page():
    from layout.flow import flow_page

    path = REPO / "issues" / "2020-11-27-p1-laomo-jingshen.yaml"
    issue = load_issue(path)
    t = load_template(issue.template)
    plan = plan_page(issue, t, shipped_fonts(), TextCache())
    # the make-up's layouts come with the plans they are of: those of the page's own
    ids = {id(p) for p in plan.articles}
    assert plan.laid and all(id(p) in ids for p, _ in plan.laid)
    reused = flow_page(plan, shipped_fonts(), TextCache())
    again = flow_page(replace(plan, laid=()), shipped_fonts(), TextCache())  # all flowed
    assert reused == again
    assert reused.lines == again.lines and reused.fits == again.fits


def test_a_rule_left_in_the_made_up_part_of_the_page_is_refused_at_its_line(tmp_path):
    """A rule `layout pin` wrote between modules whose regions were then taken off would
    print across what the make-up places there."""
    path = pinned_page(tmp_path, "news-tabloid", "{columns: 1-6, lines: 1-22}", 3,
                       ("自动排的文章", "另一篇自动排的文章"))
    text = path.read_text(encoding="utf-8").replace(
        "articles:\n", "rules:\n  - {columns: 1-6, line: 23}\n  - {columns: 1-6, line: 48}\n"
                       "articles:\n")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LayoutError, match="runs through the part of the page the make-up "
                                          "places articles in") as err:
        plan_page(load_issue(path), load_template("news-tabloid"), shipped_fonts())
    assert f"{path}:8" in str(err.value)  # the rule at line 48, not the one at 23


def test_a_short_last_leg_borrows_a_line_from_the_feet_of_the_columns_before_it(
        write_manifest):
    """An article whose last leg (here under a picture at the top of its last column)
    would hold fewer than MIN_LEG lines ends the columns before it a line short, one each
    from the nearest back, so that it has them; the text is the same, in the same order."""
    from layout.flow import ArticleFlow
    from layout.holes import MIN_LEG, text_legs

    sample = load_issue(REPO / "issues" / "2020-07-01-p3-fenjin-lushang.yaml")
    text = "".join(b.text for b in sample.articles[0].blocks if isinstance(b, Paragraph))
    columns = range(1, 4)
    found = 0
    for chars in range(300, 700, 11):
        path = write_manifest(
            HEADER.replace("party-building", "base")
            + "  - region: {columns: 1-3, lines: 1-40}\n"
            + "    images: [{aspect: 4:3, columns: 3, line: 1, lines: 9}]\n"
            + f"    body: [{text[:chars]}]\n")
        issue = load_issue(path)
        t = load_template(issue.template)
        plan = plan_page(issue, t, shipped_fonts()).articles[0]
        flow = ArticleFlow(plan, t, shipped_fonts(), TextCache())
        drawn, overflow, bottom = flow.run()
        plain = flow.layout(bottom).drawn  # (as the columns fill, one after the other)
        before = text_legs(t, plain.lines, plain.images, columns)
        if before[-1][2] - before[-1][1] + 1 >= MIN_LEG:
            continue
        if bottom - before[-1][1] + 1 < MIN_LEG:  # (no room under the picture: as it is)
            assert [(line.text, line.grid_line) for line in drawn.lines] == \
                [(line.text, line.grid_line) for line in plain.lines]
            continue
        found += 1
        lacks = MIN_LEG - (before[-1][2] - before[-1][1] + 1)
        legs = text_legs(t, drawn.lines, drawn.images, columns)
        assert overflow is None and legs[-1][2] - legs[-1][1] + 1 == MIN_LEG, (chars, legs)
        lent = [bottom - leg[2] for leg in legs[:-1]]  # (lines each column ends short)
        assert sum(lent) == lacks and max(lent) - min(lent) <= 1 and lent[-1] >= lent[0]
        assert [line.text for line in drawn.lines] == [line.text for line in plain.lines]
    assert found >= 3


@pytest.mark.parametrize("air, divide", [(1, None), (None, 5), (2, 5)])
def test_a_pinned_article_whose_pictures_the_make_up_sizes_keeps_its_air_and_division(
        tmp_path, air, divide):
    """`layout pin` writes a region's air: and divide:; a pinned article with a picture
    still to size keeps both (its pictures sized on its own columns; without air:, the
    make-up gives it what the pictures leave, as to a module of its own)."""
    body = "".join(f"      - {p}\n" for p in PARAGRAPHS[:5])
    region = "{columns: 1-6, lines: 6-40" + (f", air: {air}" if air else "") + (
        f", divide: {divide}" if divide else "") + "}"
    path = tmp_path / "pinned.yaml"
    path.write_text(HEADER + f"  - headline: 钉住的文章\n    region: {region}\n"
                    f"    images: [{{aspect: 4:3}}]\n    body:\n{body}"
                    f"  - headline: 自动排的文章\n    body:\n{body}", encoding="utf-8")
    issue = load_issue(path)
    t = load_template("party-building")
    pinned = plan_page(issue, t, shipped_fonts()).articles[0]
    assert (pinned.first_column, pinned.last_column, pinned.first_line, pinned.last_line) \
        == (1, 6, 6, 40)
    if air:  # (without one, what the pictures leave: any)
        assert pinned.head_extra == air
    assert (pinned.measure[0] if pinned.measure else None) == divide
    (picture,) = pinned.images
    assert 1 <= picture.first_column <= picture.last_column <= (divide or 6)
    page = layout_loaded(issue, shipped_fonts(), t)
    assert not page.overflow


def test_a_way_that_leaves_text_over_weighs_the_blank_beside_its_headline_too():
    """The guide's page with its 报头 in a block (docs/guide/nameplate_block.yaml) has no
    tiling under the block that holds all its text: the make-up takes the cheapest that
    leaves some over (`Candidate.squeezed`). Such a way's head leaves the blank beside it
    that it leaves in any other way: the third article's picture under a headline across
    its six columns leaves columns 3-6 beside its short kicker and title blank for nine
    lines, a hole. Weighed as text over alone, that way was the cheapest: the second
    article took 23 lines beside its picture, the third the rest with that hole (10.8 %
    of the type area blank, pdfcheck). Weighed with its hole, the third stands beside
    its picture and the page has no hole beside a headline taller than four lines."""
    from layout import makeup
    from layout.holes import hole_lines
    from layout.makeup.costs import HOLE
    from layout.pipeline import layout, load

    loaded = load(REPO / "docs" / "guide" / "nameplate_block.yaml")
    issue, t, fonts = loaded.edition.pages[0], loaded.templates[0], shipped_fonts()
    # (the area under the rule through the block's last line)
    third = makeup.Candidate(2, issue.articles[2], t, fonts, TextCache(),
                             makeup.Area(1, 6, 19, 72), 1)
    ways = third.squeezed(6, 54, {})
    assert ways
    for cost, config in ways.values():
        assert config.beside == 0
        blank = third.head_blank(6, config)
        assert blank >= HOLE * hole_lines(t) and cost >= blank
    page = layout(loaded, fonts).pages[0]
    feet = {(f.article_index, f.last_line) for f in page.fits}
    inside = [h for h in page.holes if (h.article_index, h.last_line) not in feet]
    assert inside and all(h.last_line - h.first_line + 1 <= 4 for h in inside), inside
    assert hole_share(page, t) < 0.05


def test_a_way_that_leaves_text_over_is_not_offered_again_once_refused():
    """A way the flow did not bear out (`Candidate.refuse`) is forgotten by every kind of
    option, the ways that leave text over (`squeezed`) too: the search then takes the next
    cheapest, not the same again."""
    from layout import makeup
    from layout.pipeline import load

    loaded = load(REPO / "docs" / "guide" / "nameplate_block.yaml")
    issue, t, fonts = loaded.edition.pages[0], loaded.templates[0], shipped_fonts()
    third = makeup.Candidate(2, issue.articles[2], t, fonts, TextCache(),
                             makeup.Area(1, 6, 19, 72), 1)
    ways = third.squeezed(6, 54, {})
    height, (_, config) = min(ways.items(), key=lambda item: item[1][0])
    third.refuse(6, 54, height, config)
    again = third.squeezed(6, 54, {})
    assert height not in again and set(again) == set(ways) - {height}


def test_a_repair_weighs_the_blank_a_smaller_headline_leaves_beside_it():
    """A repair (settle.repair_tree) that moves a boundary for text left over may set a
    head band shorter by a smaller headline; the tree it keeps is weighed with the blank
    beside its heads too. The guide's nameplate_block page, tiled with the second article
    at 23 lines beside its picture (a 26 pt title over columns 1-3) and the third in the
    30 lines left: the third leaves text over, the boundary moves 7 lines up, and the
    second's title at 22 pt would leave 1 line less blank at the feet but column 3 blank
    beside it for 8 lines (a hole: what render -v and pdfcheck said of that page)."""
    from layout import makeup
    from layout.holes import hole_lines
    from layout.makeup.costs import HOLE
    from layout.makeup.settle import repair_tree, settle_tree
    from layout.makeup.shapes import Config, Leaf
    from layout.makeup.tiling import Cut
    from layout.pipeline import load

    loaded = load(REPO / "docs" / "guide" / "nameplate_block.yaml")
    issue, t, fonts = loaded.edition.pages[0], loaded.templates[0], shipped_fonts()
    area, cache = makeup.Area(1, 6, 19, 72), TextCache()
    by = {i: makeup.Candidate(i, issue.articles[i], t, fonts, cache, area, i) for i in (1, 2)}
    beside = Config(26.0, widths=(3,), heights=(17,), beside=3)
    tree = Cut(True, 23, Leaf(1, beside, 6, 23),
               Leaf(2, Config(26.0, widths=(1,), heights=(7,)), 6, 30))
    second = by[1]
    assert second.head_blank(6, beside) == 0.0
    assert second.head_blank(6, beside.sized(22.0)) >= HOLE * hole_lines(t)
    repaired = repair_tree(tree, area, area.lines, by, settle_tree(tree, area, area.lines, by))
    plan = next(p for p in repaired.plans if p.index == 1)
    assert (plan.first_line, plan.last_line, plan.head_columns) == (19, 34, (1, 3))
    assert plan.head_size == 26.0


def test_a_title_cut_inside_a_term_takes_the_step_below_that_cuts_it_at_a_word_s_edge():
    """联创汽车电子与大陆集团达成战略合作 over two columns: at 22 pt its two lines part 大陆 |
    集团, one name (text.phrases: a cut inside a term); a step smaller it breaks 联创汽车电子 |
    与大陆集团达成战略合作, before the joining 与, in as many lines. The make-up sizes it
    there, counting the step; what bounds a headline beside a picture reads the size its
    rank and lines gave (`unmended`). On the page both titles of the second row read so."""
    from layout import makeup
    from layout.flow import Typesetter
    from layout.flow.setter import sized
    from layout.pipeline import layout, load

    path = REPO / "issues" / "2020-11-27-p1-laomo-jingshen.yaml"
    issue = load_issue(path)
    t = load_template(issue.template)
    fonts = shipped_fonts()
    area = makeup.free_area(t, [], issue.articles[0].origin)
    c = makeup.Candidate(1, issue.articles[1], t, fonts, TextCache(), area, 1)
    size, steps = c.headline(2)
    assert (size, c.unmended(2)) == (18.0, 22.0)
    assert steps == c.headline(3)[1] + 3  # (26 → 24 → 22, and the step to mend the cut)
    setter = Typesetter(t, fonts, 1, 1, TextCache())
    style = t.styles["headline"]
    title = issue.articles[1].headline.main
    width = c.width_pt(2)
    assert [ln.text for ln in setter.display_lines(title, sized(style, 22.0), width)] == [
        "联创汽车电子与大陆", "集团达成战略合作"]
    assert [ln.text for ln in setter.display_lines(title, sized(style, 18.0), width)] == [
        "联创汽车电子", "与大陆集团达成战略合作"]
    page = layout(load(path), fonts).pages[0]
    titles = [ln.text for ln in page.lines if ln.kind is LineKind.HEADLINE]
    assert titles[1:] == ["联创汽车电子", "与大陆集团达成战略合作", "打造线上线下相融合的",
                          "用户服务平台"]


def test_an_article_s_run_from_a_hint_is_its_run_without():
    """ArticleFlow.run from a hint (the bottom searched from it by doubling steps: the
    make-up's guesses, settle.adjust's a line over the module's foot) lays the article out
    as the run without one (the bottom found by halving), wherever the hint is."""
    from layout.flow import ArticleFlow, TooLow
    from layout.model import ArticlePlan

    fonts = shipped_fonts()
    for t, cache, n, article in sample_articles():
        for columns in sorted({2, t.columns}):
            plan = ArticlePlan(replace(article, images=()), n, 1, columns, 1, t.grid_lines,
                               pictures=())
            try:
                base = ArticleFlow(plan, t, fonts, cache).run()
            except TooLow:
                continue
            for hint in (base.bottom - 2, base.bottom - 1, base.bottom, base.bottom + 3,
                         t.grid_lines - 1, 0):
                laid = ArticleFlow(plan, t, fonts, cache).run(hint)
                assert (laid.bottom, laid.overflow, laid.drawn.lines) == (
                    base.bottom, base.overflow, base.drawn.lines)


def test_the_pictures_sums_keep_the_least_crop_of_each_count_of_cells():
    """pictures.picture_sums: for each choice of widths, each count of cells the pictures
    can take → the least crop that gives it (the first of equal ones, heights tried in
    order) and the heights, as every choice of heights weighed one by one gives them."""
    import itertools

    from layout.makeup import Area, Candidate
    from layout.makeup.pictures import picture_block, picture_sums

    fonts = shipped_fonts()
    seen = 0
    for t, cache, n, article in sample_articles():
        two = replace(article, images=(*article.images, *article.images[:1]))
        for shown in (article, two):
            c = Candidate(n, shown, t, fonts, cache, Area(1, t.columns, 1, t.grid_lines), 1)
            if not c.pictures:
                continue
            for columns in range(1, t.columns + 1):
                for widths, sums in picture_sums(c, columns).items():
                    blocks = [picture_block(c, i, w) for i, w in zip(c.pictures, widths)]
                    want: dict[int, tuple] = {}
                    for heights in itertools.product(*[range(low, high + 1)
                                                       for (_, low, high), _ in blocks]):
                        cells = sum(w * (h + k + 1)
                                    for w, h, (_, k) in zip(widths, heights, blocks))
                        crop = sum(abs(h / m - 1) for h, ((m, _, _), _) in zip(heights, blocks))
                        if cells not in want or crop < want[cells][0]:
                            want[cells] = (crop, heights)
                    assert sums == want
                    seen += 1
    assert seen > 100
