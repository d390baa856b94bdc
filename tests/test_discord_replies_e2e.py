"""The reply paths of the core (help, the library's shape, a quote, "compare A with B", a
tag's articles, counts and lists, "when was that?", "what's new in it", "more like this",
an empty recent period, emoji, chatter) as a member sees them through the Discord adapter,
against the fake Discord, asked both ways a member asks: /ask, and a mention (or a DM).

The fake refuses what Discord refuses (the spec's limits of each part, 6000 characters of
embed text together, components); every test here also checks no message could ping."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.settings import Settings
from tests.fakeclock import FakeClock
from tests.fakediscord import FakeDiscord
from tests.test_discord_e2e import assert_mentions_locked, embed_text, make_bot, select

# What a member sees of the bot's reply: the message (content, embeds, components).
Reply = dict[str, Any]
Ask = Callable[[str], Awaitable[Reply]]

WAYS = ["slash", "mention", "dm"]
ENVIRONMENT = "7 articles tagged “environment”, newest first."


def asker(fake: FakeDiscord, way: str) -> Ask:
    """How a member asks: /ask, "@bot question" in a channel, or a plain DM to the bot."""

    async def ask(question: str) -> Reply:
        if way == "slash":
            return (await fake.invoke("ask", {"question": question})).message
        if way == "mention":
            replies = await fake.send_message(f"{fake.bot_user.mention} {question}")
        else:
            replies = await fake.send_message(question, channel=fake.dm_channel(fake.member))
        return replies.messages[-1]

    return ask


@pytest.fixture(params=WAYS)
async def ask(request: pytest.FixtureRequest, fake_discord: FakeDiscord, settings: Settings):
    fake = fake_discord
    # A month after the newest article (2 April 2026): "last week" holds none.
    await fake.start_bot(make_bot(settings, clock=FakeClock(datetime(2026, 5, 10, tzinfo=UTC))))
    yield asker(fake, request.param)
    assert_mentions_locked(fake)


def only_embed(reply: Reply) -> dict[str, Any]:
    (embed,) = reply["embeds"]
    return embed


def list_lines(embed: dict[str, Any]) -> list[str]:
    """The numbered, linked items of a list reply, one per line (as a member sees a list)."""
    return [ln for ln in embed["description"].splitlines() if ln.startswith("**")]


def assert_linked_list(embed: dict[str, Any], n: int) -> None:
    items = list_lines(embed)
    assert len(items) == n, embed["description"]
    for i, line in enumerate(items, start=1):
        assert line.startswith(f"**{i}. [") and "](https://" in line, line


async def test_a_use_asked_of_the_bot_is_help(ask: Ask) -> None:
    reply = await ask("hi, im new here. what kind of stuff can i ask you?")
    assert reply["content"].startswith("I answer questions about the articles")
    assert "/help" in reply["content"] and not reply["embeds"]


async def test_the_librarys_shape_counts_articles_and_tags(ask: Ask) -> None:
    reply = await ask("what kind of articles do you have")
    text = reply["content"]
    assert text.startswith("The library holds 14 articles under 17 tags") and len(text) <= 2000
    assert "environment (7)" in text and "“Coral nursery" in text


async def test_a_quote_when_and_whats_new_of_the_conversations_article(ask: Ask) -> None:
    first = only_embed(await ask("salmon"))
    assert first["title"].startswith("River restoration brings salmon")
    quoted = only_embed(await ask("give me a quote from it"))
    assert quoted["title"] == first["title"] and quoted["url"].startswith("https://")
    quote = next(f["value"] for f in quoted["fields"] if f["name"] == "Quote")
    assert quote.startswith("“") and "Bethan Morgan" in quote
    when = only_embed(await ask("when was that?"))
    assert when["title"] == first["title"]
    assert "published on 3 November 2025" in when["description"].split("\n\n")[1]
    new = only_embed(await ask("what's new in it"))
    assert new["title"] == first["title"] and "Atlantic salmon" in new["description"]
    assert "Newest articles" not in embed_text(new)


async def test_check_this_out_with_pings_shows_the_article_pinging_nobody(ask: Ask) -> None:
    await ask("salmon")
    shown = only_embed(await ask("@everyone <@&5> check this out <@123>"))
    assert shown["title"].startswith("River restoration brings salmon")
    assert shown["description"].startswith("*Following up on this article:*")


async def test_a_quote_with_no_conversation_asks_which_article(ask: Ask) -> None:
    reply = await ask("give me a quote from it")
    assert reply["content"].startswith("Which article?") and not reply["embeds"]


async def test_more_like_this_shows_the_like_article_saying_so(ask: Ask) -> None:
    await ask("salmon")
    like = only_embed(await ask("more like this"))
    assert like["title"] != "River restoration brings salmon back to the Wendle"
    assert "“River restoration brings salmon back to the Wendle”" in like["description"]
    assert like["url"].startswith("https://")


async def test_more_like_this_with_nothing_like_it_says_so(ask: Ask) -> None:
    await ask("open source maintainers")
    reply = await ask("more like this")
    assert reply["content"] == (
        "No other article is much like “Fund pays open-source maintainers to fix old bugs”."
    )
    assert not reply["embeds"]


async def test_compare_lists_both_articles_linked_each_with_its_gist(ask: Ask) -> None:
    reply = await ask("compare the heat pump rollout with the solar co-op")
    embed = only_embed(reply)
    assert embed["title"] == "Two articles, side by side."
    assert_linked_list(embed, 2)
    heat, solar = embed["description"].split("\n\n")[-2:]
    assert heat.startswith("**1. [Street-by-street heat-pump rollout") and "46%" in heat
    assert solar.startswith("**2. [Solar co-op puts panels") and "1,900 local members" in solar
    menu = select(reply)
    assert menu["placeholder"] == "Open one…" and len(menu["options"]) == 2
    other = only_embed(await ask("the other one"))
    assert other["title"].startswith("Solar co-op puts panels")


async def test_a_tags_articles_counted_and_listed(ask: Ask) -> None:
    for question in ("how many articles about environment", "list the articles tagged environment"):
        reply = await ask(question)
        embed = only_embed(reply)
        assert embed["title"] == ENVIRONMENT
        assert_linked_list(embed, 5)  # the newest five (Policy.newest_listed); /tag has all
        assert embed["footer"]["text"] == "The newest 5 · /tag environment pages through every one"
        assert list_lines(embed)[0].startswith("**1. [Coral nursery")
        assert len(select(reply)["options"]) == 5
    second = only_embed(await ask("the second one"))
    assert second["title"].startswith("Street-by-street heat-pump")


async def test_a_topics_articles_counted_by_the_text_and_listed(ask: Ask) -> None:
    embed = only_embed(await ask("how many articles mention heat"))
    # Four are few enough to list every one (Policy.newest_listed): the search's two best
    # matches first, then the others the text counted.
    assert embed["title"] == "4 articles mention “heat”, the 2 best matches first."
    assert_linked_list(embed, 4)
    assert "footer" not in embed  # no tag to page through
    few = only_embed(await ask("list the articles tagged wildlife"))
    assert few["title"] == "2 articles tagged “wildlife”, newest first."
    assert_linked_list(few, 2)
    assert "footer" not in few  # every one listed


async def test_a_tags_articles_of_a_period(ask: Ask) -> None:
    embed = only_embed(await ask("articles from 2025 about environment"))
    assert embed["title"] == "4 articles tagged “environment” from 2025, newest first."
    assert_linked_list(embed, 4)
    assert list_lines(embed)[0].startswith("**1. [River restoration")


async def test_an_empty_recent_period_offers_the_newest(ask: Ask) -> None:
    reply = await ask("anything from last week")
    embed = only_embed(reply)
    assert embed["title"] == "No articles from the week of 27 April 2026; the newest instead."
    assert_linked_list(embed, 5)
    assert select(reply)["options"][0]["label"].startswith("Coral nursery")


async def test_an_emoji_of_assent_is_acknowledged(ask: Ask) -> None:
    reply = await ask("👍")
    assert reply["content"] == "👍 Ask me anything else about the articles." and not reply["embeds"]


async def test_chatter_before_a_question_is_no_part_of_it(ask: Ask) -> None:
    embed = only_embed(
        await ask("hey bot, quick question — how many toasters did the repair cafe fix?")
    )
    assert embed["title"] == "Repair café fixes a record number of toasters"
    assert "212" in embed["description"] and embed["url"].startswith("https://")


async def test_a_closest_match_says_so_first_with_its_link(ask: Ask) -> None:
    embed = only_embed(await ask("battery that lasts long"))
    assert embed["description"].startswith("*Closest match — it may not answer this.*")
    assert embed["url"].startswith("https://")


# -- a library of its own: a long tag, text that would ping, nothing alike --------------

ARTICLE = """---
title: '{title}'
slug: {slug}
link: https://example.org/{slug}
date: '{date}'
tags: [{tags}]
---
<p>{body}</p>
"""

PING = "@everyone party <@&5> with <@123>"


@pytest.fixture(params=WAYS)
async def ask_own(request: pytest.FixtureRequest, fake_discord: FakeDiscord, settings: Settings):
    for old in settings.content_dir.glob("*.md"):
        old.unlink()
    for i in range(60):
        (settings.content_dir / f"z{i}.md").write_text(
            ARTICLE.format(
                title=f"Zebrafish note {i} on regrowing fins",
                slug=f"zebra-{i}",
                date=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                tags="zebrafish, biology",
                body=f"Zebrafish regrow their fins, note {i}. " * 5,
            ),
            encoding="utf-8",
        )
    (settings.content_dir / "ping.md").write_text(
        ARTICLE.format(
            title=PING,
            slug="ping-party",
            date="2026-04-20",
            tags="parties",
            body=f"The quokka juggling contest in Bexley drew a crowd. {PING} came too.",
        ),
        encoding="utf-8",
    )
    fake = fake_discord
    await fake.start_bot(make_bot(settings))
    yield asker(fake, request.param)
    assert_mentions_locked(fake)  # the title and text hold @everyone, a role and a user


async def test_a_long_tag_is_counted_and_its_newest_listed_within_limits(ask_own: Ask) -> None:
    reply = await ask_own("how many articles about zebrafish")
    embed = only_embed(reply)
    assert embed["title"] == "60 articles tagged “zebrafish”, newest first."
    assert_linked_list(embed, 5)
    assert embed["footer"]["text"] == "The newest 5 · /tag zebrafish pages through every one"
    embed = only_embed(await ask_own("articles from 2025 about zebrafish"))
    assert embed["title"].startswith("60 articles tagged “zebrafish” from 2025")
    assert_linked_list(embed, 10)


async def test_text_that_would_ping_is_shown_and_pings_nobody(ask_own: Ask) -> None:
    card = only_embed(await ask_own("quokka juggling contest"))
    assert "everyone party" in card["title"]
    shape = await ask_own("what kind of articles do you have")
    assert "everyone party" in shape["content"]  # content: allowed_mentions keeps it silent
    like = only_embed(await ask_own("more like this"))
    # (No bold in the bot's own sentence: journey21.)
    assert "An article like “@\u200beveryone party" in like["description"]


async def test_a_closest_match_as_a_follow_up_says_so_in_its_first_line(ask: Ask) -> None:
    # Issue 15: the flag comes before "Following up on this article:" (present20's reading:
    # it came second, under the follow-up line).
    await ask("the hearing aid one")
    shown = only_embed(await ask("who was there?"))
    assert shown["title"].startswith("Hearing aids linked")
    first, second = shown["description"].split("\n\n")[:2]
    assert first == "*Closest match — it may not answer this.*"
    assert second == "*Following up on this article:*"


async def test_an_authors_articles_are_a_list_and_the_second_one_is_its_second(ask: Ask) -> None:
    # journey21: "2 articles by Rafael Quintero" above one card, the other in a "Not it?"
    # menu, and "the second one" answered "The last list had 1".
    reply = await ask("posts by quintero")
    embed = only_embed(reply)
    assert embed["title"] == "2 articles by Rafael Quintero, newest first."
    assert_linked_list(embed, 2)
    assert "Street-by-street heat-pump" in list_lines(embed)[0]
    assert [o["label"] for o in select(reply)["options"]][1].startswith("Fund pays open-source")
    second = only_embed(await ask("the second one"))
    assert second["title"].startswith("Fund pays open-source maintainers")


async def test_the_bots_own_sentence_has_no_words_in_bold(ask: Ask) -> None:
    # journey21: "> An article **like** “…”": bold only echoes the request.
    await ask("how much did heat pump bills drop?")
    embed = only_embed(await ask("more like this"))
    assert embed["description"].startswith("> An article like “Street-by-street")
    assert "**" not in embed["description"].split("\n\n")[0]
