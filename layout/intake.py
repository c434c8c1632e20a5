"""A reporter's file (.docx, .txt, .md) or text pasted from a web page → an article of a
manifest (`layout intake`).

`paragraphs()` parts pasted text where its paragraphs end: a line break, a typed `\\n` (web
pages leave it), or an indent a web page wrote as two ideographic or no-break spaces (or
two spaces after a sentence). `read_docx` reads a Word file with python-docx: each
paragraph's text, style, whether it is all bold, and the pictures in it. `story()` then
tells the parts apart, by style where the reporter used one, else by position and marks:

* the title: a Title or Heading 1 paragraph (Markdown `# `), else the first line;
* 引题: short lines above the title; 副题: a line under it opening with —— (or styled
  Subtitle); the byline: 本报记者…, 记者…, 通讯员…, 文/…; 编者按: a paragraph opening so;
* subheads: a Heading 2–9 paragraph (Markdown `## `, `**…**`), or a short all-bold one
  that does not end a sentence; a signature: （…） alone at the end;
* pictures: saved beside the manifest and set where they stand in the text, a column wide;
  the caption: the paragraph under (or over) the picture that reads as one (图为…,
  （…摄）).

Every decision made on position alone is a `#` comment in the manifest. The text is
normalized as a manifest's is (text/normalize.py), so the manifest holds what will print.
"""
from __future__ import annotations

import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LayoutError
from .importer import BYLINE, SENTENCE_END, SIGNATURE, captioned, read_source, scalar
from .text.credits import CREDITED
from .text.normalize import normalize

# where pasted text starts a new paragraph: a line break (a typed \n too), or an indent of
# two ideographic or no-break spaces, or two spaces after a sentence's end
_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x85]|(?<![A-Za-z0-9:\\])\\n"
                    r"|[ \t]*[\u3000\xa0]{2,}[ \t\u3000\xa0]*"
                    r"|(?<=[。！？”」；])[ \t\xa0]{2,}")
SHORT_HEAD = 40  # characters: a longer line is not a title, kicker or byline
SHORT_SUBHEAD = 24  # characters: a longer bold paragraph is a bold paragraph
NOTE_LABEL = re.compile(r"^【?(编者按|编者的话|编后)】?[:：\s　]*")
PICTURE_LINES = (4, 40)  # a column-wide picture's height in grid lines, at least and most


def paragraphs(text: str) -> list[str]:
    """Pasted text's paragraphs, each stripped, blank ones left out; every other character
    kept as it was."""
    return [part for part, _ in paragraphs_with_lines(text)]


def paragraphs_with_lines(text: str) -> list[tuple[str, int]]:
    """`paragraphs()`, each with the 1-based line of the text it starts on."""
    out: list[tuple[str, int]] = []
    at = 0
    for match in [*_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        part = text[at:end]
        if part.strip():
            start = at + len(part) - len(part.lstrip())
            out.append((part.strip(), text.count("\n", 0, start) + 1))
        if match:
            at = match.end()
    return out


@dataclass
class Para:
    """A paragraph of a reporter's file as read."""

    text: str
    style: str = ""  # the style's name, lower case (docx), or heading/subhead (Markdown)
    bold: bool = False  # every run of it bold
    pictures: list[tuple[bytes, str]] = field(default_factory=list)  # (bytes, extension)


def read_docx(path: Path) -> list[Para]:
    """A .docx file's body paragraphs (python-docx), with the pictures their runs hold (a
    table's cells are not read: a story's text stands in paragraphs)."""
    try:
        import docx  # noqa: PLC0415 (only a .docx needs it)
        document = docx.Document(str(path))
    except ImportError:  # pragma: no cover - a broken install
        raise LayoutError("python-docx is not installed", path,
                          hint="pip install python-docx (a dependency of layout)") from None
    except Exception as err:  # python-docx raises zipfile, KeyError, lxml errors
        raise LayoutError(f"not a Word .docx file that can be read ({type(err).__name__})",
                          path, hint="save it again from Word as .docx") from None
    out = []
    for p in document.paragraphs:
        runs = [r for r in p.runs if r.text.strip()]
        style_bold = bool(p.style is not None and p.style.font.bold)
        bold = bool(runs) and all(r.bold or (r.bold is None and style_bold) for r in runs)
        pictures = []
        for rid in p._p.xpath(".//a:blip/@r:embed"):
            part = document.part.related_parts.get(rid)
            if part is not None:
                pictures.append((part.blob, part.partname.ext.lower()))
        out.append(Para(p.text, (p.style.name if p.style is not None else "").lower(),
                        bold, pictures))
    return out


def read_plain(path: Path) -> list[Para]:
    """A .txt or .md file's paragraphs (Markdown: `#` headings, `**bold**` lines)."""
    text = read_source(path).lstrip("\ufeff")
    markdown = path.suffix.lower() in (".md", ".markdown")
    out = []
    for part in paragraphs(text):
        style, bold = "", False
        if markdown:
            heading = re.match(r"^(#{1,6})\s+(.*)$", part)
            strong = re.fullmatch(r"\*\*(.+)\*\*", part)
            if heading:
                style = "title" if len(heading.group(1)) == 1 else "heading 2"
                part = heading.group(2)
            elif strong:
                part, bold = strong.group(1), True
        out.append(Para(part, style, bold))
    return out


@dataclass
class Story:
    """What `story()` made of a file: the article's parts, in the manifest's terms."""

    kicker: str | None = None
    main: str = ""
    subtitle: str | None = None
    byline: str | None = None
    note: str | None = None
    # body blocks: ("paragraph" | "subhead" | "signature", text) or ("picture", caption,
    # (bytes, extension)); each with the comments to write above it
    blocks: list[tuple] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # comments above the article
    unsure: list[str] = field(default_factory=list)


def _ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def _heading(p: Para) -> bool:
    return p.style.startswith("heading") and p.style not in ("heading 1",)


def _is_byline(text: str) -> bool:
    return len(text) <= SHORT_HEAD and bool(BYLINE.match(text) or re.match(CREDITED, text))


def story(paras: list[Para]) -> Story:
    """Tell a file's parts apart (see the module's doc)."""
    s = Story()
    paras = [p for p in paras if p.text.strip() or p.pictures]
    for p in paras:
        p.text = p.text.strip()
    if not paras:
        raise LayoutError("the file holds no text", hint="give the reporter's story")
    rest = _story_head(paras, s)
    taken: set[int] = set()
    for i, p in enumerate(rest):
        if i in taken:
            continue
        if p.pictures:
            _story_pictures(rest, i, taken, s)
            continue
        text = p.text
        if _heading(p) or (p.bold and len(text) <= SHORT_SUBHEAD and not _ends_sentence(text)):
            notes = [] if _heading(p) else ["a short bold paragraph taken as a subhead"]
            s.blocks.append(("subhead", text, notes))
        elif i == len(rest) - 1 and SIGNATURE.match(text):
            s.blocks.append(("signature", text, []))
        else:
            notes = ["reads as a caption, but no picture stands by it"] if captioned(
                text) else []
            s.blocks.append(("paragraph", text, notes))
    s.unsure = s.notes + [n for b in s.blocks for n in b[-1]]
    return s


def _story_title(paras: list[Para], s: Story) -> int:
    """The title's index in `paras` (its kicker above it taken), or -1: the body starts at
    the first paragraph."""
    styled = [i for i, p in enumerate(paras) if p.style in ("title", "heading 1")]
    if styled:
        at = styled[0]
        kicker = [p for p in paras[:at] if p.text and not p.pictures]
        if kicker and all(len(p.text) <= SHORT_HEAD for p in kicker):
            s.kicker = "\n".join(p.text for p in kicker)
            if not any("引题" in p.style or "kicker" in p.style for p in kicker):
                s.notes.append("the line(s) above the title taken as its 引题 (kicker)")
        elif kicker:  # a paragraph above the title: the body starts there
            at = -1
    else:
        at = 0
        if len(paras[0].text) > SHORT_HEAD or _ends_sentence(paras[0].text) or \
                paras[0].pictures:
            raise LayoutError("the story has no title: its first paragraph is body text",
                              hint="put the title on the first line (or style it Title)")
        s.notes.append("the first line taken as the title (no Title style)")
    return at


def _story_head(paras: list[Para], s: Story) -> list[Para]:
    """The head's parts into `s` (kicker, title, subtitle, byline, 编者按); the paragraphs
    after them returned."""
    at = _story_title(paras, s)
    if at >= 0:
        s.main = paras[at].text
    rest = paras[at + 1:] if at >= 0 else paras
    if rest and (rest[0].text.startswith(("——", "--")) or rest[0].style in (
            "subtitle", "副题")) and len(rest[0].text) <= SHORT_HEAD * 2 and not rest[0].pictures:
        s.subtitle = rest.pop(0).text
    while rest and not rest[0].pictures and (
            _is_byline(rest[0].text) or NOTE_LABEL.match(rest[0].text)):
        head = rest.pop(0).text
        if NOTE_LABEL.match(head):
            s.note = NOTE_LABEL.sub("", head) or head
        elif s.byline is None:
            s.byline = head
        else:
            s.byline += " " + head
    return rest


def _story_pictures(rest: list[Para], i: int, taken: set[int], s: Story) -> None:
    """The pictures of paragraph i into `s`, with the caption beside them (after, else
    before) marked `taken`, and the paragraph's own text."""
    p = rest[i]
    caption = None
    for j in (i + 1, i - 1):
        if 0 <= j < len(rest) and j not in taken and captioned(rest[j].text) and \
                not rest[j].pictures:
            if j == i - 1 and s.blocks and s.blocks[-1][0] == "paragraph":
                s.blocks.pop()  # (the caption over it: written with the picture)
            caption = rest[j].text
            taken.add(j)
            break
    if p.text:  # text beside the picture in its paragraph
        s.blocks.append(("paragraph", p.text, []))
    for n, picture in enumerate(p.pictures):
        notes = [] if caption else ["a picture without a caption (图为…)"]
        s.blocks.append(("picture", caption if n == len(p.pictures) - 1 else None,
                         picture, notes))


def _picture_lines(data: bytes, template: str, folder: Path) -> int:
    """A column-wide picture's height in grid lines, from its proportions."""
    from PIL import Image  # noqa: PLC0415

    from .templates import load_template  # noqa: PLC0415
    t = load_template(template, folder)  # (a house template beside the manifest too)
    try:
        with Image.open(io.BytesIO(data)) as image:
            aspect = image.width / image.height
    except Exception:  # noqa: BLE001 (a picture Pillow cannot read: the render says so)
        aspect = 4 / 3
    lines = round(t.column_width / aspect / t.pitch)
    return max(PICTURE_LINES[0], min(PICTURE_LINES[1], lines))


def article_lines(s: Story, pictures: list[str], lines_of: list[int]) -> list[str]:
    """The article as a list item's lines (without the list's indent), its text
    normalized; `pictures`: the file names the pictures were saved as, in order."""
    def head(value: str) -> str:
        return scalar(normalize(value, body=False)[0])

    out = [f"# {note}" for note in s.notes]
    out.append("headline:")
    if s.kicker:
        out.append(f"  kicker: {head(s.kicker)}")
    out.append(f"  main: {head(s.main)}")
    if s.subtitle:
        out.append(f"  subtitle: {head(s.subtitle)}")
    if s.byline:
        out.append(f"byline: {head(s.byline)}")
    if s.note:
        out.append(f"note: {scalar(normalize(s.note)[0])}")
    out.append("body:")
    n = 0
    for block in s.blocks:
        out += [f"  # {note}" for note in block[-1]]
        if block[0] == "picture":
            caption = f", caption: {head(block[1])}" if block[1] else ""
            out.append(f"  - {{picture: {lines_of[n]}, file: {scalar(pictures[n])}{caption}}}")
            n += 1
            continue
        text, changes = normalize(block[1], body=block[0] == "paragraph")
        guesses = sorted({change.reason for change in changes if change.warning})
        out += [f"  # {reason}: check them" for reason in guesses]  # (quotes, lost characters)
        for part in text.split("\n") if block[0] == "paragraph" else [text]:
            if part.strip():
                out.append(f"  - {scalar(part.strip())}" if block[0] == "paragraph"
                           else f"  - {block[0]}: {scalar(part)}")
    return out


def as_item(lines: list[str], indent: str) -> str:
    """An article's lines as an item of the `articles:` list at `indent`."""
    out, first = [], True
    for line in lines:
        if line.startswith("#"):
            out.append(indent + "  " + line)
            continue
        out.append(indent + ("- " if first else "  ") + line)
        first = False
    return "".join(line + "\n" for line in out)


def read_story(source: Path) -> list[Para]:
    suffix = source.suffix.lower()
    if suffix == ".docx":
        if not source.is_file():
            raise LayoutError("not a regular file", source, hint="give the story's .docx")
        return read_docx(source)
    if suffix in (".txt", ".md", ".markdown", ".text"):
        return read_plain(source)
    raise LayoutError(f"a {suffix or 'file without an extension'} is not a story layout "
                      "reads", source, hint="give a .docx, .txt or .md file")


def _append_at(manifest: str, path: Path) -> tuple[int, str]:
    """Where an article goes at the end of a manifest's `articles:` list (a character
    offset) and the list's item indent."""
    lines = manifest.splitlines(keepends=True)
    empty = next((i for i, line in enumerate(lines)
                  if re.match(r"^articles:\s*\[\s*\]\s*(#.*)?$", line)), None)
    if empty is not None:  # `articles: []`: a manifest begun empty; its first article
        return sum(len(line) for line in lines[:empty + 1]), "  "
    start = next((i for i, line in enumerate(lines) if re.match(r"^articles:\s*(#.*)?$",
                                                                  line)), None)
    if start is None:
        raise LayoutError("the manifest has no block `articles:` list to add to", path,
                          hint="write `articles:` with its items one per line (- …)")
    indent = None
    last = start  # the last line of the list's content (a comment at the margin after it
    for i in range(start + 1, len(lines)):  # belongs to what follows)
        line = lines[i]
        if not line.strip():
            continue
        if not line[0].isspace() and not line.startswith(("-", "#")):
            break  # the next top-level key
        if indent is None:
            found = re.match(r"^(\s*)- ", line)
            if found:
                indent = found.group(1)
        if not line.startswith("#"):
            last = i
    if indent is None:
        raise LayoutError("the manifest's `articles:` list is not written one item a line",
                          path, start + 1, hint="write each article as `- headline: …`")
    offset = sum(len(line) for line in lines[:last + 1])
    return offset, indent


def _template_named(path: Path) -> str:
    """The template a manifest names (read as YAML: it may have no article yet)."""
    from .source import read_yaml  # noqa: PLC0415

    root = read_yaml(path)
    node = root.value.get("template") if isinstance(root.value, dict) else None
    if node is None or not isinstance(node.value, str):
        raise LayoutError("the manifest names no template", path,
                          hint="write `template: news-tabloid` (or your own) at its top")
    return node.value


def intake(source: Path, output: Path | None = None, append: Path | None = None,
           force: bool = False, template: str = "news-tabloid") -> tuple[Path, list[Path],
                                                                        list[str]]:
    """Make the manifest (or add the article to `append`); return the manifest written, the
    pictures saved and the decisions to check. Nothing is written when anything fails;
    an existing file is replaced only with `force` (the appended manifest excepted, whose
    bytes are kept but for the article added)."""
    s = story(read_story(source))
    target = append or output or source.with_suffix(".yaml")
    if append is None and target.exists() and not force:
        raise LayoutError("exists already", target,
                          hint="give another -o, --force to replace it, or --append it "
                               "to a manifest")
    if append is not None and not append.is_file():
        raise LayoutError("no such manifest to add to", append,
                          hint="give an existing manifest, or -o to make a new one")
    folder = target.parent
    blobs = [b[2] for b in s.blocks if b[0] == "picture"]
    pictures = [f"{source.stem}-{n + 1}.{ext or 'png'}" for n, (_, ext) in enumerate(blobs)]
    for name in pictures:
        if (folder / name).exists() and not force:
            raise LayoutError(f"picture {name} exists already", folder / name,
                              hint="--force replaces it, or move it away")
    if append is not None:
        existing = append.read_bytes().decode("utf-8")
        offset, indent = _append_at(existing, append)
        head = existing[:offset]
        if head and not head.endswith("\n"):
            head += "\n"
        begun = re.search(r"^articles:\s*\[\s*\]", head, re.M)
        if begun:  # (`articles: []` becomes the list the article opens)
            head = head[:begun.start()] + "articles:" + head[begun.end():]
        chosen = _template_named(append)
        lines_of = [_picture_lines(data, chosen, folder) for data, _ in blobs]
        text = head + as_item(article_lines(s, pictures, lines_of), indent) + existing[offset:]
    else:
        lines_of = [_picture_lines(data, template, folder) for data, _ in blobs]
        text = (f"# made by layout intake from {source.name}: paper, date and page are "
                "stand-ins; check the lines marked #\n"
                f"manifest: 1\npaper: 报纸\ndate: 2000-01-01\npage: 1\ntemplate: {template}\n"
                "articles:\n" + as_item(article_lines(s, pictures, lines_of), "  "))
    _write_checked(text, target, source, pictures, [data for data, _ in blobs])
    return target, [folder / name for name in pictures], s.unsure


def _write_checked(text: str, target: Path, source: Path, pictures: list[str],
                   data: list[bytes]) -> None:
    """Write the pictures and the manifest `text` at `target`, the manifest checked before
    it is written, beside where it goes (its pictures and the manifest's others are found
    from there): a draft that does not load is not kept, nor the pictures it added."""
    from .manifest import load_issue  # noqa: PLC0415
    from .output import write_atomically  # noqa: PLC0415

    folder = target.parent
    existed = {name for name in pictures if (folder / name).exists()}
    for name, blob in zip(pictures, data):
        write_atomically(folder / name, blob)
    fd, scratch = tempfile.mkstemp(prefix=".layout-intake-", suffix=".yaml", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(text.encode("utf-8"))
        load_issue(Path(scratch))
    except LayoutError as err:
        for name in set(pictures) - existed:
            (folder / name).unlink(missing_ok=True)
        detail = str(err).replace(scratch, str(target))
        raise LayoutError(f"the manifest made from {source.name} does not load: {detail}",
                          target, hint="nothing was written; report it with the file")
    finally:
        os.unlink(scratch)
    write_atomically(target, text.encode("utf-8"))
