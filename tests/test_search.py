"""Search over the blogs corpus and small libraries: each query class a member types."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from bot.library.sync import Library
from bot.search.engine import SearchEngine
from bot.search.filters import missing_name
from bot.search.parse import parse
from tests.conftest import ASK_JSON_KEYS, small_engine

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BLOGS = SHARED / "corpus" / "blogs"


def _build(content: Path, db: Path) -> Path:
    async def reload() -> None:
        lib = Library(content, db)
        try:
            await lib.reload()
        finally:
            await lib.close()

    asyncio.run(reload())
    return db


@pytest.fixture(scope="module")
def blogs_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not BLOGS.is_dir():
        pytest.skip(f"{BLOGS} is absent: these tests need the shared corpus next to the project")
    return _build(BLOGS, tmp_path_factory.mktemp("blogs") / "articles.db")


@pytest.fixture
async def engine(blogs_db: Path):
    lib = Library(BLOGS, blogs_db)
    await lib.open()
    yield SearchEngine(lib)
    await lib.close()


async def top(engine: SearchEngine, query: str) -> str | None:
    resp = await engine.search(query, limit=5)
    return resp.hits[0].title if resp.hits else None


# -- query classes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, title",
    [
        ("Faster Go maps with Swiss Tables", "Faster Go maps with Swiss Tables"),
        ("Using Go Modules", "Using Go Modules"),
        ("Why Generics?", "Why Generics?"),
        ("Get familiar with workspaces", "Get familiar with workspaces"),
    ],
)
async def test_exact_title_is_first(engine: SearchEngine, query: str, title: str) -> None:
    resp = await engine.search(query)
    assert resp.hits[0].title == title
    assert resp.hits[0].score == 100


@pytest.mark.parametrize(
    "query, title",
    [
        ("fastr go maps with swiss tabels", "Faster Go maps with Swiss Tables"),
        ("Usign Go Modules", "Using Go Modules"),
        ("get familar with workspaces", "Get familiar with workspaces"),
        ("Annoucing Rust 1.80.0", "Announcing Rust 1.80.0"),
    ],
)
async def test_title_with_typos(engine: SearchEngine, query: str, title: str) -> None:
    assert await top(engine, query) == title


@pytest.mark.parametrize(
    "query, title",
    [
        ("swiss tables", "Faster Go maps with Swiss Tables"),
        ("swiss tabels", "Faster Go maps with Swiss Tables"),
        ("laws of reflection", "The Laws of Reflection"),
        ("lawz of reflection", "The Laws of Reflection"),
    ],
)
async def test_fragments_with_and_without_typos(
    engine: SearchEngine, query: str, title: str
) -> None:
    assert await top(engine, query) == title


@pytest.mark.parametrize(
    "query, word",
    [("web assembly", "webassembly"), ("rust doc", "rustdoc"), ("rust doc search", "rustdoc")],
)
async def test_words_typed_apart_find_the_title_word_they_make(
    engine: SearchEngine, query: str, word: str
) -> None:
    # Names written as one word in titles ("WebAssembly", "Rustdoc"), typed as two.
    resp = await engine.search(query, limit=3)
    assert resp.hits and all(word in h.title.lower() for h in resp.hits[:2])


BRAND = """---
title: An Open Source Portable Terminal for Every Dev
slug: devterm
description: ClockworkPi - creators of DevTerm, open source portable hardware.
link: https://example.org/devterm
---
<p>DevTerm is a portable terminal with a thermal printer.</p>
"""


async def test_a_name_typed_as_two_words_finds_its_description(tmp_path: Path) -> None:
    async with small_engine(tmp_path, {"devterm.md": BRAND, "heat.md": WITH_BODY}) as engine:
        assert [h.slug for h in (await engine.search("clockwork pi")).hits] == ["devterm"]
        assert [h.slug for h in (await engine.search("clockworkpi")).hits] == ["devterm"]
        # A misspelling corrected into the two words joined is suggested once, not as
        # "clockworkpi pi".
        resp = await engine.search("who sells the clockwork pi now")
        assert resp.suggestions[:1] == ["who sells the clockworkpi now"]


def test_joined_pairs_are_adjacent_content_words() -> None:
    assert parse("web assembly targets").joined == [
        ("web", "assembly", "webassembly"),
        ("assembly", "targets", "assemblytargets"),
    ]
    # Not across a stopword, a filter or punctuation inside a word; not a word with itself.
    assert parse("web of assembly").joined == []
    assert parse("go go").joined == []
    assert parse("crates.io index").joined == []
    assert parse("a b").joined == []


async def test_tag_query_gives_articles_of_that_tag(engine: SearchEngine) -> None:
    resp = await engine.search("compiler team")
    assert resp.hits and all("compiler team" in h.tags for h in resp.hits[:3])
    resp = await engine.search("generics")
    assert "generics" in resp.hits[0].tags


async def test_natural_question_finds_the_article(engine: SearchEngine) -> None:
    assert await top(engine, "how did Go make its maps faster?") == (
        "Faster Go maps with Swiss Tables"
    )
    answer = await engine.ask("how did Go make its maps faster?")
    assert answer.article is not None and "Swiss" in answer.article.title
    # The passage names how (Swiss Tables), not only that maps got faster.
    assert answer.passage and "swiss table" in answer.passage.lower()
    assert len(answer.alternatives) <= 4


@pytest.mark.parametrize(
    "query, question",
    [
        ("how did go make its maps faster", True),
        ("until which rust release will the rls be shipped", True),  # a lead word first
        ("in which go release did loops change", True),
        ("since when is it default", True),
        ("anything ending in a question mark?", True),
        ("in the beginning was the word", False),  # a lead word, but no question word
        ("by which", False),  # too short to be a question
        ("faster go maps with swiss tables", False),
        ('how does "go vet" work', False),  # a filter: searched as keywords
    ],
)
def test_looks_like_question(query: str, question: bool) -> None:
    assert parse(query).asks is question


@pytest.mark.parametrize(
    "query, sentence",
    [
        ("go keynote at the international symposium on memory management", True),
        ("recipe for banana bread with walnuts", True),
        ("python tutorial for beginners", False),  # a topic: keyword confidence decides
        ("garbage collector keynote", False),  # keywords only: no function words
        ("maps in go", False),  # too few content words
        ("tag:generics talk at the type inference meeting", False),
    ],
)
def test_reads_as_sentence(query: str, sentence: bool) -> None:
    assert parse(query).sentence is sentence


async def test_a_description_no_keyword_matches_is_answered_as_a_question(
    engine: SearchEngine,
) -> None:
    # No title holds these words; the body of the keynote's transcript does.
    query = "go talk at the memory management symposium"
    assert await top(engine, query) == "Getting to Go: The Journey of Go's Garbage Collector"
    # A question led by a preposition is a question too, not keywords.
    assert await top(engine, "until which version will RLS be released") == "RLS Deprecation"


@pytest.mark.parametrize(
    "query",
    [
        "recipe for banana bread",
        "best hotels in paris",
        "how to train a puppy",
        "symptoms of the flu",
        "the",
        "what is it",
    ],
)
async def test_unrelated_queries_return_nothing(engine: SearchEngine, query: str) -> None:
    assert (await engine.search(query)).hits == []
    assert (await engine.ask(query)).article is None


async def test_a_question_sharing_one_rare_word_gets_at_most_a_tentative_answer(
    engine: SearchEngine,
) -> None:
    # "Tokyo" is in a post listing Rust events; the rest of the question is nowhere.
    assert (await engine.search("cheap flights to tokyo")).hits == []
    answer = await engine.ask("cheap flights to tokyo")
    assert answer.confidence != "high"
    assert answer.article is None or answer.tentative


async def test_scores_are_0_to_100_and_best_first(engine: SearchEngine) -> None:
    resp = await engine.search("go concurrency patterns", limit=10)
    scores = [h.score for h in resp.hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    assert len(resp.hits) <= 10


async def test_filters_combine_with_free_text(engine: SearchEngine) -> None:
    resp = await engine.search("tag:generics", limit=50)
    assert resp.hits and all("generics" in h.tags for h in resp.hits)
    dates = [h.date for h in resp.hits]
    assert dates == sorted(dates, reverse=True)  # filter only: newest first
    resp = await engine.search("author:rob pike")
    assert resp.hits and all("Pike" in (h.author or "") for h in resp.hits)
    resp = await engine.search("tag:genrics interfaces")  # fuzzy tag name
    assert resp.hits and all("generics" in h.tags for h in resp.hits)
    resp = await engine.search('"swiss tables" maps')
    assert resp.hits[0].title == "Faster Go maps with Swiss Tables"
    assert (await engine.search("tag:no-such-tag-anywhere go")).hits == []


async def test_repeated_titles_carry_dates_and_newer_first(engine: SearchEngine) -> None:
    resp = await engine.search("Security advisory for Cargo")
    same = [h for h in resp.hits if h.title == "Security advisory for Cargo"]
    assert len(same) >= 2
    assert all(h.label.endswith(")") and str(h.date.year) in h.label for h in same)
    assert same[0].date > same[1].date
    choices = await engine.autocomplete("Security advisory for Cargo")
    labels = [c.label for c in choices if c.title == "Security advisory for Cargo"]
    assert len(labels) >= 2 and len(set(labels)) == len(labels)


async def test_a_search_found_through_corrected_words_names_them(engine: SearchEngine) -> None:
    fixed = await engine.search("swiss tabels")
    assert fixed.hits and fixed.corrected == "swiss tables"
    assert (await engine.search("swiss tables")).corrected is None


async def test_did_you_mean_only_when_plausible(engine: SearchEngine) -> None:
    assert (await engine.search("recipe for banana bread")).suggestions == []
    resp = await engine.search("python tutorial for beginners")
    assert resp.hits == [] and len(resp.suggestions) <= 3


async def test_json_shape_is_the_cli_contract(engine: SearchEngine) -> None:
    data = (await engine.search("swiss tables")).as_json()
    assert set(data) == {"query", "results", "suggestions", "corrected"}
    assert set(data["results"][0]) == {"slug", "title", "link", "date", "tags", "score"}
    assert isinstance(data["results"][0]["score"], int)
    answer = (await engine.ask("how did Go make its maps faster?")).as_json()
    assert set(answer) == ASK_JSON_KEYS
    assert set(answer["article"]) == {"slug", "title", "link"}
    assert answer["confidence"] == "high" and answer["reply"] is None


async def test_find_autocomplete_related_tag(engine: SearchEngine) -> None:
    found = await engine.find("Using Go Modules")
    assert found is not None and found.title == "Using Go Modules"
    assert (await engine.find(found.slug)).slug == found.slug
    assert (await engine.find("usign go modules")).title == "Using Go Modules"
    assert await engine.find("banana bread recipe") is None
    choices = await engine.autocomplete("swis tab")
    assert choices and choices[0].title == "Faster Go maps with Swiss Tables"
    latest = await engine.autocomplete("")
    assert len(latest) == 25 and latest[0].date >= latest[-1].date
    related = await engine.related(found.slug)
    assert 0 < len(related) <= 4 and found.slug not in {h.slug for h in related}
    name, metas = await engine.tag("Generics")
    assert name == "generics" and metas and metas[0].date >= metas[-1].date
    assert await engine.tag("zzzzqqq") == (None, [])


# -- hostile input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ['"', '""', "*", "NEAR(", "NEAR(a b", "-", "-go", ":", "title:", "^", "^go", "a AND",
     "OR", "(", ")", "{}", "🦀🦀", "Ünïcödé", "日本語のテキスト", "\x00\x01", "' OR 1=1 --",
     "tag:", "author:", 'tag:"', "go*", "col:text", "\\", "\n\t"],
)  # fmt: skip
async def test_hostile_input_never_raises(engine: SearchEngine, query: str) -> None:
    resp = await engine.search(query)
    assert isinstance(resp.hits, list)
    assert (await engine.ask(query)).question is not None
    await engine.autocomplete(query)
    await engine.find(query)


async def test_huge_query_is_clipped(engine: SearchEngine) -> None:
    resp = await engine.search("swiss tables " * 900)  # ~11 kB
    assert len(resp.query) <= 300
    answer = await engine.ask("x" * 10_000)
    assert len(answer.question) <= 300 and answer.article is None


# -- small libraries -----------------------------------------------------------------------


async def test_empty_library(tmp_path: Path) -> None:
    async with small_engine(tmp_path, {}) as engine:
        assert (await engine.search("anything")).hits == []
        assert (await engine.ask("who?")).article is None
        assert await engine.autocomplete("") == []
        assert await engine.find("x") is None
        assert await engine.related("x") == []
        assert await engine.tags() == []
        assert await engine.random() is None


@pytest.fixture
def seed_engine(seed_library: Library) -> SearchEngine:
    return SearchEngine(seed_library)


async def test_one_article_library(seed_engine: SearchEngine) -> None:
    resp = await seed_engine.search("revolutionary therapy")
    assert [h.title for h in resp.hits] == [
        "Revolutionary therapy treats ‘untreatable’ blood cancer"
    ]
    assert (await seed_engine.search("rust borrow checker")).hits == []
    assert (await seed_engine.autocomplete("blod cancer"))[0].title.startswith("Revolutionary")


async def test_seed_question_names_alyssa_tapley(seed_engine: SearchEngine) -> None:
    answer = await seed_engine.ask("who was the first to receive BE-CAR7?")
    assert answer.article is not None
    assert "Alyssa Tapley" in (answer.passage or "")
    assert answer.quote is not None and answer.quote.speaker
    assert answer.summary and "living drug" in answer.summary
    assert (await seed_engine.ask("recipe for banana bread")).article is None


EMPTY_BODY = """---
title: Here's What America Looked Like Before the EPA
slug: america-before-the-epa
date: '2023-07-13T04:11:53.000Z'
link: https://example.org/america-before-the-epa
tags: [climate]
---
"""

WITH_BODY = """---
title: Heat pumps for old houses
slug: heat-pumps
date: '2024-01-01T00:00:00Z'
link: https://example.org/heat-pumps
---
<p>A heat pump moves heat instead of making it, so it needs far less electricity.</p>
"""


async def test_an_article_without_text_is_answered_by_its_title(tmp_path: Path) -> None:
    # Read-later exports save some links with no body: their title is all there is.
    async with small_engine(tmp_path, {"epa.md": EMPTY_BODY, "heat.md": WITH_BODY}) as engine:
        for question in (
            "what did america look like before the epa",
            "Here's What America Looked Like Before the EPA",
        ):
            answer = await engine.ask(question)
            assert answer.article is not None and answer.article.slug == "america-before-the-epa"
            assert answer.passage is None
        assert (await engine.ask("why does a heat pump need less electricity?")).article.slug == (
            "heat-pumps"
        )
        assert (await engine.ask("recipe for banana bread")).article is None


def _release(version: str, date: str) -> str:
    return f"""---
title: Go {version} is released
slug: go{version.replace(".", "")}
date: '{date}T00:00:00Z'
tags: [release]
link: https://example.org/go{version}
---
<p>The Go team is happy to release Go {version}, with faster builds and a new release
of the standard library.</p>
"""


async def test_latest_and_newest_put_the_newest_match_first(tmp_path: Path) -> None:
    files = {
        f"go{version}.md": _release(version, date)
        for version, date in [
            ("1.22", "2024-02-06"),
            ("1.20", "2023-02-01"),
            ("1.21", "2023-08-08"),
        ]
    }
    files["talks.md"] = (
        "---\ntitle: Two recent Go talks\nslug: talks\ndate: '2013-01-02'\n---\n"
        "<p>Two talks about Go at a conference.</p>\n"
    )
    files["heat.md"] = WITH_BODY
    async with small_engine(tmp_path, files) as engine:
        for query in ("latest go release", "newest go release", "go release latest"):
            hits = (await engine.search(query)).hits
            assert [h.slug for h in hits[:3]] == ["go122", "go121", "go120"], query
        # Without the word, the best match comes first as usual (equal scores: newest).
        assert (await engine.search("go 1.20 release")).hits[0].slug == "go120"
        answer = await engine.ask("what is the latest go release?")
        assert answer.article is not None and answer.article.slug == "go122"
        # Alone, it lists the newest articles; in a title, it is a word like any other.
        assert [h.slug for h in (await engine.search("latest")).hits[:2]] == ["go122", "heat-pumps"]
        assert (await engine.search("two recent go talks")).hits[0].slug == "talks"


async def test_posts_and_articles_name_what_is_wanted_not_its_topic(tmp_path: Path) -> None:
    call = (
        "---\ntitle: A call for blog posts about the next year\nslug: call\n"
        "date: '2024-06-01'\n---\n<p>Write a blog post about what you want next year.</p>\n"
    )
    async with small_engine(tmp_path, {"heat.md": WITH_BODY, "call.md": call}) as engine:
        for query in ("blog posts about heat pumps", "articles on heat pumps for old houses"):
            # Not the article that only shares "blog posts" with the query.
            assert [h.slug for h in (await engine.search(query)).hits] == ["heat-pumps"]
        # Part of a title, they stay: it matches better with them.
        assert (await engine.search("a call for blog posts")).hits[0].slug == "call"


async def test_tutorial_and_guide_name_the_kind_of_article_not_its_topic(
    engine: SearchEngine,
) -> None:
    # Before, "Go 1.18 is released!" and "Two New Tutorials for 1.18" came first: they
    # hold "tutorial", which the Go Modules posts do not.
    for query in ("go modules tutorial", "guide to go modules"):
        top = (await engine.search(query)).hits[0]
        assert "Go Modules" in top.title, (query, top.title)
    # In a title the word stays, as it matches better with it.
    top = (await engine.search("two new tutorials")).hits[0]
    assert top.title == "Two New Tutorials for 1.18"


async def test_reload_rebuilds_the_index(tmp_path: Path, seed_dir: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    lib = Library(content, tmp_path / "r.db")
    await lib.reload()
    engine = SearchEngine(lib)
    try:
        assert (await engine.search("revolutionary therapy")).hits == []
        for f in seed_dir.glob("*.md"):
            shutil.copy(f, content / f.name)
        await lib.reload()
        assert (await engine.search("revolutionary therapy")).hits
    finally:
        await lib.close()


async def test_did_you_mean_never_swaps_one_english_word_for_another(
    bundled_library: Library,
) -> None:
    # "world" and "print" are no typos, though no article holds them: "who won the would
    # cup?" and "point hi" puzzled members (exploratory QA); a real typo is still offered.
    engine = SearchEngine(bundled_library)
    for query in ("who won the world cup", 'print("hi")'):
        resp = await engine.search(query)
        assert resp.hits == [] and not any(
            w in s for s in resp.suggestions for w in ("would", "point")
        ), resp.suggestions
    assert (await engine.search("repiar cafe toastrs")).corrected == "repair cafe toasters"


def test_only_a_filter_with_no_name_is_missing_one() -> None:
    assert missing_name("tag:") == "tag: needs a tag name, e.g. tag:energy"
    assert (
        missing_name("AUTHOR:  tag:energy") == "author: needs an author's name, e.g. author:smith"
    )
    for fine in (
        "tag:energy",
        'author:"rob pike"',
        "heat tag:energy by:smith",
        "mytag: x",
        "12:30",
    ):
        assert missing_name(fine) is None, fine
