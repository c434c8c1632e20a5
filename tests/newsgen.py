"""Pages of real, unseen news for the make-up's tests and benchmarks.

`corpus()` reads the 60 Chinese internet news texts of tests/data/news (SOURCE.md says where
they are from) into (title, paragraphs): a text is parted as `layout intake` parts pasted
text, and a paragraph with a character no shipped face has is left out.
`page(seed)` makes a page manifest of 2-6 of them, with no slot or region, 0-2 picture
placeholders and a family of template (四开 or 对开): the kind of page an editor makes up
on any day. The page's total is drawn near what the page holds, so most pages should come
out full and the rest say per article what to add or cut. Deterministic for a seed.
"""
from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path

import yaml

from layout.fonts import shipped_fonts
from layout.intake import paragraphs
from layout.text.normalize import normalize

DATA = Path(__file__).parent / "data" / "news" / "inews.jsonl"

# template → (characters a column line holds, columns, grid lines under any banner)
TEMPLATES = {
    "news-tabloid": (11, 6, 75),
    "party-building": (11, 6, 70),
    "news": (13, 8, 100),
}
ASPECTS = ("4:3", "3:2", "16:9", "4:3")


def _drawable(text: str) -> bool:
    fonts = shipped_fonts()  # (loaded once a process)
    return all(ch.isspace() or fonts.face_for("song", ch) is not None for ch in text)


def _paragraphs(text: str) -> list[str]:
    """The text parted as `layout intake` parts pasted text, keeping the paragraphs whose
    characters, once normalized as a manifest's are, a shipped face can draw."""
    return [p for p in paragraphs(text)
            if len(p) >= 2 and _drawable(normalize(p, body=True)[0])]


@lru_cache(maxsize=1)
def corpus() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(title, paragraphs) of every usable text of the corpus, in its order."""
    out = []
    for row in DATA.read_text(encoding="utf-8").splitlines():
        item = json.loads(row)
        title = re.sub(r"\s+", " ", item["title"]).strip()
        paragraphs = _paragraphs(item["text"])
        if title and _drawable(title) and sum(map(len, paragraphs)) >= 200:
            out.append((title, tuple(paragraphs)))
    return tuple(out)


def _cut(paragraphs: tuple[str, ...], share: int) -> list[str]:
    """Whole paragraphs up to about `share` characters; the last one cut at a sentence end."""
    out, total = [], 0
    for paragraph in paragraphs:
        if total + len(paragraph) <= share:
            out.append(paragraph)
            total += len(paragraph)
            continue
        room = share - total
        ends = [m.end() for m in re.finditer(r"[。！？]”?", paragraph) if m.end() <= room]
        if ends and ends[-1] >= 20:
            out.append(paragraph[:ends[-1]])
        break
    return out or [paragraphs[0]]


def page(seed: int, template: str | None = None, articles: int | None = None,
         fill: float | None = None) -> dict:
    """A page manifest (as a dict) of real news made up by the make-up alone."""
    rng = random.Random(seed)
    texts = corpus()
    name = template or rng.choice(sorted(TEMPLATES))
    per_line, columns, lines = TEMPLATES[name]
    count = articles or (rng.randint(4, 6) if columns > 6 else rng.randint(2, 6))
    # the lead the longest of them (an editor's lead is the story with the most to say)
    chosen = sorted(rng.sample(range(len(texts)), count),
                    key=lambda i: -sum(map(len, texts[i][1])))
    pictures = rng.choice((0, 1, 1, 2))
    # what the page's text area holds, less a headline band an article and the pictures
    room = per_line * columns * lines
    share = fill if fill is not None else rng.uniform(0.66, 0.86)
    total = int(room * share) - count * 3 * per_line * 3 - pictures * room // 10
    weights = sorted((rng.uniform(0.6, 1.6) for _ in range(count)), reverse=True)
    weights[0] *= 1.4  # the lead is the longest
    out_articles = []
    for n, index in enumerate(chosen):
        title, paragraphs = texts[index]
        body = _cut(paragraphs, max(150, int(total * weights[n] / sum(weights))))
        article: dict = {"headline": title, "body": body}
        out_articles.append(article)
    for p in range(pictures):
        n = 0 if p == 0 else rng.randrange(count)
        first = out_articles[n]["body"][0]
        caption = re.split(r"[，。！？]", first)[0][:30]
        images = out_articles[n].setdefault("images", [])
        images.append({"aspect": rng.choice(ASPECTS), "caption": f"图为{caption}。"})
    return {"manifest": 1, "paper": "测试报", "date": "2024-05-01", "page": 2,
            "template": name, "articles": out_articles}


def write(seed: int, folder: Path, **options) -> Path:
    """The page of `seed` written as folder/news-SEED.yaml."""
    path = folder / f"news-{seed:03d}.yaml"
    path.write_text(yaml.safe_dump(page(seed, **options), allow_unicode=True,
                                   sort_keys=False, width=1000), encoding="utf-8")
    return path
