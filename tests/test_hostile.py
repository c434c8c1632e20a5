"""Hostile and careless input: every case is exit 2 with file:line and what to do, in
bounded time and memory, nothing written."""
from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib

import pytest
from click.testing import CliRunner
from PIL import Image

from layout.cli import main
from layout.pictures import rgb

HEAD = "manifest: 1\npaper: 测试报\ndate: {date}\npage: 2\ntemplate: base\narticles:\n"
ARTICLE = ("  - headline: 标题\n    region: {{columns: 1-2, lines: 1-20}}\n{images}"
           "    body:\n      - {body}\n")


def manifest(tmp_path, name="m.yaml", date="2021-03-04", body="一段正文。", images="",
             raw: bytes | None = None):
    path = tmp_path / name
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text(HEAD.format(date=date) + ARTICLE.format(body=body, images=images),
                        encoding="utf-8")
    return path


def render(tmp_path, path, *more):
    out = tmp_path / "out.pdf"
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(out), *more])
    return result, out


def refused(tmp_path, path, *words, line=None):
    result, out = render(tmp_path, path)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    where = f"{path.name}:{line}" if line else path.name
    assert where in result.output, result.output
    for word in words:
        assert word in result.output, result.output
    assert not out.exists()
    return result


def test_values_yaml_cannot_make_are_errors_with_their_line(tmp_path):
    refused(tmp_path, manifest(tmp_path, date="2020-02-30"), "2020-02-30", line=3)
    refused(tmp_path, manifest(tmp_path, body="!!int abc"), "abc", line=10)
    refused(tmp_path, manifest(tmp_path, body="1" * 5000), line=10)
    path = manifest(tmp_path)
    text = path.read_text(encoding="utf-8").replace("page: 2", "page: 2\x00")
    refused(tmp_path, manifest(tmp_path, "nul.yaml", raw=text.encode()), "control characters",
            line=4)
    bell = path.read_text(encoding="utf-8").replace("一段", "一\x07段")
    refused(tmp_path, manifest(tmp_path, "bell.yaml", raw=bell.encode()), "control characters",
            line=10)


def test_an_alias_bomb_is_refused_quickly(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 10):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    lines.append("manifest: *a9")
    refused(tmp_path, manifest(tmp_path, raw="\n".join(lines).encode()), "aliases")


def test_special_files_and_folders_are_not_read(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for path in (fifo, tmp_path):
        result = subprocess.run([sys.executable, "-m", "layout.cli", "render", str(path), "-o",
                                 str(tmp_path / "o.pdf")], capture_output=True, text=True,
                                timeout=30)
        assert result.returncode == 2, result.stderr
        assert ("not a regular file" if path == fifo else "is a folder") in result.stderr
    result = CliRunner().invoke(main, ["text", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in result.output
    result = CliRunner().invoke(main, ["text", "/dev/zero"])
    assert result.exit_code == 2 and "not a regular file" in result.output


def png_header_only(path, width, height):
    """A PNG that claims width × height pixels (a decompression bomb's header)."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width,
                                                                       height, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def test_pictures_that_are_not_pictures_are_named_with_their_line(tmp_path):
    images = "    images:\n      - {{columns: 1-1, line: 1, lines: 4, file: {file}}}\n"
    png_header_only(tmp_path / "bomb.png", 30000, 30000)
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "drawing.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    good = tmp_path / "good.png"
    Image.new("RGB", (300, 200), "#123456").save(good)
    (tmp_path / "cut.png").write_bytes(good.read_bytes()[:120])
    for file, words in (("bomb.png", ("bomb.png", "pixels")), ("empty.png", ("empty.png",)),
                        ("drawing.svg", ("drawing.svg",)), ("cut.png", ("cut.png",))):
        path = manifest(tmp_path, images=images.format(file=file))
        refused(tmp_path, path, *words, line=10)
    loop = tmp_path / "loop.png"
    loop.symlink_to(loop)
    refused(tmp_path, manifest(tmp_path, images=images.format(file="loop.png")), line=10)
    nul = manifest(tmp_path, images=images.format(file='"a\\0b.png"'))
    refused(tmp_path, nul, line=10)


def test_sixteen_bit_grey_is_scaled_not_clipped_to_white():
    deep = Image.new("I;16", (2, 2), 40000)
    assert rgb(deep).getpixel((0, 0)) == (156, 156, 156)
    assert rgb(Image.new("L", (1, 1), 7)).getpixel((0, 0)) == (7, 7, 7)


def test_a_headline_wider_than_its_article_is_refused(tmp_path):
    path = manifest(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "  - headline: 标题", "  - headline: {main: 标题, columns: 2-5}")
    refused(tmp_path, manifest(tmp_path, raw=text.encode()), "print over", line=7)


def test_batch_lists_that_cannot_be_read_and_names_that_are_not_utf8(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert result.exit_code == 2 and "no such list" in result.output
    latin = tmp_path / "latin.txt"
    latin.write_bytes("m.yaml\n# caf\xe9\n".encode("latin-1"))
    result = CliRunner().invoke(main, ["batch", str(latin), "-o", str(out)])
    assert result.exit_code == 2 and "not UTF-8" in result.output
    tree = tmp_path / "tree"
    tree.mkdir()
    manifest(tree, name="good.yaml")
    odd = os.fsencode(tree) + b"/caf\xe9.yaml"
    with open(odd, "wb") as handle:
        handle.write(manifest(tmp_path, name="copy.yaml").read_bytes())
    result = subprocess.run([sys.executable, "-m", "layout.cli", "batch", str(tree), "-o",
                             str(out), "-j", "1"], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = (out / "report.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(json.loads(l)["status"] == "done" for l in lines)


@pytest.mark.parametrize("key, value, line", [
    ("body", "{face: song, size: 0.0001, line_gap: 0.5字}", 3),
    ("grid", "{columns: 1000000000, column_width: 0.001, gutter: 0}", 3),
    ("page", "{size: [10000000mm, 10000000mm], margins: {top: 1mm, bottom: 1mm, left: 1mm, "
             "right: 1mm}}", 3),
])
def test_sizes_beyond_what_a_press_prints_are_refused(tmp_path, key, value, line):
    template = tmp_path / "t.yaml"
    template.write_text(f"extends: base\nname: t\n{key}: {value}\n", encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(HEAD.format(date="2021-03-04").replace("template: base", "template: t.yaml")
                    + ARTICLE.format(body="正文。", images=""), encoding="utf-8")
    result, out = render(tmp_path, path)
    assert result.exit_code == 2 and f"t.yaml:{line}" in result.output, result.output
    assert "press" in result.output or "more than" in result.output
    assert not out.exists()


def test_an_unknown_face_is_named_at_the_template_line_that_asks_for_it(tmp_path):
    template = tmp_path / "t.yaml"
    template.write_text("extends: base\nname: t\nstyles:\n  headline: {face: nosuch, size: 初号}\n",
                        encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(HEAD.format(date="2021-03-04").replace("template: base", "template: t.yaml")
                    + ARTICLE.format(body="正文。", images=""), encoding="utf-8")
    result, out = render(tmp_path, path)
    assert result.exit_code == 2 and "t.yaml:4" in result.output and "nosuch" in result.output
    assert "fonts.yaml" not in result.output and not out.exists()


def test_templates_are_yaml_files_only_and_colours_say_how_to_write_them(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    link = tmp_path / "t.yaml"
    link.symlink_to(secret)
    for template in ("./secret.txt", "t.yaml"):
        path = tmp_path / "m.yaml"
        path.write_text(HEAD.format(date="2021-03-04").replace("template: base",
                                                               f"template: {template}")
                        + ARTICLE.format(body="正文。", images=""), encoding="utf-8")
        result, out = render(tmp_path, path)
        assert result.exit_code == 2 and "not a .yaml file" in result.output, result.output
        assert "hunter2" not in result.output and "password" not in result.output
    link.unlink()
    link.write_text("extends: base\nname: t\naccent: 0x1f4e9c\n", encoding="utf-8")
    result, out = render(tmp_path, path)
    assert result.exit_code == 2 and "t.yaml:3" in result.output and "#rrggbb" in result.output


def test_fifty_thousand_paragraphs_are_reported_over_in_seconds(tmp_path):
    body = "".join(f"      - 第{i}段正文，写在一行里，有一些字。\n" for i in range(50_000))
    path = tmp_path / "big.yaml"
    path.write_text(HEAD.format(date="2021-03-04") + "  - headline: 很长的文章\n    body:\n"
                    + body, encoding="utf-8")
    result, out = render(tmp_path, path)
    # (linear: a page's worth broken, the rest counted, 7 s on a quiet machine; work
    # quadratic in the paragraphs would take hours, and the suite would not end)
    assert result.exit_code == 3 and "does not fit" in result.output and not out.exists()


def test_a_headline_too_tall_for_its_region_is_named_as_the_headline(tmp_path):
    path = manifest(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "region: {columns: 1-2, lines: 1-20}", "region: {columns: 1-2, lines: 1-3}")
    result = refused(tmp_path, manifest(tmp_path, "tall.yaml", raw=text.encode()), line=7)
    assert "headline group" in result.output and "pictures" not in result.output.split("→")[0]
