"""Which post of a series a question asks about: the stage of an event, a year, an ordinal.

A blog writes a series of posts on one thing: the survey's launch and its results, the
announcement of a feature freeze and what was learned from it, "Go will be at OSCON 2014"
and the report after it, a working group's "sprint 2" and "sprint 3", each year's event
lineup. The posts share every topic word, so the words of a question meet them all about
equally; what tells them apart is a fact the question carries and one title states:

* the stage the question asks about. A deadline ("until when can I answer the survey",
  "by when") is asked of something still open: the post written before the outcome, not
  the results (asks_deadline, reports_outcome). A count of what happened, in the past
  tense ("how many people answered", "how many talks were there") is asked after it: not
  the post that announced it ahead (asks_outcome, announces_ahead);
* a year the question names, when the first's title names only other years (title_years);
* an ordinal ("the second sprint"), which a title of the series writes as its number
  ("sprint 2"; ordinal_asked, title_numbers);
* a month the question names ("the march 2022 ctcft meeting"), which a dated series' title
  writes by name or inside a date ("CTCFT 2022-03-21 Agenda", "Lang team March update";
  months_asked, title_months).

What is read is English (closed classes: the words a title reports an outcome with, or
announces something to come with; the ordinals; the past auxiliaries) and the titles'
shape (years and small numbers written as words of their own), not the library's topics.
"""

from __future__ import annotations

import re

from bot.search.irregular import PAST_FORMS
from bot.search.period import MONTH_NAMES, SHORT_MONTHS

# A deadline asked: "until when", "till when", "by when", "deadline".
_UNTIL = frozenset(["until", "till", "til", "by"])
_DEADLINE = frozenset(["deadline", "deadlines"])
# Words a title reports what came of something with: its results, a report, a recap.
_OUTCOME = frozenset(
    [
        "results", "result", "report", "recap", "retrospective", "review", "summary",
        "learned", "lessons", "postmortem", "wrap",
    ]
)  # fmt: skip
# Words a title announces something still to come with: the launch of a survey, the
# announcement of a freeze or a programme, "Go will be at …", a call for proposals.
_AHEAD = frozenset(["launching", "announcing", "will", "upcoming", "call"])
# A count asked ("how many", "how much") in the past: an auxiliary of the past, a verb
# written in "-ed" ("how many people answered") or an irregular past ("took").
_PAST = frozenset(["was", "were", "did", "had"])
_ORDINALS = {
    w: i + 2
    for i, w in enumerate(
        ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    )
}
_NUMERAL_ORDINAL = re.compile(r"(\d{1,2})(?:nd|rd|th)")
_YEAR = re.compile(r"(?<![\w.-])((?:19|20)\d\d)(?![\w.-])")
# A small number written as a word of its own in a title ("sprint 2", "Part 3"), not a
# part of a version ("1.2") or a date ("2020-03-28").
_NUMBER = re.compile(r"(?<![\w.-])(\d{1,2})(?![\w.-])")
_WORD = re.compile(r"[a-z]+")
# A month written short ("oct 2019", "mar 21"), and "may", a modal verb as often as a month,
# are read as a month only next to a year or a day's number.
_MONTHS, _SHORT_MONTHS = MONTH_NAMES, SHORT_MONTHS
# A date a title writes as numbers, year first ("CTCFT 2022-03-21 Agenda", "2019-11"): its
# year and month.
_ISO_DATE = re.compile(r"(?<![\w.])((?:19|20)\d\d)-(0[1-9]|1[0-2])(?:-(\d\d))?(?![\w.])")
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_DAY_OR_YEAR = re.compile(r"\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\d\d")


def _lower(typed: tuple[str, ...]) -> list[str]:
    return [w.lower() for w in typed]


def asks_deadline(typed: tuple[str, ...]) -> bool:
    """Whether a question asks by when something must be done ("until when is the survey
    open", "by when", "what is the deadline")."""
    ws = _lower(typed)
    if _DEADLINE.intersection(ws):
        return True
    return any(a in _UNTIL and b == "when" for a, b in zip(ws, ws[1:], strict=False))


def asks_outcome(typed: tuple[str, ...]) -> bool:
    """Whether a question asks how many or how much came of something, in the past ("how
    many people answered the 2016 survey", "how many talks were at oscon")."""
    ws = _lower(typed)
    count = any(a == "how" and b in ("many", "much") for a, b in zip(ws, ws[1:], strict=False))
    if not count:
        return False
    if _PAST.intersection(ws) or PAST_FORMS.intersection(ws):
        return True
    return any(len(w) > 4 and w.endswith("ed") for w in ws)


def _title_words(title: str) -> set[str]:
    return set(_WORD.findall(title.lower()))


def reports_outcome(title: str) -> bool:
    """Whether a title reports what came of something ("Rust Survey 2019 Results")."""
    return bool(_title_words(title) & _OUTCOME)


def announces_ahead(title: str) -> bool:
    """Whether a title announces something still to come ("Launching the 2016 State of
    Rust Survey", "Go will be at OSCON 2014")."""
    return bool(_title_words(title) & _AHEAD)


def without_stage(words: frozenset[str]) -> frozenset[str]:
    """A title's series words (series.series_words) without those of its stage: "Rust
    Survey 2019 Results" and "Launching the 2019 State of Rust Survey" are one series'
    posts at two stages of it, whatever their stage words."""
    return words - _OUTCOME - _AHEAD


def years_asked(typed: tuple[str, ...]) -> frozenset[str]:
    """The years a question names ("2016")."""
    return frozenset(w for w in typed if _YEAR.fullmatch(w))


def title_years(title: str) -> frozenset[str]:
    """The years a title names as words of their own, not inside a date or a version."""
    return frozenset(_YEAR.findall(title))


def ordinal_asked(typed: tuple[str, ...]) -> int | None:
    """The one ordinal after "first" a question writes ("the second sprint" -> 2), None for
    none or several. "first" has its own rule (series.asks_first)."""
    found = set()
    for w in _lower(typed):
        if w in _ORDINALS:
            found.add(_ORDINALS[w])
        elif m := _NUMERAL_ORDINAL.fullmatch(w):
            found.add(int(m.group(1)))
    return found.pop() if len(found) == 1 else None


def title_numbers(title: str) -> frozenset[int]:
    """The small numbers a title writes as words of their own ("sprint 2" -> {2})."""
    return frozenset(int(n) for n in _NUMBER.findall(title))


def months_asked(typed: tuple[str, ...]) -> frozenset[int]:
    """The months a question names (1-12): "march" anywhere; a short form ("oct") only
    beside a year or a day's number ("oct 2019", "oct 3"); "may", a modal verb too ("you
    may 2 go"), only beside a year or after a day's number ("may 2020", "21 may")."""
    ws = _lower(typed)
    found = set()
    for k, w in enumerate(ws):
        before, after = ws[max(k - 1, 0) : k], ws[k + 1 : k + 2]
        if w == "may":
            if any(_YEAR.fullmatch(b) for b in before + after) or any(
                _DAY_OR_YEAR.fullmatch(b) for b in before
            ):
                found.add(5)
        elif w in _MONTHS:
            found.add(_MONTHS[w])
        elif w in _SHORT_MONTHS and any(_DAY_OR_YEAR.fullmatch(b) for b in before + after):
            found.add(_SHORT_MONTHS[w])
    return frozenset(found)


def days_asked(typed: tuple[str, ...]) -> frozenset[int]:
    """The days of the month a question names beside a month it names ("the jan 28
    meeting", "on 22 october") -> {28}, {22}."""
    ws = _lower(typed)
    found = set()
    for k, w in enumerate(ws):
        m = _DAY.fullmatch(w)
        if not m or not 1 <= int(m.group(1)) <= 31:
            continue
        pairs = [(ws[k - 1], w)] if k else []
        pairs += [(w, ws[k + 1])] if k + 1 < len(ws) else []
        if any(months_asked(p) for p in pairs):
            found.add(int(m.group(1)))
    return frozenset(found)


def title_days(title: str) -> frozenset[int]:
    """The days of the month a title writes: in a date written year first ("2019-11-05"),
    or a number beside a month's name ("Meeting 14 January 2020")."""
    days = {int(m.group(3)) for m in _ISO_DATE.finditer(title) if m.group(3)}
    ws = re.findall(r"[a-z]+|\d+", title.lower())
    for k, w in enumerate(ws):
        beside = (*ws[max(k - 1, 0) : k], *ws[k + 1 : k + 2])
        if len(w) <= 2 and w.isdigit() and 1 <= int(w) <= 31 and _MONTHS.keys() & set(beside):
            days.add(int(w))
    return frozenset(days)


def title_months(title: str) -> frozenset[int]:
    """The months a title names: by name ("Lang team March update") or in a date written
    year first ("2019-11-05 Infrastructure Team Meeting")."""
    named = {_MONTHS[w] for w in _title_words(title) if w in _MONTHS}
    return frozenset(named | {int(m.group(2)) for m in _ISO_DATE.finditer(title)})


def title_dated_years(title: str) -> frozenset[str]:
    """The years a title names, as words of their own or in a date written year first."""
    return title_years(title) | frozenset(m.group(1) for m in _ISO_DATE.finditer(title))


def without_months(words: frozenset[str]) -> frozenset[str]:
    """A title's series words without month names: "Lang team March update" and "Lang team
    April update" are one series' posts of two months."""
    return words - _MONTHS.keys()
