"""A question naming the site some candidates come from (rerank.named_site_first,
sites.py) or the writer of the best one (Evidence.names_writer), and a question about a
plan (rerank.oldest_first, present.asks_planned)."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.policy import DEFAULT
from bot.search.present import asks_planned
from bot.search.results import LOW
from bot.search.sites import names_used, site_words
from bot.search.words import words
from tests.conftest import CONTENT, assert_rule_decides, dated_post, small_engine


def _linked(post: str, link: str) -> str:
    """A dated_post published at `link`."""
    return post.replace("\ntags:", f"\nlink: {link}\ntags:", 1)


# Two projects' survey results: the other project's post holds the question's other
# words in its title and opening, and names the asked project once in passing; the asked
# project's own post, on its own site, holds them further down.
SURVEYS = {
    "a.md": _linked(
        dated_post(
            "quill-survey",
            "Quillkit survey results, how often users use the editor every week",
            "2022-03-01",
            "Quillkit users told us how often they use the editor every week.",
            "Of all users, 41 percent use it every week, up from last year.",
            "Some had moved over from Brambl, and kept both.",
        ),
        "https://quillkit.dev/blog/survey",
    ),
    "b.md": _linked(
        dated_post(
            "brambl-survey",
            "Survey 2021 results",
            "2022-02-15",
            "Thank you to everyone who answered this year's survey.",
            "We heard from 9,000 people in ten languages.",
            "Among Brambl users, 59 percent use it every week, and 22 percent every day.",
            "The answers will shape next year's roadmap.",
        ),
        "https://blog.brambl-lang.org/2022/02/15/survey",
    ),
}


async def test_the_site_a_question_names_decides_a_near_tie(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        SURVEYS,
        "what percent of brambl users use it every week",
        ("brambl-survey", "59 percent"),
        DEFAULT.with_(site_margin=0.0),
        "quill-survey",
    )


def test_a_site_is_named_by_its_registered_domain() -> None:
    assert site_words("https://blog.brambl-lang.org/x") == {"brambl", "lang"}
    assert site_words("https://quillkit.dev/blog/") == {"quillkit"}
    assert site_words("https://www.bbc.co.uk/news/1") == {"bbc"}
    assert site_words(None) == frozenset() and site_words("not a link") == frozenset()


def test_a_word_that_may_be_a_verb_names_no_site() -> None:
    assert "go" not in names_used(words("why did docs.rs go down in october"))
    assert "go" not in names_used(words("where did the snapshot branches go"))
    assert {"go", "rust"} <= names_used(words("how many go meetups are there in rust"))


# The plan, written before the year, and the year's retrospective, which recaps it with
# the same words and more of them.
PLANS = {
    "a.md": dated_post(
        "roadmap",
        "Quillkit's 2017 roadmap",
        "2017-02-06",
        "This year we plan to make Quillkit a good fit for servers.",
        "Our 2017 plans for async io: a stable futures library and a fast event loop.",
        "We also want faster compiles.",
    ),
    "b.md": dated_post(
        "retrospective",
        "Quillkit in 2017, what we achieved with async io",
        "2017-12-21",
        "Quillkit's 2017 plans for async io were ambitious.",
        "The futures library shipped in the spring, and async io on servers grew all year.",
        "The event loop is not stable yet.",
    ),
}


async def test_a_question_about_a_plan_goes_to_the_post_written_before(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        PLANS,
        "what were the 2017 plans for async io in quillkit",
        ("roadmap", "stable futures library"),
        DEFAULT.with_(plan_margin=0.0),
        "retrospective",
    )


def test_a_plan_is_read_from_words_of_expectation() -> None:
    assert asks_planned(tuple(words("when was go 1 supposed to launch")))
    assert asks_planned(tuple(words("what were the 2017 plans for async io")))
    assert not asks_planned(tuple(words("why was it late due to the outage")))
    assert not asks_planned(tuple(words("which target was built by default")))
    assert not asks_planned(tuple(words("is the plan still on")))  # about now
    assert not asks_planned(tuple(words("until which version will rls be released")))


# A writer's post on their own site, whose text never writes the name they go by, and
# posts holding the question's other words.
WRITER = {
    "w.md": _linked(
        dated_post(
            "every-frame",
            "Every frame counts",
            "2024-05-01",
            "Some interfaces stutter when a panel slides in.",
            "I call this a seam: the platform cannot draw the next state in time, so the "
            "motion jumps.",
            "Good tools hide the seam.",
        ),
        "https://framepx.me/blog/every-frame",
    ),
    **{
        f"o{k}.md": dated_post(
            f"other-{k}",
            f"Studio notes {k}",
            f"2023-01-0{k + 1}",
            f"The studio made a weird animation for the festival, part {k}.",
            "A tech limitation of the old cameras shaped it.",
        )
        for k in range(3)
    },
}


async def test_a_question_naming_the_writer_s_site_gets_their_post_as_closest_match(
    tmp_path: Path,
) -> None:
    # "framepx" is only in the post's link (framepx.me): the question names who wrote it,
    # and the post, below every other floor of the closest match, is that (Policy.writer_floor).
    question = "what does framepx call it when a slow platform makes an animation jump"
    async with small_engine(tmp_path, WRITER, CONTENT) as engine:
        answer = await engine.ask(question)
        _, found = await engine.reranked(question)
        unruled = await SearchEngine(engine.library, policy=DEFAULT.with_(writer_floor=0)).ask(
            question
        )
    assert answer.article is not None and answer.article.slug == "every-frame"
    assert answer.confidence == LOW
    assert found[0].evidence.names_writer
    assert DEFAULT.writer_floor <= found[0].score < DEFAULT.tentative_title_floor
    assert unruled.article is None
    # Published elsewhere, the post is not the one the name asks of: nothing.
    elsewhere = {**WRITER, "w.md": WRITER["w.md"].replace("framepx.me", "example.org")}
    async with small_engine(tmp_path / "elsewhere", elsewhere, CONTENT) as engine:
        assert (await engine.ask(question)).article is None


# A paper named by its initials: the question's "sft" names sftimes.com ("sf" + "times").
COLUMNS = {
    "a.md": _linked(
        dated_post(
            "location-guide",
            "What location data can do to a person",
            "2021-07-25",
            "One case shows what location data can do.",
            "A phone's location data showed a person's daily routine.",
            "Turn off location history to keep it private.",
        ),
        "https://privacyweekly.dev/guide",
    ),
    "b.md": _linked(
        dated_post(
            "phones-column",
            "Your phone knows where you were",
            "2021-07-21",
            "A church official resigned after an app's data placed him at bars.",
            "Data brokers buy and sell it with few rules.",
            "The case shows what location data can do to a person once it is sold.",
        ),
        "https://www.sftimes.com/2021/07/21/technology/phones.html",
    ),
}


def test_a_site_named_by_its_initials() -> None:
    from bot.search.sites import site_initials

    assert site_initials("https://www.nytimes.com/2021/07/21/x.html") == {"nyt"}
    assert site_initials("https://www.latimes.com/x") == {"lat"}
    # No two-letter head before an everyday word: none ("tech" + "crunch", "ar" + "chive").
    for link in ("https://techcrunch.com/x", "https://go.dev/blog", "https://archive.org/x"):
        assert site_initials(link) == frozenset(), link


async def test_the_initials_a_question_names_a_paper_by_decide(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        COLUMNS,
        "what case does the sft column use to show what location data can do to a person",
        ("phones-column", "location data can do"),
        DEFAULT.with_(site_initials=0),
        "location-guide",
    )
