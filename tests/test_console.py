"""The console chat, driven through stdin/stdout as a member would use it when piped."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from bot.console import run_chat
from bot.library.sync import Library
from bot.search.engine import SearchEngine
from bot.service import LibraryService
from tests.conftest import loaded_library, small_engine

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"


def service_over(library: Library) -> LibraryService:
    return LibraryService(library, SearchEngine(library))


@pytest.fixture
def seeded(seed_library: Library) -> LibraryService:
    return service_over(seed_library)


@pytest.fixture
def bundled(bundled_library: Library) -> LibraryService:
    return service_over(bundled_library)


async def chat(service: LibraryService, lines: list[str]) -> str:
    out = io.StringIO()
    code = await run_chat(service, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
    assert code == 0
    return out.getvalue()


async def test_banner_question_and_quit(seeded) -> None:
    text = await chat(seeded, ["who was the first to receive BE-CAR7?", "/quit", "never read"])
    assert text.splitlines()[0] == "ArticleBot console — 1 articles. Type a question or /help."
    assert "Alyssa Tapley" in text
    assert "Prof Waseem Qasim" in text  # the quote with its speaker
    assert "https://www.positive.news/" in text
    assert "never read" not in text
    assert "\x1b[" not in text  # plain text when piped


async def test_every_command(seeded) -> None:
    text = await chat(
        seeded,
        [
            "/help",
            "/search blood cancer",
            "/article revolutionary therapy treats untreatable blood cancer",
            "/quote",
            "/quote Revolutionary therapy",
            "/summary revolutionary therapy",
            "/tags",
            "/tag helth",
            "/random",
            "/random science",
            "/latest 3",
        ],
    )
    assert "/search QUERY" in text  # help
    assert text.count("Revolutionary therapy treats ‘untreatable’ blood cancer") >= 5
    assert "health (1)" in text and "science (1)" in text  # /tags
    assert "Tag health (1)" in text  # fuzzy /tag
    assert "living drug" in text  # summary


async def test_odd_input_never_crashes(seeded) -> None:
    text = await chat(
        seeded,
        ["", "   ", "/", "/nope", "/latest many", "/latest -5", "/tag", "/search", '"', "NEAR(",
         "🦀" * 50, "x" * 10_000, "/article no such article at all", "recipe for banana bread"],
    )  # fmt: skip
    assert "Unknown command /nope" in text
    assert "Usage: /latest [N]" in text
    assert "No article titled" in text
    assert "could not find an article" in text
    assert "Something went wrong" not in text


async def test_a_line_starting_with_a_path_or_comment_is_a_question(bundled) -> None:
    # Commands are words: "//go:embed" or a path is pasted text, asked as a question.
    text = await chat(bundled, ["//heat pump bills drop", "/tmp/heat pump bills"])
    assert "Unknown command" not in text
    assert text.count("heat-pump rollout") >= 2


async def test_end_of_input_ends_the_chat(seeded) -> None:
    out = io.StringIO()
    assert await run_chat(seeded, stdin=io.StringIO(""), stdout=out) == 0
    assert out.getvalue().startswith("ArticleBot console")


async def test_bundled_library_chat(bundled) -> None:
    text = await chat(bundled, ["/latest 2", "/tags", "/random"])
    assert "Latest" in text and "\n 1. Coral nursery" in text and "\n 2. " in text


async def test_a_passage_inside_a_longer_quotation_is_shown_with_it_closed(bundled) -> None:
    # The repair café's "“People assume a toaster is a throwaway thing." is the first of
    # three sentences Maria Okafor said: shown alone, its quotation is closed.
    text = await chat(bundled, ["whats the deal with the toasters"])
    shown = next(line for line in text.splitlines() if line.startswith("> “People assume"))
    assert shown == "> “People assume a toaster is a throwaway thing.”"


async def test_related_and_stats(tmp_path: Path) -> None:
    shutil.copytree(CONTENT, tmp_path / "content")
    (tmp_path / "content" / "broken.md").write_text("---\ntitle: [oops\n---\n")
    async with loaded_library(tmp_path / "content", tmp_path / "b.db") as lib:
        text = await chat(
            service_over(lib),
            ["/related hearing aids linked to slower memory decline", "/related", "/stats",
             "/related zzzz qqqq xxxx"],
        )  # fmt: skip
    related = text.split("== Related to Hearing aids linked to slower memory decline")[1]
    listed = [line for line in related.splitlines() if line.startswith(" 1. ")]
    assert listed and not any("Hearing aids" in line for line in listed)
    assert "Usage: /related TITLE" in text
    assert "14 articles from 15 files" in text and "environment (7)" in text
    assert "failing: broken.md:" in text
    assert "No article titled 'zzzz qqqq xxxx'." in text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


async def test_rich_output_on_a_terminal(seeded) -> None:
    out = _Terminal()
    stdin = io.StringIO("who was the first to receive BE-CAR7?\n/search [bold]x\n/tags\n")
    assert await run_chat(seeded, stdin=stdin, stdout=out) == 0
    text = out.getvalue()
    assert "Alyssa Tapley" in text and "\x1b[" in text  # styled


async def test_a_piped_transcript_shows_each_question(seeded) -> None:
    text = await chat(seeded, ["who was the first to receive BE-CAR7?", "/tags"])
    lines = text.splitlines()
    asked = lines.index("> who was the first to receive BE-CAR7?")
    assert "Alyssa Tapley" in "\n".join(lines[asked + 1 : lines.index("> /tags")])
    assert "health (1)" in "\n".join(lines[lines.index("> /tags") + 1 :])


async def test_other_matches_are_numbered_and_open_opens_one(bundled) -> None:
    text = await chat(bundled, ["library of things", "/open 1", "/open 9", "/open x"])
    others = text.split("Other matches (/open N):\n")[1].splitlines()
    first = others[0]
    assert first.startswith(" 1. ")
    title = first[4:].rsplit(" (", 1)[0]
    assert f"== {title} ==" in text  # /open 1 showed that article's card
    assert text.count("Usage: /open N, with N from 1 to") == 2


async def test_open_follows_the_last_numbered_list(bundled) -> None:
    text = await chat(
        bundled, ["/open 1", "/latest 3", "/open 2", "/search environment", "/open 1"]
    )
    assert "Nothing to open yet" in text
    latest = text.split("== Latest ==\n")[1].splitlines()
    second = latest[1][4:].rsplit(" (", 1)[0]
    assert f"== {second} ==" in text
    results = text.split("== Results for environment ==\n")[1].splitlines()
    top = results[0][4:].split("  [")[0]
    assert text.count(f"== {top} ==") >= 1


async def test_a_corrected_search_says_so(bundled) -> None:
    text = await chat(bundled, ["/search sodim sulfr batery"])
    assert "Showing results for sodium sulfur battery" in text
    assert " 1. New sodium-sulfur battery survives" in text


async def test_help_examples_come_from_the_library(bundled) -> None:
    text = await chat(bundled, ["/help"])
    lines = text.split("Try, from this library:\n")[1].splitlines()
    question, article, tag = (line.strip() for line in lines[:3])
    titles = {m.title for m in await bundled.latest(100)}
    assert article.removeprefix("/article ") in titles
    assert tag.removeprefix("/tag ") in {t for t, _ in await bundled.tags()}
    assert (await bundled.ask(question)).article is not None
    assert "how did Go make its maps faster" not in text


async def test_nothing_found_offers_next_steps_to_open(bundled) -> None:
    text = await chat(bundled, ["recipe for banana bread", "/open 1", "/tag enviroments"])
    assert "Try /search recipe for banana bread, or one of the newest (/open N):" in text
    assert "== Coral nursery" in text  # the newest article, opened
    assert "Tags like it: environment" in text or "Tag environment" in text


async def test_latest_with_a_count_below_one_says_how_to_use_it(bundled) -> None:
    for arg in ("0", "-5", "many"):
        text = await chat(bundled, [f"/latest {arg}"])
        assert "Usage: /latest [N], with N from 1 to 25" in text and "== Latest ==" not in text


async def test_a_follow_up_is_about_the_article_just_answered(bundled) -> None:
    text = await chat(
        bundled,
        [
            "how many coral fragments has the nursery replanted",
            "what was their survival rate?",
            "tell me more",
            "how much did heat pump bills drop",
        ],
    )
    survival = text.split("> what was their survival rate?")[1].split("> tell me more")[0]
    assert "Following up on “Coral nursery replants twenty thousand" in survival
    assert "81%" in survival
    more = text.split("> tell me more")[1].split("> how much did heat pump")[0]
    assert "Following up on “Coral nursery" in more
    new = text.split("> how much did heat pump bills drop")[1]
    assert "Following up" not in new and "heat-pump rollout" in new


async def test_a_closest_match_as_a_follow_up_says_so_first(bundled) -> None:
    # Issue 15: a low-confidence answer is flagged in its first line, follow-up or not.
    text = await chat(bundled, ["the hearing aid one", "who was there?"])
    follow = [ln for ln in text.split("> who was there?")[1].splitlines() if ln.strip()]
    assert follow[0] == "Closest match — it may not answer this."
    assert (
        follow[1]
        == "Following up on “Hearing aids linked to slower memory decline in older adults”:"
    )


async def test_a_filter_without_a_name_says_the_name_is_missing(bundled) -> None:
    text = await chat(bundled, ["/search tag:", "/search author:", "/search heat by:"])
    lines = text.splitlines()
    assert "tag: needs a tag name, e.g. tag:energy" in lines
    assert "author: needs an author's name, e.g. author:smith" in lines
    assert "by: needs an author's name, e.g. by:smith" in lines
    assert "No matching articles." not in text and "Did you mean" not in text


def _update(day: str) -> str:
    return (
        f"---\ntitle: Working group update\ndate: '2019-12-{day}'\ntags: [news]\n---\n\n"
        f"The working group met on the {day}th and planned the roadmap for the next year.\n"
    )


async def test_a_title_dated_for_its_twin_shows_its_date_once(tmp_path: Path) -> None:
    files = {"a.md": _update("03"), "b.md": _update("10")}
    async with small_engine(tmp_path, files) as engine:
        service = LibraryService(engine.library, engine)
        text = await chat(service, ["/search working group", "working group update"])
    lines = text.splitlines()
    first = next(line for line in lines if line.startswith(" 1. Working group update"))
    assert first.startswith(" 1. Working group update (2019-12-10)  [") and first.endswith("]")
    assert " 1. Working group update (2019-12-03)" in lines  # the answer's other matches
    assert "(2019-12-03) (2019-12-03)" not in text and "(2019-12-10)  2019-12-10" not in text


# An export whose text was not saved: frontmatter only.
BARE_OTTERS = (
    "---\ntitle: Otters in the gardens\ndate: '2021-12-10'\ntags: [favorite]\n"
    "link: https://example.org/otters\n---\n \n"
)


async def test_an_article_without_text_says_so_and_shows_what_it_has(tmp_path: Path) -> None:
    files = {"bare.md": BARE_OTTERS, "full.md": _update("10")}
    async with small_engine(tmp_path, files) as engine:
        service = LibraryService(engine.library, engine)
        asked = ["otters in the gardens", "/article otters in the gardens", "/summary otters"]
        text = await chat(service, [*asked, "/article working group update"])
    note = "The article's text was not saved; the link has it."
    bare_part, full_part = text.split("> /article working group update")
    assert bare_part.count(note) == 3  # the answer, the card and the summary
    assert bare_part.count("Read: https://example.org/otters") == 2
    assert "\n\n" not in bare_part  # no empty summary line
    assert note not in full_part and "planned the roadmap" in full_part


async def test_a_follow_up_on_an_article_without_text_shows_its_card(tmp_path: Path) -> None:
    # QA: "where did it happen?" after the otters' card said "could not find" and listed
    # unrelated articles; the article is the one asked about, and its link has the story.
    files = {"bare.md": BARE_OTTERS, "full.md": _update("10")}
    async with small_engine(tmp_path, files) as engine:
        service = LibraryService(engine.library, engine)
        text = await chat(service, ["otters in the gardens", "where did it happen?"])
    follow = text.split("> where did it happen?")[1]
    assert "Following up on “Otters in the gardens”" in follow
    assert "The article's text was not saved; the link has it." in follow
    assert "could not find" not in follow


async def test_a_period_lists_its_articles_to_open(bundled) -> None:
    text = await chat(bundled, ["articles from 2026", "/open 1", "articles from 1999"])
    assert "4 articles from 2026, newest first (/open N):" in text
    assert "== Coral nursery" in text  # the newest of 2026, opened
    assert "No articles from 1999: the library runs from 2025 to 2026." in text


async def test_an_article_opened_is_the_one_a_follow_up_asks_of(bundled) -> None:
    # journey21: after "/open 1" the member reads that article; "who wrote it?" asked of
    # the one answered before it (another author's) was wrong.
    text = await chat(
        bundled,
        ["who wrote the coral article?", "/search heet pumps", "/open 1", "who wrote it?"],
    )
    byline = text.split("> who wrote it?")[1]
    assert "Following up on “Street-by-street heat-pump rollout" in byline
    assert "Written by Rafael Quintero" in byline
    text = await chat(
        bundled, ["who wrote the coral article?", "/article solar co-op", "who wrote it?"]
    )
    assert "Written by Marcus Ellery" in text.split("> who wrote it?")[1]


async def test_an_authors_articles_are_numbered_to_open(bundled) -> None:
    # journey21: "2 articles by Hannah Brightwell" listed one ("/open 2": "from 1 to 1").
    text = await chat(bundled, ["articles by hannah brightwell", "/open 2", "the first one"])
    listed = text.split("2 articles by Hannah Brightwell, newest first (/open N):\n")[1]
    assert listed.splitlines()[:2] == [
        " 1. Citizen scientists count a record number of garden birds (2026-01-26)",
        " 2. Repair café fixes a record number of toasters (2025-02-08)",
    ]
    assert "== Repair café fixes a record number of toasters ==" in text.split("> /open 2")[1]
    assert "== Citizen scientists count" in text.split("> the first one")[1]


async def test_an_article_card_shows_its_quote_unless_it_says_the_summary_again(
    bundled, tmp_path: Path
) -> None:
    # As the Discord card does (shown_quote.beside_summary): the console's /article showed
    # no quote (journey25); one repeating the summary is left out.
    text = await chat(bundled, ["/article repair cafe"])
    assert "“We fixed 212 toasters this year" in text and "— Maria Okafor" in text
    said = "“The bridge will open in May and it will carry trams,” said mayor Ana Ruiz."
    post = (
        "---\ntitle: Bridge opens in May\nslug: bridge\nauthor: Staff Writer\n"
        f"description: '{said}'\ndate: '2024-03-01T00:00:00Z'\ntags: [news]\n---\n"
        f"<p>{said}</p><p>The council voted for it last year.</p>\n"
    )
    async with small_engine(tmp_path, {"bridge.md": post}) as engine:
        service = LibraryService(engine.library, engine)
        card = await chat(service, ["/article bridge opens in may"])
    assert card.count("The bridge will open in May") == 1, card
