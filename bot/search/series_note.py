"""Which post of a series an answer is from, when the question did not say.

A blog writes some things every year or every release under one title: "Rust Survey 2019
Results", "2024 State of Rust Survey Results", "Announcing Rust 1.50.0", "… 1.51.0". Each
year's results post reports the same statistics in the same words ("we received 3997
responses", "had a record 8,323 total responses"), so "how many responses did the rust
survey get" is answered from one year's post, and the member cannot tell that the others
report it with another figure. No ranking picks "the" year the question leaves unsaid
(bench/README.md, "rank25": 7 of fresh17's 22 blog misses); the reply says which post it
answers from and names the others that also hold the question's words together:

    From the 2024 post; the 2019 and 2023 posts report this too.

and, when the question names a year that none of the series' posts is, says so rather than
silently answering from another year:

    No 2015 post of this series; this is from the 2019 one.

No line when the question names the answer's own year or version (it asked for that post),
when the answer is no post of a series, or when no other post of it holds the question's
words as closely (its answer is not one of several).

The same holds for posts dated closer than a year: the four CTCFT agendas of 2022 each
say "we'll be running a social hour after the CTCFT", the Governance Working Group's eight
meeting notes and the monthly test-infra posts hold one another's words, two patch releases
of rustup report one download fix (bench/README.md, "rank27": 5 of fresh19's 15 blog misses
are such siblings with nothing in the question to tell them apart). The line names them by
their dates ("From the 2022-05-16 post; the 2022-02-21, 2022-03-21 and 2022-04-18 posts
report this too.") or, for releases, the patch releases of the answer's own line.

What is read is the titles' shape, not the library's topics: a title's MARK, the one date
it writes (year first, "14 January 2020" or "January and February 2025"), else its one
year or release number (stages.title_years, versions.version_named), and its series
words without the mark and month names (series.series_words, stages.without_months). Two titles are one series when each holds
most of the other's words (Policy.series_note_share, over the LONGER title: "Rust Survey …
Results" and the Go survey's results share two of three words, not one series) and both
report an outcome or neither does (stages.reports_outcome, announces_ahead: the survey's
launch post is another series of the same words).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence

from bot.library.model import Article
from bot.search.period import MONTH_NAMES
from bot.search.policy import Policy
from bot.search.present import pre_release
from bot.search.rerank import Ranked
from bot.search.series import series_words
from bot.search.stages import (
    announces_ahead,
    days_asked,
    months_asked,
    reports_outcome,
    title_dated_years,
    title_months,
    title_years,
    without_months,
    without_stage,
    years_asked,
)
from bot.search.versions import release_numbers, version_named

# How many of the other posts the line names before "and N more": a reply line, not a list.
_NAMED = 3

_MONTH = "|".join(MONTH_NAMES)
# A word of a title, a hyphenated one whole ("pre-release"): a stage a pre-release post writes.
_STAGE_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# A date a title writes in numbers ("2019-11-14"): its month is the date's, not one the
# title names by itself.
_DATED_NUMBERS = re.compile(r"(?<![\w.])(?:19|20)\d\d-[01]\d")
# A date a title writes, as written: year first ("CTCFT 2022-05-16 Agenda"), a day, month
# and year ("Meeting 14 January 2020"), or a month or two and a year ("Program management
# update — June 2026", "January and February 2025", "April & May 2026").
_DATED = re.compile(
    rf"(?<![\w.-])(?:(?:19|20)\d\d-[01]\d-[0-3]\d"
    rf"|(?:\d{{1,2}} )?(?:{_MONTH})(?: (?:and|&) (?:{_MONTH}))? (?:19|20)\d\d)(?![\w.-])",
    re.IGNORECASE,
)


def mark(title: str) -> str | None:
    """What tells a title apart from its series' others: the one date it writes ("CTCFT
    2022-05-16 Agenda" -> "2022-05-16", "Program management update — June 2026" -> "June
    2026"), else the one year it names ("Rust Survey 2019 Results" -> "2019"), else its one
    release number ("Announcing Rust 1.51.0" -> "1.51.0"), with the stage a pre-release
    post's title writes ("1.68.0 pre-release testing" -> "1.68.0 pre-release", "Rustup
    1.29.0 beta: call for testing!" -> "1.29.0 beta"); None for none or several."""
    dates = _DATED.findall(title)
    if dates:
        return dates[0] if len(dates) == 1 else None
    years = title_years(title)
    if len(years) == 1:
        return next(iter(years))
    number = None if years else version_named(title)
    if number is None or not pre_release(title):
        return number
    # The library holds the release of that number too ("Announcing Rust 1.68.0"): a bare
    # "1.68.0" in the line would name it, not the pre-release post the line means.
    after = title.lower().partition(number)[2]
    stages = [w for w in _STAGE_WORD.findall(after) if pre_release(w)]
    stages = stages or [w for w in _STAGE_WORD.findall(title.lower()) if pre_release(w)]
    return f"{number} {stages[0]}"


def posted_mark(article: Article) -> str | None:
    """A post's mark (mark), or for a title naming one month and no year ("Lang team April
    update", written in 2021 and again in 2022) that month in the year nearest the post's
    date: "April 2022". A post reports on its month or announces it, within months of it
    ("December Project Goals Update" written in January 2025 is December 2024)."""
    own = mark(article.title)
    if own is not None or article.date is None or title_years(article.title):
        return own
    months = title_months(article.title)
    if len(months) != 1 or _DATED_NUMBERS.search(article.title):
        return None
    (month,) = months
    when = article.date
    year = min(
        (when.year - 1, when.year, when.year + 1),
        key=lambda y: abs(y * 12 + month - (when.year * 12 + when.month)),
    )
    return f"{calendar.month_name[month]} {year}"


def _shape(title: str) -> tuple[frozenset[str], bool, bool]:
    # Month names are the mark's ("… June 2026"), not the series'.
    return without_months(series_words(title)), reports_outcome(title), announces_ahead(title)


def one_series(
    a: str, b: str, share: float, marks: tuple[str | None, str | None] | None = None
) -> bool:
    """Whether two titles are posts of one series: each has a mark and they differ, they
    share at least `share` of the longer's words, and both are at one stage (both report
    an outcome or neither; both announce ahead or neither). `marks`: the posts' marks
    when read with their dates (posted_mark), else the titles'."""
    ma, mb = marks or (mark(a), mark(b))
    if ma is None or mb is None or ma == mb:
        return False
    wa, oa, aa = _shape(a)
    wb, ob, ab = _shape(b)
    return _alike(wa, wb, share) and oa == ob and aa == ab


def any_stage(a: str, b: str, share: float) -> bool:
    """Whether two titles are posts of one series at any stage of it (stage words aside:
    stages.without_stage): "State of Rust Survey 2016", the 2016 results, writes no
    "results"; a year it names is one the series has."""
    wa, wb = (without_months(without_stage(series_words(t))) for t in (a, b))
    return _alike(wa, wb, share)


def _alike(wa: frozenset[str], wb: frozenset[str], share: float) -> bool:
    """Whether two titles' series words share at least `share` of the longer's."""
    most = max(len(wa), len(wb))
    return bool(most) and len(wa & wb) / most >= share


def _listed(marks: Sequence[str]) -> str:
    # "and 1 more" says less than the one mark it stands for: up to one over, all named.
    shown = list(marks[: _NAMED + 1] if len(marks) <= _NAMED + 1 else marks[:_NAMED])
    more = len(marks) - len(shown)
    if more:
        return f"{', '.join(shown)} and {more} more"
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def _ordered(posts: Iterable[Ranked]) -> list[str]:
    """The posts' marks, oldest post first (by its date; undated ones by the numbers of
    their marks, after the dated), each mark once."""

    def key(r: Ranked) -> tuple[float, tuple[int, ...]]:
        when = r.article.date.timestamp() if r.article.date else float("inf")
        return when, tuple(int(p) for p in re.findall(r"\d+", mark(r.article.title) or ""))

    return list(dict.fromkeys(m for r in sorted(posts, key=key) if (m := posted_mark(r.article))))


def _release_line(m: str) -> tuple[str, ...]:
    """A release number's line: its first two numbers ("1.28.1" -> ("1", "28"))."""
    return tuple(m.split(".")[:2])


def note(
    typed: tuple[str, ...],
    terms: Iterable[str],
    found: Sequence[Ranked],
    titles: Iterable[str],
    policy: Policy,
) -> str | None:
    """The line saying which post of a series the answer (`found[0]`) is from, or None.

    `typed`: the question's words as typed; `terms`: its stems (a release number asked is
    one); `found`: the reranked candidates, best first; `titles`: the titles of the
    question's candidates, read only when the question names a year (to say none of the
    series' posts is it)."""
    if not found or not policy.series_note_share:
        return None
    title = found[0].article.title
    own = posted_mark(found[0].article)
    if own is None:
        return None
    years = years_asked(typed)
    versions = set(release_numbers(terms))
    dated = title_dated_years(title)
    monthly = own != mark(title)  # a month named alone, its year the post's date's
    if years & dated or any(own == v or own.startswith(f"{v}.") for v in versions):
        return None  # the question names this post
    if months_asked(typed) or days_asked(typed):
        return None  # a month or day asked: the rank's to find (rerank.sibling_first)
    share = policy.series_note_share
    if years:
        if not dated:
            return None  # a release marked by its number: the year asked is its date's
        # The years of the series' posts at any stage: a launch post or a results post
        # titled without "results" is a post of its year all the same.
        series = {y for t in titles if any_stage(title, t, share) for y in title_dated_years(t)}
        if not series - dated or years & series:
            return None  # no series, or a post of the year asked (the rank's to find)
        asked = _listed(sorted(years))
        return f"No {asked} post of this series; this is from the {own} one."
    if versions:
        return None  # a release asked that is not this post's: the rank's to find
    best = found[0].evidence.cover
    floor = policy.series_note_cover * best
    others = [
        r
        for r in found[1:]
        if r.evidence.cover >= floor
        and (m := posted_mark(r.article)) is not None
        and one_series(title, r.article.title, share, (own, m))
        # Release announcements name a feature again in passing ("1.25.0, 1.25.1, 1.25.2
        # and 6 more" for one feature): of releases, only the patch releases of the
        # answer's own line (1.28.1 and 1.28.2 report one download fix; 1.29.0 beta and
        # 1.29.1 beta one update check). Dated posts report the same thing afresh.
        and (dated or monthly or _release_line(m) == _release_line(own))
    ]
    if not best or not others:
        return None
    marks = _ordered(others)
    verb = "reports" if len(marks) == 1 else "report"
    plural = "post" if len(marks) == 1 else "posts"
    return f"From the {own} post; the {_listed(marks)} {plural} {verb} this too."
