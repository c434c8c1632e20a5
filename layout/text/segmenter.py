"""The word segmenter (text.words): jieba's cut of a text into words, from its dictionary
and hidden Markov model as jieba-rs has them (words/words.dat, built by
words/build_words.py), read where a text needs them instead of loaded whole.

jieba's cut: a text is parted into runs of CJK, ASCII letters, digits and `+#&._%-`, and
every other character (`\\r\\n` together) is a word of its own. In a run, every dictionary
word found at each character is an edge of a graph, and the cut is the path of the
greatest sum of log(frequency / total) (a character that starts no word: frequency 1;
ties go to the longer word). Characters the path leaves alone, one after another, are a
word when the dictionary has them together; else, where they are CJK, the most probable
states of a hidden Markov model (Begin, Middle, End of a word, or a Single character)
part them, and Latin letters and digits stay together.

The dictionary has 349,045 words (each with its frequency and part-of-speech tag, which
text.phrases reads: `word_tag`); a process that loaded it whole (rjieba, a Rust build of
the same cut, which this module replaced) spent 0.08-0.09 s and 0.44 G instructions on
each start for the few display texts a page breaks (2-5 headlines, 25-80 characters).
Here the file is mapped into memory on the first text that needs it, and a text's
words are found in its first characters' sections of the sorted words (a `find` each):
only the pages of the file those touch are read. The arithmetic is the same (the same logarithms, sums in the same order,
ties broken the same way), so the words are the same: tests/test_segmenter.py compares
them with rjieba's where it is installed.
"""
from __future__ import annotations

import math
import mmap
import re
import sys
from array import array
from bisect import bisect_left
from pathlib import Path

# The log probability of what the model never saw (jieba's).
NEVER = -3.14e100

# The states of a character in a word, numbered as the model numbers them, and the order
# the model's most probable path tries them in (ties: the greater number).
BEGIN, END, MIDDLE, SINGLE = 0, 1, 2, 3
TRIED = (BEGIN, MIDDLE, END, SINGLE)
# the states a state may follow
AFTER = {BEGIN: (END, SINGLE), END: (BEGIN, MIDDLE), MIDDLE: (MIDDLE, BEGIN),
         SINGLE: (SINGLE, END)}

# What stays together among the characters the model does not part: ASCII letters and
# digits, joined by single `.` `_` `-` between them (3.14, x_y, 2020-11-27), and a `%` after.
_LATIN = re.compile(r"[a-zA-Z0-9]+(?:[._-][a-zA-Z0-9]+)*%?")


HEADER = 1024  # bytes the file's six header lines fit in (355 as built)


def _numbers(data: bytes) -> array:
    """The file's little-endian uint32s."""
    numbers = array("I", data)
    if numbers.itemsize != 4:  # (4 on every platform CPython builds for today)
        raise RuntimeError("words.dat needs 32-bit unsigned integers (array 'I')")
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


def _cjk(code: int) -> bool:
    return (0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x2A6DF or 0x2A700 <= code <= 0x2EBEF
            or 0x2F800 <= code <= 0x2FA1F)


def in_run(char: str) -> bool:
    """A character of the runs the dictionary cuts: CJK, ASCII letters and digits,
    `+#&._%-`."""
    return _cjk(ord(char)) or (char.isascii() and (char.isalnum() or char in "+#&._%-"))


def _modelled(char: str) -> bool:
    """A character the hidden Markov model parts (U+4E00-U+9FD5)."""
    return "\u4e00" <= char <= "\u9fd5"


class Words:
    """words.dat read: the dictionary's words by their first character, their frequencies'
    total, and the model's probabilities."""

    def __init__(self, data: bytes | mmap.mmap):
        lines = data[:HEADER].split(b"\n", 6)[:6]
        if len(lines) < 6 or sum(len(line) + 1 for line in lines) > HEADER:
            raise RuntimeError("words.dat's header is not six lines within its first "
                               f"{HEADER} bytes: build it again (words/build_words.py)")
        _, _, total, keys, words_bytes, emit_bytes = lines[0].split()
        count = int(keys)
        self.log_total = math.log(float(int(total)))
        self.start = [float(x) for x in lines[1].split()]
        self.trans = [[float(x) for x in lines[2 + i].split()] for i in range(4)]
        at = sum(len(line) + 1 for line in lines)
        self.keys = _numbers(data[at:at + 4 * count])
        self.offsets = _numbers(data[at + 4 * count:at + 8 * count + 4])
        self.base = at + 8 * count + 4
        self.emit_at = self.base + int(words_bytes)
        self.emit_end = self.emit_at + int(emit_bytes)
        self.data = data
        self._emits: dict[str, list[float]] = {}

    def _section(self, char: str) -> tuple[int, int] | None:
        """Where the words beginning with `char` are (from its line's newline before)."""
        code = ord(char)
        i = bisect_left(self.keys, code)
        if i == len(self.keys) or self.keys[i] != code:
            return None
        return self.base + self.offsets[i] - 1, self.base + self.offsets[i + 1]

    def edges(self, text: str, at: int) -> list[tuple[int, int]]:
        """The dictionary's words that begin at `at` in `text`: (end, frequency) each."""
        section = self._section(text[at])
        if section is None:
            return []
        lo, hi = section
        data = self.data
        found = []
        for end in range(at + 1, len(text) + 1):
            head = b"\n" + text[at:end].encode("utf-8", "surrogatepass")
            lo = data.find(head, lo, hi)
            if lo < 0:  # no word begins so: none longer either
                break
            after = lo + len(head)
            if data[after] == 0x20:  # (a word's line is the first of those it begins)
                found.append((end, int(data[after + 1:data.find(b" ", after + 1)])))
        return found

    def has(self, word: str) -> bool:
        """The dictionary has `word`."""
        section = self._section(word[0])
        if section is None:
            return False
        head = b"\n" + word.encode("utf-8", "surrogatepass") + b" "
        return self.data.find(head, *section) >= 0

    def tag(self, word: str) -> str:
        """jieba's part of speech of `word` (n, v, p, uj …), "" where the dictionary has
        no such word."""
        section = self._section(word[0])
        if section is None:
            return ""
        head = b"\n" + word.encode("utf-8", "surrogatepass") + b" "
        at = self.data.find(head, *section)
        if at < 0:
            return ""
        line_end = self.data.find(b"\n", at + len(head))
        return self.data[self.data.find(b" ", at + len(head), line_end) + 1:line_end].decode(
            "ascii")

    def emit(self, char: str) -> list[float]:
        """The model's log probability of `char` in each state."""
        found = self._emits.get(char)
        if found is None:
            head = b"\n" + char.encode("utf-8", "surrogatepass") + b" "
            at = self.data.find(head, self.emit_at - 1, self.emit_end)
            if at < 0:
                found = [NEVER] * 4
            else:
                line = self.data[at + len(head):self.data.find(b"\n", at + len(head))]
                found = [float(x) if x else NEVER for x in line.split(b" ")]
            self._emits[char] = found
        return found

    # -- the cut ----------------------------------------------------------------------------

    def lengths(self, text: str) -> list[int]:
        """The lengths of the words of `text`, in order."""
        out: list[int] = []
        at = 0
        while at < len(text):
            end = at + 1
            run = in_run(text[at])
            while end < len(text) and in_run(text[end]) == run:
                end += 1
            if run:
                self._cut_run(text[at:end], out)
            else:
                i = at
                while i < end:  # each a word, but \r\n
                    pair = text[i] == "\r" and i + 1 < end and text[i + 1] == "\n"
                    out.append(2 if pair else 1)
                    i += 2 if pair else 1
            at = end
        return out

    def _route(self, run: str) -> list[int]:
        """Where the most probable path through `run`'s words goes on from each
        character."""
        n = len(run)
        best = [0.0] * (n + 1)
        ahead = [0] * (n + 1)
        for at in range(n - 1, -1, -1):
            edges = self.edges(run, at)
            if not edges:
                best[at], ahead[at] = 0.0 - self.log_total + best[at + 1], at + 1
                continue
            best[at], ahead[at] = max(
                (math.log(float(freq)) - self.log_total + best[end], end)
                for end, freq in edges)
        return ahead

    def _cut_run(self, run: str, out: list[int]) -> None:
        ahead = self._route(run)
        at, alone = 0, -1
        while at < len(run):
            end = ahead[at]
            if end - at == 1:
                if alone < 0:
                    alone = at
            else:
                if alone >= 0:
                    self._cut_alone(run[alone:at], out)
                    alone = -1
                out.append(end - at)
            at = end
        if alone >= 0:
            self._cut_alone(run[alone:], out)

    def _cut_alone(self, chars: str, out: list[int]) -> None:
        """Characters the path left alone, one after another."""
        if len(chars) == 1:
            out.append(1)
        elif self.has(chars):
            out.extend([1] * len(chars))
        else:
            self._cut_unknown(chars, out)

    def _cut_unknown(self, chars: str, out: list[int]) -> None:
        """A run no dictionary word covers: the model's words where it is CJK, Latin
        letters and digits together, anything else in the pieces between them."""
        at = 0
        while at < len(chars):
            modelled = _modelled(chars[at])
            end = at + 1
            while end < len(chars) and _modelled(chars[end]) == modelled:
                end += 1
            piece = chars[at:end]
            if not modelled:
                last = 0
                for found in _LATIN.finditer(piece):
                    if found.start() > last:
                        out.append(found.start() - last)
                    out.append(found.end() - found.start())
                    last = found.end()
                if last < len(piece):
                    out.append(len(piece) - last)
            elif len(piece) == 1:
                out.append(1)
            else:
                self._cut_modelled(piece, out)
            at = end

    def _cut_modelled(self, chars: str, out: list[int]) -> None:
        """The words of the model's most probable states (Viterbi)."""
        n = len(chars)
        first = self.emit(chars[0])
        score = [[self.start[y] + first[y] for y in range(4)]]
        came: list[list[int]] = [[-1] * 4]
        for t in range(1, n):
            emit, last = self.emit(chars[t]), score[-1]
            now, back = [0.0] * 4, [0] * 4
            for y in TRIED:
                now[y], back[y] = max((last[y0] + self.trans[y0][y] + emit[y], y0)
                                      for y0 in AFTER[y])
            score.append(now)
            came.append(back)
        state = max((score[-1][END], END), (score[-1][SINGLE], SINGLE))[1]
        path = [state] * n
        for t in range(n - 1, 0, -1):
            state = came[t][state]
            path[t - 1] = state
        begin = done = 0
        for i, state in enumerate(path):
            if state == BEGIN:
                begin = i
            elif state == END:
                out.append(i + 1 - begin)
                done = i + 1
            elif state == SINGLE:
                out.append(1)
                done = i + 1
        if done < n:
            out.append(n - done)


_WORDS: list[Words] = []  # words.dat, once read


def words_file() -> Path:
    """Where words.dat is (words/ in a checkout, layout/words installed)."""
    from ..resources import words_dir  # noqa: PLC0415

    return words_dir() / "words.dat"


def loaded() -> bool:
    """words.dat has been read in this process."""
    return bool(_WORDS)


def _words() -> Words:
    if not _WORDS:
        with open(words_file(), "rb") as handle:  # (mapped: only the pages a text reads
            _WORDS.append(Words(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)))
    return _WORDS[0]


def word_lengths(text: str) -> list[int]:
    """jieba's cut of `text` as the lengths of its words, in order."""
    return _words().lengths(text)


def word_tag(word: str) -> str:
    """jieba's part of speech of a word of its dictionary ("" for any other)."""
    return _words().tag(word)
