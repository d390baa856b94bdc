"""Where an article is from, links into its text, and the library's hints for members:
the closest tags, help's examples and what to offer when nothing was found."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from bot.library.source import URL_MAX, context_url, host, source_of
from bot.library.sync import Library
from bot.search.engine import SearchEngine
from bot.search.fuzzy import closest_names
from bot.service import LibraryService, example_question
from tests.conftest import dated_post, small_engine


@pytest.mark.parametrize(
    "author, link, person, site",
    [
        ("Hannah Brightwell", "https://www.example.org/a", "Hannah Brightwell", "example.org"),
        ("archive.org", "https://help.archive.org/help/x", None, "archive.org"),
        ("ieeexplore.ieee.org", None, None, "ieeexplore.ieee.org"),
        ("https://www.gawker.com/news", "https://x.org/", None, "gawker.com"),
        ("", "https://lab.leaflet.pub/3mrq", None, "lab.leaflet.pub"),
        (None, "ftp://example.org/x", None, None),
        ("  Dr   Ines  Carvalho ", "not a link", "Dr Ines Carvalho", None),
        ("The Rust Release Team", "https://blog.rust-lang.org/x", "The Rust Release Team",
         "blog.rust-lang.org"),
        ("St. John", None, "St. John", None),  # a dot is not a domain
    ],
)  # fmt: skip
def test_the_source_names_a_person_only_when_the_author_is_one(
    author: str | None, link: str | None, person: str | None, site: str | None
) -> None:
    source = source_of(author, link)
    assert (source.person, source.site) == (person, site)
    assert source.line() == " · ".join(p for p in (person, site) if p)


def test_host_of_odd_input() -> None:
    assert host("https://[::1") is None  # malformed: no exception
    assert host("HTTPS://WWW.Example.ORG/a") == "example.org"
    assert host("localhost") is None


def test_context_url_highlights_the_passage_start() -> None:
    passage = "Volunteers fixed 212 toasters, kettles & lamps - all of them in a year. More."
    url = context_url("https://example.org/a#top", passage)
    assert url is not None and url.startswith("https://example.org/a#:~:text=")
    fragment = url.split("#:~:text=")[1]
    # The fragment directive's own characters are encoded, as is everything else.
    assert not set(fragment) & set(" ,&-#")
    assert unquote(fragment) == "Volunteers fixed 212 toasters, kettles &"
    # Text after a "…" the passage puts between sentences apart on the page is not sought.
    joined = context_url("https://example.org/a", "Our team: … Library: Mei Chen")
    assert joined is not None and unquote(joined.split("#:~:text=")[1]) == "Our team"
    assert context_url("ftp://example.org/a", passage) is None
    assert context_url(None, passage) is None
    assert context_url("https://example.org/a", "   ") is None
    assert context_url("https://example.org/" + "x" * URL_MAX, passage) is None


def test_closest_names_allow_plurals_and_typos_but_not_guesses() -> None:
    tags = ["environment", "community", "health", "battery", "open source", "heat"]
    assert closest_names("batteries", tags) == ["battery"]
    assert closest_names("helth tips", tags) == ["health"]
    assert closest_names("opensource", tags) == ["open source"]
    assert closest_names("heat pumps", tags) == ["heat"]  # not "health": a short word
    assert closest_names("recipe for banana bread", tags) == []
    assert closest_names("", tags) == []
    assert closest_names("enviroment and comunity", tags, limit=1) == ["environment"]


def test_example_questions_read_as_questions() -> None:
    # journey21: "what about go 1.21 is released?" is no sentence a member would type.
    assert example_question("Go 1.21 is released!") == "what's “Go 1.21 is released” about?"
    assert example_question("  Hearing aids   help.") == "what's “Hearing aids help” about?"


@pytest.fixture
def bundled(bundled_library: Library) -> LibraryService:
    return LibraryService(bundled_library, SearchEngine(bundled_library))


async def test_examples_come_from_the_library_and_the_question_is_answered(bundled) -> None:
    titles = {m.title for m in await bundled.latest(100)}
    tags = {t for t, _ in await bundled.tags()}
    for _ in range(5):  # drawn at random: every draw holds
        examples = await bundled.examples()
        assert examples.title in titles and examples.tag in tags
        assert examples.question is not None
        answer = await bundled.ask(examples.question)
        assert answer.article is not None and answer.article.title != examples.title


async def test_help_examples_are_titles_a_member_can_type(tmp_path) -> None:
    # journey22: /help offered "/ask what's “@everyone should know: …” about?" (the newest
    # article's title, its mention shown with a zero-width space) to a newcomer. Titles
    # with a mention, markdown or emoji are passed over while a typable one is there.
    odd = {
        "a.md": dated_post("a", '"@everyone should know: bins move"', "2026-04-20", "Bins."),
        "b.md": dated_post("b", '"Why **bold** and `code` break bots"', "2026-04-21", "Bold."),
        "c.md": dated_post("c", '"🌊 Sea swimmers brave the tide 🥶"', "2026-04-22", "Sea."),
        "d.md": dated_post("d", '"Kite festival sets a record"', "2026-01-01", "Kites flew."),
        "e.md": dated_post("e", '"Repair café mends toasters"', "2026-01-02", "Toasters."),
    }
    async with small_engine(tmp_path, odd) as engine:
        service = LibraryService(engine.library, engine)
        for _ in range(8):  # drawn at random: every draw holds
            examples = await service.examples()
            assert examples.title in ("Kite festival sets a record", "Repair café mends toasters")
            assert examples.question is None or "@" not in examples.question


async def test_next_steps_offer_search_results_or_else_the_newest(bundled) -> None:
    newest = await bundled.latest(5)
    nothing = await bundled.next_steps("recipe for banana bread")
    assert not nothing.searched and [a.slug for a in nothing.articles] == [m.slug for m in newest]
    assert nothing.suggestions == [] and nothing.tags == []
    tags = await bundled.next_steps("how do I fix my enviroment?")
    assert tags.tags[0] == "environment"  # spelt like a word of it: first


async def test_next_steps_offer_the_tags_of_what_a_search_for_the_words_finds(bundled) -> None:
    steps = await bundled.next_steps("battery that lasts long")  # no tag is spelt like these
    assert steps.searched and steps.articles[0].slug.endswith(
        "sodium-sulfur-battery-survives-ten-thousand-cycles"
    )
    assert steps.tags and set(steps.tags) <= set(steps.articles[0].tags)
    assert steps.tags[0] == "energy"  # its most specific tag (3 articles, "science" has 7)


def test_closest_names_rank_by_typos_then_list_order_for_each_list() -> None:
    # The names' keys are made once per list: another list is answered from its own.
    tags = ["Tips", "heath", "health", "tips"]  # "Tips" and "tips" share a key
    assert closest_names("helth tips", tags) == ["Tips", "heath", "health"]
    assert closest_names("helth tips", ["health", "heath"]) == ["health", "heath"]
    assert closest_names("helth tips", ["rust"]) == []
    assert closest_names("helth tips", tags, limit=1) == ["Tips"]


async def test_tag_choices_match_with_or_without_accents(tmp_path) -> None:
    # journey22: typing "éven" into /tag offered nothing for the tag "événements".
    post = dated_post("a", "Le marché de Noël attire un record", "2025-12-20", "Noël.")
    post = post.replace("tags: [news]", "tags: [événements, noël-lyon]")
    async with small_engine(tmp_path, {"a.md": post}) as engine:
        service = LibraryService(engine.library, engine)
        assert await service.tag_choices("éven") == ["événements"]
        assert await service.tag_choices("EVEN") == ["événements"]
        assert await service.tag_choices("lyon") == ["noël-lyon"]
        assert await service.tag_choices("noel") == ["noël-lyon"]
