"""Make the raw page texts of this folder (run once; the tests read the files it wrote).

    python tests/data/import/make.py

Each page is real news (tests/data/news/inews.jsonl: title and text as published,
normalized as a manifest would be, its sentences grouped three to a paragraph, at most five
paragraphs) written out in a form archives take: hard-wrapped at a fixed width (a code in
capitals or a number cut where the line is full), or a paragraph a line; column breaks (a
paragraph cut mid-sentence, blank lines after the cut); a section label (栏目) over the
headline, a —— subtitle, a byline, a photo caption standing apart. NN.txt is the page, and
NN.json what it holds: the blocks the importer must find. The labels, bylines, subtitles and
captions are the page's furniture, written here; every paragraph is the news text's own."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWS = HERE.parent / "news" / "inews.jsonl"
SECTIONS = ["能源观察", "党建动态", "社会新闻", "经济视点", "法治纵横", "健康关注", "民生速递",
            "城市广角", "校园快讯", "文化天地", "科技前沿", "财经要闻"]
BYLINES = ["本报记者 王敏", "本报记者 李强 通讯员 陈燕", "通讯员 张华", None]
MARKS = "。，、；：？！”）》…—"


def width(c: str) -> float:
    return 0.5 if c.isascii() else 1.0


def wrap(text: str, columns: int, indent: bool) -> list[str]:
    """Fixed-width hard wrap as an extraction of narrow columns leaves it: a line takes
    characters while they fit (Latin half width), a mark that would start the next line
    hangs; a lower-case word is moved whole (a layout never split it), capitals and digits
    are cut where the line is full."""
    lines, first = [], True
    while text:
        room, take = columns - (2 if first and indent else 0), 0
        while take < len(text) and room >= width(text[take]):
            room -= width(text[take])
            take += 1
        while take < len(text) and text[take] in MARKS:
            take += 1
        while 0 < take < len(text) and text[take - 1].islower() and text[take].islower():
            take -= 1
        take = take or len(text)
        lines.append(text[:take])
        text, first = text[take:], False
    return lines


def sentences(text: str) -> list[str]:
    found = re.findall(r"[^。！？]*[。！？]+[”’」』）]*", text)
    return found if "".join(found) == text else found[:-1] if found else []


def main() -> None:
    from layout.intake import paragraphs
    from layout.text.normalize import normalize

    rows = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(22)
    made = 0
    for row in rows:
        if made == 12:
            break
        text = "".join(normalize(p)[0].replace("\n", "") for p in paragraphs(row["text"]))
        title = normalize(row["title"], body=False)[0]
        parts = sentences(text)
        if "?" in text or len(title) > 28 or len(parts) < 6 or re.search(r"[A-Za-z]\.", text):
            continue
        if re.search(r"[。！？]", title) and made % 3 == 2:
            continue  # (a title saying ！ is told by the section label over it)
        paras, current = [], ""
        for part in parts[:15]:  # three sentences a paragraph, never inside a quotation
            current += part
            if current.count("“") == current.count("”") and (
                    len(re.findall("[。！？]", current)) >= 3):
                paras.append(current)
                current = ""
        paras += [current] if current else []
        if len(paras) < 3:
            continue
        if any(len(p) < 40 for p in paras):
            continue
        clause = re.split(r"[，。！？：；“”]", parts[0])[0]
        if len(clause) < 4:
            continue
        n = made
        made += 1
        wrapped = n % 2 == 0
        section = SECTIONS[n] if n % 3 != 2 else None
        subtitle = f"——{clause[:14]}" if n % 4 == 1 else None
        byline = BYLINES[n % len(BYLINES)]
        caption = "图为活动现场。（本报记者 摄）" if n % 3 == 0 else None
        out: list[str] = []
        if section:
            out += [section, ""]
        out += [title, ""]
        if subtitle:
            out += [subtitle] + ([] if n % 8 == 1 else [""])  # (no blank line under it)
        if byline:
            out += [byline, ""]
        for k, para in enumerate(paras):
            lines = wrap(para, 13 if n % 4 else 11, True) if wrapped else [para]
            if wrapped:
                lines[0] = "\u3000\u3000" + lines[0] if n % 4 == 2 else lines[0]
            if k == 1:  # a column break cuts it mid-sentence, blank lines after the cut
                if wrapped and len(lines) > 3:
                    cut = rng.randint(1, len(lines) - 2)
                    lines[cut:cut] = ["", "", ""]
                elif not wrapped:
                    at = para.index("，") + 1 if "，" in para[:-2] else len(para) // 2
                    lines = [para[:at], "", "", para[at:]]
            out += lines + [""]
            if k == 1 and caption:
                out += ["", caption, ""]
        (HERE / f"{n:02}.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
        expected = {"source": row["id"], "section": section, "main": title,
                    "subtitle": subtitle, "byline": byline, "paragraphs": paras,
                    "captions": [caption] if caption else []}
        (HERE / f"{n:02}.json").write_text(json.dumps(expected, ensure_ascii=False,
                                                      indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
