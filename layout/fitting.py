"""Copyfit tried (`layout fit`): each article's count of characters to add or cut, found by
laying the page out again with that much plain text added to (or cut from the end of) the
article's last paragraph, in the arrangement shown.

The count the flow gives (holes.copyfit: blank lines at the feet of the article's columns
and its last line's free end, in body characters of the template's columns) is where the
search starts. It cannot be exact: a re-divided module (破栏) has wider columns than the
template's, a leg of text too short to stand (MIN_LEG) borrows lines, a line may not start
with a closing mark. So the count said is the one tried: adding it leaves no text over on
the page, one more would (an exact count); cutting it makes the article fit, one less
would not. A search cut short (TRIES) says the largest count tried that fits — never more
than fits. Only the article's own paragraphs change; the page's plan (each module) stays,
so on a page the make-up arranges the counts hold for the arrangement shown (a pinned
page keeps it through the edit). The flow is given (pipeline.fitted): this module lays
nothing out by itself."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Final

from .model import Article, Copyfit, PageLayout, PagePlan, Paragraph
from .text.chars import char_count

# plain text, the kind an editor adds: common Han characters, no punctuation
FILLER: Final = "本报记者今日从有关部门获悉该项工作已经全面展开群众反映良好"
TRIES: Final = 14  # page flows at most, per article

Flow = Callable[[PagePlan], PageLayout]


def plain(count: int) -> str:
    """`count` characters of plain Han text."""
    return (FILLER * (count // len(FILLER) + 1))[:count]


def edited(article: Article, delta: int) -> Article | None:
    """The article with `delta` plain characters added to its last paragraph (positive),
    or that many cut from its paragraphs' end (negative; whole paragraphs go first, from
    the last). None: it has no paragraph, or fewer characters than `-delta`."""
    blocks: list = list(article.blocks)
    paragraphs = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph)]
    if not paragraphs:
        return None
    if delta >= 0:
        block = blocks[paragraphs[-1]]
        blocks[paragraphs[-1]] = replace(block, text=block.text + plain(delta))
        return replace(article, blocks=tuple(blocks))
    left = -delta
    for i in reversed(paragraphs):
        text = blocks[i].text
        count = char_count(text)
        if count <= left:
            blocks[i], left = None, left - count
            if left == 0:
                break
            continue
        end = len(text)
        while left:  # `left` characters off its end, spaces not counted
            end -= 1
            left -= not text[end].isspace()
        blocks[i] = replace(blocks[i], text=text[:end].rstrip())
        break
    if left:
        return None
    return replace(article, blocks=tuple(b for b in blocks if b is not None))


class Trial:
    """One article's count tried on its page: `fits(delta)`, whether the page with `delta`
    characters added (cut, negative) leaves no text over that it did not before."""

    def __init__(self, plan: PagePlan, page: PageLayout, index: int, flow: Flow):
        self.plan, self.index, self.flow = plan, index, flow
        self.before = {o.article_index: char_count(o.text) for o in page.overflow}
        self.tries = 0
        # (the article's place in the plan, which lists them as placed)
        self.at = next(n for n, p in enumerate(plan.articles) if p.index == index)

    def fits(self, delta: int) -> bool | None:
        """None: the article cannot be edited so (or the tries are spent)."""
        if self.tries >= TRIES:
            return None
        at = self.at
        article = edited(self.plan.articles[at].article, delta)
        if article is None:
            return None
        self.tries += 1
        articles = list(self.plan.issue.articles)
        articles[self.index] = article
        plans = list(self.plan.articles)
        plans[at] = replace(plans[at], article=article)
        # the other articles' layouts are reused (plan.laid holds them by their plans)
        page = self.flow(replace(self.plan, issue=replace(self.plan.issue,
                                                          articles=tuple(articles)),
                                 articles=tuple(plans)))
        for left in page.overflow:
            if left.article_index == self.index or \
                    char_count(left.text) > self.before.get(left.article_index, 0):
                return False
        return True


def tried(plan: PagePlan, page: PageLayout, fit: Copyfit, flow: Flow) -> Copyfit:
    """`fit` with the count that fits by trial (`tried` set), or as it was when no trial
    can be made (an article without a paragraph of its own)."""
    trial = Trial(plan, page, fit.article_index, flow)
    if fit.cut:
        cut = _least_cut(trial, fit.cut)
        return fit if cut is None else replace(fit, cut=cut, add=0, tried=True)
    add = _most_added(trial, fit.add)
    return fit if add is None else replace(fit, add=add, tried=True)


def _most_added(trial: Trial, guess: int) -> int | None:
    """The most characters the article takes with the page still fitting (0: none): the
    guess tried, then one more, two, four … while they fit, then halving between the most
    known to fit and the least known not to."""
    at = max(1, guess)
    outcome = trial.fits(at)
    if outcome is None:
        return None
    fits, over = (at, None) if outcome else (0, at)
    step = 1
    while over is None:
        outcome = trial.fits(fits + step)
        if outcome is None:
            return fits
        if outcome:
            fits, step = fits + step, step * 2
        else:
            over = fits + step
    return _between(trial, fits, over, 1)


def _least_cut(trial: Trial, guess: int) -> int | None:
    """The fewest characters to cut from the article's end for the page to fit: the
    guess tried, then one less (most often the guess is the count), or more by doubling
    steps until a cut fits; then halving between. None: no cut tried fits."""
    outcome = trial.fits(-guess)
    if outcome is None:
        return None
    if outcome:
        if guess <= 1 or not trial.fits(1 - guess):  # (None: tries spent)
            return guess
        return _between(trial, guess - 1, 0, -1)
    over, step = guess, 1
    while True:
        outcome = trial.fits(-(over + step))
        if outcome is None:
            return None
        if outcome:
            return _between(trial, over + step, over, -1)
        over, step = over + step, step * 2


def _between(trial: Trial, good: int, bad: int, sign: int) -> int:
    """Halving between a count that fits (`good`) and one that does not (`bad`): the
    count next to `bad` that fits (sign: +1 counts added, -1 counts cut)."""
    while abs(good - bad) > 1:
        middle = (good + bad) // 2
        outcome = trial.fits(sign * middle)
        if outcome is None:
            break
        if outcome:
            good = middle
        else:
            bad = middle
    return good
