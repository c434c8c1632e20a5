"""The whole issue laid out: each page as one page is, and what ties the pages together —
the front page's 导读 (made from the issue's other pages) and jumps (转版: the text an
article's page cannot hold continued on another page, with its 转版 notes and a 接题).

Pages are laid out one after another; a page that receives a jump after the page it comes
from (a jump goes to a page laid out later, so it never loops)."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from .errors import LayoutError, Mistakes
from .manifest import body_count
from .model import (Article, Edition, Headline, Issue, Jump, Overflow, PageLayout, Region,
                    Paragraph, Rule)
from .text.chars import char_count
from .units import ZIHAO

# The 接题 (the headline again over a jump's rest): this size unless the template's
# subtitle is smaller.
JUMP_TITLE_SIZE = ZIHAO["小二"]

Lay = Callable[[Issue], PageLayout]  # one page laid out (pipeline.layout_loaded)
# a page's grid: its columns, its lines and the characters a column's line holds
Grid = Callable[[Issue], tuple[int, int, int]]


def with_contents(edition: Edition) -> Edition:
    """The issue with its 导读 boxes filled: an entry a listed article (those its `lists:`
    names by headline, else every article of the other pages that has a `teaser:`), in
    page order, `第N版` and its teaser (the headline, unless a teaser says otherwise). Made
    from the issue, so it agrees with its pages: an article moved, its entry follows."""
    pages = []
    for issue in edition.pages:
        if not any(a.contents is not None for a in issue.articles):
            pages.append(issue)
            continue
        articles = []
        for article in issue.articles:
            if article.contents is not None:
                if not edition.whole:
                    raise LayoutError(
                        "a 导读 box (`contents:`) lists the other pages of an issue, and "
                        "this manifest is one page", article.origin.file,
                        article.origin.line,
                        hint="put the page in an issue manifest (`pages:`), or leave the "
                             "box out")
                entries = _entries(edition, issue, article)
                article = replace(article, section=article.contents,
                                  blocks=tuple(Paragraph(text, article.origin, lead=f"第{number}版　")
                                 for number, text in entries))
            articles.append(article)
        pages.append(replace(issue, articles=tuple(articles)))
    return replace(edition, pages=tuple(pages))


def _entries(edition: Edition, issue: Issue, box: Article) -> list[tuple[int, str]]:
    """A 导读 box's entries: (page number, text), in page order."""
    others = [(other.page_number, article) for other in edition.pages if other is not issue
              for article in other.articles if article.headline]
    if not box.listing:
        found = [(number, str(a.teaser)) for number, a in others if a.teaser]
        if not found:
            raise LayoutError(
                f"the 导读 box {box.contents!r} has nothing to list: no article of another "
                "page of this manifest has a `teaser:`", box.origin.file, box.origin.line,
                hint="give the articles it should list `teaser: true` (or the text to list "
                     "them by), or name them in the box's `lists:`")
        return found
    out = []
    for headline, teaser in box.listing:
        wanted = _plain(headline)
        match = [(n, a) for n, a in others
                 if a.headline is not None and _plain(a.headline.main) == wanted]
        if not match:
            raise LayoutError(f"the 导读 box lists {headline!r}, and no other page of the "
                              "issue has an article of that headline", box.origin.file,
                              box.origin.line,
                              hint="write the article's main title as its page has it")
        number, article = match[0]
        assert article.headline is not None  # (`match`: articles with one)
        out.append((number, teaser or article.teaser or article.headline.main.replace(
            "\n", "")))
    return sorted(out, key=lambda entry: entry[0])


def _plain(title: str) -> str:
    return "".join(title.split())


def lay_out(edition: Edition, lay: Lay,
            grid: Grid | None = None) -> tuple[tuple[PageLayout, ...], tuple[Jump, ...]]:
    """Every page laid out by `lay`, jumps resolved: an article marked `jump:` whose text
    its page cannot hold ends there with （下转第N版） and its rest opens page N's articles'
    list's end under a 接题 and （上接第M版）. A jump to a page laid out before it, or whose
    rest does not fit on its page either, is an error naming both pages. A page's mistakes
    do not stop the others: every page's are raised together."""
    pages = list(edition.pages)
    count = len(pages)
    laid: dict[int, PageLayout] = {}
    jumps: list[Jump] = []
    failed: list[LayoutError] = []  # every page's mistakes, said together
    for source in _order(pages):
        try:
            laid[source] = _laid(source, pages, laid, jumps, lay, grid, edition)
        except LayoutError as err:  # the next pages are laid out all the same
            failed.extend(getattr(err, "errors", [err]))
    for jump in jumps:  # its rest must fit where it goes
        for left in laid[jump.target - 1].overflow if jump.target - 1 in laid else ():
            if left.article_index == jump.index:
                failed.append(_jump_failed(edition, jump, f"{char_count(left.text)} "
                                           "characters of it do not fit there either"))
    if failed:
        raise failed[0] if len(failed) == 1 else Mistakes(failed)
    return tuple(laid[i] for i in range(count)), tuple(jumps)


def _laid(source: int, pages: list[Issue], laid: dict[int, PageLayout], jumps: list[Jump],
          lay: Lay, grid: Grid | None, edition: Edition) -> PageLayout:
    """Page `source` laid out; an article of it that jumps cut where the page ends, its
    rest added to the page it goes to (`pages` and `jumps` changed in place)."""
    count = len(pages)
    issue = pages[source]
    layout = _received(issue, jumps, edition, lay)
    jumped = sorted({o.article_index for o in layout.overflow
                     if issue.articles[o.article_index].jump is not None})
    if not jumped:
        return layout
    originals = issue.articles
    targets = {i: _target(originals[i], source, count, laid, issue) for i in jumped}
    kept = {i: originals[i].blocks for i in jumped}
    layout = _cut_to_fit(issue, kept, targets, lay)
    relay = False  # laid out again when a note changed after the cut
    for index in jumped:
        article = originals[index]
        rest = _rest(article.blocks, kept[index])
        title = article.jump_title or (article.headline.main if article.headline
                                       else "（续）")
        continuation = _continuation(article, title, rest, issue.page_number)
        if article.jump == "auto":  # the first page free that has room for it
            chosen = _room(pages, targets[index], laid, source, continuation, lay)
            relay = relay or chosen != targets[index]
            targets[index] = chosen
        receiving = pages[targets[index]]
        pages[targets[index]] = _at_foot(receiving, continuation, grid, lay)
        jumps.append(Jump(issue.page_number, index, targets[index] + 1,
                          len(receiving.articles), title.replace("\n", ""),
                          body_count(kept[index]), body_count(rest)))
    pages[source] = replace(issue, articles=_noted(originals, kept, targets))
    return lay(pages[source]) if relay else layout


def _at_foot(issue: Issue, continuation: Article, grid: Grid | None, lay: Lay) -> Issue:
    """The page with a jump's rest added: across its foot, the make-up placing the page's
    own articles above it (a small module it would otherwise size like any article's).
    Parted from them as stacked modules are, by a blank line with a rule through it: its
    region opens with that line, its 接题 set lower by a line of `air`. Of the heights that
    hold the whole page, the one that leaves the fewest blank cells; none holding it, the
    least that holds the rest (the page's own text left over is then reported); where the
    page's pinned articles leave no foot, among the articles the make-up places."""
    plain = replace(issue, articles=(*issue.articles, continuation))
    if grid is None:
        return plain
    columns, lines, per_line = grid(issue)
    chars = body_count(continuation.blocks)
    least = -(-chars // (columns * per_line)) + FOOT_HEAD
    best: tuple[int, Issue] | None = None
    holds_rest: Issue | None = None
    for height in range(least, min(least + FOOT_TRIES, lines // 2)):
        top = lines - height + 1
        trial = replace(issue, articles=(*issue.articles, replace(
            continuation, region=Region(1, columns, top, None, air=FOOT_AIR))),
            rules=(*issue.rules, Rule(True, 1, top, columns, 1, continuation.origin)))
        try:
            laid = lay(trial)
        except LayoutError:  # (a pinned article there: the make-up places it)
            return plain
        if any(o.article_index == len(issue.articles) for o in laid.overflow):
            continue
        holds_rest = holds_rest or trial
        if laid.overflow:  # the page's own text: a lower foot leaves it less room still
            break
        blank = sum(h.cells for h in laid.holes)
        if best is None or blank < best[0]:
            best = (blank, trial)
        if not blank:
            break
    return best[1] if best else holds_rest or plain


def _continuation(article: Article, title: str, rest: tuple, source: int) -> Article:
    """A jump's rest as an article of its page: under its 接题, its text opening with
    （上接第N版） run in, as a paper sets it (a note on a line of its own, flush right,
    would run on into the next column's first line for a reader), or on its own line
    where the rest does not open with a plain paragraph."""
    head = Headline(title, None, None, article.origin, size=JUMP_TITLE_SIZE)
    first = rest[0] if rest else None
    if isinstance(first, Paragraph) and first.lead is None:
        return Article(headline=head, byline=None, origin=article.origin, region=None,
                       blocks=(replace(first, lead=f"（上接第{source}版）"), *rest[1:]))
    return Article(headline=head, byline=None, blocks=rest, region=None,
                   origin=article.origin, continued_from=source)


def _received(issue: Issue, jumps: list[Jump], edition: Edition, lay: Lay) -> PageLayout:
    """The page laid out; a page that cannot be made up with the rest of an article that
    jumps to it says which article, from which page, and how much of it there is."""
    try:
        return lay(issue)
    except LayoutError as err:
        into = [j for j in jumps if j.target == issue.page_number]
        if not into:
            raise
        jump = into[-1]
        raise _jump_failed(edition, jump, f"its {jump.rest} characters left over cannot be "
                           f"made up there either ({err.message})") from None


def _jump_failed(edition: Edition, jump: Jump, what: str) -> LayoutError:
    """An article's rest does not go where it jumps (`what`: how), said at the article."""
    origin = edition.pages[jump.source - 1].articles[jump.article_index].origin
    return LayoutError(f"article {jump.article_index + 1} of page {jump.source} jumps to "
                       f"page {jump.target}, and {what}", origin.file, origin.line,
                       hint="shorten the article, give it more room on one of the pages, or "
                            "jump to a page with room (`jump: auto` finds one)")


def _order(pages: list[Issue]) -> list[int]:
    """The pages' indexes in the order they are laid out: a page after every page whose
    articles jump to it (so a jump's rest is known when its page is laid out); a loop of
    jumps is an error."""
    count = len(pages)
    into: dict[int, set[int]] = {i: set() for i in range(count)}
    for index, issue in enumerate(pages):
        for article in issue.articles:
            if isinstance(article.jump, int) and not isinstance(article.jump, bool):
                target = article.jump - 1
                if not 0 <= target < count or target == index:
                    raise LayoutError(
                        f"`jump: {article.jump}`: " + (
                            "an article cannot continue on its own page"
                            if target == index else
                            f"the issue has pages 1-{count}"),
                        article.origin.file, article.origin.line,
                        hint="name another page of the issue, or `jump: auto`")
                into[target].add(index)
    order: list[int] = []
    done: set[int] = set()
    while len(order) < count:
        ready = [i for i in range(count) if i not in done and into[i] <= done]
        if not ready:
            loop = sorted(i + 1 for i in range(count) if i not in done)
            raise LayoutError(f"the jumps of pages {', '.join(map(str, loop))} go round in "
                              "a loop: a page's rest cannot wait for itself",
                              pages[0].path, None,
                              hint="let the jumps run one way, e.g. from the front page to "
                                   "the inner pages")
        order.append(ready[0])
        done.add(ready[0])
    return order


def _target(article: Article, source: int, count: int, laid: dict, issue: Issue) -> int:
    """The index of the page an article's rest goes to: the one it names, or for `jump:
    auto` the first page after its own (then before it) not laid out yet."""
    if isinstance(article.jump, int):  # (else `auto`: only articles that jump come here)
        return article.jump - 1
    free = [i for i in [*range(source + 1, count), *range(source)] if i not in laid]
    if not free:
        raise LayoutError(f"`jump: auto` on page {issue.page_number}: every other page is "
                          "laid out already, none can take the rest",
                          article.origin.file, article.origin.line,
                          hint="name the page: `jump: 4`")
    return free[0]


# A jump's rest across a page's foot: the lines its 接题 and notes take besides its text's,
# and how many heights are tried from the least.
FOOT_HEAD = 4
# The line the rule between it and the page's articles runs through, above its 接题.
FOOT_AIR = 1
FOOT_TRIES = 12
# Rounds of cutting a jumped article's part on its page until its text and its note fit.
CUT_ROUNDS = 8
# When the text fits and its （下转） note does not: characters taken off its end a round.
NOTE_ROOM = 9


def _noted(articles: tuple[Article, ...], kept: dict[int, tuple],
           targets: dict[int, int]) -> tuple[Article, ...]:
    """The page's articles, each jumped one cut to what it keeps, its note set."""
    return tuple(replace(a, blocks=kept[i], continues_on=targets[i] + 1, jump=None)
                 if i in kept else a for i, a in enumerate(articles))


def _cut_to_fit(issue: Issue, kept: dict[int, tuple], targets: dict[int, int],
                lay: Lay) -> PageLayout:
    """Cut each jumped article (`kept`, changed in place) where its page ends, its 转版
    note after it; again until the note fits too (the make-up may size its pictures anew
    for the shorter text). Return the page laid out so."""
    layout = None
    for _ in range(CUT_ROUNDS):
        articles = _noted(issue.articles, kept, targets)
        layout = lay(replace(issue, articles=articles))
        over = [o for o in layout.overflow if o.article_index in kept]
        if not over:
            break
        for left in over:
            kept[left.article_index] = _cut(articles[left.article_index], left)
    assert layout is not None
    return layout


def _cut(article: Article, left: Overflow) -> tuple:
    """The blocks of the article its page holds (`left.rest` is what it does not: a
    paragraph cut in two keeps its beginning here); when only its note was left over, a
    little less than all its text."""
    rest = list(left.rest)
    gone = {id(b) for b in rest}
    kept = [b for b in article.blocks if id(b) not in gone]
    if rest and isinstance(rest[0], Paragraph) and id(rest[0]) not in {id(b) for b in
                                                                       article.blocks}:
        cut = kept[-1]
        assert isinstance(cut, Paragraph)  # (the paragraph the page cut: rest[0] its tail)
        kept[-1] = replace(cut, text=_without_tail(cut.text, rest[0].text))
    elif not rest:  # the text fits, its note does not: make room for it
        last = kept[-1]
        if isinstance(last, Paragraph) and len(last.text) > NOTE_ROOM:
            kept[-1] = replace(last, text=last.text[:-NOTE_ROOM])
        else:
            kept.pop()
    if not kept:
        raise LayoutError("a jumped article's page holds none of its text",
                          article.origin.file, article.origin.line,
                          hint="give it more room on its page, or place it on the page it "
                               "jumps to")
    return tuple(kept)


def _rest(blocks: tuple, kept: tuple) -> tuple:
    """What an article's page does not hold: the blocks after those it keeps, and the end
    of a paragraph it keeps the beginning of."""
    count = len(kept)
    last, whole = kept[-1], blocks[count - 1]
    if last is whole:
        return tuple(blocks[count:])
    return (Paragraph(whole.text[len(last.text):], whole.origin), *blocks[count:])


def _without_tail(text: str, tail: str) -> str:
    """`text` without the characters of `tail` at its end (spaces aside: a line's end may
    have dropped one)."""
    want = [c for c in tail if not c.isspace()]
    end = len(text)
    while want and end > 0:
        end -= 1
        if text[end].isspace():
            continue
        if text[end] != want[-1]:
            raise ValueError(f"the cut text does not end with its rest: {tail[:20]!r}")
        want.pop()
    return text[:end]


def _room(pages: list[Issue], first: int, laid: dict, source: int, continuation: Article,
          lay: Lay) -> int:
    """For `jump: auto`: the first page not laid out yet (after the source page, then
    before it) that holds the continuation without overflow; `first` when none does (its
    error then says how much is left over)."""
    count = len(pages)
    for index in [*range(source + 1, count), *range(source)]:
        if index in laid:
            continue
        trial = replace(pages[index], articles=(*pages[index].articles, continuation))
        try:
            if not lay(trial).overflow:
                return index
        except LayoutError:  # (a page it cannot be made up on at all has no room)
            continue
    return first


