"""Questions about how things stand now prefer a close candidate whose title says the thing
happened (bot/search/present.py, Policy.present_margin), and "latest X release" lists the
release before its pre-release post (Policy.release_over_prerelease); a question about now is
read without its present-state adverbs (Policy.present_frame)."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from bot.search.present import (
    asks_present,
    pre_release,
    says_done,
    without_frame,
)
from bot.search.versions import version_named
from tests.conftest import CONTENT, assert_rule_decides, small_engine, tool_post


def test_present_state_and_completion_cues_are_read() -> None:
    for q in (
        "does go have generics now",
        "is the 2024 edition out yet",
        "is it still in beta",
        "what do people use these days",
        "did range over func ship in go",
        "is the sparse protocol stable",
    ):
        assert asks_present(tuple(q.split())), q
    for q in ("what are generics in go", "how do i ship a binary", "when was it released"):
        assert not asks_present(tuple(q.split())), q


def test_titles_that_say_the_thing_happened() -> None:
    for title in (
        "Announcing Rust 1.85.0 and Rust 2024",
        "Go 1.18 is released!",
        "Async-await on stable Rust!",
        "Profile-guided optimization in Go 1.21",
    ):
        assert says_done(title), title
    for title in (
        "Go 1.18 Beta 1 is available, with generics",
        "1.98.0 pre-release testing",
        "Rust 2024 call for testing",
        "A Proposal for Adding Generics to Go",
        "Rust 1.0: Scheduling the trains",
    ):
        assert not says_done(title), title
    assert pre_release("Rustup 1.29.0 beta: Call for Testing!")
    assert not pre_release("Announcing rustup 1.29.0")
    assert version_named("Announcing Rust 1.98.0") == "1.98.0"
    assert version_named("1.98.0 pre-release testing") == "1.98.0"
    assert version_named("Rust 2024 in beta") is None


PLAN = (
    "<p>The quill team plans a new incremental compiler backend for quill. The incremental "
    "compiler backend is the biggest change to quill in years: the incremental backend "
    "caches every compiled module. We propose to ship the incremental compiler backend "
    "in a future release, once the incremental backend passes the test suite.</p>"
)
RELEASE = (
    "<p>Today we release Quill 3.0, with the incremental compiler backend. The incremental "
    "compiler backend caches every compiled module. Quill 3.0 also speeds up the formatter "
    "and the linter, and fixes many bugs reported over the year.</p>"
)
STATE = {
    "plan.md": tool_post("quill-backend-plan", "Planning the incremental backend", PLAN, 2),
    "release.md": tool_post("quill-3-0", "Announcing Quill 3.0", RELEASE, 9),
}


async def test_a_question_about_now_is_answered_by_the_release(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        STATE,
        "is the incremental compiler backend out yet",
        ("quill-3-0", "incremental compiler backend"),
        DEFAULT.with_(present_margin=0),
        "quill-backend-plan",
    )
    # Without a present-state cue the best-held post answers as before.
    async with small_engine(tmp_path / "plain", STATE, CONTENT) as engine:
        plain = await engine.ask("what is the incremental compiler backend")
    assert plain.article is not None and plain.article.slug == "quill-backend-plan"


def _prerelease(version: str, day: int) -> str:
    return (
        f"---\ntitle: {version} pre-release testing\nslug: pre-{version}\nauthor: Staff\n"
        f"date: '2024-05-{day:02d}T00:00:00Z'\ntags: [tools]\n---\n<p>The {version} "
        "pre-release of quill is ready for testing. Try the release before it ships.</p>\n"
    )


def _announce(version: str, day: int) -> str:
    return (
        f"---\ntitle: Announcing Quill {version}\nslug: quill-{version}\nauthor: Staff\n"
        f"date: '2024-05-{day:02d}T00:00:00Z'\ntags: [tools]\n---\n<p>Quill {version} is "
        "here, with a faster formatter and many fixes.</p>\n"
    )


RELEASES = {
    "pre1.md": _prerelease("4.1.0", 1),
    "rel1.md": _announce("4.1.0", 3),
    "pre2.md": _prerelease("4.2.0", 20),
    "rel2.md": _announce("4.2.0", 22),
}


async def test_latest_release_lists_the_release_over_its_prerelease_post(tmp_path: Path) -> None:
    question = "latest quill release"
    async with small_engine(tmp_path, RELEASES, CONTENT) as engine:
        on = await engine.ask(question)
        rule_off = DEFAULT.with_(release_over_prerelease=0)
        off = await SearchEngine(engine.library, policy=rule_off).ask(question)
    assert off.article is not None and off.article.slug == "pre-4.2.0", off.article
    assert on.article is not None and on.article.slug == "quill-4.2.0"


def test_a_question_about_now_is_read_without_its_present_adverbs() -> None:
    q = parse("does quill still lack macros", lambda *_: None, DEFAULT)
    framed = without_frame(q)
    assert framed.content == ("quill", "lack", "macros")
    assert framed.terms == q.terms  # passages still read every word
    assert asks_present(framed.typed)  # still a question about now for the rerank
    # "now" is written by the release notes too ("quill now has macros"): kept.
    now = parse("does quill have macros now", lambda *_: None, DEFAULT)
    assert without_frame(now).content == now.content
    assert without_frame(parse("yet", lambda *_: None, DEFAULT)).content == ("yet",)


BETA = (
    "<p>The next quill is not out yet: this beta is for testing. Macros are not yet "
    "stable, and the docs are not yet written. Tell us what is not working yet.</p>"
)
SHIPPED = (
    "<p>Quill 5.0 is released. Quill 5.0 brings macros, and quill 5.0 also brings a "
    "faster formatter and many fixes.</p>"
)
FRAMED = {
    "beta.md": tool_post("quill-5-beta", "Quill 5.0 beta is ready for testing", BETA, 2),
    "shipped.md": tool_post("quill-5-0", "Quill 5.0 is released", SHIPPED, 9),
}


async def test_present_adverbs_do_not_hold_the_release_down(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        FRAMED,
        "is quill 5.0 out yet",
        ("quill-5-0", "Quill 5.0"),
        DEFAULT.with_(present_frame=0),
        "quill-5-beta",
    )
