"""One-paragraph edits of a page (issue 21, point 5), shared by bench/stability.py,
bench/holding.py and tests/test_stability.py: `edit(page, rng)` a paragraph more or less
of one article at random, `changed` a given one, `with_chars` an article's text so many
characters longer or shorter; `sample_page` a manifest of issues/ as the page edited,
`written` a page written as a manifest."""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

SAMPLES = Path(__file__).resolve().parent.parent / "issues"
PARAGRAPH = 150  # characters of the longest paragraph an edit adds or takes off whole


def sample_page(name: str) -> dict:
    """A sample manifest of issues/ (`name`, without .yaml) as a page to edit."""
    path = SAMPLES / f"{name}.yaml"
    # (read as text: YAML 1.1 would make `aspect: 4:3` the sexagesimal number 243)
    page = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    page.update(manifest=1, page=int(page["page"]), issue=int(page["issue"]))
    return page


def written(page: dict, path: Path) -> Path:
    """`page` written to `path` as a manifest."""
    path.write_text(yaml.safe_dump(page, allow_unicode=True), "utf-8")
    return path


def sentences(text: str) -> list[str]:
    """The text's sentences, each with its end (。！？ and a closing quote)."""
    return [s for s in re.findall(r".*?[。！？]”?|.+$", text) if s]


def paragraph(text: str, last: bool = False) -> str:
    """`text` itself when a paragraph's length, else its first (`last`: its last) sentences
    up to PARAGRAPH characters (one at the least)."""
    if len(text) <= PARAGRAPH:
        return text
    parts = sentences(text)
    parts = parts[::-1] if last else parts
    out = [parts[0][-PARAGRAPH:] if last else parts[0][:PARAGRAPH]]
    for s in parts[1:]:
        if sum(map(len, out)) + len(s) > PARAGRAPH:
            break
        out.append(s)
    return "".join(out[::-1] if last else out)


@dataclass(frozen=True)
class Edit:
    index: int  # the article edited (0-based)
    what: str  # "a paragraph more (N 字)" or "a paragraph less (N 字)"
    chars: int  # N: the characters added or taken off


def edit(page: dict, rng) -> tuple[dict, Edit]:
    """`page` (a manifest as a dict) with a paragraph more or less of one article, at
    random (`rng`: the draws bench/stability.py has always made)."""
    n = rng.randrange(len(page["articles"]))
    body = page["articles"][n]["body"]
    texts = [i for i, b in enumerate(body) if isinstance(b, str)]
    last = body[texts[-1]]
    if rng.random() < 0.5 and (len(texts) > 1 or len(last) > PARAGRAPH):
        return changed(page, n)
    return changed(page, n, rng.choice(texts))


def changed(page: dict, n: int, source: int | None = None) -> tuple[dict, Edit]:
    """`page` with a paragraph less of article n (its last, or its last sentences), or
    (`source`: a paragraph of its body, by its place) a paragraph more: that one, or its
    first sentences, after the last."""
    edited = copy.deepcopy(page)
    body = edited["articles"][n]["body"]
    texts = [i for i, b in enumerate(body) if isinstance(b, str)]
    last = body[texts[-1]]
    if source is None:
        cut = paragraph(last, last=True)
        if cut == last:
            body.pop(texts[-1])
        else:
            body[texts[-1]] = last[:len(last) - len(cut)]
        what, chars = f"a paragraph less ({len(cut)} 字)", len(cut)
    else:
        more = paragraph(body[source])
        body.append(more)
        what, chars = f"a paragraph more ({len(more)} 字)", len(more)
    return edited, Edit(n, what, chars)


def with_chars(page: dict, n: int, delta: int, least: int = 20) -> dict | None:
    """`page` with article n's text `delta` characters longer (its own text again from its
    start, a paragraph after its last text paragraph) or -delta shorter (taken off the
    end of its text paragraphs, the last first); a cut paragraph ends with 。 (one of its
    own characters made one). None when it has no more to take off (its first
    paragraph keeps `least` characters)."""
    edited = copy.deepcopy(page)
    body = edited["articles"][n]["body"]
    texts = [i for i, b in enumerate(body) if isinstance(b, str)]
    if delta >= 0:
        own = "".join(body[i] for i in texts)
        more = (own * (delta // max(1, len(own)) + 1))[:delta]
        if more:
            body.insert(texts[-1] + 1, more[:-1] + "。")
        return edited
    left = -delta
    for i in reversed(texts):
        keep = max(least if i == texts[0] else 0, len(body[i]) - left)
        left -= len(body[i]) - keep
        if keep:
            body[i] = body[i][:keep - 1] + "。"
        else:
            body.pop(i)
        if not left:
            return edited
    return None
