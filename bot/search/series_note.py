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

What is read is the titles' shape, not the library's topics: a title's MARK, the one year
or release number it writes (stages.title_years, versions.version_named), and its series
words without the mark (series.series_words). Two titles are one series when each holds
most of the other's words (Policy.series_note_share, over the LONGER title: "Rust Survey …
Results" and the Go survey's results share two of three words, not one series) and both
report an outcome or neither does (stages.reports_outcome, announces_ahead: the survey's
launch post is another series of the same words).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.search.policy import Policy
from bot.search.rerank import Ranked
from bot.search.series import series_words
from bot.search.stages import (
    announces_ahead,
    reports_outcome,
    title_years,
    without_stage,
    years_asked,
)
from bot.search.versions import release_numbers, version_named

# How many of the other posts the line names before "and N more": a reply line, not a list.
_NAMED = 3


def mark(title: str) -> str | None:
    """What tells a title apart from its series' others: the one year it names ("Rust Survey
    2019 Results" -> "2019"), else its one release number ("Announcing Rust 1.51.0" ->
    "1.51.0"); None for none or several."""
    years = title_years(title)
    if len(years) == 1:
        return next(iter(years))
    return None if years else version_named(title)


def _shape(title: str) -> tuple[frozenset[str], bool, bool]:
    return series_words(title), reports_outcome(title), announces_ahead(title)


def one_series(a: str, b: str, share: float) -> bool:
    """Whether two titles are posts of one series: each has a mark and they differ, they
    share at least `share` of the longer's words, and both are at one stage (both report
    an outcome or neither; both announce ahead or neither)."""
    ma, mb = mark(a), mark(b)
    if ma is None or mb is None or ma == mb:
        return False
    wa, oa, aa = _shape(a)
    wb, ob, ab = _shape(b)
    return _alike(wa, wb, share) and oa == ob and aa == ab


def any_stage(a: str, b: str, share: float) -> bool:
    """Whether two titles are posts of one series at any stage of it (stage words aside:
    stages.without_stage): "State of Rust Survey 2016", the 2016 results, writes no
    "results"; a year it names is one the series has."""
    return _alike(without_stage(series_words(a)), without_stage(series_words(b)), share)


def _alike(wa: frozenset[str], wb: frozenset[str], share: float) -> bool:
    """Whether two titles' series words share at least `share` of the longer's."""
    most = max(len(wa), len(wb))
    return bool(most) and len(wa & wb) / most >= share


def _listed(marks: Sequence[str]) -> str:
    shown = list(marks[:_NAMED])
    more = len(marks) - len(shown)
    if more:
        return f"{', '.join(shown)} and {more} more"
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def _ordered(marks: Iterable[str]) -> list[str]:
    """Marks oldest first: years and release numbers by their numbers."""

    def key(m: str) -> tuple[int, ...]:
        return tuple(int(p) for p in m.split(".") if p.isdigit())

    return sorted(set(marks), key=key)


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
    own = mark(title)
    if own is None:
        return None
    years = years_asked(typed)
    versions = set(release_numbers(terms))
    if own in years or any(own == v or own.startswith(f"{v}.") for v in versions):
        return None  # the question names this post
    share = policy.series_note_share
    if years:
        if not title_years(title):
            return None  # a release marked by its number: the year asked is its date's
        # The years of the series' posts at any stage: a launch post or a results post
        # titled without "results" is a post of its year all the same.
        series = {y for t in titles if any_stage(title, t, share) for y in title_years(t)}
        if not series - {own} or years & series:
            return None  # no series, or a post of the year asked (the rank's to find)
        asked = _listed(sorted(years))
        return f"No {asked} post of this series; this is from the {own} one."
    if versions:
        return None  # a release asked that is not this post's: the rank's to find
    if not title_years(title):
        # Release announcements name a feature again in passing ("1.25.0, 1.25.1, 1.25.2 and
        # 6 more" for one feature): a line a member reads past when the answer is right.
        # Yearly posts report the same statistic afresh, the case the line is for.
        return None
    best = found[0].evidence.cover
    floor = policy.series_note_cover * best
    others = [
        m
        for r in found[1:]
        if r.evidence.cover >= floor
        and one_series(title, r.article.title, share)
        and (m := mark(r.article.title)) is not None
        and m != own
    ]
    if not best or not others:
        return None
    others = _ordered(others)
    verb = "reports" if len(others) == 1 else "report"
    plural = "post" if len(others) == 1 else "posts"
    return f"From the {own} post; the {_listed(others)} {plural} {verb} this too."
