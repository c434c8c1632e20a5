"""What a cut of a line of display text (a headline, a kicker, a subtitle) costs where it
falls, as an editor weighs it: a multi-line headline breaks at a phrase's end — after a
clause's mark, between the parts of a parallel structure, before a word that joins two
phrases (与, 和, 在, 被 …) or after 的 — and not between two words of one term (社会 | 资本),
not inside a quotation or a book title when it can be avoided, not after a word that leans
on the next (被, 也 …) nor before one that leans on the last (的, 了, 上 …).

A cut's cost is in em of the longest line: the display breaker (flow.setter) takes the cut
whose longest line plus its cuts' costs is least, so a cut that costs c em wins over one
that costs nothing only where it makes the longest line c em shorter. The words are jieba's
(text.segmenter) and so are their parts of speech (its dictionary's tag of each word, the
most common use of it: noisy, so a class of tags moves a cut's cost, never forbids it).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Final

from .segmenter import word_lengths, word_tag

# A cut between two words of a clause, not after a clause's mark: what every cut but
# those costs before the words' kinds move it.
WITHIN_CLAUSE: Final = 5.5
CLAUSE_MARKS: Final = "，、；：。！？,;:!?｜|丨"
# After a closing quotation mark or bracket, before an opening one: a quoted phrase's edge,
# this much less than between two words (but for what leans on it: “五一” | 节; and a
# quotation after a verb, its object, is cut from it as an object is).
AT_QUOTE: Final = 1.5
# Inside a quotation, a book title or a bracket (“大排查、|大整改”, 《执行|利剑》).
INSIDE_QUOTE: Final = 10.0
# A particle or 方位词 that leans on the word before it (的 了 着 过 吗, 上 下 中 后), or a
# noun of one character after a word (a suffix of it, most often: 试衣 | 镜, “五一” | 节),
# does not open a line; a preposition, conjunction or adverb of one character that leans
# on the next (被 与 为 也 不 …) does not end one: each costs this much more. The
# characters are a closed class, named as well as tagged (jieba tags 很 and 往 as other
# things).
LEANING: Final = 4.0
LEANING_BACK: Final = "的了地得着过吗呢吧啊么"
LEANING_ON: Final = "被把将对向从在与和及跟让给由于朝往比也都还又就才再更最很不没"
# A word of more than one character that leans on the next (an adverb: 长期 | 霸占, 再次 |
# 打脸; a preposition or conjunction: 通过, 以及; a modifier: 连续 | 五年) ends a line at
# this much more.
LEANING_WORD: Final = 2.0
# Two words of one term: a noun (or a name, a number, a verbal noun) after a noun (社会 |
# 资本, 香港 | 游客, 三大 | 技术创新): this much more.
ONE_TERM: Final = 3.0
# Before a word that joins two phrases (a preposition or conjunction: 政府 | 与社会资本):
# a phrase boundary, this much less; after 的 (偏差下的 | 市场调查), which parts a modifier
# from its head, less by a third of that.
JOINS: Final = 1.5
# Between a subject and its predicate (a noun, then a verb or adverb: 游客 | 遇抢劫): less.
SUBJECT: Final = 0.5
# A phrase of one character between a mark and the cut, or the cut and a mark (这位清官，
# 字 | 写得不错): stranded, this much more; of two characters (东西 | 在爬，), half that.
STRANDED: Final = 3.0

OPENING: Final = "“‘《（(【「『〈[〔"
CLOSING: Final = "”’》）)】」』〉]〕"

# jieba's part-of-speech tags by the kind of word they make: a noun's (nouns, names,
# numbers, pronouns, verbal nouns, set phrases); a word that joins two phrases; a
# predicate's (verbs, adjectives, adverbs); an adverb; a noun that, of one character after
# a word, is most often a suffix of it (试衣 | 镜, “五一” | 节); a modifier of one
# character (短 | 视频, 一 | 种); a word of more than one character that leans on the next;
# one that leans on the word before it (方位词, particles)
NOMINAL: Final = frozenset("n j s t b m q x".split() + ["vn", "an", "nr", "ns", "nt", "nz",
                                                       "nrt", "nrfg", "ng", "mq", "r", "i",
                                                       "l"])
JOINING: Final = frozenset(("p", "c"))
PREDICATE: Final = frozenset(("v", "vi", "vd", "vg", "vq", "a", "ag", "ad", "d", "df",
                              "dg", "z", "zg"))
ADVERBS: Final = frozenset(("d", "df", "dg", "ad"))
SUFFIXES: Final = frozenset(("n", "ng", "k", "q", "t", "zg", "s"))
MODIFIERS: Final = frozenset(("a", "b", "m", "mq"))
LEANING_KINDS: Final = frozenset(("d", "df", "dg", "ad", "a", "b", "p", "c"))
BACK: Final = frozenset(("f", "ul", "uj", "uz", "ug", "uv", "ud", "y", "u"))


def is_mark(char: str) -> bool:
    return not char.isalnum()


def quoted(text: str) -> list[bool]:
    """For each offset 0..len(text), whether a cut there falls inside a matched pair of
    quotation marks or brackets (an opening mark unclosed, or a closing one unopened,
    encloses nothing)."""
    inside = [False] * (len(text) + 1)
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(text):
        if char in OPENING:
            stack.append((CLOSING[OPENING.index(char)], i))
        elif char in CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    for k in range(stack[depth][1] + 1, i + 1):
                        inside[k] = True
                    del stack[depth:]
                    break
    return inside


def kind(word: str) -> str:
    """The word's part of speech as jieba's dictionary tags it; a word it does not have
    (a name the model found, Latin, digits) is taken for a noun ("n"), a mark is "w"."""
    if all(is_mark(c) for c in word):
        return "w"
    return word_tag(word) or "n"


@lru_cache(maxsize=4096)
def cut_costs(text: str) -> tuple[float, ...]:
    """What a cut of `text` costs at each offset 0..len(text), in em (0 and len(text):
    nothing; an offset inside a word costs as a cut within a clause, though the display
    breaker cuts only where words end): the cut between the two words it parts
    (`pair_cost`), and INSIDE_QUOTE more inside a quotation or brackets."""
    words: list[str] = []
    at = 0
    for length in word_lengths(text):
        words.append(text[at:at + length])
        at += length
    costs = [WITHIN_CLAUSE] * (len(text) + 1)
    costs[0] = costs[-1] = 0.0
    inside = quoted(text)
    at = 0
    for i in range(len(words) - 1):
        at += len(words[i])
        costs[at] = pair_cost(words, i) + (INSIDE_QUOTE if inside[at] else 0.0)
    return tuple(costs)


def pair_cost(words: list[str], i: int) -> float:
    """What a cut between words[i] and words[i + 1] costs, outside any quotation."""
    left, right = words[i], words[i + 1]
    last, first = left[-1], right[0]
    if last in CLAUSE_MARKS:
        return 0.0
    cost = WITHIN_CLAUSE
    if last in CLOSING or first in OPENING:  # (the quoted phrase a word of no kind)
        a = "w" if last in CLOSING else kind(left)
        b = "w" if first in OPENING else kind(right)
        if a not in PREDICATE:  # (a verb and the quotation it takes: as a verb's object)
            cost -= AT_QUOTE
    elif is_mark(last) or is_mark(first):
        return WITHIN_CLAUSE - AT_QUOTE
    else:
        a, b = kind(left), kind(right)
    if first in LEANING_BACK and len(right) == 1 or b in BACK or (
            len(right) == 1 and b in SUFFIXES and a not in JOINING and a not in PREDICATE):
        cost += LEANING
    if len(left) == 1 and (last in LEANING_ON or a in JOINING or a in ADVERBS
                           or a in MODIFIERS):
        cost += LEANING
    elif len(left) > 1 and a in LEANING_KINDS:
        cost += LEANING_WORD
    if a in NOMINAL and b in NOMINAL:
        cost += ONE_TERM
    elif b in JOINING and not following_verb(words, i + 1):
        cost -= JOINS
    elif a == "uj":
        cost -= JOINS / 3
    elif a in NOMINAL and b in PREDICATE:
        cost -= SUBJECT
    return cost + STRANDED * stranded(words, i)


def following_verb(words: list[str], i: int) -> bool:
    """words[i] (a preposition) stands before a verb, as an adverb does (在 | 爬, 正在):
    it joins no phrase."""
    return i + 1 < len(words) and kind(words[i + 1]) in PREDICATE and len(words[i]) == 1


def stranded(words: list[str], i: int) -> float:
    """How much of a phrase a cut between words[i] and words[i + 1] strands between it
    and a mark (or the text's end): 1 for one character, ½ for two, 0 for more."""
    before = after = 0
    for word in reversed(words[:i + 1]):
        if is_mark(word[-1]):
            break
        before += len(word)
    for word in words[i + 1:]:
        if is_mark(word[0]):
            break
        after += len(word)
    alone = min(before, after)
    return 1.0 if alone == 1 else 0.5 if alone == 2 else 0.0
