"""A short question whose words are another article's title names that article, though
the conversation's article holds one of them in passing (stick25/stick26: "where is the
next all hands" after the Pietro Albini post, whose "for the next few years" held "next",
was answered from that post; followup.titled_elsewhere, Policy.title_names_topic)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.library.sync import Library
from bot.search import followup
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.policy import DEFAULT
from bot.search.results import HIGH

_POSTS = {
    "infra.md": (
        "Leadership change in the infrastructure team",
        "After four years leading the infrastructure team, I am stepping down as lead. "
        "For the next few years the team will have two leads at the same time, and the one "
        "who served longest will make space for a new lead. I look forward to going back "
        "to technical work.",
    ),
    "gathering.md": (
        "The next project all hands",
        "The project will gather in Utrecht in May for its yearly all hands. Every team "
        "sends members, and the days are spent in small rooms planning the work ahead.",
    ),
    "compiler.md": (
        "Compiler performance in the spring",
        "Build times fell by a tenth this spring. The next release ships the faster "
        "parser, and a hand-written lexer replaces the generated one.",
    ),
}
QUESTION = "where is the next all hands"


@pytest.fixture
async def posts(tmp_path):
    root = tmp_path / "posts"
    root.mkdir()
    for name, (title, body) in _POSTS.items():
        (root / name).write_text(f"---\ntitle: {title}\n---\n{body}\n", encoding="utf-8")
    library = Library(root, tmp_path / "posts.db")
    await library.reload()
    yield library
    await library.close()


async def _slug(engine: SearchEngine, word: str) -> str:
    return next(s for s in (await engine.index()).by_slug if word in s)


async def test_a_question_titled_elsewhere_is_not_the_conversations(posts) -> None:
    engine = SearchEngine(posts, cache_size=0)
    infra = await _slug(engine, "infra")
    alone = await engine.ask(QUESTION)
    # Two everyday words: no article is found surely on its own.
    assert alone.confidence != HIGH
    answer = await engine.ask(QUESTION, Topic(infra, None))
    assert answer.article is None or answer.article.slug != infra
    assert answer.article == alone.article and answer.confidence == alone.confidence
    # With the rule off, the infrastructure post's "next" made it a follow-up of that post.
    off = SearchEngine(posts, policy=replace(DEFAULT, title_names_topic=0), cache_size=0)
    stuck = await off.ask(QUESTION, Topic(infra, None))
    assert stuck.article is not None and stuck.article.slug == infra and stuck.followup


async def test_a_conversation_article_holding_every_word_still_follows(posts) -> None:
    engine = SearchEngine(posts, cache_size=0)
    idx = await engine.index()
    infra, gathering, compiler = [
        await engine._article(idx, await _slug(engine, w))
        for w in ("infra", "gathering", "compiler")
    ]
    assert infra is not None and gathering is not None and compiler is not None
    terms = frozenset({"next", "hand"})
    # The infrastructure post holds "next" only: the gathering's title names both.
    assert followup.titled_elsewhere(infra, terms, [compiler, gathering]) == gathering
    # The compiler post holds both ("next release", "hand-written"): no title takes it away.
    assert followup.titled_elsewhere(compiler, terms, [gathering]) is None
    # No title among the matches holds both words.
    assert followup.titled_elsewhere(infra, terms, [compiler]) is None
    # One word alone is no title's name.
    assert followup.titled_elsewhere(infra, frozenset({"next"}), [gathering]) is None
