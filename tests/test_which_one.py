"""Right after an author's list, "when was that one published?" asks which one: the
list's first is the conversation's article only by default (followup.points_at_one,
Topic.first_of_list); and a search of one everyday English word lists the results naming
it where an article says what it is about (respond.named_where_shown)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.conversation import Conversations
from bot.search.asked import which_one
from bot.search.followup import points_at_one
from bot.search.policy import DEFAULT
from tests.conftest import small_engine


def _post(slug: str, title: str, author: str, date: str, body: str, tags: str = "toolkit") -> str:
    return (
        f"---\ntitle: {title}\nslug: {slug}\nauthor: {author}\ndate: '{date}T00:00:00Z'\n"
        f"tags: [{tags}]\n---\n{body}\n"
    )


FILES = {
    "intro.md": _post(
        "intro",
        "An Introduction To Widgets",
        "Ada Quill",
        "2022-03-22",
        "Widgets are the biggest change to the toolkit. They let you build panels.",
    ),
    "why.md": _post(
        "why",
        "Why Widgets?",
        "Ada Quill",
        "2019-07-31",
        "Why should we add widgets to the toolkit, and what might they look like?",
    ),
    "news.md": _post(
        "news",
        "Council votes on the new bridge",
        "Sam Reed",
        "2024-05-01",
        "The council will go ahead with the bridge. Residents go to the hall to vote, and many"
        " go home again. Others go on to the next meeting; few go to the river.",
        tags="local",
    ),
}


def test_points_at_one_reads_a_pointer_at_one_article() -> None:
    assert points_at_one("when was that one published")
    assert points_at_one("who wrote it?")
    assert not points_at_one("when did they write them")
    assert not points_at_one("tell me more")
    assert not points_at_one("when was that one about bridges published")


async def test_that_one_after_an_authors_list_asks_which(tmp_path: Path) -> None:
    async with small_engine(tmp_path, FILES) as engine:
        talk = Conversations(ttl=600)
        listed = await engine.ask("what else did ada quill write")
        assert [a.slug for a in listed.listed] == ["intro", "why"]
        talk.answered(listed, "k")
        about = talk.about("k")
        assert about is not None and about.first_of_list
        which = await engine.ask("when was that one published", about)
        assert which.article is None and which.reply == which_one(2)
        # With the list's first taken as chosen, the old reply: its date, unsaid which.
        guessed = await engine.ask(
            "when was that one published", replace(about, first_of_list=False)
        )
        assert guessed.article is not None and guessed.article.slug == "intro"
        # The list stays: "the second one" picks from it.
        talk.answered(which, "k")
        second = await engine.ask("when was the second one published", talk.about("k"))
        assert second.article is not None and second.article.slug == "why"
        # One the member chose is no guess.
        talk.answered(second, "k")
        chosen = talk.about("k")
        assert chosen is not None and not chosen.first_of_list


async def test_a_search_of_an_everyday_word_lists_articles_about_it(tmp_path: Path) -> None:
    # journey24: "/search go" listed news stories whose text says "go on" after the Go posts.
    files = {
        **FILES,
        "go.md": _post(
            "go",
            "Go 1.18 is released",
            "Ada Quill",
            "2022-03-15",
            "Go 1.18 adds widgets to the toolkit.",
        ),
    }
    async with small_engine(tmp_path, files) as engine:
        assert [h.slug for h in (await engine.search("go")).hits] == ["go"]
    off = DEFAULT.with_(everyday_word_shown=False)
    (tmp_path / "off").mkdir()
    async with small_engine(tmp_path / "off", files) as engine:
        engine.policy = off
        assert "news" in [h.slug for h in (await engine.search("go")).hits]
