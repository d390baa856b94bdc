"""Escape sequences, invisible and direction characters never reach a terminal or Discord,
and never split a word a member searches for."""

from __future__ import annotations

import pytest

from bot.library.parse import parse_article
from bot.search.engine import SearchEngine

HOSTILE = (
    "---\n"
    'title: "\\e[2J\\e]0;owned\\aRiver \\e[31mrestoration\\e[0m \\u202Egnirb\\u202C news"\n'
    'author: "Gareth\\u200B Pryce\\x9b1m"\n'
    'description: "Salmon\\u2066 are back\\u2069."\n'
    'tags: ["riv\\u00ADers", "\\u200B"]\n'
    "---\n"
    # (six words: shorter quoted phrases are not quotes)
    "<p>\u201cThe sal\u200bmon &#x202E;returned&#x202C; at last this spring,\u201d said Bethan"
    " Mor\u200dgan.\x1b]8;;https://evil.example\x1b\\ click\x1b]8;;\x1b\\</p>\n"
)


def visible(text: str) -> bool:
    return text.isprintable() or all(c.isprintable() or c in "\n\t" for c in text)


def test_titles_and_text_lose_escapes_and_invisible_characters() -> None:
    article = parse_article(HOSTILE.encode(), "hostile.md")
    assert article.title == "River restoration gnirb news"
    assert article.author == "Gareth Pryce"
    assert article.description == "Salmon are back."
    assert article.tags == ("rivers",)
    assert "The salmon returned at last" in article.text and "click" in article.text
    fields = [article.title, article.author, article.description, article.text, *article.tags]
    fields += [s.text for s in article.sentences]
    fields += [q.text for q in article.quotes] + [q.speaker or "" for q in article.quotes]
    for text in fields:
        assert visible(text), repr(text)
        assert "\x1b" not in text and "owned" not in text
    assert article.quotes[0].speaker == "Bethan Morgan"


@pytest.mark.parametrize(
    "typed",
    [
        "sal\u200bmon",
        "salm\u2060on river",
        "<@123456789012345678> salmon",
        "@everyone salmon",
        "<@!42> <@&7> <#9> @here salmon",
        "\x1b[31msalmon\x1b[0m",
    ],
)
async def test_queries_are_searched_as_they_read(engine: SearchEngine, typed: str) -> None:
    found = await engine.search(typed)
    assert found.hits, f"{typed!r} found nothing"
    assert "salmon" in found.hits[0].title.lower()
    answer = await engine.ask(typed)
    assert answer.article is not None and "salmon" in answer.article.title.lower()
