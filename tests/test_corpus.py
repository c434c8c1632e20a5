"""Real pasted news on pages (issue 22): the 60 texts of tests/data/news/inews.jsonl, exactly
as web pages published them (typed \\n, ideographic-space indents, ASCII marks, stray
spaces, lost characters as ?), each the body of one article of a `news` page (对开, 13-字
columns) and of a `news-tabloid` page (四开, 11-字 columns), parted into paragraphs as
`layout intake` parts pasted text and normalized as any manifest.

Read back from the placed page and its PDF: no line broken against the rules, no gap over
0.25 em between two Han characters, no line of one character, no loose line, and every
character of the normalized text in the PDF in order. Two short paragraphs of the 60 cannot
be set so in 11-字 columns (UNAVOIDABLE): they are held to the least bad setting there is;
nor can two credits' lines whose names are kept whole (NAMES_WHOLE)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from layout import render_issue
from layout.intake import paragraphs
from layout.manifest import issue_text, load_issue
from layout.model import LineKind
from layout.text.chars import NO_LINE_END, NO_LINE_START, CharClass, char_class

from test_render import pdf_text

NEWS = Path(__file__).resolve().parent / "data" / "news" / "inews.jsonl"
TEXTS = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()]
MOST_GAP = 0.25  # em between two Han characters of a justified line
JUSTIFIED = (LineKind.BODY, LineKind.NOTE)
PAGES = {"news": "1-8", "news-tabloid": "1-6"}  # template: the article's columns
# (template, text): paragraphs of two lines that no setting gives without a gap over ¼ em
# or a 孤字, as set. Each is wider than the 9 em an indented 11-字 line leaves, by a mark
# that may not start a line: 包装形态也很常见…… (10 em: either 见…… stands alone, or line 1
# holds 6 characters, gaps of 3/5 em, letter-spaced) and 请点击以下链接了解： (9½ em: either
# 解： stands alone, or line 1 holds 7, gaps of 1/3 em; a colon never hangs). The breaker
# keeps gaps of 1/3 em, and a 孤字 only where the other choice letter-spaces a line.
UNAVOIDABLE = {("news-tabloid", 29): ("包装形态也很常", "见……", "请点击以下链接", "了解：")}
# (template, text): a credit's line that its names, never broken (text/names.py), leave
# letter-spaced in an 11-字 column, and the name that could not follow it: the lines
# before hold no more, the name does not fit after it, and no space between names is left
# on the line to widen (映象网讯（记者 | 燕子丹 …, 7 em of the 9 an indented line leaves):
# gaps of 1/3 em. What kept it under ¼ em was 燕 | 子丹, a name broken.
NAMES_WHOLE = {("news-tabloid", 17): ("映象网讯（记者 ", "燕子丹")}  # (spaces painted " ")
# a credit's line whose spaces between names take its slack, its names set tight
# (【记者 徐燕 | 通讯员 焦轩 黄磊 | 赵萌萌 …】: 9 em of 11, the 2 em in its two spaces)
NAMES_SPREAD = {("news-tabloid", 1): ("通讯员 焦轩 黄磊 ", "赵萌萌")}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module", params=sorted(PAGES))
def pages(request, tmp_path_factory):
    """Each text on a page of its own: (its manifest, the rendered page)."""
    template = request.param
    folder = tmp_path_factory.mktemp(template)
    out = []
    for n, row in enumerate(TEXTS):
        manifest = {"manifest": 1, "paper": "测试报", "date": "2021-03-04", "page": n + 1,
                    "template": template,
                    "articles": [{"headline": row["title"],
                                  "region": {"columns": PAGES[template], "lines": "1-rest"},
                                  "body": paragraphs(row["text"])}]}
        path = folder / f"{n:02}.yaml"
        path.write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
        out.append((path, render_issue(path)))
    return out


def excused(path: Path) -> tuple[str, ...]:
    """The page's lines of UNAVOIDABLE (test_the_unavoidable_lines_are_the_least_bad)."""
    template = yaml.safe_load(path.read_text(encoding="utf-8"))["template"]
    return UNAVOIDABLE.get((template, int(path.stem)), ())


def names_whole(path: Path) -> tuple[str, str] | None:
    """The page's line of NAMES_WHOLE and the name after it
    (test_a_credits_line_is_letter_spaced_only_for_its_names)."""
    template = yaml.safe_load(path.read_text(encoding="utf-8"))["template"]
    return NAMES_WHOLE.get((template, int(path.stem)))


def test_the_corpus_is_real_and_large_enough():
    assert len(TEXTS) >= 40
    assert sum(len(row["text"]) for row in TEXTS) > 60_000
    assert sum("\\n" in row["text"] for row in TEXTS) >= 10  # web debris, as published
    assert sum("\u3000" in row["text"] or "\xa0" in row["text"] for row in TEXTS) >= 5
    assert sum(bool(re.search(r"[\u4e00-\u9fff][,:;?!(]", row["text"])) for row in TEXTS) >= 20


def test_every_text_sets_whole_with_no_rule_broken(pages):
    for path, page in pages:
        assert not page.layout.overflow, path.name
        assert not [n for n in page.layout.notes if "against the rules" in n], path.name
        lines = [l for l in page.layout.lines if l.kind in JUSTIFIED]
        for line, after in zip(lines, lines[1:]):
            if line.paragraph_end or after.kind is not line.kind:
                continue
            visible = [g for g in line.glyphs if not g.char.isspace()]
            assert char_class(visible[-1].char) not in NO_LINE_END, (path.name, line.text)
            if line.text.endswith("——") and after.text.startswith("——"):
                continue  # a rule of dashes breaks between whole pairs (clreq)
            assert char_class(after.glyphs[0].char) not in NO_LINE_START, (path.name,
                                                                          after.text)


def han(char: str) -> bool:
    return char_class(char) is CharClass.IDEOGRAPHIC and char.isalpha()


def test_no_gap_over_a_quarter_em_between_han_characters_and_no_loose_line(pages):
    worst = 0.0
    for path, page in pages:
        assert not page.layout.loose, (path.name, page.layout.loose[:2])
        skip = excused(path) + (names_whole(path) or ("",))[:1]
        for line in page.layout.lines:
            if line.kind not in JUSTIFIED or line.text in skip:
                continue
            glyphs = line.glyphs
            for a, b in zip(glyphs, glyphs[1:]):
                if han(a.char) and han(b.char):
                    gap = (b.x - a.x - a.advance) / line.size
                    worst = max(worst, gap)
                    assert gap <= MOST_GAP, (path.name, line.text, gap)
    assert worst > 0.0  # (the lines are justified: some gaps do widen)


def test_no_line_of_one_character(pages):
    for path, page in pages:
        skip = excused(path) + (names_whole(path) or ("",))[:1]
        for line in page.layout.lines:
            if line.kind not in JUSTIFIED or line.text in skip:
                continue
            # (as a reader counts: one letter or digit, whatever marks are beside it; a □,
            # normalized from the data set's ? ? ?, stands for a character a web page lost)
            letters = [g for g in line.glyphs if g.char.isalnum() or g.char in "?□"]
            assert len(letters) != 1, (path.name, line.text)


def test_every_character_of_the_normalized_text_is_on_the_page_in_order(pages):
    for path, page in pages:
        wanted = squeeze(issue_text(load_issue(path)))
        # (pdfium reads a hyphen that ends a line as U+FFFE, a possible soft hyphen)
        got = iter(squeeze(pdf_text(page.pdf).replace("\ufffe", "-")))
        assert all(c in got for c in wanted), path.name


def test_the_unavoidable_lines_are_the_least_bad(pages):
    for path, page in pages:
        skip = excused(path)
        body = yaml.safe_load(path.read_text(encoding="utf-8"))["articles"][0]["body"]
        texts = [line.text for line in page.layout.lines]
        for first, last in zip(skip[0::2], skip[1::2]):
            assert first + last in body  # a paragraph of its own
            line, after = page.layout.lines[texts.index(first):texts.index(first) + 2]
            assert after.text == last and after.paragraph_end
            gaps = [(b.x - a.x - a.advance) / line.size
                    for a, b in zip(line.glyphs, line.glyphs[1:])]
            assert max(gaps) == pytest.approx(1 / 3, abs=0.01)  # 2 em over 6 gaps


def test_a_credits_line_is_letter_spaced_only_for_its_names(pages):
    seen = 0
    for path, page in pages:
        wanted = names_whole(path)
        if wanted is None:
            continue
        texts = [line.text for line in page.layout.lines]
        at = texts.index(wanted[0])
        line, after = page.layout.lines[at:at + 2]
        assert after.text.startswith(wanted[1])  # (the name the line could not take)
        gaps = [(b.x - a.x - a.advance) / line.size
                for a, b in zip(line.glyphs, line.glyphs[1:]) if not a.char.isspace()
                and not b.char.isspace()]
        assert max(gaps) == pytest.approx(1 / 3, abs=0.01)  # 2 em over 6 gaps
        seen += 1
    template = yaml.safe_load(pages[0][0].read_text(encoding="utf-8"))["template"]
    assert seen == sum(t == template for t, _ in NAMES_WHOLE)


def test_a_credits_line_is_spread_between_its_names_not_inside_them(pages):
    """The slack of a credit's line goes to its spaces between names first (up to an em
    more each: text/names.py), not between the characters of a name (通 讯 员 焦 轩)."""
    seen = 0
    for path, page in pages:
        template = yaml.safe_load(path.read_text(encoding="utf-8"))["template"]
        wanted = NAMES_SPREAD.get((template, int(path.stem)))
        if wanted is None:
            continue
        texts = [line.text for line in page.layout.lines]
        line, after = page.layout.lines[texts.index(wanted[0]):texts.index(wanted[0]) + 2]
        assert after.text.startswith(wanted[1])
        glyphs = [g for g in line.glyphs if not g.char.isspace()]
        gaps = [(b.x - a.x - a.advance) / line.size for a, b in zip(glyphs, glyphs[1:])]
        assert sorted(gaps)[-2:] == pytest.approx([2.0, 2.0], abs=0.01)  # (1 em each more)
        assert all(g == pytest.approx(0.0, abs=0.01) for g in sorted(gaps)[:-2])
        seen += 1
    assert seen == sum(t == template for t, _ in NAMES_SPREAD)
