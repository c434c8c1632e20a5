#!/usr/bin/env python3
"""Build words/words.dat, the word segmenter's data (layout/text/segmenter.py), from
jieba's dictionary and jieba-rs's hidden Markov model.

Users never run this: its output is committed. It exists so that anyone can rebuild the
file byte for byte and see exactly what is in it.

The sources (both MIT; words/SOURCES.md has their digests, LICENSE-jieba.txt their terms):

* `dict.txt` of jieba 0.42.1 (PyPI sdist, jieba/dict.txt): 349,046 lines `word frequency
  tag` (the tag, a part of speech, is what the display text's breaker reads:
  layout/text/phrases.py). It is the dictionary jieba-rs embeds (sorted there); one word, B超, has two lines
  of the same frequency, counted once, as jieba-rs's loader does.
* `hmm.model` of jieba-rs (jieba-macros/src/hmm.model): the start, transition and emission
  log probabilities of the four states (B, E, M, S) of a character in a word, rounded as
  jieba-rs rounds them (not jieba's own, longer, numbers).

The file (all numbers in text but the index, little-endian uint32):

    layout-words 2 TOTAL KEYS WORDS_BYTES EMIT_BYTES\n
    the four start log probabilities\n
    four lines of four transition log probabilities (from B, E, M, S to each)\n
    KEYS code points, ascending          (the first characters of the words)
    KEYS + 1 offsets into the words      (where each first character's words begin)
    the words: \n then `word frequency tag\n` a word (tag: jieba's part of speech, n, v,
               p, uj …), sorted by the bytes of `word ` (so the words of one first
               character are together, and a word comes before every longer word it
               begins)
    the emissions: \n then `c B E M S\n` a character, sorted, an absent number empty

Usage:
    python3 words/build_words.py DICT.txt HMM.model
"""
from __future__ import annotations

import argparse
import hashlib
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read_dictionary(path: Path) -> dict[str, tuple[int, str]]:
    """Each word's frequency and part-of-speech tag (a word given twice: its last
    line's)."""
    words: dict[str, tuple[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            words[parts[0]] = (int(parts[1]) if len(parts) > 1 else 0,
                               parts[2] if len(parts) > 2 else "x")
    return words


def read_model(path: Path) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """The start line, the four transition lines and each state's emissions, the numbers
    kept as written."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    start = lines[0].split()
    trans = [" ".join(lines[1 + i].split()) for i in range(4)]
    emits = []
    for i in range(4):
        found: dict[str, str] = {}
        for pair in lines[5 + i].split(","):
            char, number = pair.rsplit(":", 1)
            float(number)  # (a number)
            found[char] = number
        emits.append(found)
    return start, trans, emits


def build(dictionary: Path, model: Path) -> bytes:
    words = read_dictionary(dictionary)
    start, trans, emits = read_model(model)
    entries = sorted((w.encode("utf-8") + b" ", f, tag) for w, (f, tag) in words.items())
    keys: list[int] = []
    offsets: list[int] = []
    body = bytearray(b"\n")
    for head, freq, tag in entries:
        first = ord(head.decode("utf-8")[0])
        if not keys or keys[-1] != first:
            keys.append(first)
            offsets.append(len(body))
        body += head + str(freq).encode("ascii") + b" " + tag.encode("ascii") + b"\n"
    offsets.append(len(body))
    assert keys == sorted(set(keys)), "the words of a first character are together"
    chars = sorted(set().union(*emits), key=lambda c: c.encode("utf-8"))
    emit = bytearray(b"\n")
    for char in chars:
        emit += " ".join([char] + [e.get(char, "") for e in emits]).encode("utf-8") + b"\n"
    total = sum(f for f, _ in words.values())
    head = (f"layout-words 2 {total} {len(keys)} {len(body)} {len(emit)}\n"
            + " ".join(start) + "\n" + "".join(t + "\n" for t in trans)).encode("ascii")
    return (head + struct.pack(f"<{len(keys)}I", *keys)
            + struct.pack(f"<{len(offsets)}I", *offsets) + bytes(body) + bytes(emit))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dictionary", type=Path, help="jieba's dict.txt")
    parser.add_argument("model", type=Path, help="jieba-rs's hmm.model")
    args = parser.parse_args()
    data = build(args.dictionary, args.model)
    (HERE / "words.dat").write_bytes(data)
    for path in (args.dictionary, args.model, HERE / "words.dat"):
        print(f"{path.name}: sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}")


if __name__ == "__main__":
    main()
