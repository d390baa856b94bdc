"""Browsing by date: "articles from 2021", "what was published last month", "anything from
this week" list that period's articles newest first; a year in a real question stays a
question; odd input names no period and never raises."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.search.engine import SearchEngine
from bot.search.filters import missing_name
from bot.search.followup import Topic
from bot.search.library_asks import topic_words
from bot.search.parse import parse
from bot.search.period import Period, filter_dates, read_period, span
from bot.search.results import HIGH
from tests.conftest import CONTENT, small_engine
from tests.fakeclock import FakeClock

# content/ runs from 8 February 2025 to 2 April 2026: ten articles of 2025, four of 2026
# (one a month from January to April).
APRIL_10 = datetime(2026, 4, 10, 12, tzinfo=UTC)  # a Friday
CORAL = "2026-04-02-coral-nursery-replants-twenty-thousand-fragments"
HEARING = "2026-03-14-hearing-aids-linked-to-slower-memory-decline"


# -- which requests name a period ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("articles from 2021", Period(year=2021)),
        ("posts published in march 2024", Period(year=2024, month=3)),
        ("posts from March of 2024", Period(year=2024, month=3)),
        ("what was posted last month", Period(unit="month", back=1)),
        ("anything from this week", Period(unit="week")),
        ("stories from yesterday", Period(unit="day", back=1)),
        ("what came out in 2019", Period(year=2019)),
        ("stories from december", Period(month=12)),
        ("any news from today?", Period(unit="day")),
        ("posts from may", Period(month=5)),
        ("how many articles from 2021?", Period(year=2021)),
        ("news from the past week", Period(unit="week", back=1, rolling=True)),
        ("posts from the last 3 days", Period(unit="day", back=3, rolling=True)),
        ("what happened last year", Period(unit="year", back=1)),
        ("posts from 2024-03", Period(year=2024, month=3)),
        ("posts from 2024-03-05", Period(year=2024, month=3, day=5)),
        # A count of units "ago": the unit that many before the current one.
        ("anything from 3 days ago", Period(unit="day", back=3)),
        ("what was published two weeks ago", Period(unit="week", back=2)),
        ("posts from a month ago", Period(unit="month", back=1)),
        # A decade, and a third of a year.
        ("articles from the 2010s", Period(year=2010, decade=True)),
        ("stories from early 2025", Period(year=2025, month=1, months=4)),
        ("posts from mid-2023", Period(year=2023, month=5, months=4)),
        ("posts from late 2019", Period(year=2019, month=9, months=4)),
        ("posts from summer 2024", Period(year=2024, month=6, months=3)),  # a season
        ("articles published before 2022", Period(year=2022)),
    ],
)
def test_a_request_of_time_and_listing_words_names_a_period(text: str, period: Period) -> None:
    named = parse(text).period
    assert named is not None and named.periods == (period,)


@pytest.mark.parametrize(
    "text",
    [
        # A year in a real question: its other words ask of the text.
        "what happened in 2021 to the couch guy",
        "how many birds were counted in 2024",
        "who won the election in 2021",
        "rust 2021 edition",
        # A period alone, or no period: nothing asked to be listed.
        "2021",
        "in 2021?",
        "last week",
        "what's new?",
        "latest posts",
        # "May" the modal verb; units without a period; odd numbers.
        "may i read the coral article",
        "posts from month 13",
        "articles from 99999",
        "from 0",
        "posts from the last 0 days",
        "posts from the last weeks",
        "posts from 0 days ago",
        "posts from the 2025s",  # a decade starts at a year ending in 0
        "posts from early",
        "what happened 3 days ago to the guy",  # asks of the text
        "posts from winter 2025",  # either side of a new year: no period
    ],
)
def test_a_question_or_odd_input_names_no_period(text: str) -> None:
    assert parse(text).period is None


def test_a_period_has_no_filters_beside_it() -> None:
    assert parse("tag:energy articles from 2025").period is None


def test_two_periods_and_since_make_one_span() -> None:
    today = date(2026, 4, 10)
    between = span(_named("articles from 2019 to 2021"), today)
    assert between is not None
    assert (between.start, between.end, between.label) == (
        date(2019, 1, 1),
        date(2022, 1, 1),
        "from 2019 to 2021",
    )
    since = span(_named("posts since march 2026"), today)
    assert since is not None
    assert (since.start, since.end, since.label) == (
        date(2026, 3, 1),
        date(2026, 4, 11),
        "since March 2026",
    )


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("articles from the 2010s", date(2010, 1, 1), date(2020, 1, 1), "from the 2010s"),
        ("stories from early 2025", date(2025, 1, 1), date(2025, 5, 1), "from early 2025"),
        ("posts from mid 2025", date(2025, 5, 1), date(2025, 9, 1), "from mid 2025"),
        ("posts from late 2025", date(2025, 9, 1), date(2026, 1, 1), "from late 2025"),
        ("posts published before 2022", date.min, date(2022, 1, 1), "before 2022"),
        ("posts from spring 2025", date(2025, 3, 1), date(2025, 6, 1), "from spring 2025"),
        ("posts from fall 2025", date(2025, 9, 1), date(2025, 12, 1), "from autumn 2025"),
        (
            "posts published after march 2026",
            date(2026, 4, 1),
            date(2026, 4, 11),
            "after March 2026",
        ),
        ("anything from 3 days ago", date(2026, 4, 7), date(2026, 4, 8), "from 7 April 2026"),
        (
            "what was published 2 months ago",
            date(2026, 2, 1),
            date(2026, 3, 1),
            "from February 2026",
        ),
        (
            "posts from a week ago",
            date(2026, 3, 30),
            date(2026, 4, 6),
            "from the week of 30 March 2026",
        ),
        ("what was posted last month", date(2026, 3, 1), date(2026, 4, 1), "from March 2026"),
        (
            "anything from this week",
            date(2026, 4, 6),
            date(2026, 4, 13),
            "from the week of 6 April 2026",
        ),  # noqa: E501
        (
            "posts from last week",
            date(2026, 3, 30),
            date(2026, 4, 6),
            "from the week of 30 March 2026",
        ),  # noqa: E501
        ("stories from yesterday", date(2026, 4, 9), date(2026, 4, 10), "from 9 April 2026"),
        ("stories from december", date(2025, 12, 1), date(2026, 1, 1), "from December 2025"),
        ("stories from april", date(2026, 4, 1), date(2026, 5, 1), "from April 2026"),
        (
            "posts from the last 3 days",
            date(2026, 4, 8),
            date(2026, 4, 11),
            "from 8 April 2026 to 10 April 2026",
        ),  # noqa: E501
        ("what was published last year", date(2025, 1, 1), date(2026, 1, 1), "from 2025"),
        (
            "articles from january this year",
            date(2026, 1, 1),
            date(2026, 2, 1),
            "from January 2026",
        ),  # noqa: E501
    ],
)
def test_relative_periods_are_read_against_today(
    text: str, start: date, end: date, label: str
) -> None:
    # A month named alone is its most recent one, the current one included.
    got = span(_named(text), date(2026, 4, 10))
    assert got is not None and (got.start, got.end, got.label) == (start, end, label)


def test_a_bound_with_two_periods_names_none() -> None:
    # "before 2015 to 2019" says no one span: read as no period rather than one of them.
    assert read_period(["before", "2015", "to", "2019"]) is None


def test_a_span_before_the_calendar_is_none_not_an_error() -> None:
    named = read_period(["last", "5000", "years"])
    assert named is not None and span(named, date(2026, 4, 10)) is None
    assert span(read_period(["2999"]), date(2026, 4, 10)) is not None  # type: ignore[arg-type]


def _named(text: str):  # type: ignore[no-untyped-def]
    named = parse(text).period
    assert named is not None, text
    return named


# -- the engine lists the period's articles ----------------------------------------------


async def test_a_year_lists_its_articles_newest_first(tmp_path: Path) -> None:
    async with small_engine(tmp_path, {}, CONTENT) as engine:
        answer = await engine.ask("articles from 2025")
        listed = [h.slug for h in answer.newest]
        assert len(listed) == 10 and all(s.startswith("2025-") for s in listed)
        assert listed == sorted(listed, reverse=True)
        assert answer.article is not None and answer.article.slug == listed[0]
        assert answer.confidence == HIGH
        assert answer.passage == "10 articles from 2025, newest first."
        found = await engine.search("articles from 2025", limit=3)
        assert [h.slug for h in found.hits] == listed[:3]


async def test_more_than_a_page_says_how_many_are_listed(tmp_path: Path) -> None:
    async with small_engine(tmp_path, {}, CONTENT) as engine:
        answer = await engine.ask("posts from 2025 to 2026")
        assert len(answer.newest) == engine.policy.period_listed
        assert answer.article is not None and answer.article.slug == CORAL
        assert (
            answer.passage == "14 articles from 2025 to 2026, newest first (the newest 10 listed)."
        )


async def test_relative_periods_follow_the_engines_clock(tmp_path: Path) -> None:
    async with small_engine(tmp_path, {}, CONTENT) as engine:
        clock = FakeClock(APRIL_10)
        dated = SearchEngine(engine.library, clock=clock)
        answer = await dated.ask("what was published last month")
        assert [h.slug for h in answer.newest] == [HEARING]
        assert answer.passage == "1 article from March 2026."
        # A day later the same words are of another day: the kept answer is not reused.
        clock.set(2026, 5, 2, 12)
        answer = await dated.ask("what was published last month")
        assert [h.slug for h in answer.newest] == [CORAL]


async def test_decades_parts_of_years_bounds_and_ago_list_their_articles(
    tmp_path: Path,
) -> None:
    async with small_engine(tmp_path, {}, CONTENT) as engine:
        dated = SearchEngine(engine.library, clock=FakeClock(APRIL_10))
        early = await dated.ask("articles from early 2026")  # January to April: four
        assert early.passage == "4 articles from early 2026, newest first."
        assert [h.slug for h in early.newest][:1] == [CORAL]
        decade = await dated.ask("articles from the 2020s")
        assert decade.passage is not None and decade.passage.startswith(
            "14 articles from the 2020s"
        )
        after = await dated.ask("anything published after february 2026")
        assert after.passage == "2 articles after February 2026, newest first."
        before = await dated.ask("articles published before 2025")
        assert before.reply == "No articles before 2025: the library runs from 2025 to 2026."
        spring = await dated.ask("articles from spring 2025")  # March to May
        assert spring.passage == "3 articles from spring 2025, newest first."
        ago = await dated.ask("what was published 8 days ago")  # 2 April: the coral article
        assert [h.slug for h in ago.newest] == [CORAL]


async def test_an_empty_period_says_so_and_what_the_library_covers(tmp_path: Path) -> None:
    async with small_engine(tmp_path, {}, CONTENT) as engine:
        answer = await engine.ask("articles from 1999")
        assert answer.article is None and not answer.newest
        assert answer.reply == "No articles from 1999: the library runs from 2025 to 2026."
        dated = SearchEngine(engine.library, clock=FakeClock(APRIL_10))
        # A period after the newest article (2 April) offers the newest (member14).
        answer = await dated.ask("anything from this week")
        assert answer.passage == "No articles from the week of 6 April 2026; the newest instead."
        assert answer.newest and answer.newest[0].slug == CORAL
        assert not (await engine.search("articles from 1999")).hits


async def test_a_period_is_no_follow_up_on_the_conversations_article(tmp_path: Path) -> None:
    # Observed: "articles from 2021" after an answer was read as about that answer's article.
    async with small_engine(tmp_path, {}, CONTENT) as engine:
        answer = await engine.ask("articles from 2025", Topic(CORAL, None))
        assert answer.article is not None and answer.article.slug.startswith("2025-")
        assert not answer.followup and len(answer.newest) == 10
        empty = await engine.ask("articles from 2021", Topic(CORAL, None))
        assert empty.article is None and empty.reply and empty.reply.startswith("No articles")


async def test_a_year_in_a_question_is_still_answered_from_the_text(tmp_path: Path) -> None:
    async with small_engine(tmp_path, {}, CONTENT) as engine:
        answer = await engine.ask("how many toasters did the repair cafe fix in 2025?")
        assert answer.article is not None and "repair-cafe" in answer.article.slug
        assert not answer.newest


@pytest.mark.parametrize(
    "text",
    [
        "articles from 99999",
        "posts from month 13",
        "from 0",
        "posts from the last 5000 years",
        "posts from 2024-13",
        "posts from 2024-02-30",
        "rust posts from 2024-00",
        "date:2024-13 coral",
    ],
)
async def test_odd_periods_never_raise(tmp_path: Path, text: str) -> None:
    async with small_engine(tmp_path, {}, CONTENT) as engine:
        answer = await engine.ask(text)
        assert not answer.newest  # no period of the library's
        await engine.search(text)


async def test_anything_new_in_an_empty_period_lists_the_newest(tmp_path: Path) -> None:
    # "Anything new today?" asks what's new: with nothing today, the newest, as before,
    # saying there is nothing of today (member QA: "what's new this month" listed older
    # articles bare, read as this month's).
    async with small_engine(tmp_path, {}, CONTENT) as engine:
        dated = SearchEngine(engine.library, clock=FakeClock(APRIL_10))
        answer = await dated.ask("anything new today?")
        assert answer.article is not None and answer.article.slug == CORAL
        assert answer.passage == "No articles from 10 April 2026; the newest instead."
        assert len(answer.newest) == engine.policy.newest_listed
        assert [h.slug for h in (await dated.search("anything new today?")).hits][:1] == [CORAL]
        answer = await dated.ask("anything new this month?")  # the coral article is of April
        assert answer.passage == "1 article from April 2026."


# -- a topic's articles of a period --------------------------------------------------------

SALMON = "2025-11-03-river-restoration-brings-salmon-back-to-the-wendle"
SOLAR = "2025-06-18-solar-co-op-puts-panels-on-forty-school-roofs"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("rust posts from 2019", "rust"),
        ("latest go release in 2023", "go release"),
        ("articles about energy from last year", "energy"),
        ("coral stories from april", "coral"),
        ("how many rust articles in 2024", "rust"),
        ("rust posts from the 2010s", "rust"),  # "the" between the lead and the period
        ("go posts before 2015", "go"),  # "before" bounds the period and introduces it
        ("rust articles from early 2024", "rust"),
        ("go posts 2 weeks ago", "go"),  # a count "ago" needs no word introducing it
    ],
)
def test_a_listing_with_a_topic_and_a_period_names_both(text: str, topic: str) -> None:
    q = parse(text)
    assert q.period is None and q.within is not None and q.dated is not None
    assert topic_words(q.dated) == topic


@pytest.mark.parametrize(
    "text",
    [
        "how many birds were counted in 2024",  # no listing word: a question
        "what happened in 2021 to the couch guy",
        "rust 2021 edition",
        "rust posts 2019",  # the year is not introduced as a time: maybe a title's
        "who wrote the rust post from 2019",  # asked of an article itself
        # A listing word far from the question word is part of what is asked about
        # (fresh8: refused as "No articles on … from 2025" before).
        "how many times did the live laugh blog person stream in 2025",
        "how many blog posts did jenn write in 2026",  # asks what her post says (fresh2)
    ],
)
def test_a_year_among_other_words_is_no_topic_listing(text: str) -> None:
    assert parse(text).within is None


async def test_a_topic_in_a_period_lists_its_articles(tmp_path: Path) -> None:
    async with small_engine(tmp_path, {}, CONTENT) as engine:
        answer = await engine.ask("articles about salmon from 2025")
        assert answer.article is not None and answer.article.slug == SALMON
        assert answer.passage == "1 best match for “salmon” from 2025."
        assert [h.slug for h in answer.newest] == [SALMON]
        empty = await engine.ask("salmon posts from 2026")
        assert empty.article is None
        assert empty.reply == "No articles on “salmon” from 2026."
        found = await engine.search("salmon posts from 2025")
        assert [h.slug for h in found.hits] == [SALMON]
        assert not (await engine.search("salmon posts from 2026")).hits


async def test_a_question_of_a_periods_text_is_answered_within_it(tmp_path: Path) -> None:
    # Its words as keywords find nothing: answered as a question, of 2025's articles.
    async with small_engine(tmp_path, {}, CONTENT) as engine:
        answer = await engine.ask("which articles from 2025 mention schools")
        assert answer.article is not None and answer.article.slug == SOLAR


# -- the date: filter -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "bounds"),
    [
        ("2021", ("2021-01-01", "2022-01-01")),
        ("2024-03", ("2024-03-01", "2024-04-01")),
        ("2024-12", ("2024-12-01", "2025-01-01")),
        ("2024-03-05", ("2024-03-05", "2024-03-06")),
        ("2019..2021", ("2019-01-01", "2022-01-01")),
        ("2024-13", None),
        ("2024-02-30", None),
        ("0", None),
        ("99999", None),
        ("soon", None),
        ("2021..2019", None),
    ],
)
def test_a_date_filter_is_a_year_month_or_day(value: str, bounds: tuple[str, str] | None) -> None:
    assert filter_dates(value) == bounds


def test_a_date_filter_that_is_no_date_gets_a_hint() -> None:
    assert (
        missing_name("date:") == "date: needs a year, month or day, e.g. date:2021 or date:2024-03"
    )
    hint = missing_name("coral date:2024-13")
    assert hint is not None and hint.startswith("date:2024-13 is no date")
    assert missing_name("coral date:2024-03") is None
    assert parse("coral date:2024-13").dates == (("", ""),)  # matches nothing


async def test_search_narrows_to_a_date_filter(tmp_path: Path) -> None:
    async with small_engine(tmp_path, {}, CONTENT) as engine:
        found = await engine.search("date:2026")
        assert [h.slug[:7] for h in found.hits] == ["2026-04", "2026-03", "2026-02", "2026-01"]
        assert [h.slug for h in (await engine.search("date:2025-06")).hits] == [SOLAR]
        assert [h.slug for h in (await engine.search("salmon date:2025")).hits] == [SALMON]
        assert not (await engine.search("salmon date:2026")).hits
        assert not (await engine.search("salmon date:2024-13")).hits
        answer = await engine.ask("date:2026 how many toasters did the repair cafe fix?")
        assert answer.article is None  # the repair café is of 2025
