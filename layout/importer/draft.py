"""The importer's writing of the draft manifest: YAML scalars that read back as written,
a headline group's parts from its run of lines, and every article with its comments."""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, NamedTuple

from ..yamlload import yaml

from .pieces import char_count

if TYPE_CHECKING:
    from .reader import Imported


# characters a YAML file may not hold as they are (C0 and C1 controls, surrogates, U+FFFE,
# U+FFFF), and those it reads as line breaks (NEL, U+2028, U+2029) or a byte order mark
_UNWRITABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                         "\U00010000-\U0010ffff]|[\u2028\u2029]")


def _escaped(text: str) -> str:
    """`text` with every character YAML cannot hold as it is written as an escape (\\uXXXX),
    which a double-quoted scalar reads back as the character and a comment shows."""
    return _UNWRITABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def scalar(text: str) -> str:
    """A YAML scalar for text: plain where that reads back the same, else quoted (with
    escapes for what YAML cannot hold: issue 25, case 24)."""
    if "\n" not in text and text == text.strip() and text[:1] not in "\"'&*!|>%@`#-?:,[]{}" \
            and not _UNWRITABLE.search(text):
        try:
            if yaml.safe_load(text) == text and ": " not in text and " #" not in text:
                return text
        except yaml.YAMLError:
            pass
    return _escaped(json.dumps(text, ensure_ascii=False))


class HeadlineParts(NamedTuple):
    """A headline group's parts, (manifest key, text) each, and what is unsure of them."""

    parts: list[tuple[str, str]]
    doubts: list[str]


def headline_parts(run: list[str]) -> HeadlineParts:
    """The headline group's parts from its run of short lines, and what is unsure."""
    subtitle = None
    parts = list(run)
    unsure = []
    if len(parts) > 1 and parts[-1].startswith(("——", "—")):
        subtitle = parts.pop()
    if len(parts) == 1:
        out = [("main", parts[0])]
    elif len(parts) == 2 and subtitle is None and parts[1].startswith("记"):
        out = [("main", parts[0]), ("subtitle", parts[1])]
    elif len(parts) == 2 and subtitle is None and \
            char_count(parts[1]) > char_count(parts[0]) + 3:
        out = [("main", parts[0]), ("subtitle", parts[1])]
        unsure.append("a main title over a longer subtitle (no —— to say so)")
    else:
        out = [("kicker", "\n".join(parts[:-1])), ("main", parts[-1])]
        if subtitle is None and len(parts) == 2:
            unsure.append("a kicker over the main title (the longer or the later line)")
    if subtitle is not None:
        out.append(("subtitle", subtitle))
    return HeadlineParts(out, unsure)


# the manifest key of a block's second part, by the block's kind
SECOND_KEYS = {"subhead": "second", "comment": "attribution"}


def manifest_yaml(imported: Imported) -> str:
    d = imported
    out = list(d.header)
    stand_in = [k for k, v in (("paper", d.paper), ("date", d.date), ("page", d.page))
                if v is None]
    if stand_in:
        out.append(f"# {', '.join(stand_in)}: not in the text; stand-ins (give --paper, "
                   "--date, --page)")
    out += ["manifest: 1", f"paper: {scalar(d.paper or '报纸')}",
            f"date: {d.date or '2000-01-01'}", f"page: {d.page or 1}",
            f"template: {scalar(d.template)}"]
    if d.banner:
        out.append(f"banner: {scalar(d.banner)}")
    out.append("articles:")
    for a in d.articles:
        lines: list[str] = []
        for note in a.notes:
            lines.append(f"# {note}")
        if a.section:
            lines.append(f"section: {scalar(a.section)}")
        if a.head:
            parts, doubts = headline_parts(a.head)
            for doubt in doubts:
                lines.append(f"# {doubt}")
            lines.append("headline:")
            lines += [f"  {key}: {scalar(value)}" for key, value in parts]
        if a.byline:
            lines.append(f"byline: {scalar(a.byline)}")
        if a.note is not None:
            lines.append(f"note: {{label: {scalar(a.note_label)}, text: {scalar(a.note)}}}")
        if a.captions or a.pictures:
            lines.append("images:")
            for caption in a.captions:
                lines.append(f"  - {{aspect: 4:3, caption: {scalar(caption)}}}")
            for _ in range(a.pictures):
                lines.append("  # a placeholder the importer added: the text leaves room "
                             "for a photo")
                lines.append("  - {aspect: 4:3}")
        lines.append("body:")
        for block in a.blocks:
            lines += [f"  # {note}" for note in block.notes]
            if block.kind == "paragraph":
                lines.append(f"  - {scalar(block.text)}")
                continue
            lines.append(f"  - {block.kind}: {scalar(block.text)}")
            second = SECOND_KEYS.get(block.kind)
            if second and block.second:  # a subhead's second line, a comment's attribution
                lines.append(f"    {second}: {scalar(block.second)}")
        if not a.blocks:
            lines.append("  []")
        first = True
        for line in lines:
            if line.startswith("#"):
                out.append("  " + line)
                continue
            out.append(("  - " if first else "    ") + line)
            first = False
    # comments quote the text too: what YAML cannot hold is written as its escape there
    return "\n".join(_escaped(line) if line.lstrip().startswith("#") else line
                     for line in out) + "\n"
