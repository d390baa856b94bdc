"""The real discord.py bot, end to end against the fake Discord, over the bundled library."""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.discord import deadline
from bot.discord.app import create_bot
from bot.discord.client import ArticleBot
from bot.discord.cooldown import UserCooldown
from bot.settings import Settings
from bot.store.articles import ArticleStore
from tests.botprocess import Bot, fake_on, free_port
from tests.fakeclock import FakeClock
from tests.fakediscord import FakeDiscord
from tests.fakediscord.payloads import MANAGE_GUILD, MANAGE_MESSAGES

PUBLIC = {"ask", "search", "article", "quote", "summary", "tags", "tag", "latest", "random"}
ADMIN = {"reload", "status"}

QUESTIONS = {
    "how many toasters did the repair cafe fix?": "2025-02-08-repair-cafe-fixes-record-number-of-toasters",
    "solar panels on schools": "2025-06-18-solar-co-op-puts-panels-on-forty-school-roofs",
    "heat pumps": "2026-02-12-street-by-street-heat-pump-rollout-halves-bills",
    "how much cooler are streets under trees?": "2025-07-22-urban-tree-canopy-cools-streets-by-up-to-six-degrees",
    "salmon": "2025-11-03-river-restoration-brings-salmon-back-to-the-wendle",
    "hearing aids memory": "2026-03-14-hearing-aids-linked-to-slower-memory-decline",
    "coding club children": "2025-12-09-volunteer-coding-club-teaches-three-hundred-children",
    "garden birds": "2026-01-26-citizen-scientists-count-record-number-of-garden-birds",
    "battery cycles": "2025-04-15-sodium-sulfur-battery-survives-ten-thousand-cycles",
    "open source maintainers": "2025-09-10-fund-pays-open-source-maintainers-to-fix-old-bugs",
}


# -- fixtures and helpers ---------------------------------------------------------------


def make_bot(settings: Settings, **options: Any) -> ArticleBot:
    return create_bot(settings, guild_ready_timeout=0.05, **options)


def assert_mentions_locked(fake: FakeDiscord) -> None:
    """Every request that posted or edited a message said: ping nobody."""
    for req in fake.message_requests():
        allowed = req.allowed_mentions
        assert allowed is not None, f"{req!r} has no allowed_mentions"
        assert allowed.get("parse") == [], f"{req!r} parses mentions: {allowed}"
        assert not allowed.get("users") and not allowed.get("roles"), f"{req!r}: {allowed}"


@pytest.fixture
async def running(fake_discord: FakeDiscord, settings: Settings):
    bot = await fake_discord.start_bot(make_bot(settings))
    yield fake_discord, bot
    assert_mentions_locked(fake_discord)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """Every component of the message (buttons and selects), row by row."""
    return [c for row in message.get("components") or [] for c in row.get("components") or []]


def button(message: dict[str, Any], label: str) -> dict[str, Any]:
    found = [b for b in buttons(message) if b.get("label") == label]
    assert found, f"no {label!r} button; have {[b.get('label') for b in buttons(message)]}"
    return found[0]


def labels(message: dict[str, Any]) -> list[str | None]:
    return [b.get("label") for b in buttons(message) if b["type"] == 2]


def delete_button(message: dict[str, Any]) -> dict[str, Any]:
    found = [b for b in buttons(message) if (b.get("emoji") or {}).get("name") == "🗑"]
    assert len(found) == 1, f"no 🗑 button on {buttons(message)}"
    return found[0]


def select(message: dict[str, Any]) -> dict[str, Any]:
    """The message's one article menu (a string select)."""
    found = [c for c in buttons(message) if c["type"] == 3]
    assert len(found) == 1, f"expected one select, have {buttons(message)}"
    return found[0]


async def choose(fake: FakeDiscord, on: Any, n: int = 0, **kwargs: Any):
    """Choose option `n` of the message's article menu; returns (option, the reply)."""
    message = on if isinstance(on, dict) else on.message
    menu = select(message)
    option = menu["options"][n]
    return option, await fake.click(message, menu["custom_id"], values=[option["value"]], **kwargs)


def embed_text(embed: dict[str, Any]) -> str:
    parts = [embed.get("title") or "", embed.get("description") or ""]
    parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields") or []]
    parts.append((embed.get("footer") or {}).get("text") or "")
    parts.append((embed.get("author") or {}).get("name") or "")
    return "\n".join(parts)


# -- start-up and command sync ----------------------------------------------------------


async def test_commands_sync_once_and_not_again_after_a_restart(
    fake_discord: FakeDiscord,
    settings: Settings,
) -> None:
    fake = fake_discord
    bot = await fake.start_bot(make_bot(settings))
    assert bot.synced
    puts = [r for r in fake.requests if r.method == "PUT" and r.path.endswith("/commands")]
    assert len(puts) == 1
    assert {c["name"] for c in fake.commands} >= PUBLIC | ADMIN  # (+ other features' cogs)
    for name in ADMIN:
        cmd = fake.command(name)
        assert cmd["default_member_permissions"] == str(MANAGE_GUILD)
        assert cmd["contexts"] == [0]  # guild only
    assert set(fake.command("ask")["contexts"]) == {0, 1, 2}  # servers, bot DMs, group DMs
    await fake.stop_bot()

    again = await fake.start_bot(make_bot(settings))
    assert not again.synced
    puts = [r for r in fake.requests if r.method == "PUT" and r.path.endswith("/commands")]
    assert len(puts) == 1, "a restart with the same command tree synced again"
    result = await fake.invoke("latest", {"count": 1})
    assert result.embeds


async def test_dev_guild_gets_the_commands_instead_of_everyone(
    fake_discord: FakeDiscord,
    settings: Settings,
) -> None:
    fake = fake_discord
    dev = settings.with_(discord_guild_id=fake.guild.id)
    await fake.start_bot(make_bot(dev))
    assert fake.commands == []
    assert {c["name"] for c in fake.guild_commands[fake.guild.id]} >= PUBLIC | ADMIN
    result = await fake.invoke("ask", {"question": "salmon"})
    assert "salmon" in result.embeds[0]["title"].lower()


async def test_sharded_over_the_given_shards(
    fake_discord: FakeDiscord,
    settings: Settings,
) -> None:
    bot = await fake_discord.start_bot(make_bot(settings.with_(shard_count=1, shard_ids=(0,))))
    assert bot.shard_count == 1 and sorted(bot.shards) == [0]
    result = await fake_discord.invoke("ask", {"question": "garden birds"})
    assert "bird" in result.embeds[0]["title"].lower()


# -- /ask and mentions ------------------------------------------------------------------


async def test_ask_answers_with_passage_title_link_byline_summary_cover_and_tags(running) -> None:
    fake, _ = running
    result = await fake.invoke("ask", {"question": "how many toasters did the repair cafe fix?"})
    assert not result.ephemeral
    (embed,) = result.embeds
    assert embed["title"] == "Repair café fixes a record number of toasters"
    assert embed["url"].startswith("https://articlebot.example/")
    assert embed["description"].startswith("> ")
    assert "212 toasters" in embed["description"]
    assert "Millbrook" in embed["description"]  # the summary follows the passage
    assert "**toasters**" in embed["description"]  # the question's key words, in bold
    assert embed["author"]["name"] == "Hannah Brightwell · articlebot.example"  # the source
    assert embed["timestamp"].startswith("2025-02-08T10:15:00")  # shown in the reader's time
    assert embed["thumbnail"]["url"].startswith("https://")
    assert embed["footer"]["text"].endswith("min read")
    tags = next(f for f in embed["fields"] if f["name"] == "Tags")
    assert "`repair`" in tags["value"]
    read = button(result.message, "Read in context")
    assert read["style"] == 5 and read["url"].startswith(embed["url"] + "#:~:text=")
    assert "%20" in read["url"] and " " not in read["url"]


async def test_the_search_index_is_ready_before_the_first_question(running) -> None:
    fake, bot = running
    assert bot.service.engine.ready  # built at start-up, not by the first member's query
    result = await fake.invoke("ask", {"question": "salmon"})
    assert not result.deferred and "salmon" in result.embeds[0]["title"].lower()


async def test_a_slow_answer_is_deferred_then_sent_as_a_follow_up(
    running, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake, bot = running
    monkeypatch.setattr(deadline, "DEFER_AFTER", 0.05)
    answer = bot.service.engine.ask

    async def slow(question: str, about=None):
        await asyncio.sleep(0.3)
        return await answer(question, about)

    monkeypatch.setattr(bot.service.engine, "ask", slow)
    result = await fake.invoke("ask", {"question": "how many toasters did the repair cafe fix?"})
    assert result.deferred  # "thinking…" well within Discord's 3 s
    assert result.embeds[0]["title"] == "Repair café fixes a record number of toasters"
    assert button(result.message, "Read in context")["style"] == 5


async def test_ask_other_matches_are_a_menu_that_shows_one_privately_then_shares_it(
    running,
) -> None:
    fake, _ = running
    result = await fake.invoke("ask", {"question": "library of things"})
    menu = select(result.message)
    assert menu["placeholder"].startswith("Not it?") and 1 <= len(menu["options"]) <= 4
    assert all(re.fullmatch(r"\d+ \w{3} \d{4}.*", o["description"]) for o in menu["options"])
    assert not [
        b for b in buttons(result.message) if b.get("label") not in (None, "Read in context")
    ]

    option, chosen = await choose(fake, result, user=fake.admin)
    assert chosen.ephemeral  # for the chooser only
    assert chosen.embeds[0]["title"] == option["label"]
    assert "Share" in labels(chosen.message) and "Read" in labels(chosen.message)

    shared = await fake.click(chosen, button(chosen.message, "Share")["custom_id"], user=fake.admin)
    assert not shared.ephemeral and shared.embeds[0]["title"] == option["label"]
    assert delete_button(shared.message)["custom_id"] == f"ab:del:{fake.admin.id}"
    assert "Share" not in labels(shared.message)


async def test_ask_with_no_answer_says_so_privately_with_a_next_step(running) -> None:
    fake, _ = running
    result = await fake.invoke("ask", {"question": "recipe for banana bread"})
    assert result.ephemeral
    text = result.embeds[0]["description"]
    assert "nothing in the library" in text
    assert "`/search recipe for banana bread`" in text and "newest" in text
    menu = select(result.message)
    assert menu["options"][0]["label"].startswith("Coral nursery")  # the newest article
    _, opened = await choose(fake, result)
    assert opened.ephemeral and opened.embeds[0]["title"].startswith("Coral nursery")


async def test_the_second_one_after_nothing_found_is_of_the_menu_offered(running) -> None:
    # Member QA: "the second one" after a "nothing found" reply opened an older list's
    # article (or asked "the second of what?"): the menu offered is the list seen last.
    fake, _ = running
    result = await fake.invoke("ask", {"question": "recipe for banana bread"})
    second = select(result.message)["options"][1]["label"]
    picked = await fake.invoke("ask", {"question": "the second one"})
    assert picked.embeds[0]["title"].startswith(second[:40])


async def test_nothing_found_offers_the_closest_tags(running) -> None:
    fake, _ = running
    result = await fake.invoke("ask", {"question": "any helth tips for dogs?"})
    assert result.ephemeral
    assert "`health`" in result.embeds[0]["description"]


async def test_a_message_naming_a_moderators_command_is_pointed_to_it(running) -> None:
    # journey26: "post picks every morning at 9" and "stop the daily picks" were told only
    # "I found nothing in the library", the moderator left to guess the command.
    fake, _ = running
    replies = await fake.send_message(f"{fake.bot_user.mention} stop the daily picks")
    text = replies.messages[0]["embeds"][0]["description"]
    assert text.startswith("I found nothing in the library")
    assert "`/picks` — moderators' daily article picks: type `/picks` in the message box" in text
    assert "`channel`" in text
    result = await fake.invoke("ask", {"question": "how do i reload"})
    assert "`/reload` — reload the article library" in result.embeds[0]["description"]
    # A closest match for words naming a command exactly: the line first, then the card.
    library = await fake.invoke("ask", {"question": "reload the library"})
    card = library.embeds[0]["description"]
    assert "Closest match" in card and "Library of things" in library.embeds[0]["title"]
    assert card.startswith("`/reload` — reload the article library")
    # A question naming no command gets no such line.
    plain = await fake.invoke("ask", {"question": "recipe for banana bread"})
    assert "a message changes no setting" not in plain.embeds[0]["description"]


async def test_a_closest_match_says_so_in_its_first_line(running) -> None:
    fake, _ = running
    result = await fake.invoke("ask", {"question": "battery that lasts long"})
    assert not result.ephemeral
    description = result.embeds[0]["description"]
    assert description.startswith("*Closest match — it may not answer this.*")
    assert "battery" in result.embeds[0]["title"].lower()


async def test_small_talk_gets_a_short_reply(running) -> None:
    fake, _ = running
    result = await fake.invoke("ask", {"question": "thanks!"})
    assert result.message["content"].startswith("You're welcome")
    assert not result.embeds
    replies = await fake.send_message(f"{fake.bot_user.mention} lol")
    (reply,) = replies.messages
    assert reply["content"] and not reply["embeds"]


async def test_whats_new_lists_the_newest_articles(running) -> None:
    fake, _ = running
    result = await fake.invoke("ask", {"question": "what's new?"})
    embed = result.embeds[0]
    assert embed["title"] == "Newest articles"
    first = embed["description"].splitlines()[0]
    assert first.startswith("**1. [Coral nursery")  # the newest article


async def test_a_period_lists_its_articles_headed_by_what_it_lists(
    fake_discord: FakeDiscord, settings: Settings
) -> None:
    # The bot's clock reaches the engine: "last month" is March 2026 on 10 April 2026.
    fake = fake_discord
    await fake.start_bot(make_bot(settings, clock=FakeClock(datetime(2026, 4, 10, tzinfo=UTC))))
    result = await fake.invoke("ask", {"question": "articles from 2025"})
    embed = result.embeds[0]
    assert embed["title"] == "10 articles from 2025, newest first."
    first = embed["description"].splitlines()[0]
    assert first.startswith("**1. [Volunteer coding club")  # the newest of 2025
    result = await fake.invoke("ask", {"question": "what was published last month?"})
    assert result.embeds[0]["title"] == "1 article from March 2026."
    assert "Hearing aids" in result.embeds[0]["description"]
    result = await fake.invoke("ask", {"question": "articles from 1999"})
    assert result.message["content"] == (
        "No articles from 1999: the library runs from 2025 to 2026."
    )
    assert_mentions_locked(fake)


async def test_ask_works_in_a_dm(running) -> None:
    fake, _ = running
    result = await fake.invoke("ask", {"question": "coral"}, dm=True)
    assert "coral" in result.embeds[0]["title"].lower()


async def test_mention_gets_an_answer_as_a_reply(running) -> None:
    fake, _ = running
    replies = await fake.send_message(f"{fake.bot_user.mention} how do heat pumps cut bills?")
    (reply,) = replies.messages
    assert reply["message_reference"]["message_id"]
    assert "heat-pump" in reply["embeds"][0]["title"].lower()
    assert reply["embeds"][0]["description"].startswith("> ")


async def test_mention_without_a_question_gets_the_help(running) -> None:
    fake, bot = running
    replies = await fake.send_message(f"<@!{fake.bot_user.id}>")
    (reply,) = replies.messages
    await assert_help_from_the_library(bot, reply["embeds"][0])


async def assert_help_from_the_library(bot: ArticleBot, embed: dict[str, Any]) -> None:
    """The help lists the commands, and its examples are a real title, tag and question."""
    service = bot.service
    commands = next(f["value"] for f in embed["fields"] if f["name"] == "Commands")
    assert "`/ask` — Ask the library a question" in commands and "`/help`" in commands
    moderators = next(f["value"] for f in embed["fields"] if f["name"] == "For moderators")
    assert "`/reload`" in moderators and "`/picks`" in moderators and "`/reload`" not in commands
    text = embed["description"]
    title = re.search(r"`/article (.+?)`", text).group(1)
    assert (await service.lookup(title)).article.title == title
    tag = re.search(r"`/tag (.+?)`", text).group(1)
    assert tag in {t for t, _ in await service.tags()}
    question = re.search(r"`/ask (.+?)`", text).group(1)
    assert (await service.ask(question)).article is not None
    assert "heat pumps cut bills" not in text  # no longer an example from the demo content


async def test_help_is_a_command_with_examples_from_the_library(running) -> None:
    fake, bot = running
    result = await fake.invoke("help")
    assert result.ephemeral
    await assert_help_from_the_library(bot, result.embeds[0])


async def test_mentions_from_bots_and_messages_without_a_mention_are_ignored(running) -> None:
    fake, _ = running
    other_bot = fake.add_user("otherbot", bot=True, member_of=fake.guild)
    await asyncio.sleep(0.05)
    quiet = await fake.send_message(
        f"{fake.bot_user.mention} salmon?", author=other_bot, wait=False
    )
    plain = await fake.send_message("salmon?", wait=False)
    sentinel = await fake.send_message(f"{fake.bot_user.mention} coral")
    assert len(sentinel.messages) == 1
    assert quiet.messages[:1] == plain.messages[:1] == sentinel.messages


async def test_hostile_text_in_a_mention_cannot_ping_anyone(running) -> None:
    fake, _ = running
    await fake.send_message(
        f"{fake.bot_user.mention} @everyone <@&{fake.admin_role.id}> **salmon** `x`"
    )
    last = fake.message_requests()[-1]
    assert last.allowed_mentions == {"parse": [], "replied_user": False}


# -- /search and paging -----------------------------------------------------------------


async def test_search_pages_five_at_a_time_and_only_the_asker_can_page(running) -> None:
    fake, _ = running
    result = await fake.invoke("search", {"query": "environment"})
    first = result.embeds[0]
    assert first["description"].count("**") // 2 == 5  # five numbered, bold results
    assert "Page 1/2" in first["footer"]["text"]
    assert button(result.message, "Previous").get("disabled") is True

    assert select(result.message)["placeholder"] == "Open a result…"
    assert len(select(result.message)["options"]) == 5
    intruder = await fake.click(
        result, button(result.message, "Next")["custom_id"], user=fake.admin
    )
    assert intruder.ephemeral and "Only member can turn" in intruder.text
    assert intruder.embeds and not intruder.content  # errors are embeds
    assert "Page 1/2" in fake.messages[int(result.message["id"])]["embeds"][0]["footer"]["text"]

    turned = await fake.click(result, button(result.message, "Next")["custom_id"])
    assert turned.callback.type == 7
    second = turned.message["embeds"][0]
    assert "Page 2/2" in second["footer"]["text"] and "**6. " in second["description"]
    assert button(turned.message, "Next").get("disabled") is True
    # The menu follows the page: it opens the results shown.
    page_titles = re.findall(r"^\*\*\d+\. \[(.+?)\]", second["description"], re.M)
    assert [o["label"] for o in select(turned.message)["options"]] == page_titles
    back = await fake.click(result, button(turned.message, "Previous")["custom_id"])
    assert "Page 1/2" in back.message["embeds"][0]["footer"]["text"]


async def test_paging_buttons_are_disabled_on_timeout(running) -> None:
    fake, bot = running
    bot.view_timeout = 0.3
    result = await fake.invoke("search", {"query": "environment"})
    message_id = int(result.message["id"])

    def paging(message: dict[str, Any]) -> list[dict[str, Any]]:
        return [b for b in buttons(message) if b.get("label") in ("Previous", "Next")]

    await fake.wait_for(
        lambda: all(b.get("disabled") for b in paging(fake.messages[message_id])),
        timeout=3,
        what="the pager's buttons to be disabled",
    )
    edit = [r for r in fake.requests if r.method == "PATCH" and "@original" in r.path]
    assert edit and edit[-1].status == 200
    after = fake.messages[message_id]
    assert not select(after).get("disabled") and not delete_button(after).get("disabled")
    _, opened = await choose(fake, after, 1)  # the menu outlives the pager
    assert opened.ephemeral and opened.embeds[0]["title"]


async def test_search_with_nothing_found_offers_the_newest_articles(running) -> None:
    fake, _ = running
    result = await fake.invoke("search", {"query": "recipe for banana bread"})
    assert result.ephemeral
    text = result.embeds[0]["description"]
    assert "Nothing found" in text and "Try other words" in text
    assert len(select(result.message)["options"]) == 5


async def test_a_search_for_a_tag_with_no_name_says_the_name_is_missing(running) -> None:
    fake, _ = running
    result = await fake.invoke("search", {"query": "tag:"})
    assert result.ephemeral
    assert result.embeds[0]["description"] == "tag: needs a tag name, e.g. tag:energy"
    assert not labels(result.message)  # a hint, not a list of results to page or open


async def test_a_search_with_corrected_words_says_so(running) -> None:
    fake, _ = running
    typo = await fake.invoke("search", {"query": "sodim sulfr batery"})
    embed = typo.embeds[0]
    assert embed["description"].startswith("Showing results for **sodium sulfur battery**")
    assert embed["footer"]["text"] == "Page 1/1 · 1 result"
    assert "Previous" not in labels(typo.message)  # one page: nothing to turn
    delete_button(typo.message)


# -- /article and its buttons -----------------------------------------------------------


async def test_article_autocomplete_is_fuzzy_and_within_limits(running) -> None:
    fake, _ = running
    choices = await fake.autocomplete("article", "title", "solr co-op")
    assert choices and "Solar co-op" in choices[0]["name"]
    everything = await fake.autocomplete("article", "title", "")
    assert 1 <= len(everything) <= 25
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in everything)
    interaction = next(iter(fake.interactions.values()))
    assert interaction.callback.type == 8


async def test_article_card_with_a_related_button_and_no_repeated_buttons(running) -> None:
    fake, _ = running
    (choice, *_) = await fake.autocomplete("article", "title", "hearing aids")
    card = await fake.invoke("article", {"title": choice["value"]})
    embed = card.embeds[0]
    assert embed["title"].startswith("Hearing aids")
    assert embed["description"]  # the summary
    assert any(f["name"] == "Quote" for f in embed["fields"])
    # The card shows its summary and quote: no buttons repeat them. Its related articles
    # are found when Related is pressed, not with every card.
    assert labels(card.message) == ["Related", "Read", None]  # Related, Read and 🗑
    assert not [c for c in buttons(card.message) if c["type"] == 3]
    related = await fake.click(card.message, button(card.message, "Related")["custom_id"])
    assert related.ephemeral and related.embeds[0]["title"].startswith("Related to Hearing aids")
    menu = select(related.message)
    assert menu["placeholder"] == "Open a related article…"
    assert not any(o["label"].startswith("Hearing aids") for o in menu["options"])
    option, opened = await choose(fake, related, 0, user=fake.admin)
    assert opened.ephemeral and opened.embeds[0]["title"] == option["label"]


async def test_a_card_quote_or_summary_reads_no_sentences(
    running, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/article, /quote, /summary and /random read the stored card, not the article's
    sentences, quotes and stems (the whole article's read, ArticleStore._load)."""
    fake, _ = running
    whole: list[str] = []
    load = ArticleStore._load

    async def counted(self: ArticleStore, which: str, params: Any) -> Any:
        whole.append(which)
        return await load(self, which, params)

    monkeypatch.setattr(ArticleStore, "_load", counted)
    title = "Hearing aids linked to slower memory decline"
    for command in ("article", "quote", "summary"):
        result = await fake.invoke(command, {"title": title})
        assert result.embeds[0]["title"].startswith(title) and result.embeds[0]["description"]
    assert (await fake.invoke("random")).embeds[0]["title"]
    assert whole == []


async def test_quote_and_summary_buttons_only_where_they_add_something(running) -> None:
    fake, _ = running
    title = "Hearing aids linked to slower memory decline"
    quote = await fake.invoke("quote", {"title": title})
    assert labels(quote.message)[:2] == ["Summary", "Read"]
    summary = await fake.click(quote, button(quote.message, "Summary")["custom_id"])
    assert summary.ephemeral and len(summary.embeds[0]["description"]) > 40
    assert labels(summary.message)[:3] == ["Quote", "Read", "Share"]  # it has a quote
    card = await fake.invoke("summary", {"title": title})
    assert labels(card.message)[:2] == ["Quote", "Read"]
    again = await fake.click(card, button(card.message, "Quote")["custom_id"])
    assert again.embeds[0]["description"].startswith("> ")


async def test_article_by_a_misspelt_title(running) -> None:
    fake, _ = running
    card = await fake.invoke(
        "article", {"title": "coral nursery replants twenty thousand fragmnts"}
    )
    assert card.embeds[0]["title"].startswith("Coral nursery")


async def test_a_title_matching_nothing_confidently_offers_did_you_mean(running) -> None:
    fake, _ = running
    public_before = [m for m in fake.message_log if not int(m["flags"]) & 64]
    result = await fake.invoke("article", {"title": "school"})
    assert result.ephemeral and "Did you mean" in result.text
    menu = select(result.message)
    assert menu["placeholder"] == "Did you mean…"
    titles = [o["label"] for o in menu["options"]]
    assert any(t.startswith("Teenagers sleep") for t in titles)
    assert any(t.startswith("Solar co-op") for t in titles)
    option, chosen = await choose(
        fake, result, titles.index(next(t for t in titles if t.startswith("Solar")))
    )
    assert chosen.ephemeral and chosen.embeds[0]["title"] == option["label"]
    # Nothing was posted for everyone to see: no guess at which article was meant.
    assert [m for m in fake.message_log if not int(m["flags"]) & 64] == public_before


async def test_a_title_like_nothing_says_to_search(running) -> None:
    fake, _ = running
    result = await fake.invoke("quote", {"title": "zzzz qqqq xxxx"})
    assert result.ephemeral and not result.content
    assert "There is no article like" in result.text and "`/search zzzz qqqq xxxx`" in result.text


# -- tidy-up, restarts and limits ------------------------------------------------------


async def test_only_the_asker_or_a_moderator_can_delete_a_public_reply(running) -> None:
    fake, _ = running
    bystander = fake.add_user("bystander", member_of=fake.guild)
    moderator = fake.add_user("moderator")
    fake.add_member(fake.guild, moderator, permissions=MANAGE_MESSAGES)
    await asyncio.sleep(0.05)
    answer = await fake.invoke("ask", {"question": "salmon"})  # asked by fake.member
    message_id = int(answer.message["id"])
    trash = delete_button(answer.message)["custom_id"]

    refused = await fake.click(answer, trash, user=bystander)
    assert refused.ephemeral and "Only the member who asked" in refused.text
    assert message_id in fake.messages  # still there
    deleted = await fake.click(answer, trash)  # the asker
    assert deleted.callback.type == 6 and message_id not in fake.messages

    other = await fake.invoke("article", {"title": "coral nursery"}, user=bystander)
    other_id = int(other.message["id"])
    await fake.click(other, delete_button(other.message)["custom_id"], user=moderator)
    assert other_id not in fake.messages

    # A mention's reply belongs to whoever mentioned the bot.
    replies = await fake.send_message(f"{fake.bot_user.mention} heat pumps", author=bystander)
    (reply,) = replies.messages
    assert delete_button(reply)["custom_id"] == f"ab:del:{bystander.id}"
    await fake.click(reply, delete_button(reply)["custom_id"], user=bystander)
    assert int(reply["id"]) not in fake.messages


async def test_components_still_answer_after_a_restart(
    fake_discord: FakeDiscord, settings: Settings
) -> None:
    fake = fake_discord
    await fake.start_bot(make_bot(settings))
    answer = await fake.invoke("ask", {"question": "library of things"})
    search = await fake.invoke("search", {"query": "environment"})
    card = await fake.invoke("summary", {"title": "hearing aids linked to slower memory decline"})
    await fake.stop_bot()
    await fake.start_bot(make_bot(settings))

    option, chosen = await choose(fake, answer)  # a menu from before the restart
    assert chosen.ephemeral and chosen.embeds[0]["title"] == option["label"]
    shared = await fake.click(chosen, button(chosen.message, "Share")["custom_id"])
    assert not shared.ephemeral and shared.embeds[0]["title"] == option["label"]
    quote = await fake.click(card, button(card.message, "Quote")["custom_id"])
    assert quote.ephemeral and quote.embeds[0]["description"].startswith("> ")
    # The pager's pages were in memory: its buttons say so instead of failing.
    expired = await fake.click(search, button(search.message, "Next")["custom_id"])
    assert expired.ephemeral and "This menu has expired" in expired.text
    _, opened = await choose(fake, search, 2)  # the page's own menu still works
    assert opened.ephemeral and opened.embeds
    await fake.click(answer, delete_button(answer.message)["custom_id"])
    assert int(answer.message["id"]) not in fake.messages
    assert_mentions_locked(fake)


LONG = """---
title: {title}
slug: {slug}
link: https://example.org/{slug}
date: '2026-05-01'
tags: [{tags}]
---
<p>Zebrafish regrow their hearts, {title}.</p>
"""


async def test_long_titles_slugs_and_many_tags_stay_within_component_limits(
    fake_discord: FakeDiscord, settings: Settings
) -> None:
    fake = fake_discord
    for i in range(3):
        (settings.content_dir / f"long{i}.md").write_text(
            LONG.format(
                title=f"Zebrafish {i} " + "regenerating cardiac tissue " * 12,
                slug=f"zebrafish-{i}-" + "x" * 150,
                tags=", ".join(f"zebrafish-topic-{n}" for n in range(30)),
            ),
            encoding="utf-8",
        )
    await fake.start_bot(make_bot(settings))
    result = await fake.invoke("search", {"query": "zebrafish regenerating cardiac tissue"})
    menu = select(result.message)
    assert len(menu["options"]) == 3
    assert all(len(o["label"]) <= 100 and len(o["description"]) <= 100 for o in menu["options"])
    option, chosen = await choose(fake, result, 1)
    assert chosen.embeds[0]["title"].startswith("Zebrafish 1")
    shared = await fake.click(chosen, button(chosen.message, "Share")["custom_id"])
    assert not shared.ephemeral and shared.embeds[0]["title"].startswith("Zebrafish 1")
    for req in fake.message_requests():  # the fake checked each against the spec too
        for row in (req.message_body or {}).get("components") or []:
            for c in row["components"]:
                assert len(c.get("custom_id") or "") <= 100


async def test_a_menu_of_long_slugs_still_opens_them_after_a_restart(settings: Settings) -> None:
    for i in range(3):  # slugs too long for a custom_id: the menu refers to them by digest
        (settings.content_dir / f"long{i}.md").write_text(
            LONG.format(
                title=f"Zebrafish {i} regenerating cardiac tissue",
                slug=f"zebrafish-{i}-" + "x" * 150,
                tags="biology",
            ),
            encoding="utf-8",
        )
    port = free_port()
    async with fake_on(port) as fake:
        before = Bot(settings, port)  # a process of its own: nothing of it stays in memory
        await before.start()
        try:
            await before.wait_for(lambda ls: any("connected as" in x for x in ls), 60)
            result = await fake.invoke("search", {"query": "zebrafish regenerating cardiac"})
            assert await before.stop() == 0
        finally:
            before.kill()
        assert all(o["value"].startswith("#") for o in select(result.message)["options"])

        await fake.start_bot(make_bot(settings))
        option, chosen = await choose(fake, result, 1)
        assert chosen.ephemeral and chosen.embeds[0]["title"] == option["label"]
        share = button(chosen.message, "Share")["custom_id"]
        assert "#" in share  # the card's own components refer by digest too
        shared = await fake.click(chosen, share)
        assert not shared.ephemeral and shared.embeds[0]["title"] == option["label"]
        assert_mentions_locked(fake)
        fake.assert_clean()


# -- /quote, /summary, /tags, /tag, /latest, /random ------------------------------------


async def test_quote_of_a_named_article_and_a_random_one(running) -> None:
    fake, _ = running
    named = await fake.invoke("quote", {"title": "Repair café fixes a record number of toasters"})
    desc = named.embeds[0]["description"]
    assert desc.startswith("> ")
    assert "— Maria Okafor" in desc or "— Jonah Pilsworth" in desc
    anyone = await fake.invoke("quote")
    assert anyone.embeds[0]["description"].startswith("> ")


async def test_quote_is_an_excerpt_without_speech_and_private_without_text(
    fake_discord: FakeDiscord, settings: Settings
) -> None:
    fake = fake_discord
    (settings.content_dir / "notes.md").write_text(
        "---\ntitle: Xylophone tuning notes\n---\n<p>We never expected a xylophone to "
        "need retuning every single winter, but the cold hall changes every bar.</p>\n",
        encoding="utf-8",
    )
    (settings.content_dir / "empty.md").write_text(
        "---\ntitle: Yodelling saved link\n---\n", encoding="utf-8"
    )
    await fake.start_bot(make_bot(settings))
    excerpt = await fake.invoke("quote", {"title": "Xylophone tuning notes"})
    assert not excerpt.ephemeral
    assert "We never expected a xylophone" in excerpt.embeds[0]["description"]
    assert excerpt.embeds[0]["description"].endswith("— excerpt from the article")
    nothing = await fake.invoke("quote", {"title": "Yodelling saved link"})
    assert nothing.ephemeral
    assert nothing.embeds[0]["description"] == "This article has no text to quote."


async def test_summary(running) -> None:
    fake, _ = running
    choices = await fake.autocomplete("summary", "title", "salmon")
    result = await fake.invoke("summary", {"title": choices[0]["value"]})
    assert "salmon" in result.embeds[0]["title"].lower()
    assert len(result.embeds[0]["description"]) > 40


async def test_tags_lists_every_tag_with_counts(running) -> None:
    fake, _ = running
    result = await fake.invoke("tags")
    desc = result.embeds[0]["description"]
    assert desc.startswith("`environment` — 7 articles")
    assert "`sleep` — 1 article" in desc


async def test_tag_autocomplete_and_list(running) -> None:
    fake, _ = running
    choices = await fake.autocomplete("tag", "name", "env")
    assert choices[0]["value"] == "environment"
    result = await fake.invoke("tag", {"name": "environment"})
    description = result.embeds[0]["description"]
    assert result.embeds[0]["title"] == "Tag: environment (7 articles)"
    assert len(re.findall(r"^\*\*\d+\. ", description, re.M)) == 7
    assert "`environment`" not in description  # every row has it: not repeated
    assert "`community`" in description
    menu = select(result.message)
    assert len(menu["options"]) == 7
    assert not any("environment" in (o.get("description") or "") for o in menu["options"])
    typo = await fake.invoke("tag", {"name": "helth"})
    assert typo.embeds[0]["title"].startswith("Tag: health")
    unknown = await fake.invoke("tag", {"name": "zzzzqqq"})
    assert unknown.ephemeral and "/tags" in unknown.text
    close = await fake.invoke("tag", {"name": "enviroments and comunity"})
    assert close.ephemeral and "Tags like it:" in close.text
    assert "`environment`" in close.text and "`community`" in close.text


async def test_latest_newest_first(running) -> None:
    fake, _ = running
    result = await fake.invoke("latest", {"count": 3})
    lines = re.findall(r"^\*\*\d+\. \[(.+?)\]", result.embeds[0]["description"], re.M)
    assert len(lines) == 3
    assert lines[0].startswith("Coral nursery")  # the newest bundled article


async def test_random_article_optionally_of_a_tag(running) -> None:
    fake, _ = running
    for _ in range(3):
        result = await fake.invoke("random", {"tag": "health"})
        tags = next(f for f in result.embeds[0]["fields"] if f["name"] == "Tags")
        assert "`health`" in tags["value"]
    anything = await fake.invoke("random")
    assert anything.embeds[0]["title"]
    assert labels(anything.message) == ["Related", "Read", None]


# -- admin ------------------------------------------------------------------------------


async def test_reload_reports_changes_and_failures(running) -> None:
    fake, bot = running
    content = bot.settings.content_dir
    (content / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody", encoding="utf-8")
    (content / "2025-02-08-repair-cafe-fixes-record-number-of-toasters.md").unlink()
    result = await fake.invoke("reload", user=fake.admin)
    assert result.deferred and result.ephemeral
    embed = result.embeds[0]
    assert "**0** added" in embed["description"] and "**1** removed" in embed["description"]
    assert "**1** failed" in embed["description"] and "Took " in embed["description"]
    failed = next(f for f in embed["fields"] if f["name"] == "Failed")
    assert "broken.md" in failed["value"]
    gone = await fake.invoke("ask", {"question": "how many toasters did the repair cafe fix?"})
    assert gone.ephemeral or "toaster" not in gone.embeds[0]["title"].lower()


async def test_reload_names_the_files_sharing_a_link(running) -> None:
    # journey27: a copy of an article added under another name was "2 added", and every
    # list and search then showed it twice; the admin was never told.
    fake, bot = running
    content = bot.settings.content_dir
    original = content / "2025-02-08-repair-cafe-fixes-record-number-of-toasters.md"
    (content / "zz-copy.md").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    embed = (await fake.invoke("reload", user=fake.admin)).embeds[0]
    same = next(f for f in embed["fields"] if f["name"] == "Same link")
    assert "zz-copy.md" in same["value"] and original.name in same["value"]
    assert "remove one, then /reload" in same["value"]
    (content / "zz-copy.md").unlink()
    embed = (await fake.invoke("reload", user=fake.admin)).embeds[0]
    assert all(f["name"] != "Same link" for f in embed.get("fields") or [])


async def test_reload_is_refused_to_a_non_admin(running) -> None:
    fake, bot = running
    calls = 0
    original = bot.service.library.reload

    async def counting(*args: Any, **kwargs: Any):
        nonlocal calls
        calls += 1
        return await original(*args, **kwargs)

    bot.service.library.reload = counting  # type: ignore[method-assign]
    refused = await fake.invoke("reload", user=fake.member)
    assert refused.ephemeral and "Manage Server" in refused.text
    moderator = fake.add_user("mod")
    fake.add_member(fake.guild, moderator, permissions=MANAGE_GUILD)
    allowed = await fake.invoke("reload", user=moderator)
    assert allowed.embeds[0]["title"] == "Library reloaded"
    assert calls == 1


async def test_a_second_reload_while_one_runs_is_told_so(running) -> None:
    fake, bot = running
    gate = asyncio.Event()
    original = bot.service.library.reload

    async def slow(*args: Any, **kwargs: Any):
        await gate.wait()
        return await original(*args, **kwargs)

    bot.service.library.reload = slow  # type: ignore[method-assign]
    first = await fake.invoke("reload", user=fake.admin, wait=False)
    await first.wait(lambda r: r.deferred, None, "the deferral")
    second = await fake.invoke("reload", user=fake.owner)
    assert second.ephemeral and "already running" in second.text and not second.content
    gate.set()
    await first
    assert first.embeds[0]["title"] == "Library reloaded"


@pytest.fixture
async def busy_queue(running, monkeypatch: pytest.MonkeyPatch):
    """A queue of one place, held by a /search that waits for the yielded event; commands
    waiting longer than 0.1 s for their turn are acknowledged. Yields (release, the search)."""
    fake, bot = running
    monkeypatch.setattr(bot.tree, "queue", deadline.InteractionQueue(width=1))
    monkeypatch.setattr(deadline, "DEFER_AFTER", 0.1)
    release = asyncio.Event()
    search = bot.service.engine.search

    async def slow(*args: Any, **kwargs: Any):
        await release.wait()
        return await search(*args, **kwargs)

    monkeypatch.setattr(bot.service.engine, "search", slow)
    held = await fake.invoke("search", {"query": "salmon"}, wait=False)
    yield release, held
    release.set()
    await held


async def test_a_command_queued_behind_slow_ones_is_acknowledged_then_answered(
    running, busy_queue
) -> None:
    fake, _ = running
    release, slow = busy_queue
    queued = await fake.invoke("latest", wait=False)
    await queued.wait(lambda r: r.deferred, None, "the queued command's acknowledgement")
    assert not queued.embeds  # acknowledged while waiting its turn, not answered yet
    release.set()
    await slow
    await queued
    assert "salmon" in slow.embeds[0]["description"].lower()
    assert queued.embeds and queued.embeds[0]["title"].startswith("Latest")


async def test_a_command_that_acknowledges_itself_still_works_after_waiting_its_turn(
    running, busy_queue
) -> None:
    fake, _ = running
    release, _ = busy_queue
    # /picks tags says "thinking…" itself; the queue has already done so by then.
    queued = await fake.invoke(
        "picks", {"tags": "energy"}, subcommand="tags", user=fake.admin, wait=False
    )
    await queued.wait(lambda r: r.deferred, None, "the queued command's acknowledgement")
    release.set()
    await queued
    assert "energy" in queued.content and "went wrong" not in queued.content


async def test_reload_does_not_wait_behind_queued_interactions(running, busy_queue) -> None:
    fake, _ = running
    result = await fake.invoke("reload", user=fake.admin)
    assert result.embeds[0]["title"] == "Library reloaded"


async def test_admin_commands_are_guild_only(running) -> None:
    fake, _ = running
    result = await fake.invoke("status", user=fake.admin, dm=True)
    assert result.ephemeral and "only works in a server" in result.text


async def test_status_shows_the_library_and_the_bot(running) -> None:
    fake, _ = running
    refused = await fake.invoke("status", user=fake.member)
    assert refused.ephemeral and "Manage Server" in refused.text
    result = await fake.invoke("status", user=fake.admin)
    fields = {f["name"]: f["value"] for f in result.embeds[0]["fields"]}
    assert fields["Articles"] == "14 from 14 files"
    assert fields["Tags"] == "17"
    assert fields["Failing files"] == "none"
    # journey21: in words and as Discord's timestamp (the reader's zone, "… ago"), not
    # "2026-12-07T03:49:01+00:00: +14 ~0 -0".
    assert re.fullmatch(
        r"<t:\d+:f> \(<t:\d+:R>\): 14 added, 0 changed, 0 removed, 0 failed, 0 unchanged;"
        r" took \d+\.\d\d s",
        fields["Last reload"],
    ), fields["Last reload"]
    for name in ("Cache size", "Uptime", "Gateway latency", "Version", "Shards"):
        assert fields[name]


async def test_every_message_sets_allowed_mentions(running) -> None:
    fake, bot = running
    bot.view_timeout = 1.0
    await fake.invoke("ask", {"question": "library of things"})  # response with buttons
    paged = await fake.invoke("search", {"query": "environment"})
    await fake.click(paged, button(paged.message, "Next")["custom_id"])  # update
    await fake.click(paged, button(paged.message, "Previous")["custom_id"], user=fake.admin)
    await fake.invoke("reload", user=fake.admin)  # deferred, then a follow-up
    await fake.invoke("status", user=fake.member)  # refusal
    await fake.send_message(f"{fake.bot_user.mention} @everyone salmon")  # channel reply
    await fake.wait_for(
        lambda: any(r.method == "PATCH" for r in fake.requests), what="the timeout edit"
    )
    kinds = {(r.method, r.path.split("/")[1]) for r in fake.message_requests()}
    assert {("POST", "interactions"), ("POST", "webhooks"), ("PATCH", "webhooks")} <= kinds
    assert ("POST", "channels") in kinds
    assert_mentions_locked(fake)


# -- cooldowns, errors, load ------------------------------------------------------------


async def test_cooldown_per_user_with_a_private_notice(running) -> None:
    fake, bot = running
    now = [0.0]
    bot.cooldown = UserCooldown(2, 30, clock=lambda: now[0])
    for _ in range(2):
        assert not (await fake.invoke("ask", {"question": "salmon"})).ephemeral
    limited = await fake.invoke("ask", {"question": "salmon"})
    assert limited.ephemeral and "Slow down" in limited.text and "30 s" in limited.text
    other = await fake.invoke("ask", {"question": "salmon"}, user=fake.admin)
    assert not other.ephemeral  # another user is not limited
    now[0] = 31.0
    assert not (await fake.invoke("ask", {"question": "salmon"})).ephemeral


async def test_unexpected_errors_give_a_trace_id(running, caplog: pytest.LogCaptureFixture) -> None:
    fake, bot = running

    async def broken(question: str):
        raise RuntimeError("engine exploded")

    bot.service.engine.ask = broken
    with caplog.at_level(logging.ERROR, logger="articlebot.discord"):
        result = await fake.invoke("ask", {"question": "salmon"})
    assert result.ephemeral
    match = re.search(r"something went wrong \(id ([0-9a-f]{8})\)", result.text)
    assert match
    assert any(match.group(1) in r.getMessage() and r.exc_info for r in caplog.records)


async def test_twenty_concurrent_interactions_all_answered_correctly(running) -> None:
    fake, bot = running
    questions = list(QUESTIONS.items()) * 2
    users = [fake.add_user(f"user{i}", member_of=fake.guild) for i in range(len(questions))]
    await asyncio.sleep(0.05)
    results = await asyncio.gather(
        *(
            fake.invoke("ask", {"question": q}, user=u)
            for (q, _), u in zip(questions, users, strict=True)
        )
    )
    assert len(results) == 20
    for (question, slug), result in zip(questions, results, strict=True):
        article = await bot.service.engine.find(slug)
        assert result.embeds[0]["title"] == article.title, question


# -- follow-ups ---------------------------------------------------------------------------

CORAL_QUESTION = "how many coral fragments has the nursery replanted?"
FOLLOW_UP = "what was their survival rate?"


async def test_a_members_follow_up_is_about_their_last_answer_and_no_one_elses(running) -> None:
    fake, _ = running
    first = await fake.invoke("ask", {"question": CORAL_QUESTION})
    assert first.embeds[0]["title"].startswith("Coral nursery")
    theirs = await fake.invoke("ask", {"question": FOLLOW_UP})
    (embed,) = theirs.embeds
    assert embed["title"].startswith("Coral nursery") and "81%" in embed["description"]
    # A closest match says so first (issue 15), then which article it follows up.
    assert embed["description"].split("\n\n")[:2] == [
        "*Closest match — it may not answer this.*",
        "*Following up on this article:*",
    ]
    # Another member asking the same in the same channel has no conversation to follow.
    other = await fake.invoke("ask", {"question": FOLLOW_UP}, user=fake.admin)
    assert other.ephemeral and "nothing in the library" in other.embeds[0]["description"]


async def test_a_reply_to_the_bots_answer_follows_up_on_it(running) -> None:
    fake, _ = running
    asked = await fake.send_message(f"{fake.bot_user.mention} {CORAL_QUESTION}")
    (answer,) = asked.messages
    # Another member replies to that answer: the reply is about the answer's article.
    replied = await fake.send_message(
        f"{fake.bot_user.mention} {FOLLOW_UP}", author=fake.admin, reply_to=answer
    )
    (reply,) = replied.messages
    assert reply["embeds"][0]["title"].startswith("Coral nursery")
    assert "81%" in reply["embeds"][0]["description"]


async def test_follow_ups_can_be_turned_off(fake_discord: FakeDiscord, settings: Settings) -> None:
    fake = fake_discord
    await fake.start_bot(make_bot(settings.with_(followup_minutes=0)))
    await fake.invoke("ask", {"question": CORAL_QUESTION})
    later = await fake.invoke("ask", {"question": FOLLOW_UP})
    assert later.ephemeral and "nothing in the library" in later.embeds[0]["description"]


async def test_a_follow_up_after_followup_minutes_is_read_alone(
    fake_discord: FakeDiscord, settings: Settings
) -> None:
    fake = fake_discord
    now = [0.0]
    await fake.start_bot(make_bot(settings, cooldown_clock=lambda: now[0]))
    await fake.invoke("ask", {"question": CORAL_QUESTION})
    now[0] = settings.followup_minutes * 60 - 1
    within = await fake.invoke("ask", {"question": FOLLOW_UP})
    assert within.embeds[0]["title"].startswith("Coral nursery")  # (and answered again: renewed)
    now[0] += settings.followup_minutes * 60 + 1
    later = await fake.invoke("ask", {"question": FOLLOW_UP})
    assert later.ephemeral and "nothing in the library" in later.embeds[0]["description"]


async def test_an_article_chosen_or_opened_is_the_one_a_follow_up_asks_of(running) -> None:
    # journey21: a member chooses an article from a menu (or opens one with /article) and
    # asks "who wrote it?": it is that article's byline, not the one answered before.
    fake, _ = running
    await fake.invoke("ask", {"question": "who wrote the coral article?"})
    listed = await fake.invoke("ask", {"question": "what's new?"})
    option, chosen = await choose(fake, listed, 2)
    assert chosen.ephemeral and chosen.embeds[0]["title"] == option["label"]
    byline = await fake.invoke("ask", {"question": "who wrote it?"})
    assert byline.embeds[0]["title"] == option["label"]
    assert "Rafael Quintero" in byline.embeds[0]["description"]
    await fake.invoke("article", {"title": "solar co-op"})
    byline = await fake.invoke("ask", {"question": "who wrote it?"})
    assert byline.embeds[0]["title"].startswith("Solar co-op")
    assert "Written by Marcus Ellery" in byline.embeds[0]["description"]


async def test_nothing_found_for_one_word_does_not_say_use_fewer_words(running) -> None:
    # journey21: "/tag nosuchtag" said "Try `/search nosuchtag` with fewer words".
    fake, _ = running
    one = await fake.invoke("tag", {"name": "nosuchtag"})
    assert one.ephemeral and "fewer words" not in one.embeds[0]["description"]
    assert "Try other words" in one.embeds[0]["description"]
    many = await fake.invoke("ask", {"question": "qwxzv plorbt vrrmx"})
    assert "with fewer words" in many.embeds[0]["description"]


async def test_a_command_typed_into_a_message_is_run_or_explained(running) -> None:
    # journey21: "/picks now" in a DM got "I found nothing that answers “/picks now”. Try
    # `/search /picks now`…"; "@ArticleBot /ask …" searched the word "ask" too.
    fake, _ = running
    mention = fake.bot_user.mention
    asked = await fake.send_message(f"{mention} /ask how many toasters did the repair cafe fix?")
    assert asked.messages[-1]["embeds"][0]["title"].startswith("Repair café fixes")
    helped = await fake.send_message(f"{mention} /help")
    assert helped.messages[-1]["embeds"][0]["title"].startswith("ArticleBot")
    dm = fake.dm_channel(fake.member)
    told = await fake.send_message("/picks now", channel=dm)
    text = told.messages[-1]["content"]
    assert text.startswith("`/picks` is a command: type `/picks` in the message box")
    assert not told.messages[-1]["embeds"]
    path = await fake.send_message(f"{mention} /usr/bin/go is what?")
    assert "is a command" not in (path.messages[-1].get("content") or "")


async def test_nothing_found_quotes_back_the_question_read_and_a_search_to_copy(running) -> None:
    # journey22: a long message ending in its question was quoted back by its first words
    # ("I found nothing that answers “so I was at the harbour…”"), though the question read
    # was its last; a code fence typed into a question was offered as `/search '''python …`.
    fake, _ = running
    story = "I was at the harbour with my cousin and the weather held all day. " * 20
    long = await fake.send_message(f"{fake.bot_user.mention} {story}So how many qwxzv plorbt?")
    text = long.messages[-1]["embeds"][0]["description"]
    assert "answers “…So how many qwxzv plorbt?”" in text
    assert "`/search So how many qwxzv plorbt?`" in text
    fenced = await fake.invoke("ask", {"question": '```python\nprint("qwxzv")\n``` plorbt?'})
    text = fenced.embeds[0]["description"]
    assert '`/search python print("qwxzv") plorbt?`' in text and "'''" not in text


async def test_the_bots_own_role_mentioned_addresses_it(running) -> None:
    # journey22: Discord's @ autocomplete offers the bot's own role beside the bot; a
    # member who picked it ("@ArticleBot how many toasters…?" as <@&role>) got no reply.
    fake, _ = running
    own = f"<@&{fake.guild.bot_role_id}>"
    asked = await fake.send_message(f"{own} how many toasters did the repair cafe fix?")
    reply = asked.messages[-1]
    assert reply["embeds"][0]["title"].startswith("Repair café fixes")
    assert fake.message_requests()[-1].allowed_mentions["parse"] == []  # the role not pinged
    other = fake.add_role(fake.guild, "Readers")
    before = len(fake.message_log)
    await fake.send_message(f"<@&{other.id}> how many toasters?", wait=False)
    await asyncio.sleep(0.3)
    assert not [m for m in fake.message_log[before:] if m["author"].get("bot")]


async def test_a_mentions_markdown_is_read_as_discord_shows_it(running) -> None:
    # journey27: "[click me](https://evil.example) what is cop30" searched the hidden
    # address's words and "# HUGE HEADER …" its heading mark; a member sees neither.
    fake, _ = running
    hidden = await fake.send_message(
        f"{fake.bot_user.mention} [click me](https://evil.example/x) recipe for banana bread"
    )
    text = hidden.messages[0]["embeds"][0]["description"]
    assert "click me recipe for banana bread" in text and "evil" not in text
    headed = await fake.send_message(f"{fake.bot_user.mention} # recipe for banana bread")
    text = headed.messages[0]["embeds"][0]["description"]
    assert "“recipe for banana bread”" in text
    small = await fake.send_message(f"{fake.bot_user.mention} -# how many toasters were fixed")
    assert "toasters" in small.messages[0]["embeds"][0]["title"]
    # A "#" that opens no heading (no space after it) is the member's word.
    tagged = await fake.send_message(f"{fake.bot_user.mention} #banana bread recipe")
    assert "#banana bread recipe" in tagged.messages[0]["embeds"][0]["description"]


async def test_a_message_naming_a_subcommand_is_told_that_one(running) -> None:
    # journey27: "can u skip tomorrows pick" was offered `channel`, `time`, `tags`, `role`…
    fake, _ = running
    replies = await fake.send_message(f"{fake.bot_user.mention} can u skip tomorrows pick")
    text = replies.messages[0]["embeds"][0]["description"]
    assert "type `/picks` in the message box and choose `skip`;" in text
    assert "`channel`" not in text
