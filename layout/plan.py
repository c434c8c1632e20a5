"""Template grid + manifest articles → where each article goes, in grid units.

Articles the manifest pins (a template slot or a region) are placed here; the others, and
every picture without a place, are left to the make-up stage (makeup.py)."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from .errors import LayoutError, MissingGlyphError, Mistakes
from .fonts import FontSet
from .model import Article, ArticlePlan, Issue, PagePlan, Region, Template

if TYPE_CHECKING:
    from .flow import TextCache
    from .makeup import Kept as MakeupKept


def plan_page(issue: Issue, template: Template, fonts: FontSet,
              cache: TextCache | None = None, kept: MakeupKept | None = None) -> PagePlan:
    """Each article's columns and lines and every picture's size: pinned articles where the
    manifest puts them, the others made up around them. Every character is checked against
    the faces first: the make-up sets text too (headlines, section bars), and a character
    no face has is a mistake to name, not a crash. `kept`: what an earlier make-up of the
    page kept (`makeup.Kept`)."""
    from .makeup import make_up  # noqa: PLC0415 (make-up measures with the flow)
    from .makeup.placed import rules  # noqa: PLC0415

    pinned = plan_mistakes(issue, template, fonts)
    found = pinned.mistakes
    if found:
        partial = partial_plan(issue, template, fonts, pinned, found, cache)
        if partial is not None:
            raise Unplaced(found, partial)
        raise found[0] if len(found) == 1 else Mistakes(found)
    page = make_up(issue, template, fonts, pinned.plans, cache, kept)
    if issue.rules:
        page = replace(page, rules=tuple(rules([(r.across, r.column, r.line, r.columns,
                                                  r.lines) for r in issue.rules], template))
                       + page.rules)
    return page


class Pinned(NamedTuple):
    """Each article's pinned plan (None: the make-up places it), the mistakes found
    (`plan_mistakes`: every one before the make-up) and the articles the pins' mistakes are
    of (`_pinned`; `partial_plan` plans the page without them)."""

    plans: list[ArticlePlan | None]
    mistakes: list[LayoutError]
    mistaken: set[int]


def plan_mistakes(issue: Issue, template: Template, fonts: FontSet) -> Pinned:
    """Every mistake the placement finds before the make-up, in one run: characters no
    face has, pictures taller than the columns, pinned places off the grid or overlapping,
    rules off the grid; and the pinned articles' plans (`Pinned`)."""
    from .flow import check_text  # noqa: PLC0415 (make-up measures with the flow)

    found: list[LayoutError] = []
    try:
        check_text(issue, template, fonts)
    except LayoutError as err:  # said with the regions' mistakes, if any: one run
        found.extend(getattr(err, "errors", [err]))
    found.extend(_too_tall(issue, template))
    pinned, misplaced, mistaken = _pinned(issue, template)
    found.extend(misplaced)
    found.extend(_off_grid(issue, template))
    if not found:
        found.extend(_through_modules(issue, pinned))
    if not found:
        found.extend(_beside_block(issue, template, pinned))
    return Pinned(pinned, found, mistaken)


def _faces_have(issue: Issue, article, template: Template, fonts: FontSet, check) -> bool:
    """Whether the faces have every character of `article` (and of the page's furniture)."""
    try:
        check(replace(issue, articles=(article,)), template, fonts)
    except LayoutError:
        return False
    return True


class Unplaced(Mistakes):
    """The placement's mistakes of a page, with the page planned without the articles
    they are of (`partial`), for the setting to find its mistakes in the others in the
    same run; None where that cannot be (see `partial_plan`)."""

    def __init__(self, errors: list[LayoutError], partial: PagePlan | None):
        super().__init__(errors)
        self.partial = partial


def partial_plan(issue: Issue, template: Template, fonts: FontSet, pinned: Pinned,
                 found: list[LayoutError], cache: TextCache | None = None) -> PagePlan | None:
    """The page planned without the articles the placement's mistakes `found` are of
    (`pinned`: `plan_mistakes`' plans and the articles its own mistakes are of), when each
    is of one article (a line of the manifest within it) and every other article is
    pinned: the make-up, which would place the others around a page with holes in it, is
    not run. None otherwise."""
    from .flow import TextCache, check_text  # noqa: PLC0415 (as plan_page's)
    from .makeup import sized_pinned  # noqa: PLC0415

    plans, mistaken = pinned.plans, set(pinned.mistaken)
    starts = [a.origin.line for a in issue.articles]
    for err in found:
        if isinstance(err, MissingGlyphError):  # (of the articles that fail alone, below)
            continue
        if err.file != issue.path or err.line is None:
            return None
        within = [i for i, start in enumerate(starts) if start <= err.line]
        if not within:
            return None
        mistaken.add(within[-1])
    kept = [p for p in plans if p is not None and p.index not in mistaken
            and p.below not in mistaken]
    if any(isinstance(err, MissingGlyphError) for err in found):
        kept = [p for p in kept if _faces_have(issue, p.article, template, fonts, check_text)]
    if len(kept) + len(mistaken) < len(issue.articles) or not kept:
        return None  # (an article the make-up would place)
    cache = TextCache() if cache is None else cache
    return PagePlan(issue, template, tuple(
        sized_pinned(p, template, fonts, cache) if any(not i.placed for i in p.article.images)
        else p for p in kept))


def beside(template: Template, column: int) -> bool:
    """Whether `column` is beside a 报头 block at the top left (an article may stand there
    in the block's lines)."""
    block = template.nameplate.columns if template.nameplate else None
    return block is not None and column > block


def _beside_block(issue: Issue, template: Template,
                  pinned: list[ArticlePlan | None]) -> list[LayoutError]:
    """A 报头 block at the top left leaves the columns beside it, in its lines, to the
    articles the manifest pins there (the lead, a 导读 box: the make-up places the others
    in the rectangle under it); every cell of them must be one's."""
    plate = template.nameplate
    if plate is None or plate.columns is None:
        return []
    first, last = plate.columns + 1, plate.lines - 1  # (its last line: the rule's)
    taken = {(c, line) for p in pinned if p is not None
             for c in range(p.first_column, p.last_column + 1)
             for line in range(p.first_line, min(p.last_line, plate.lines) + 1)}
    beside_ = [(c, line) for c in range(first, template.columns + 1)
               for line in range(1, plate.lines + 1)]
    if all(((c, line) in taken) == (line <= last) for c, line in beside_):
        return []
    right = f"{first}-{template.columns}" if first < template.columns else str(first)
    return [LayoutError(
        f"the 报头 of template {template.name!r} stands at the top left (columns "
        f"1-{plate.columns}, lines 1-{plate.lines}, a rule through its last line); columns "
        f"{right} beside it, lines 1-{last}, are the manifest's to fill, and no more",
        issue.template_origin.file, issue.template_origin.line,
        hint=f"give the article beside it (the lead, or the 导读) `region: {{columns: "
             f"{right}, lines: 1-{last}}}` (or pin several there); left to the make-up, "
             "it stands there only if one of the first it places fits")]


def _off_grid(issue: Issue, template: Template) -> list[LayoutError]:
    """`rules:` (between pinned modules) that leave the grid."""
    t = template
    found = []
    for rule in issue.rules:
        right = rule.column + rule.columns - 1
        bottom = rule.line + rule.lines - 1
        if right > t.columns or bottom > t.grid_lines:
            found.append(LayoutError(
                f"rule ({rule.where()}) leaves the grid of template {t.name!r} ({t.columns} "
                f"columns, {t.grid_lines} lines)", rule.origin.file, rule.origin.line,
                hint="keep the rule within the grid, or leave it out"))
    return found


def _through_modules(issue: Issue, pinned: list[ArticlePlan | None]) -> list[LayoutError]:
    """`rules:` that run through a pinned article's module rather than between modules (a
    rule `layout pin` wrote, left where it was when the regions were moved): they would
    print across its text."""
    found = []
    modules = [plan for plan in pinned if plan is not None]
    for rule in issue.rules:
        # (a module's first line is air where its band has some: the group is centred under
        # a rule through it, as a jump's rest is set under the rule that parts it from the
        # page)
        crossed = next((plan for plan in modules if rule.runs_through(
            plan.first_column, plan.last_column,
            plan.first_line + (1 if rule.across and plan.head_extra else 0), plan.last_line)),
            None)
        if crossed is not None:
            found.append(LayoutError(
                f"rule ({rule.where()}) runs through article {crossed.index + 1}'s module "
                f"(columns {crossed.first_column}-{crossed.last_column}, lines "
                f"{crossed.first_line}-{crossed.last_line}): it would print across its text",
                rule.origin.file, rule.origin.line,
                hint="move the rule to the blank line or gutter between modules, or leave it "
                     "out (after moving regions that `layout pin` wrote, move its rules with "
                     "them, or delete them all and pin again)"))
    return found


def _too_tall(issue: Issue, template: Template) -> list[LayoutError]:
    """A column-wide picture in the body taller than the page's columns: named where it is
    written (it could only ever be left over), and a grid too short for any article."""
    from .model import Figure  # noqa: PLC0415

    found = []
    lines = template.grid_lines - (template.banner.lines if template.banner else 0)
    if lines < 8 and issue.articles:  # (a headline, a blank line and a leg of text)
        found.append(LayoutError(
            f"template {template.name!r} leaves {max(lines, 0)} line(s) of {template.pitch:g} "
            "pt for the articles: too few for any", template.path,
            hint="check the page's size and margins (and the banner's lines)"))
    for article in issue.articles:
        for block in article.blocks:
            if isinstance(block, Figure) and block.lines > lines:
                found.append(LayoutError(
                    f"a picture of {block.lines} lines in the body: the columns hold "
                    f"{lines}", block.origin.file, block.origin.line,
                    hint=f"give it {lines // 2} lines or fewer (`picture: N` counts body "
                         "lines)"))
    return found


def pin_articles(issue: Issue, template: Template) -> list[ArticlePlan | None]:
    """Give each pinned article its columns and lines (None for the others); refuse
    regions off the grid or overlapping: every such mistake, in one run."""
    plans, found, _ = _pinned(issue, template)
    if found:
        raise found[0] if len(found) == 1 else Mistakes(found)
    return plans


def _pinned(issue: Issue, template: Template) -> Pinned:
    """Each article's pinned plan or None, the mistakes found, the articles they are of."""
    plans: list[ArticlePlan | None] = []
    found: list[LayoutError] = []
    mistaken: set[int] = set()
    for index in range(len(issue.articles)):
        try:
            plans.append(_pin(issue, template, index, plans, mistaken))
        except LayoutError as err:
            if not isinstance(err, _Mistaken):
                found.append(err)
            mistaken.add(index)
            plans.append(None)
    return Pinned(plans, found, mistaken)


class _Mistaken(LayoutError):
    """An article whose place builds on one already found mistaken: nothing more to say."""


def _pin(issue: Issue, template: Template, index: int, plans: list[ArticlePlan | None],
         mistaken: set[int]) -> ArticlePlan | None:
    """The pinned article `index`'s plan (None: the make-up places it)."""
    article = issue.articles[index]
    if not article.pinned:
        return None
    region = _region(article, template, index)
    first_col, last_col = region.first_column, region.last_column
    first_line, last_line = region.first_line, region.last_line
    below = _below(article, region, index, plans, mistaken)
    if below is not None:
        upper = plans[below]
        assert upper is not None  # (`_below` names a pinned article)
        first_line = max(first_line, upper.first_line)
    last_line = template.grid_lines if last_line is None else last_line
    if last_col > template.columns or last_line > template.grid_lines:
        raise LayoutError(
            f"article {index + 1}: region columns {first_col}-{last_col}, lines "
            f"{first_line}-{last_line} leaves the grid of template {template.name!r} "
            f"({template.columns} columns, {template.grid_lines} lines)",
            article.origin.file, article.origin.line,
            hint="keep the region within the grid")
    measure = _measure(article, region, index, template, last_col - first_col + 1)
    if region.air + region.drop > last_line - first_line:
        raise LayoutError(
            f"article {index + 1}: `air: {region.air}` and `drop: {region.drop}` are more "
            f"lines than its region's {last_line - first_line + 1}", article.origin.file,
            article.origin.line, hint="give it a line or two of air")
    plan = ArticlePlan(article, index, first_col, last_col, first_line, last_line, below,
                       region.air, measure, head_drop=region.drop)
    _refuse_clashes(plan, template, plans)
    return plan


def _region(article: Article, template: Template, index: int) -> Region:
    """The article's region: its own, or its slot's in the template."""
    if article.slot is None:
        assert article.region is not None  # (a pinned article has a slot or a region)
        return article.region
    if article.slot not in template.slots:
        raise LayoutError(
            f"article {index + 1}: template {template.name!r} has no slot "
            f"{article.slot!r}", article.origin.file, article.origin.line,
            hint="its slots: " + (", ".join(template.slots) or "none"))
    return template.slots[article.slot]


def _below(article: Article, region: Region, index: int, plans: list[ArticlePlan | None],
           mistaken: set[int]) -> int | None:
    """The index of the article `below:` stacks this one under (None: none), which must be
    an earlier one, pinned and not mistaken."""
    if region.below is None:
        return None
    if region.below > index:
        raise LayoutError(
            f"article {index + 1}: `below: {region.below}` must name an article "
            f"before it (1-{index})" if index else
            f"article 1: `below: {region.below}`: the first article has none "
            "above it", article.origin.file, article.origin.line,
            hint="stack articles in manifest order, the upper one first")
    below = region.below - 1
    if below in mistaken:  # its own mistake is said; this one's place waits on it
        raise _Mistaken("(its place waits on a mistaken article)")
    if plans[below] is None:
        raise LayoutError(
            f"article {index + 1}: `below: {region.below}` names an article the "
            "make-up places", article.origin.file, article.origin.line,
            hint=f"give article {region.below} a slot or region too")
    return below


def _measure(article: Article, region: Region, index: int, template: Template,
             count: int) -> tuple[int, float, float] | None:
    """`divide:` the measure of the article's re-divided (破栏) columns (None: not
    divided); a division that does not suit its `count` columns refused."""
    if not region.divide:
        return None
    from .flow import MIN_DIVIDED, divided_into  # noqa: PLC0415 (as plan_page's)
    measure = divided_into(template, count, region.divide) \
        if region.divide < count else None
    if measure is None:
        suits = [n for n in range(2, count) if divided_into(template, count, n)]
        raise LayoutError(
            f"article {index + 1}: `divide: {region.divide}` does not suit its "
            f"{count} column(s) (破栏 columns are at least "
            f"{MIN_DIVIDED} characters wide, their gutters at most two of the page's)",
            article.origin.file, article.origin.line,
            hint=("divide it into " + " or ".join(map(str, suits))) if suits else
            "leave `divide:` out: these columns cannot be re-divided")
    return measure


def _refuse_clashes(plan: ArticlePlan, template: Template,
                    plans: list[ArticlePlan | None]) -> None:
    """A pinned article that starts inside the banner, or shares a column and line with
    another (not one it is stacked under), is refused."""
    article, index, first_line = plan.article, plan.index, plan.first_line
    if template.banner and first_line <= template.banner.lines and not beside(
            template, plan.first_column):
        raise LayoutError(
            f"article {index + 1} starts on grid line {first_line}, inside the banner "
            f"(lines 1-{template.banner.lines})", article.origin.file,
            article.origin.line, hint=f"start it on line {template.banner.lines + 1} "
                                      "or lower")
    above = _stacked_on(plan, plans)
    for other in filter(None, plans):
        if other.index not in above and _overlap(plan, other):
            raise LayoutError(
                f"article {index + 1} overlaps article {other.index + 1} (line "
                f"{other.article.origin.line})", article.origin.file, article.origin.line,
                hint="give the articles regions that do not share a column and line")


def _stacked_on(plan: ArticlePlan, plans: list[ArticlePlan | None]) -> set[int]:
    """The articles `plan` starts under, directly or through others: their lines are only
    known once they are laid out, and the flow keeps it below them."""
    out: set[int] = set()
    while plan.below is not None and plan.below not in out:
        out.add(plan.below)
        upper = plans[plan.below]
        assert upper is not None  # (`_below` names a pinned article)
        plan = upper
    return out


def _overlap(a: ArticlePlan, b: ArticlePlan) -> bool:
    return (a.first_column <= b.last_column and b.first_column <= a.last_column
            and a.first_line <= b.last_line and b.first_line <= a.last_line)
