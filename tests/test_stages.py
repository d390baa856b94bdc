"""Posts of one series told apart by a fact the question carries: the stage of an event,
a year, an ordinal (rerank.sibling_first, stages.py)."""

from __future__ import annotations

from pathlib import Path

from bot.search.policy import DEFAULT
from bot.search.stages import (
    announces_ahead,
    asks_deadline,
    asks_outcome,
    days_asked,
    months_asked,
    ordinal_asked,
    reports_outcome,
    title_dated_years,
    title_days,
    title_months,
    title_numbers,
    title_years,
    years_asked,
)
from tests.conftest import assert_rule_decides, dated_post

# A poll's launch and its results: the results recap when it was open and hold the
# question's words at their top; the launch post says until when one could answer.
POLL = {
    "p1.md": dated_post(
        "poll-launch",
        "Launching the 2021 Quillkit User Poll",
        "2021-05-01",
        "The Quillkit user poll is open now, and we would love to hear from you.",
        "The poll is open until May 20, and takes about ten minutes.",
        "Please share it with your friends and colleagues.",
    ),
    "p2.md": dated_post(
        "poll-results",
        "Quillkit User Poll 2021 Results",
        "2021-07-01",
        "The 2021 Quillkit user poll was open for three weeks in May.",
        "We heard from 4,200 users of the Quillkit poll, up from last year.",
        "Most of them use the editor every day.",
    ),
}


async def test_a_deadline_is_asked_of_the_post_before_the_outcome(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        POLL,
        "until when was the 2021 quillkit user poll open",
        ("poll-launch", "May 20"),
        DEFAULT.with_(deadline_margin=0.0),
        "poll-results",
    )


# A freeze announced ahead, and what came of it: the announcement holds the question's
# words at its top; the later post says how many there were.
FREEZE = {
    "f1.md": dated_post(
        "freeze",
        "Announcing the Quillkit plugin freeze",
        "2022-03-01",
        "The Quillkit plugin freeze starts today: no new plugins for twelve weeks.",
        "During the plugin freeze new contributors can fix old plugins.",
        "We hope many new contributors join during the freeze.",
    ),
    "f2.md": dated_post(
        "freeze-after",
        "What came of the Quillkit plugin freeze",
        "2022-07-01",
        "The freeze has ended.",
        "Thirty-one new contributors made their first commit while the freeze lasted.",
        "The plugins are faster now.",
    ),
}


async def test_a_count_of_what_happened_is_asked_of_the_post_after_it(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        FREEZE,
        "how many new contributors joined during the quillkit plugin freeze",
        ("freeze-after", "Thirty-one"),
        DEFAULT.with_(outcome_margin=0.0),
        "freeze",
    )


# Two years' lineups: the newer one holds the question's words more often.
LINEUPS = {
    "l1.md": dated_post(
        "lineup-2019",
        "The 2019 Quillkit Event Lineup",
        "2019-01-10",
        "Quillkit events this year.",
        "QuillConf will be held in Lyon in June.",
    ),
    "l2.md": dated_post(
        "lineup-2020",
        "The 2020 Quillkit Event Lineup",
        "2020-01-10",
        "The Quillkit conference QuillConf is back, and the QuillConf conference will be "
        "held online this year, as QuillConf conference talks are recorded.",
        "Other Quillkit conference events follow in the autumn.",
    ),
}


async def test_a_year_asked_is_the_title_naming_it(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        LINEUPS,
        "where was the quillconf conference held in 2019",
        ("lineup-2019", "Lyon"),
        DEFAULT.with_(year_title_margin=0.0),
        "lineup-2020",
    )


SPRINTS = {
    "s2.md": dated_post(
        "sprint-2",
        "Quillkit parser sprint 2 summary",
        "2020-05-01",
        "In this sprint we worked on the lexer.",
        "Error recovery landed at the end.",
    ),
    "s3.md": dated_post(
        "sprint-3",
        "Quillkit parser sprint 3 summary",
        "2020-07-01",
        "The parser sprint worked on error recovery in the parser, after the parser's "
        "lexer work of the sprint before.",
        "The parser now recovers from missing brackets.",
    ),
}


async def test_an_ordinal_asked_is_the_title_writing_its_number(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        SPRINTS,
        "what did the second quillkit parser sprint work on",
        ("sprint-2", "lexer"),
        DEFAULT.with_(ordinal_margin=0.0),
        "sprint-3",
    )


# A dated series: each meeting's agenda holds the same words, and the newer one goes first on
# a tie. The date in the title is what each is about.
AGENDAS = {
    "a3.md": dated_post(
        "agenda-march",
        "Quillkit Sync 2022-03-21 Agenda",
        "2022-03-14",
        "The next Quillkit sync meeting will start on Monday at 11am Eastern Time.",
        "We will talk about the plugin API.",
    ),
    "a5.md": dated_post(
        "agenda-may",
        "Quillkit Sync 2022-05-16 Agenda",
        "2022-05-09",
        "The next Quillkit sync meeting will start on Monday at 10am Eastern Time.",
        "We will talk about the editor.",
    ),
}


async def test_a_month_asked_is_the_title_dating_it(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        AGENDAS,
        "what time does the march 2022 quillkit sync meeting start",
        ("agenda-march", "11am"),
        DEFAULT.with_(month_title_margin=0.0),
        "agenda-may",
    )


async def test_a_day_asked_that_the_title_dates_otherwise_lifts_nothing(
    tmp_path: Path,
) -> None:
    # "the march 3 sync": neither post is of that day (the March agenda is the 21st's
    # meeting); the rule leaves the order as the words made it.
    await assert_rule_decides(
        tmp_path,
        AGENDAS,
        "what time does the march 3 2022 quillkit sync meeting start",
        ("agenda-may", "10am"),
        DEFAULT.with_(month_title_margin=0.0),
        "agenda-may",
    )


def test_months_and_days_a_question_names_and_a_title_dates() -> None:
    assert months_asked(("the", "march", "2022", "meeting")) == {3}
    assert months_asked(("the", "oct", "2019", "outage")) == {10}
    assert months_asked(("in", "may", "2020")) == {5}
    assert months_asked(("you", "may", "2", "go")) == frozenset()  # a modal verb
    assert months_asked(("what", "may", "happen")) == frozenset()
    assert days_asked(("the", "jan", "28", "meeting")) == {28}
    assert days_asked(("on", "22", "october", "2019")) == {22}
    assert days_asked(("the", "march", "2022", "meeting")) == frozenset()
    assert title_months("CTCFT 2022-03-21 Agenda") == {3}
    assert title_months("Lang team March update") == {3}
    assert title_months("Announcing Rust 1.27.2") == frozenset()
    assert title_dated_years("2019-11-05 Infrastructure Team Meeting") == {"2019"}
    assert title_days("2019-11-05 Infrastructure Team Meeting") == {5}
    assert title_days("Governance Working Group Update: Meeting 14 January 2020") == {14}
    assert title_days("Lang team March update") == frozenset()


def test_the_stage_a_question_asks_about() -> None:
    assert asks_deadline(("until", "when", "is", "the", "poll", "open"))
    assert asks_deadline(("what", "is", "the", "deadline"))
    assert not asks_deadline(("when", "was", "the", "poll", "open"))
    assert asks_outcome(("how", "many", "people", "answered", "the", "poll"))
    assert asks_outcome(("how", "many", "talks", "were", "there"))
    assert asks_outcome(("how", "many", "people", "took", "the", "poll"))
    assert not asks_outcome(("how", "many", "people", "use", "it"))
    assert not asks_outcome(("who", "answered", "the", "poll"))


def test_titles_that_report_an_outcome_or_announce_one_ahead() -> None:
    assert reports_outcome("Rust Survey 2019 Results")
    assert not reports_outcome("Launching the 2019 State of Rust Survey")
    assert announces_ahead("Launching the 2019 State of Rust Survey")
    assert announces_ahead("Go will be at OSCON 2014")
    assert not announces_ahead("Go at OSCON")


def test_years_and_numbers_a_title_writes_as_words_of_their_own() -> None:
    assert years_asked(("the", "2016", "survey")) == {"2016"}
    assert title_years("2019-11-05 Infrastructure Team Meeting") == frozenset()
    assert title_years("State of Rust Survey 2016") == {"2016"}
    assert title_numbers("Traits working group 2020 sprint 2 summary") == {2}
    assert title_numbers("Announcing Rust 1.2") == frozenset()
    assert ordinal_asked(("the", "second", "sprint")) == 2
    assert ordinal_asked(("the", "3rd", "sprint")) == 3
    assert ordinal_asked(("the", "first", "sprint")) is None
