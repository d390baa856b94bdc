"""Which post of a series an answer is from, when the question did not say (series_note.py),
shown by the console and the Discord card."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from bot.console import run_chat
from bot.discord import render
from bot.library.model import Article
from bot.search.engine import SearchEngine
from bot.search.policy import DEFAULT, Policy
from bot.search.rerank import Evidence, Ranked
from bot.search.results import Answer
from bot.search.series_note import mark, note, one_series, posted_mark
from bot.service import LibraryService
from tests.conftest import dated_post, small_engine


def _results(year: int, count: str, published: str) -> str:
    return dated_post(
        f"poll-{year}",
        f"Quillkit User Poll {year} Results",
        published,
        f"Thank you to everyone who took part in the {year} Quillkit user poll.",
        f"This year we received {count} responses, in eleven languages.",
        "Most respondents use the editor every day, and many of them at work.",
    )


# Three years' results posts reporting the same figure in the same words, the launch post
# of one of them (another series: a launch), and a post of no series.
POLLS = {
    "a.md": _results(2019, "3,100", "2020-02-01"),
    "b.md": _results(2020, "4,250", "2021-02-01"),
    "c.md": _results(2021, "5,900", "2022-02-01"),
    "d.md": dated_post(
        "poll-launch-2021",
        "Launching the 2021 Quillkit User Poll",
        "2021-11-01",
        "The Quillkit user poll is open now; responses are anonymous.",
        "It takes about ten minutes.",
    ),
    "e.md": dated_post(
        "themes",
        "Quillkit themes explained",
        "2021-06-01",
        "Quillkit ships three colour themes, and you can write your own.",
    ),
}


async def _asked(tmp_path: Path, question: str, policy: Policy = DEFAULT) -> Answer:
    async with small_engine(tmp_path, POLLS) as engine:
        return await SearchEngine(engine.library, policy=policy).ask(question)


async def test_a_statistic_asked_of_no_year_says_its_post_and_the_others(tmp_path: Path) -> None:
    q = "how many responses did the quillkit user poll get"
    answer = await _asked(tmp_path, q)
    assert answer.article is not None and answer.article.slug.startswith("poll-20")
    own = answer.article.title.split()[3]  # "Quillkit User Poll 2020 Results" -> "2020"
    others = [y for y in ("2019", "2020", "2021") if y != own]
    line = f"From the {own} post; the {others[0]} and {others[1]} posts report this too."
    assert answer.series == line
    assert answer.as_json()["series"] == line
    assert (await _asked(tmp_path, q, DEFAULT.with_(series_note_share=0.0))).series is None


async def test_a_year_no_post_of_the_series_is_is_said(tmp_path: Path) -> None:
    q = "how many responses did the 2015 quillkit user poll get"
    answer = await _asked(tmp_path, q)
    assert answer.article is not None
    own = answer.article.title.split()[3]
    assert answer.series == f"No 2015 post of this series; this is from the {own} one."
    assert (await _asked(tmp_path, q, DEFAULT.with_(series_note_share=0.0))).series is None


async def test_no_line_when_the_question_names_the_post_or_there_is_no_series(
    tmp_path: Path,
) -> None:
    async with small_engine(tmp_path, POLLS) as engine:
        named = await engine.ask("how many responses did the 2020 quillkit user poll get")
        themes = await engine.ask("how many colour themes does quillkit ship")
    assert named.article is not None and named.article.slug == "poll-2020"
    assert named.series is None and "series" not in named.as_json()
    assert themes.article is not None and themes.article.slug == "themes"
    assert themes.series is None


def _ranked(title: str, cover: float) -> Ranked:
    article = Article(slug=title, title=title, path=f"{title}.md")
    return Ranked(1.0, article, Evidence(cover=cover, passages=None, doc_cover=1.0, pairs=0.0))


def test_a_post_holding_the_words_apart_is_not_named() -> None:
    """Another post is named only when its passage covers the question about as closely
    as the answer's (Policy.series_note_cover): one holding its words apart reports
    something else."""
    found = [
        _ranked("Quillkit User Poll 2021 Results", 1.0),
        _ranked("Quillkit User Poll 2019 Results", 0.9),
        _ranked("Quillkit User Poll 2018 Results", 0.4),
        _ranked("Quillkit themes explained", 1.0),
    ]
    typed = ("how", "many", "responses", "did", "the", "poll", "get")
    said = note(typed, typed, found, [], DEFAULT)
    assert said == "From the 2021 post; the 2019 post reports this too."
    loose = note(typed, typed, found, [], DEFAULT.with_(series_note_cover=0.0))
    assert loose == "From the 2021 post; the 2018 and 2019 posts report this too."


def test_one_series_is_titles_alike_but_for_a_mark_at_one_stage() -> None:
    share = DEFAULT.series_note_share
    rust = "Rust Survey 2019 Results"
    assert one_series(rust, "2024 State of Rust Survey Results", share)
    assert one_series("Announcing Rust 1.50.0", "Announcing Rust 1.51.0", share)
    assert not one_series(rust, "Go Developer Survey 2019 Results", share)  # another project
    assert not one_series(rust, "Rust compiler performance survey 2025 results", share)
    assert not one_series(rust, "Launching the 2019 State of Rust Survey", share)  # a launch
    assert not one_series(rust, "Rust Survey 2019 Results", share)  # the same mark
    assert (mark(rust), mark("Announcing Rust 1.51.0"), mark("Rust 2018 and 2019")) == (
        "2019",
        "1.51.0",
        None,
    )


def test_the_card_and_the_console_show_the_line(tmp_path: Path) -> None:
    article = Article(slug="s", title="Quillkit User Poll 2020 Results", path="s.md", text="t")
    line = "From the 2020 post; the 2019 post reports this too."
    answer = Answer(question="q", article=article, passage="We received 4,250.", series=line)
    assert f"*{line}*" in (render.answer_embed(answer).description or "")
    assert "series" not in Answer(question="q", article=article).as_json()


async def test_the_console_shows_the_line_under_the_passage(tmp_path: Path) -> None:
    async with small_engine(tmp_path, POLLS) as engine:
        out = io.StringIO()
        service = LibraryService(engine.library, SearchEngine(engine.library))
        q = "how many responses did the 2015 quillkit user poll get"
        assert await run_chat(service, stdin=io.StringIO(q + "\n"), stdout=out) == 0
    text = out.getvalue()
    assert "No 2015 post of this series; this is from the" in text
    assert text.index("> ") < text.index("No 2015 post")


def test_a_year_is_the_series_whatever_the_stage_of_its_post() -> None:
    """ "No 2017 post" only when no post of the series at any stage names 2017: "Quillkit
    User Poll 2017", the 2017 results titled without "results", is one."""
    found = [_ranked("Quillkit User Poll 2021 Results", 1.0)]
    titles = ["Quillkit User Poll 2021 Results", "Quillkit User Poll 2019 Results"]
    titles.append("Quillkit User Poll 2017")
    asked = ("how", "many", "responses", "did", "the", "2017", "poll", "get")
    assert note(asked, asked, found, titles, DEFAULT) is None
    other = tuple("2015" if w == "2017" else w for w in asked)
    said = note(other, other, found, titles, DEFAULT)
    assert said == "No 2015 post of this series; this is from the 2021 one."
    assert note(other, other, found, titles[:1], DEFAULT) is None  # no series


def test_release_posts_naming_a_feature_again_get_no_line() -> None:
    """Release announcements of one series name a feature again in passing: the line is for
    yearly posts that report a statistic afresh, so a release's answer gets none."""
    found = [
        _ranked("Announcing Rust 1.25.0", 1.0),
        _ranked("Announcing Rust 1.26.0", 1.0),
        _ranked("Announcing Rust 1.27.0", 0.95),
    ]
    typed = ("when", "did", "nested", "import", "groups", "land")
    assert note(typed, typed, found, [], DEFAULT) is None
    yearly = [
        _ranked("Quillkit User Poll 2021 Results", 1.0),
        _ranked("Quillkit User Poll 2019 Results", 1.0),
    ]
    assert (
        note(typed, typed, yearly, [], DEFAULT)
        == "From the 2021 post; the 2019 post reports this too."
    )


def _dated(title: str, cover: float, published: str) -> Ranked:
    article = Article(
        slug=title,
        title=title,
        path=f"{title}.md",
        date=datetime.fromisoformat(f"{published}T00:00:00+00:00"),
    )
    return Ranked(1.0, article, Evidence(cover=cover, passages=None, doc_cover=1.0, pairs=0.0))


def test_posts_of_one_year_are_told_apart_by_the_date_their_titles_write() -> None:
    """Meeting notes of one year ("Quillkit Sync 2022-05-16 Agenda", "… 2022-03-21 …") hold
    one another's words: the line names them by their dates, oldest first. By years alone
    they are one mark, no series, and no line."""
    found = [
        _dated("Quillkit Sync 2022-05-16 Agenda", 1.0, "2022-05-10"),
        _dated("Quillkit Sync 2022-03-21 Agenda", 1.0, "2022-03-15"),
        _dated("Quillkit Sync 2022-04-18 Agenda", 0.9, "2022-04-12"),
        _dated("Quillkit themes explained", 1.0, "2022-01-01"),
    ]
    typed = ("how", "does", "the", "social", "hour", "after", "the", "sync", "work")
    said = note(typed, typed, found, [], DEFAULT)
    assert said == "From the 2022-05-16 post; the 2022-03-21 and 2022-04-18 posts report this too."
    assert mark("Quillkit Sync 2022-05-16 Agenda") == "2022-05-16"
    assert mark("Sync notes: 2022-05-16 and 2022-05-23") is None  # two dates: no one mark
    monthly = [
        _dated("This Month in Quillkit: January and February 2025", 1.0, "2025-03-11"),
        _dated("This Month in Quillkit: October 2024", 0.95, "2024-11-04"),
        _dated("Quillkit update — June 2025", 1.0, "2025-06-30"),  # another series
    ]
    assert (
        note(typed, typed, monthly, [], DEFAULT)
        == "From the January and February 2025 post; the October 2024 post reports this too."
    )
    # A month or a day asked is the rank's to find (rerank.sibling_first): no line.
    asked = (*typed, "in", "march")
    assert note(asked, asked, found, [], DEFAULT) is None


def test_patch_releases_of_the_answers_line_are_named() -> None:
    """Patch releases of one line report one fix ("1.28.1", "1.28.2"): named, as are the
    betas of one line; another line's release (1.27.0) is not, nor a lower cover."""
    found = [
        _ranked("Announcing Quillkit 1.28.2", 1.0),
        _ranked("Announcing Quillkit 1.28.1", 0.9),
        _ranked("Announcing Quillkit 1.27.0", 1.0),
        _ranked("Announcing Quillkit 1.28.0", 0.5),
    ]
    typed = ("after", "how", "long", "did", "downloads", "time", "out")
    assert note(typed, typed, found, [], DEFAULT) == (
        "From the 1.28.2 post; the 1.28.1 post reports this too."
    )
    assert note(typed, typed, found, [], DEFAULT.with_(series_note_cover=0.0)) == (
        "From the 1.28.2 post; the 1.28.0 and 1.28.1 posts report this too."
    )
    named = ("after", "how", "long", "did", "1.28.2", "time", "out")
    assert note(named, named, found, [], DEFAULT) is None  # the question names this post


def test_one_over_the_named_is_named_rather_than_counted() -> None:
    years = ("2019", "2020", "2021", "2022", "2023")
    found = [_ranked(f"Quillkit User Poll {y} Results", 1.0) for y in years]
    typed = ("how", "many", "responses", "did", "the", "poll", "get")
    assert note(typed, typed, found, [], DEFAULT) == (
        "From the 2019 post; the 2020, 2021, 2022 and 2023 posts report this too."
    )
    more = [*found, _ranked("Quillkit User Poll 2024 Results", 1.0)]
    assert note(typed, typed, more, [], DEFAULT) == (
        "From the 2019 post; the 2020, 2021, 2022 and 2 more posts report this too."
    )


# Four agendas of one year, each inviting to the same social hour, and a post of no series.
SYNCS = {
    f"{k}.md": dated_post(
        f"sync-{day}",
        f"Quillkit Sync {day} Agenda",
        published,
        f"The next Quillkit sync meeting will take place on {day} at 3pm.",
        "Like always, we'll be running a social hour after the sync: breakout rooms by theme.",
    )
    for k, (day, published) in enumerate(
        [("2022-02-21", "2022-02-11"), ("2022-03-21", "2022-03-16"), ("2022-04-18", "2022-04-12")]
    )
} | {
    "themes.md": POLLS["e.md"],
}


async def test_an_agenda_of_a_year_of_agendas_names_the_others(tmp_path: Path) -> None:
    async with small_engine(tmp_path, SYNCS) as engine:
        answer = await engine.ask("how does the social hour after the quillkit sync work")
        named = await engine.ask("what is on the 2022-03-21 quillkit sync agenda")
    assert answer.article is not None and answer.article.slug.startswith("sync-")
    own = answer.article.slug.removeprefix("sync-")
    others = [d for d in ("2022-02-21", "2022-03-21", "2022-04-18") if d != own]
    line = f"From the {own} post; the {others[0]} and {others[1]} posts report this too."
    assert answer.series == line
    assert named.series is None


def test_a_month_titled_alone_is_marked_with_the_year_nearest_its_post() -> None:
    """ "Quillkit team April update" written in 2021 and again in 2022: the titles are one,
    their dates tell them apart; a December update written in January is of the year
    before."""
    found = [
        _dated("Quillkit team April update", 1.0, "2022-04-06"),
        _dated("Quillkit team April update", 0.9, "2021-04-17"),
        _dated("Quillkit team March update", 1.0, "2021-03-03"),
    ]
    typed = ("how", "much", "notice", "before", "a", "design", "meeting")
    assert note(typed, typed, found, [], DEFAULT) == (
        "From the April 2022 post; the March 2021 and April 2021 posts report this too."
    )
    december = _dated("December Quillkit Goals Update", 1.0, "2025-01-10")
    assert posted_mark(december.article) == "December 2024"
    assert posted_mark(_dated("March Quillkit Meetings", 1.0, "2020-02-27").article) == (
        "March 2020"  # announced ahead: the month after
    )
    assert posted_mark(_dated("Quillkit 2019-11-14 Triage", 1.0, "2019-11-15").article) == (
        "2019-11-14"
    )


def test_pre_release_posts_are_named_with_their_stage() -> None:
    """A pre-release post's number is also its release's ("1.68.0 pre-release testing",
    "Announcing Quillkit 1.68.0"): the line names it with the stage its title writes, and a
    version asked still gives no line."""
    assert mark("Quillkit 1.29.0 beta: call for testing!") == "1.29.0 beta"
    assert mark("1.47.0 second pre-release testing") == "1.47.0 pre-release"
    assert mark("Announcing Quillkit 1.68.0") == "1.68.0"
    found = [
        _ranked("1.68.2 pre-release testing", 1.0),
        _ranked("1.68.1 pre-release testing", 1.0),
        _ranked("Announcing Quillkit 1.68.1", 1.0),  # another series: the release
    ]
    typed = ("how", "do", "i", "test", "the", "pre-release")
    assert note(typed, typed, found, [], DEFAULT) == (
        "From the 1.68.2 pre-release post; the 1.68.1 pre-release post reports this too."
    )
    named = ("how", "do", "i", "test", "1.68.2")
    assert note(named, named, found, [], DEFAULT) is None  # the question names this post
