"""Periods of publication a request names: "articles from 2021", "posts from march 2024",
"what was published last month", "anything from this week", "stories from yesterday",
"3 days ago", "the 2010s", "early 2024", "before 2020".

Read from closed classes of English (years, month names, "today", "this/last/past" with a
unit of time) into a Period as typed; `span` turns it into the dates it covers against
today's date, which the engine's clock gives (relative periods move with it, and tests set
it). Nothing here raises on odd input: "articles from 99999" and "posts from month 13"
name no period.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

# Month names and their common short forms (stages.py reads the two apart: a short form is
# a month only beside a year or a day).
MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
SHORT_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
MONTHS = MONTH_NAMES | SHORT_MONTHS
# "May" is also a modal verb ("may i see…"): a month only next to a year or after a word
# that introduces a time ("from may", "in may 2021").
_MODAL_MONTHS = frozenset(["may"])
# The words after which a month name or a number of units is a time: "from march".
# "before" and "after" bound a period on one side ("go posts before 2015"), as "since" does.
TIME_LEAD = frozenset(
    ["from", "in", "during", "of", "since", "for", "between", "to", "until", "before", "after"]
)
# The words bounding a period on one side, and the side the span keeps: "since 2019" up to
# today, the period included; "before 2015" up to its start; "after 2020" from its end.
BOUNDS = frozenset(["since", "before", "after"])
UNITS = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}
# "this week" is the calendar week so far, "last week" the one before; "the past week"
# and "the last 3 days" the days up to today.
_THIS = frozenset(["this", "current"])
_LAST = frozenset(["last", "previous", "past"])
_ROLLING = frozenset(["past"])
# The numbers of units a request may count ("the last 3 weeks", "past two months").
_COUNTS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "few": 3,
}
# A count of one unit "ago" ("a week ago"): the article English counts one with.
_ONE = frozenset(["a", "an"])
# What comes after a count of units to place it before today: "3 days ago".
_AGO = "ago"
# The parts of a year English names ("early 2024", "mid 2019", "late 2019"): its thirds,
# by the month each starts at and how many months it runs; and the seasons with a year
# ("summer 2024"), as meteorology counts them north of the equator, where the libraries'
# writers mostly are. Winter is left out: "winter 2024" may be either side of a new year.
# "Mid-2019" reads as words "mid" "2019".
_PARTS = {
    "early": (1, 4),
    "mid": (5, 4),
    "late": (9, 4),
    "spring": (3, 3),
    "summer": (6, 3),
    "autumn": (9, 3),
    "fall": (9, 3),
}
# A decade written as its first year and "s" ("the 2010s", "1990s").
_DECADE = re.compile(r"([12]\d{2}0)s")
_YEAR = re.compile(r"[12]\d{3}")
_TWO_DIGITS = re.compile(r"\d\d")  # 1000-2999: four digits, as years are written
_MAX_COUNT = 10_000  # "the last 99999 days" names no period
# Words that join a period's parts ("march of 2024") or two periods ("from 2019 to 2021").
JOINING = frozenset(["of", "to", "and", "until", "till", "through", "thru"])
# Words that name a period's day relative to today.
_DAYS = {"today": 0, "yesterday": 1}
# The first words of a period relative to today, which need no word introducing them
# ("rust posts last week").
RELATIVE_START = _THIS | _LAST | frozenset(_DAYS)


def introduced(ws: Sequence[str], i: int) -> bool:
    """Whether the period starting at word i is introduced as a time: it starts with a
    word relative to today ("last week") or is a count "ago" ("2 weeks ago"), or follows a
    word of TIME_LEAD, with or without "the" between ("from 2019", "from the 2010s")."""
    lead = ws[i - 2] if i > 1 and ws[i - 1] == "the" else ws[i - 1] if i else ""
    return ws[i] in RELATIVE_START or ws[i + 2 : i + 3] == [_AGO] or lead in TIME_LEAD


@dataclass(frozen=True, slots=True)
class Period:
    """A period as typed. Absolute: `year` (with `month`: that month; `month` alone: the
    most recent such month, or with `unit` "year" that month `back` years ago). Relative: `unit` ("day", "week", "month", "year") `back`
    units before the current one (0: this one), or with `rolling` the `back` units up to
    today ("the past 3 days")."""

    year: int | None = None
    month: int | None = None
    day: int | None = None  # of `year` and `month` ("2024-03-05")
    months: int = 1  # with `year` and `month`: that many months from it ("early 2024")
    decade: bool = False  # with `year`: the ten years from it ("the 2010s")
    unit: str | None = None
    back: int = 0
    rolling: bool = False


@dataclass(frozen=True, slots=True)
class Span:
    """The dates a request's period covers, `end` excluded, and how a reply names it
    ("from 2021", "from March 2024", "since 2019")."""

    start: date
    end: date
    label: str

    @property
    def bounds(self) -> tuple[str, str]:
        """As ISO text, as LibraryIndex.published and Query.dates take them."""
        return self.start.isoformat(), self.end.isoformat()


@dataclass(frozen=True, slots=True)
class Named:
    """The periods a request names, the word bounding them on one side ("since": up to
    today, "before", "after"; see BOUNDS) or None, and the positions of the words that
    name them (the rest say what to list)."""

    periods: tuple[Period, ...]
    bound: str | None
    used: frozenset[int]


def read_period(ws: Sequence[str]) -> Named | None:
    """The periods the words name (at most two: "from 2019 to 2021"), or None."""
    periods: list[Period] = []
    used: set[int] = set()
    bound = None
    i = 0
    while i < len(ws):
        found = _at(ws, i)
        if found is None:
            i += 1
            continue
        period, width = found
        if i and ws[i - 1] in BOUNDS:
            bound = ws[i - 1]
        periods.append(period)
        used.update(range(i, i + width))
        i += width
    if not periods or len(periods) > 2:
        return None
    if bound is not None and len(periods) > 1:
        return None  # "before 2015 to 2019" bounds what no one span says
    return Named(tuple(periods), bound, frozenset(used))


def _at(ws: Sequence[str], i: int) -> tuple[Period, int] | None:
    """The period the words from i on start with, and how many words name it."""
    w = ws[i]
    before = ws[i - 1] if i else ""
    nxt = ws[i + 1] if i + 1 < len(ws) else ""
    decade = _DECADE.fullmatch(w)
    if decade:
        return Period(year=int(decade.group(1)), decade=True), 1
    if w in _PARTS and _YEAR.fullmatch(nxt):
        month, months = _PARTS[w]
        return Period(year=int(nxt), month=month, months=months), 2
    ago = _ago(w, nxt) if ws[i + 2 : i + 3] == [_AGO] else None
    if ago is not None:
        return ago
    if _YEAR.fullmatch(w):
        # An ISO date typed in the text ("posts from 2024-03", "2024-03-05") reads as
        # words "2024" "03" "05": two-digit parts after the year.
        parts = list(itertools.takewhile(_TWO_DIGITS.fullmatch, ws[i + 1 : i + 3]))
        if parts:
            month, day = int(parts[0]), int(parts[1]) if len(parts) > 1 else None
            return Period(year=int(w), month=month, day=day), 1 + len(parts)
        return Period(year=int(w)), 1
    if w in _DAYS:
        return Period(unit="day", back=_DAYS[w]), 1
    month = MONTHS.get(w)
    if month is not None:
        # "march 2024", "march of 2024"
        rest = ws[i + 1 : i + 3]
        year_at = 1 if rest[:1] and _YEAR.fullmatch(rest[0]) else None
        if year_at is None and rest[:1] == ["of"] and len(rest) > 1 and _YEAR.fullmatch(rest[1]):
            year_at = 2
        if year_at is not None:
            return Period(year=int(ws[i + year_at]), month=month), year_at + 1
        if len(rest) == 2 and rest[0] in _THIS | _LAST and rest[1] == "year":
            # "january this year", "march last year"
            return Period(month=month, unit="year", back=int(rest[0] in _LAST)), 3
        if w in _MODAL_MONTHS and before not in TIME_LEAD | _THIS | _LAST:
            return None
        return Period(month=month), 1
    if w in _THIS | _LAST:
        return _relative(ws, i)
    return None


def _ago(count: str, unit: str) -> tuple[Period, int] | None:
    """ "3 days ago", "two weeks ago", "a month ago": the day, calendar week, month or year
    that many before the current one, as "last week" is the one before."""
    n = 1 if count in _ONE else int(count) if count.isdigit() else _COUNTS.get(count)
    if n is None or unit not in UNITS or not 0 < n <= _MAX_COUNT:
        return None
    return Period(unit=UNITS[unit], back=n), 3


def _relative(ws: Sequence[str], i: int) -> tuple[Period, int] | None:
    """ "this week", "last month", "the past year", "the last 3 days", "past two weeks"."""
    w = ws[i]
    nxt = ws[i + 1] if i + 1 < len(ws) else ""
    if w in _LAST and (nxt.isdigit() or nxt in _COUNTS) and i + 2 < len(ws):
        unit = UNITS.get(ws[i + 2])
        count = int(nxt) if nxt.isdigit() else _COUNTS[nxt]
        if unit is None or not 0 < count <= _MAX_COUNT:
            return None
        return Period(unit=unit, back=count, rolling=True), 3
    unit = UNITS.get(nxt)
    if unit is None or nxt.endswith("s"):  # "last weeks" names no period
        return None
    if w in _THIS:
        return Period(unit=unit), 2
    if w in _ROLLING:  # "the past week": the 7 days up to today
        return Period(unit=unit, back=1, rolling=True), 2
    return Period(unit=unit, back=1), 2


# The value of a `date:` search filter: a year, a month or a day, or two joined by "..".
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def filter_dates(value: str) -> tuple[str, str] | None:
    """The ISO text bounds (`end` excluded) of a `date:` filter's value ("2021",
    "2024-03", "2024-03-05", "2019..2021"), as LibraryIndex.published takes them; None
    when it is not a date ("date:2024-13", "date:soon")."""
    first, _, last = value.partition("..")
    try:
        start, end = _iso_span(first), _iso_span(last or first)
    except ValueError:  # month 13, day 32, year 0
        return None
    if start is None or end is None or start[0] >= end[1]:
        return None
    return start[0].isoformat(), end[1].isoformat()


def _iso_span(text: str) -> tuple[date, date] | None:
    m = _ISO.fullmatch(text)
    if m is None:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    if day is not None and month is not None:
        start = date(year, month, day)
        return start, start + timedelta(days=1)
    if month is not None:
        first, after, _ = _month(year, month)
        return first, after
    return date(year, 1, 1), date(year + 1, 1, 1)


def span(named: Named, today: date) -> Span | None:
    """The dates the named periods cover against today, None when they cover none a
    calendar holds ("the last 1000 years" runs before year 1)."""
    try:
        spans = [_span(p, today) for p in named.periods]
    except (ValueError, OverflowError):  # before year 1 or after 9999
        return None
    first, last = min(spans, key=lambda s: s[0]), max(spans, key=lambda s: s[1])
    start, end = first[0], last[1]
    if named.bound == "since":
        return Span(start, max(end, today + timedelta(days=1)), f"since {first[2]}")
    if named.bound == "before":
        return Span(date.min, start, f"before {first[2]}")
    if named.bound == "after":
        return Span(end, max(end, today) + timedelta(days=1), f"after {first[2]}")
    if len(spans) == 1:
        return Span(start, end, f"from {first[2]}")
    if start >= end:
        return None
    return Span(start, end, f"from {first[2]} to {last[2]}")


def _span(p: Period, today: date) -> tuple[date, date, str]:
    """One period's first date, the date after its last, and its name."""
    if p.decade and p.year is not None:
        return date(p.year, 1, 1), date(p.year + 10, 1, 1), f"the {p.year}s"
    if p.year is not None and p.month is None:
        return date(p.year, 1, 1), date(p.year + 1, 1, 1), str(p.year)
    if p.months > 1 and p.year is not None and p.month is not None:
        part = next(w for w, m in _PARTS.items() if m == (p.month, p.months))
        after = _month(p.year + (p.month + p.months - 1) // 12, (p.month + p.months - 1) % 12 + 1)
        return date(p.year, p.month, 1), after[0], f"{part} {p.year}"
    if p.day is not None and p.year is not None and p.month is not None:
        day = date(p.year, p.month, p.day)  # ValueError for 2024-02-30: no span
        return day, day + timedelta(days=1), _day(day)
    if p.month is not None:
        year = p.year
        if p.unit == "year":  # of this year or the last
            year = today.year - p.back
        elif year is None:  # the most recent such month, this one included
            year = today.year if p.month <= today.month else today.year - 1
        return _month(year, p.month)
    if p.rolling:
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[p.unit or "day"] * p.back
        start = today - timedelta(days=days - 1)
        return start, today + timedelta(days=1), f"{_day(start)} to {_day(today)}"
    if p.unit == "day":
        day = today - timedelta(days=p.back)
        return day, day + timedelta(days=1), _day(day)
    if p.unit == "week":
        monday = today - timedelta(days=today.weekday() + 7 * p.back)
        return monday, monday + timedelta(days=7), f"the week of {_day(monday)}"
    if p.unit == "month":
        months = today.year * 12 + today.month - 1 - p.back
        return _month(months // 12, months % 12 + 1)
    year = today.year - p.back
    return date(year, 1, 1), date(year + 1, 1, 1), str(year)


def _month(year: int, month: int) -> tuple[date, date, str]:
    after = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date(year, month, 1), after, f"{calendar.month_name[month]} {year}"


def _day(d: date) -> str:
    return f"{d.day} {calendar.month_name[d.month]} {d.year}"
