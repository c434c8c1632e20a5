"""The word segmenter (text.segmenter): jieba's cut from words/words.dat, read only when a
display text is to be broken, and the same words as jieba-rs (rjieba) gives."""
from __future__ import annotations

import itertools
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import newsgen
from conftest import MINIMAL, REPO, SAMPLE
from layout.text import segmenter
from layout.text.words import word_ends

# (text, the lengths of its words): the dictionary's most probable path (打造|线|上线|…),
# the hidden Markov model for names it does not hold (小明), Latin letters and digits kept
# together with . _ - and a % (v1.2.3-rc_1, 3.5%), other characters alone, \r\n together,
# a CJK character outside the model's range (𠮷).
CUTS = [
    ("打造线上线下相融合的用户服务平台", [2, 1, 2, 2, 2, 1, 2, 4]),
    ("小明硕士毕业于中国科学院计算所", [2, 2, 2, 1, 5, 3]),
    ("iPhone12和3.5%的2020-11-27版本v1.2.3-rc_1", [8, 1, 4, 1, 10, 2, 11]),
    ("a\r\nb \\ “引号”\t", [1, 2, 1, 1, 1, 1, 1, 2, 1, 1]),
    ("𠮷野家", [1, 2]),
    ("上汽通用武汉分公司成立党员突击队，确保复工复产", [2, 2, 2, 3, 2, 2, 3, 1, 2, 2, 2]),
    ("", []),
]


def test_the_words_of_display_text():
    for text, lengths in CUTS:
        assert segmenter.word_lengths(text) == lengths, text
        assert word_ends(text) == tuple(itertools.accumulate(lengths))[:-1], text


def _display_texts() -> list[str]:
    """Every headline, kicker, subtitle, byline and caption of the sample pages and of 40
    generated ones, and pieces of their body text with odd characters put in."""
    from layout.manifest import load_manifest

    texts: list[str] = []
    body: list[str] = []
    paths = sorted((REPO / "issues").glob("*.yaml"))
    work = Path(tempfile.mkdtemp())
    paths += [newsgen.write(seed, work) for seed in range(40)]
    for path in paths:
        for issue in load_manifest(path).pages:
            for article in issue.articles:
                h = article.headline
                if h is not None:
                    texts += [t for t in (h.kicker, h.main, h.subtitle) if t]
                texts += [article.byline] if article.byline else []
                texts += [i.caption for i in article.images if i.caption]
                body += [getattr(b, "text", "") for b in article.blocks]
    rng = random.Random(24)
    joined = "".join(body)
    odd = "abcXYZ0123456789+#&._%-\r\n \t　·“”《》—…㐀䶵鿕鿖鿿豈𠀀𪜀"
    for _ in range(3000):
        at = rng.randrange(len(joined) - 40)
        piece = list(joined[at:at + rng.randint(1, 40)])
        for _ in range(rng.randint(0, 4)):
            piece[rng.randrange(len(piece))] = rng.choice(odd)
        texts.append("".join(piece))
    return texts


def test_the_words_are_those_jieba_rs_cuts():
    rjieba = pytest.importorskip("rjieba")
    texts = _display_texts() + [text for text, _ in CUTS]
    assert len(texts) > 3200
    assert [t for t in texts if segmenter.word_lengths(t) != [len(w) for w in rjieba.cut(t)]] \
        == []


def test_the_dictionary_is_read_only_for_a_page_whose_display_text_breaks(tmp_path):
    """A page whose headlines all fit on one line never reads words.dat; a page that breaks
    a headline reads it, and its lines break between the same words."""
    short = tmp_path / "short.yaml"  # (its headline 标题 fits on a line)
    short.write_text(MINIMAL.format(body="正文。" * 20), encoding="utf-8")
    code = ("import sys; from layout.pipeline import layout, load; "
            "from layout.text import segmenter; layout(load(sys.argv[1])); "
            "print(segmenter.loaded())")
    read = [subprocess.run([sys.executable, "-c", code, str(path)], check=True,
                           capture_output=True, text=True, cwd=REPO).stdout.strip()
            for path in (short, SAMPLE)]
    assert read == ["False", "True"]
