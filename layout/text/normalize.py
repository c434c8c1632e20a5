"""Input cleanup: what web copies, reporters' files and hurried typing leave in Chinese text.

Rules, in the order they run (each change is returned, so that nothing happens to the text
unseen: `layout render --verbose`):

1. *Invisible characters go* (always, `normalize: false` too: they print nothing and no
   face has them): zero-width and format characters (U+FEFF, U+200B–U+200D, U+00AD,
   U+2060, bidi controls: Unicode's Cf), control characters, noncharacters (U+FFFE). A line
   or paragraph separator (U+2028, U+2029, CR, NEL) is a line break.
2. *A typed `\\n`* (two characters, as web pages and unquoted YAML leave it) is a line
   break: a paragraph break in body text, a line break in a headline or a box.
   *In a box* (编者按, 微评: `wraps`) a line break inside a sentence, as a `|` block keeps
   the hard wraps of text pasted into it, is joined (as YAML joins the lines of a plain
   scalar: no space between Chinese characters, one between Latin words); one after a
   sentence's end (。！？… and a closing quote) stays, as do a blank line (one line
   break), a typed `\\n` and U+2028/U+2029: the writer's breaks, mid-sentence too.
3. *Spaces of other widths* (no-break, thin, tab …) are spaces; a base letter and its
   combining accent are one character (e + U+0301 → é).
4. *Runs of marks*: `...` and `。。。` (three or more) → `……`; `--` → `——`, beside Chinese.
   *Characters the source lost*: `?` typed in a run with spaces between (`此致敬礼? ? ? ?`,
   what a page saved in an encoding without them makes of `&nbsp; &nbsp;`), or a run of two
   or more between spaces (`图片 ???? 网络`), beside Chinese text: each `?` becomes `□`, the
   mark Chinese proofs use for a character lost, and the spaces inside the run go. Nothing
   is dropped (one mark for each character lost), no line starts with a question mark, and
   the run breaks as characters do. It is a guess: reported as a warning. (A lone `?` is a
   question mark, rule 5, but after 。，、；：, where no question ends, it is a character lost
   too: `感受。?选择`.)
5. *ASCII marks* , ; : ? ! ( ) ~ typed beside Chinese text (or between spaces in it) become
   full-width, as does a `?` or `!` after a number with Chinese text next (`19:30? 演出`);
   a `.` after a Chinese character that does not run into a Latin word becomes `。`; a
   bracket whose partner became full-width does too (`提示(1)17-18日` → `提示（1）17-18日`).
6. *Quotes*: straight quotes " ' in Chinese text become “ ” and ‘ ’, paired in order; a
   straight quote that ends a quotation a curly one opened (`“幸存者偏差"`), or opens one a curly
   one ends, becomes its partner; curly quotes typed the wrong way round (`“…“`, `”…“`) are
   paired again when the text holds an even number of them (an odd number is a quotation
   running on into the next paragraph, and is left alone). Re-pairing is a guess about the
   editor's text: it is reported as a warning, not only with `-v`.
7. *Spaces*: at the ends of a line, or touching a full-width mark, a space (ASCII or
   ideographic) goes; in body text so does one between two Chinese characters, and a run of
   spaces beside a Latin word becomes one word space; but inside a credit's bracket
   (`（记者徐燕 通讯员焦轩 黄磊）`, `【…】`; names only after a dateline or a story's last
   sentence: `电 (胡兴瑞 杨颜慈)`, `。（海外网 濮阳艺婧）`) a space parts two names and stays, as one
   full-width space, and so does one after a dateline that opens a paragraph (`新华社电 不少`). In headlines, bylines, captions and labels a space between Chinese characters is
   deliberate (奋进路上 奋斗有我, 本报记者　林芸): a run of ASCII spaces there becomes one; so is
   one after a mark that ends a clause or before an opening one (上汽大众： 让“五个在前”…:
   where the title breaks), not after ，、 (危机， 为了), after an opening mark or before
   another mark.

Latin text is never touched: "Fit for 2020", "2-BOX", "MG Ei5", "10:30", "don't",
"Loading...".
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .chars import MARKS, CharClass, char_class
from .credits import BRACKET_PAIRS, CLOSERS, CREDIT_REACH, SENTENCE_ENDS, credit_bracket
from .edits import IDEOGRAPHIC_SPACE, LOST, Change, EditedText, chinese, space
from .quotes import curly_quotes, straight_quotes

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）",
              "~": "～"}
LINE_BREAKS = "\r\u2028\u2029\x85"  # (a CR before a LF is nothing: Windows' line end)


def invisible(char: str) -> bool:
    """A character that prints nothing and is not a space or line break: zero-width and
    format characters, controls, noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF)."""
    if char in "\n\t" or char in LINE_BREAKS:
        return False
    code = ord(char)
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return True
    return unicodedata.category(char) in ("Cc", "Cf", "Cs")


_SAFE = frozenset("，、；：？！（）《》—…%")


def _quick(text: str) -> bool:
    """True when no rule can touch `text`: letters, digits and marks no rule starts from."""
    return all(c.isalnum() or c in _SAFE for c in text)


def _mark(char: str | None) -> bool:
    """A full-width mark (its cell has a blank of its own: no space is wanted beside it)."""
    return char is not None and char_class(char) in MARKS and ord(char) > 0x2000


# In a headline or subhead a space after ：？！。； parts two clauses where the editor wants
# the line broken (上汽大众： 让“五个在前”…); after ，、 it is a stray one (危机， 为了).
_MID_CLAUSE = frozenset("，、")


def _stray(before: str | None, after: str | None) -> bool:
    """A space in display text between these two characters, one a full-width mark, that
    is not an editor's (see the module's doc, rule 7)."""
    if _mark(after) and char_class(after or "a") is not CharClass.OPENING:
        return True
    return before in _MID_CLAUSE or (_mark(before) and
                                     char_class(before or "a") is CharClass.OPENING)


def _latin_quote(before: str | None, after: str | None) -> bool:
    """A curly quote with Latin text on the space's other side: Latin text's own quote
    (don’t “stop”), whose space stays."""
    return (before in _CURLY and (after or "").isascii()) or (
        after in _CURLY and (before or "").isascii())


_CURLY = frozenset("“”‘’")


def normalize(text: str, body: bool = True, clean: bool = True,
              wraps: bool = False, gated: bool = True) -> tuple[str, list[Change]]:
    """The cleaned text and the list of changes. `body` False: a headline, byline, caption
    or label, whose spaces between Chinese characters are the editor's. `clean` False
    (`normalize: false`): only the invisible characters go (rule 1). `wraps`: a box's
    text, whose single line breaks are hard wraps (rule 2).

    Each rule runs only where the text as it then stands holds a character the rule starts
    from (a test over the distinct characters or a search in C, not a loop in Python over
    every character): a third of the time on clean copy. `gated` False runs every rule
    over every character (the reference the tests compare with: the same result)."""
    if gated and _quick(text):
        return text, []
    t = EditedText(text)
    if not gated:
        _every_rule(t, body, clean, wraps)
        return t.result()
    if not text.isprintable() and any(c in LINE_BREAKS or invisible(c) for c in set(text)):
        _invisible(t)
    if clean:
        chars = t.chars
        if wraps and "\n" in chars:
            _wraps(t)
        if "\\" in chars:
            _breaks(t)
        now = "".join(chars)
        # (printable: no tab, no space but U+0020; NFC: no letter and accent that compose)
        if not (now.isprintable() and unicodedata.is_normalized("NFC", now)) and any(
                len(c) == 1 and not "\u4e00" <= c <= "\u9fff" and _spaced_or_accent(c)
                for c in set(chars)):  # (a Han character is none of them)
            _spaces_and_accents(t)
        now = "".join(chars)
        if ".." in now or "。。" in now or "--" in now:
            _runs(t)
        if "?" in chars:
            _lost(t)
        if not _MARK_STARTS.isdisjoint(chars):
            _marks(t)
            if "(" in chars or ")" in chars:
                _paired_brackets(t)
        if '"' in chars or "'" in chars:
            straight_quotes(t)
        if "“" in chars or "”" in chars:
            curly_quotes(t, "“”")
        if "‘" in chars or "’" in chars:
            curly_quotes(t, "‘’")
        if " " in chars or "\t" in chars or IDEOGRAPHIC_SPACE in chars:
            _stray_spaces(t, body)
    return t.result()


_MARK_STARTS = frozenset(FULL_WIDTH) | {"."}

def _every_rule(t: EditedText, body: bool, clean: bool, wraps: bool) -> None:
    """Every rule in its order over every character (normalize, not gated)."""
    _invisible(t)
    if not clean:
        return
    if wraps:
        _wraps(t)
    _breaks(t)
    _spaces_and_accents(t)
    _runs(t)
    _lost(t)
    _marks(t)
    _paired_brackets(t)
    straight_quotes(t)
    curly_quotes(t, "“”")
    curly_quotes(t, "‘’")
    _stray_spaces(t, body)


def _spaced_or_accent(c: str) -> bool:
    """A character rule 3 changes: a tab, a space of another width, a combining accent."""
    return c == "\t" or (c not in (IDEOGRAPHIC_SPACE, " ", "\n") and
                         unicodedata.category(c) == "Zs") or bool(unicodedata.combining(c))


def _invisible(t: EditedText) -> None:
    chars = t.chars
    for i, c in enumerate(chars):
        if c in LINE_BREAKS:
            after = chars[i + 1] if i + 1 < len(chars) else ""
            if c == "\r" and after == "\n":
                t.set(i, "", "carriage return before a line break")
            else:
                t.set(i, "\n", "line or paragraph separator")
        elif invisible(c):
            t.set(i, "", "invisible character (zero-width, format or control)")


def _wraps(t: EditedText) -> None:
    """A box's hard wraps joined, its blank lines made one line break (rule 2)."""
    chars, original = t.chars, t.original
    i = 0
    while i < len(chars):
        if chars[i] != "\n" or original[i] not in "\r\n":  # (U+2028, U+2029: deliberate)
            i += 1
            continue
        run, j = [i], i + 1  # the line breaks of a run (blank lines), spaces between them
        while j < len(chars) and (chars[j] in ("", " ", "\t", IDEOGRAPHIC_SPACE) or (
                chars[j] == "\n" and original[j] in "\r\n")):
            if chars[j] == "\n":
                run.append(j)
            j += 1
        if len(run) == 1 and not _sentence_end(t, i):
            t.set(i, " ", "a line break inside a sentence: a hard wrap, joined (in a box)")
        else:
            for k in run[1:]:
                t.set(k, "", "blank lines in a box: one line break")
        i = j




def _sentence_end(t: EditedText, i: int) -> bool:
    """Whether the text before position i ends a sentence (。 or 。”, spaces after it)."""
    j = i - 1
    while j >= 0 and (not t.chars[j] or t.chars[j][-1] in CLOSERS or space(t.chars[j][-1])):
        j -= 1
    return j < 0 or t.chars[j][-1] in SENTENCE_ENDS


def _breaks(t: EditedText) -> None:
    """A typed backslash-n: a line break, unless it stands inside Latin text (C:\\new)."""
    chars = t.chars
    for i in range(len(chars) - 1):
        if chars[i] == "\\" and chars[i + 1] == "n":
            before = t.before(i)
            following = chars[i + 2] if i + 2 < len(chars) else ""
            if before == "\\" or (before is not None and before.isascii() and
                                  not before.isspace() and following.isascii() and
                                  following.isalpha()):
                continue
            t.join(i, i + 2, "\n", "a typed \\n: a line break")


def _spaces_and_accents(t: EditedText) -> None:
    chars = t.chars
    for i, c in enumerate(chars):
        if len(c) != 1:
            continue
        if c == "\t" or (c != IDEOGRAPHIC_SPACE and c != " " and c != "\n"
                         and unicodedata.category(c) == "Zs"):
            t.set(i, " ", "a space of another width")
        elif unicodedata.combining(c):
            j = i - 1
            while j >= 0 and chars[j] == "":
                j -= 1
            if j >= 0 and chars[j]:
                joined = unicodedata.normalize("NFC", chars[j][-1] + c)
                if len(joined) == 1:
                    t.set(j, chars[j][:-1] + joined, "letter and accent joined")
                    t.set(i, "", "letter and accent joined")


def _runs(t: EditedText) -> None:
    """`...`, `。。。` → `……`; `--` → `——`, beside Chinese text."""
    chars = t.chars
    i = 0
    while i < len(chars):
        c = chars[i]
        if c in (".", "。", "-"):
            j = t.run(i)
            count = sum(1 for k in range(i, j) if chars[k])
            if count >= (2 if c == "-" else 3) and (
                    chinese(t.before(i, True)) or chinese(t.after(j - 1, True))):
                t.join(i, j, "——" if c == "-" else "……",
                      "a dash typed as hyphens" if c == "-" else "an ellipsis typed as dots")
                i = j
                continue
        i += 1




_NO_QUESTION_AFTER = frozenset("。，、；：")


def _lost(t: EditedText) -> None:
    """`? ? ?` and ` ???? ` beside Chinese text: characters a web page lost (rule 4)."""
    chars = t.chars
    i = 0
    while i < len(chars):
        if chars[i] != "?":
            i += 1
            continue
        marks, spaces, j = [i], [], i + 1  # the run's ?s and the spaces inside it
        while j < len(chars):
            if chars[j] == "?":
                marks.append(j)
            elif chars[j] and space(chars[j]) and chars[j + 1:j + 2] == ["?"]:
                spaces.append(j)
            elif chars[j]:
                break
            j += 1
        before, after = t.before(i), t.after(marks[-1])
        apart = len(marks) > 1 and (bool(spaces) or (
            before in (None, " ", IDEOGRAPHIC_SPACE) and after in (None, " ", IDEOGRAPHIC_SPACE)))
        # (no question mark follows a full stop, comma or colon: 感受。?选择, 自信。??为了)
        if (apart or before in _NO_QUESTION_AFTER) and (
                chinese(t.before(i, True)) or chinese(t.after(marks[-1], True))):
            reason = "characters the source lost (typed as ? ? ?): □ marks each"
            for k in marks:
                t.set(k, LOST, reason, warning=True)
            for k in spaces:
                t.set(k, "", reason)
        i = j


def _marks(t: EditedText) -> None:
    chars = t.chars
    for i, c in enumerate(chars):
        if c in FULL_WIDTH:
            # a mark is Chinese when it touches Chinese, or stands between spaces in it
            before, after = t.before(i), t.after(i)
            far = (t.before(i, True), t.after(i, True))
            if chinese(before) or chinese(after) or (
                    any(map(chinese, far)) and all(chinese(c) or c is None for c in far)) or (
                    c in "?!" and (before or "").isdigit() and chinese(far[1])):
                t.set(i, FULL_WIDTH[c], "ASCII mark in Chinese text")
        elif c == ".":
            before, after = t.before(i), t.after(i)
            if char_class(before or "a") is CharClass.IDEOGRAPHIC and (
                    after is None or after.isspace() or chinese(after)):
                t.set(i, "。", "ASCII full stop in Chinese text")


def _stray_spaces(t: EditedText, body: bool) -> None:
    chars = t.chars
    j = 0  # (where the last run ended: a space before it was in that run)
    for i in [k for k, c in enumerate(chars) if c == " " or c == "\t" or c == IDEOGRAPHIC_SPACE]:
        if i < j:
            continue
        j = i
        while j < len(chars) and (chars[j] == "" or (len(chars[j]) == 1 and space(chars[j]))):
            j += 1
        while chars[j - 1] == "":
            j -= 1
        run = [k for k in range(i, j) if chars[k]]
        before, after = t.before(i), t.after(j - 1)
        ideographic = any(chars[k] == IDEOGRAPHIC_SPACE for k in run)
        keep: str | None  # what the run becomes; None: left as it is
        if before in (None, "\n") or after in (None, "\n"):
            keep, reason = "", "space at the end of a line"
        elif (_mark(before) or _mark(after)) and not _latin_quote(before, after) and (
                body or _stray(before, after)):
            keep, reason = "", "space beside a full-width mark"
        elif chinese(before) and chinese(after):
            if body and _in_credit(t, i):
                keep, reason = IDEOGRAPHIC_SPACE, "space between names in a credit"
            elif body and _after_dateline(t, i):
                keep, reason = IDEOGRAPHIC_SPACE, "space after a dateline"
            elif body:
                keep, reason = "", "space between Chinese characters"
            else:  # the editor's: one of them, as typed
                keep, reason = (None, "") if ideographic or len(run) == 1 else (
                    " ", "spaces run together")
        elif body:
            keep, reason = " ", "spaces beside a Latin word run together"
        else:
            keep, reason = (None, "") if ideographic or len(run) == 1 else (
                " ", "spaces run together")
        if keep is not None and "".join(chars[k] for k in run) != keep:
            for k in run[1:]:
                t.set(k, "", reason)
            if chars[run[0]] != keep:
                t.set(run[0], keep, reason)


# A credit in running text, （记者 徐燕 通讯员 焦轩 黄磊）: its spaces part the names
# (credits.credit_bracket).
_BRACKETS = "".join(k + v for k, v in BRACKET_PAIRS.items())  # (each opening mark, then its closing one)
_OPENING_BRACKETS = _BRACKETS[0::2]


def _in_credit(t: EditedText, i: int) -> bool:
    """Position i is inside a bracket that is a credit (credits.credit_bracket: it opens
    with a reporter's role, or holds names only where credits stand): a space there parts
    two names and stays, as the full-width space credits are set with."""
    start = i - 1
    while start >= max(0, i - CREDIT_REACH) and t.chars[start] not in _BRACKETS:
        start -= 1
    if start < 0 or t.chars[start] not in _OPENING_BRACKETS:
        return False
    end = i + 1
    while end < min(len(t.chars), i + CREDIT_REACH) and t.chars[end] not in _BRACKETS:
        end += 1
    if end >= len(t.chars) or t.chars[end] != _BRACKETS[_BRACKETS.index(t.chars[start]) + 1]:
        return False
    rest = "".join(t.chars[end + 1:end + 1 + CREDIT_REACH]).split("\n", 1)[0]
    return credit_bracket("".join(t.chars[start + 1:end]), "".join(t.chars[:start]), rest)


# A dateline at a paragraph's head, 新华社电 不少男生…, 本报讯 记者…, 新华社北京5月1日电:
# the space after it parts it from the story and stays, as the full-width space datelines
# are set with. A paper's, an agency's or a site's 讯 (本报讯, 快讯, 映象网讯), an agency's 电
# (新华社电) or one dated (…5月1日电); not a word that ends so (通讯, 喜讯, 资讯, 今日电).
# (Compiled by the first space after a paragraph's opening words: ~1.5 M instructions.)
@lru_cache(maxsize=1)
def _dateline() -> re.Pattern[str]:
    return re.compile(r"[^\s。！？；，、：]{0,26}(?:[报刊网台快简]讯|社电|[0-9０-９]日电)")


def _after_dateline(t: EditedText, i: int) -> bool:
    """Position i (a space) follows a dateline that opens its paragraph."""
    start = i
    while start > 0 and t.chars[start - 1] != "\n" and i - start <= 30:
        start -= 1
    return (start == 0 or t.chars[start - 1] == "\n") and _dateline().fullmatch(
        "".join(t.chars[start:i])) is not None


def _paired_brackets(t: EditedText) -> None:
    """A bracket whose partner rule 5 made full-width, 温馨提示（1)17-18日: full-width too."""
    openers: list[int] = []
    for i, c in enumerate(t.chars):
        if c in ("(", "（"):
            openers.append(i)
        elif c in (")", "）") and openers:
            j = openers.pop()
            if (t.chars[j] == "（") != (c == "）"):
                k = i if c == ")" else j
                t.set(k, "）" if c == ")" else "（", "bracket paired with a full-width one")
