"""Requests members type in chat's spelling, read as asked (found23, from journey23): a
bare verb fetching an article's link, "sauce", "u" after an auxiliary, "wat r", "the … one"
before the words asking, "who is" a byline's name, and an address pasted without https."""

from __future__ import annotations

import pytest

from bot.library.sync import Library
from bot.search.asked import NO_LINK
from bot.search.engine import SearchEngine
from bot.search.filters import by_author
from bot.search.lookup import bare_link_forms
from bot.search.parse import parse
from bot.search.query import BYLINE, LIBRARY, LINK

REPAIR = "articlebot.example/community/repair-cafe-fixes-record-number-of-toasters"


@pytest.mark.parametrize(
    "text", ["can u send the link", "send the link", "pls share the url", "share the link"]
)
def test_a_bare_verb_fetching_the_link_asks_for_the_link(text: str) -> None:
    # (framing._FRAMED holds LINK_WORDS; "share" is a verb of fetching)
    q = parse(text)
    assert q.wants == LINK and q.topic is not None and not q.topic.content, text


@pytest.mark.parametrize("text", ["share prices in europe", "send help"])
def test_a_verb_before_no_request_word_stays_searched(text: str) -> None:
    assert parse(text).wants is None


@pytest.mark.parametrize("text", ["sauce?", "sauce pls"])
def test_sauce_alone_asks_for_the_source(text: str) -> None:
    assert parse(text).wants == LINK


def test_sauce_among_other_words_asks_of_the_text() -> None:
    assert parse("what goes in the sauce").wants is None


def test_u_after_an_auxiliary_is_you() -> None:
    assert parse("do u have anything on otters").content == ("otters",)
    assert "u" in parse("the u boat history").content  # no auxiliary before it: kept


@pytest.mark.parametrize("text", ["hey what can u do", "what can u do?", "so how do u work"])
def test_u_after_an_auxiliary_inside_the_question_is_you(text: str) -> None:
    # journey27: "hey what can u do" searched "u" (the auxiliary not the first word) and
    # found nothing; asked of the bot, it is the help.
    assert parse(text).social == "help"
    assert "u235" in parse("what is u235").typed  # a word of its own: kept


def test_a_slipped_question_word_before_r_is_read() -> None:
    assert parse("wat r the tags").wants == LIBRARY


def test_the_one_named_before_the_words_asking() -> None:
    q = parse("when was the openwrt one published")
    assert q.wants == BYLINE and q.topic is not None and q.topic.content == ("openwrt",)


def test_an_address_without_its_scheme() -> None:
    assert f"https://{REPAIR}" in bare_link_forms(f"{REPAIR}?utm_source=discord")
    assert f"https://{REPAIR}/" in bare_link_forms(f"www.{REPAIR}/")
    assert f"https://{REPAIR}" in bare_link_forms(f"<{REPAIR}>")
    for name in ("node.js", "go.dev", "e.g. this", "1.5/2", f"see {REPAIR}"):
        assert bare_link_forms(name) == [], name


async def test_an_address_without_https_gets_its_card(bundled_library: Library) -> None:
    engine = SearchEngine(bundled_library)
    answer = await engine.ask(f"{REPAIR}?utm_source=discord")
    assert answer.article is not None and "repair-cafe" in answer.article.slug
    assert answer.passage is None and answer.summary  # the card, not a passage of its words
    # One no article has is read as words (a truncated paste), not "no article has it".
    assert (await engine.ask("articlebot.example/community/nope")).reply != NO_LINK
    assert (await engine.find(f"www.{REPAIR}")) is not None  # the title lookup too


async def test_who_is_a_bylines_name_lists_their_articles(bundled_library: Library) -> None:
    engine = SearchEngine(bundled_library)
    for typed in ("whos hannah brightwell", "who is Hannah Brightwell?"):
        answer = await engine.ask(typed)
        assert answer.wants == "authored" and answer.article is not None, typed
        assert answer.article.author == "Hannah Brightwell", typed
    # A name no byline has is asked of the text as before.
    assert (await engine.ask("who is zebulon marchetti")).wants != "authored"


def test_who_is_a_bylines_name_the_text_writes_asks_of_the_text() -> None:
    # fresh8's "who is riya misra": her own article says "Riya Misra is an intern for
    # POLITICO Magazine", which the listing of her one article hid.
    def resolve(kind: str, words: list[str]) -> tuple[str | None, int]:
        return ("Riya Misra", 2) if kind == "author" else (None, 0)

    named = {"riya", "misra"}
    typed = "who is riya misra"
    assert by_author(typed, resolve, lambda w: w in named) == (typed, False)
    assert by_author(typed, resolve, lambda w: False) == ('author:"Riya Misra"', False)
