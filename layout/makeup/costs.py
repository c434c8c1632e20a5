"""The make-up's bounds and costs, in one currency: a line of a column left blank is the
unit most things are weighed against (docs/architecture.md, Make-up)."""
from __future__ import annotations

from ..holes import MAX_BLANK, MIN_LEG  # noqa: F401 (MIN_LEG: the flow keeps it too)

CROP = 0.10  # the share of a picture the make-up may crop to land on the grid
MAX_HEAD_EXTRA = 2  # lines of air a headline band may gain
TEXT_BESIDE = 2  # columns of text a picture leaves beside it in a module of four or more
SHORT_OK = 1  # lines a column foot may end short of its module without counting as a hole
KEEP = 24  # heights kept per range of articles and width (the cheapest): a bound on the search
GOOD = 150.0  # cost per article of a make-up good enough to stop trying narrower leads
SETTLE_TRIES = 16  # other picture sizes tried in the flow when the estimate's do not fill
FAR = 4.0  # a lead width whose page costs this many times the best is not searched again
SETTLE_ROUNDS = 4  # times the search runs again without options the flow did not bear out
#                   (or with headlines bounded under one ranked before them: settle.Ordered)
MATCH = 2  # lines by which modules side by side may differ (the shorter one's foot ends short)
SHORT_MOST = MAX_BLANK  # lines the last column of an article may end short (each beyond
#                        SHORT_OK costs SHORT): more is a 天窗
# Headline sizes below the template's, largest first (pt: 小初, 一号, 小一, 二号, 小二).
HEADLINE_STEPS = (36.0, 26.0, 24.0, 22.0, 18.0)
MAX_HEADLINE_LINES = 2
# Sizes below the default ladder's foot (pt: 三号, 四号) a title takes where no ladder
# size sets it in MAX_HEADLINE_LINES: a narrow module's (a template's own ladder is all there is)
NARROW_STEPS = (16.0, 14.0)
MAX_TITLE_LINES = 3  # a main title of more lines than this at every size: too few columns
NEAR_STEP = 0.8  # on a template's ladder, a headline kept to one line by a step down: only
#                  a step to this share or more
# A title whose cut into lines at its size falls inside a term, a quotation or after a word
# that leans on the next (text.phrases: this many em or more; 联创汽车电子与大陆 | 集团…)
# takes the step below where that sets it in as many lines cut at a word's edge
# (text.phrases.WITHIN_CLAUSE or less: 联创汽车电子 | 与大陆集团…), counting the step
BAD_CUT = 8.0
TOO_NARROW = 20  # steps a headline counts when no size sets it in MAX_HEADLINE_LINES lines

# Costs, in one currency: a line of a column left blank is the unit most things are weighed
# against.
HOLE = 100.0  # each blank line at a column's foot beyond SHORT_OK
SHORT = 35.0  # each line the last column of a module with pictures ends short, beyond SHORT_OK
HEAD_BLANK = 10.0  # each grid cell of air beside a headline (in a run down a column shorter
#                   than a hole: air, not a hole, but a headline that spans its module is better)
BLANK_RUN = 3  # lines blank down a column beside a headline that count as a blank
EXTRA = 25.0  # each line of air added to a headline band
STEP_DOWN = 12.0  # each headline size step below the one its rank gives
LEAD_STEP = 80.0  # each step the lead's headline goes below the template's size
TALL = 2000.0  # each line a main title takes past MAX_TITLE_LINES at its smallest size (as
#               much as a wrong hierarchy, UNORDERED: at 400 an underfull page's narrow side
#               module took a title of 5-7 lines as filler, 10 of seeds 0-199, 14 once sizes
#               stepped down by rank)
THIN = 60.0  # each leg of a short story thinner than MIN_LEG lines (a narrower width is better)
CROP_COST = 150.0  # per unit of share cropped (10 % → 15)
THUMB = 300.0  # the lead's first picture a column wide in a module of three or more
PICTURE_SHAPE = 30.0  # a picture block far from ~60 % of its module's width
ORDER = 60.0  # modules stacked under a module whose headline is smaller than theirs (headlines
#               get smaller down the page)
UNORDERED = 2000.0  # and more when the lower headline could not be set down to that size
#                    with its band kept as tall by air (settle.ordered_headlines): a page whose
#                    hierarchy would be wrong
OUT_OF_RANK = 300.0  # a made-up headline larger than one ranked before it (made-up headline
#                     sizes step down by rank: settle.ordered_headlines sets it down to that
#                     size), and UNORDERED more when it could not be so in its band
BUTTING = 60.0  # each pair of headlines side by side at one height (碰题), even with a rule
#                  between (sidebyside.at_one_height): at least the air that staggers them
#                  (DROP a line, three at most: a tie), less than a blank line or a title too
#                  tall for its module (TALL), so a pair stays only where every other
#                  arrangement leaves more blank or text over, or a worse title
DROPS = (2, 3)  # lines of air a headline group may stand under (not the lead's), so that it
#                 is not at one height with its neighbour's (3 and the band's own air stay
#                 under a hole's height, holes.HOLE_MM)
DROP = 20.0  # each line of that air where it staggers the group against a title beside it
STRAY_DROP = HOLE + 1.0  # and elsewhere, each of its cells (a blank band over a headline:
#                          no filler, worse than the hole it would fill)
DIVIDE = 20.0  # an article set in re-divided columns (破栏) rather than on the base grid
READING = 400.0  # modules stacked under a module whose top is not one headline across them:
#                   a reader (and a PDF's reading order) would go down the columns of both
OVERFLOW = 1000.0  # each line of text that does not fit
STUB = 300.0  # each leg of text shorter than MIN_LEG lines
TOO_LOW = 10_000  # lines of overflow a module counts when a picture or title passes its foot
REPAIR_MOVES = (1, 2, 3, 4, 6)  # lines by which a boundary between stacked modules may move
REPAIR_ROUNDS = 4
MOST_ARTICLES = 24  # articles one page's make-up places (its search grows as their cube)
