"""A question asking which release brought something prefers the release with a section
about it over later releases naming it in their lists (bot/search/present.asks_version,
rerank.introduced_first, Policy.version_margin)."""

from __future__ import annotations

from pathlib import Path

from bot.search.policy import DEFAULT
from bot.search.present import asks_version, version_topic
from bot.search.words import stems
from tests.conftest import assert_rule_decides


def _release(slug: str, version: str, date: str, body: str) -> str:
    return (
        f"---\ntitle: Announcing Quillkit {version}\nslug: {slug}\nauthor: Release Team\n"
        f"description: A new version of Quillkit.\ndate: '{date}T00:00:00Z'\n"
        f"tags: [release]\n---\n{body}\n"
    )


# The release introducing a type has a section about it; a later one lists methods
# stabilised on it, naming it more often and beside "added".
RELEASES = {
    "v1.md": _release(
        "introduced",
        "2.4.0",
        "2023-06-01",
        "<p>The Quillkit team is happy to announce a new version, 2.4.0.</p>"
        "<h2>What is in 2.4.0</h2><h3>Snapcell and Snaplock</h3>"
        "<p>These lazy types delay building their data until first use.</p>"
        "<p>The thread-safe one suits statics.</p>"
        "<h3>Faster parsing</h3><p>The parser is twice as fast.</p>",
    ),
    "v2.md": _release(
        "later",
        "2.9.0",
        "2025-03-05",
        "<p>The Quillkit team is happy to announce a new version, 2.9.0.</p>"
        "<h2>What is in 2.9.0</h2><h3>Array windows</h3><p>Slices get windows of arrays.</p>"
        "<h3>Stabilized APIs</h3><ul><li>Snaplock::get added</li>"
        "<li>Snaplock::get_mut added</li><li>Snaplock::force_mut added</li>"
        "<li>Snapcell::get added</li></ul>",
    ),
}


async def test_which_version_added_it_is_the_release_with_its_section(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        RELEASES,
        "which quillkit version added snaplock",
        ("introduced", "lazy"),
        DEFAULT.with_(version_margin=0.0),
        "later",
    )


def test_questions_asking_which_release_brought_something() -> None:
    for q in (
        "which rust version has LazyLock",
        "in what release were let chains stabilised",
        "what version of go added generics",
        "when was black_box stabilized",
        "when did let-else land",
    ):
        assert asks_version(tuple(q.split())), q
    for q in (
        "when will let chains be stabilized",
        "what is LazyLock",
        "when did go 1.18 come out",
        "which crates are affected",
    ):
        assert not asks_version(tuple(q.split())), q


def test_the_topic_is_what_was_brought_not_the_release() -> None:
    title = "Announcing Rust 1.80.0"
    assert version_topic(("rust", "version", "added", "lazylock"), title) == stems("lazylock")
    assert version_topic(("go", "release", "brought", "generics"), title) == stems("go generics")


# A post about the thing itself, written when it was stabilised, holds the question in
# its title and opening: it answers, and is left first.
ABOUT = {
    **RELEASES,
    "p1.md": (
        "---\ntitle: Snaplock is stabilized in Quillkit\nslug: about\nauthor: Lib Team\n"
        "description: The lazy lock is stable.\ndate: '2023-05-01T00:00:00Z'\n"
        "tags: [library]\n---\n<p>After a year of testing, the lazy lock ships in version 2.4.0.</p>\n"
    ),
}


async def test_a_post_about_the_thing_itself_stays_first(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        ABOUT,
        "which quillkit version stabilized snaplock",
        ("about", "2.4.0"),
        DEFAULT.with_(version_lead_share=2.0),
        "introduced",
    )
