"""What members paste into a mention on a phone (journey23): the link to one of the bot's
own answers, the bot's words quoted back, and a channel where the bot may not embed."""

from __future__ import annotations

import shutil

import pytest

from bot.discord.cogs.ask import UNKNOWN_MESSAGE
from bot.discord.guidance import EMPTY_LIBRARY
from bot.discord.render import NO_EMBEDS
from bot.settings import Settings
from tests.fakediscord import FakeDiscord
from tests.fakediscord.payloads import EMBED_LINKS
from tests.test_discord_e2e import assert_mentions_locked, make_bot

TOASTERS = "how many toasters did the repair cafe fix?"


@pytest.fixture
async def fake(fake_discord: FakeDiscord, settings: Settings):
    await fake_discord.start_bot(make_bot(settings))
    yield fake_discord
    assert_mentions_locked(fake_discord)


def message_link(msg: dict) -> str:
    """The link Discord's "Copy Message Link" gives for a message."""
    place = msg.get("guild_id") or "@me"
    return f"https://discord.com/channels/{place}/{msg['channel_id']}/{msg['id']}"


async def test_the_link_to_an_answer_pasted_shows_its_article(fake: FakeDiscord) -> None:
    # Before: "No article in the library has that link." for the bot's own message.
    answer = (await fake.send_message(f"{fake.bot_user.mention} {TOASTERS}")).messages[-1]
    await fake.send_message(f"{fake.bot_user.mention} how many birds were counted?")
    pasted = await fake.send_message(f"{fake.bot_user.mention} {message_link(answer)}")
    card = pasted.messages[-1]["embeds"][0]
    assert card["title"].startswith("Repair café fixes")
    # With words after it, the link is what they follow up on, as a reply to it would be.
    asked = await fake.send_message(f"{fake.bot_user.mention} {message_link(answer)} who wrote it")
    assert "Hannah Brightwell" in asked.messages[-1]["embeds"][0]["description"]


async def test_a_message_link_the_bot_does_not_know_says_so(fake: FakeDiscord) -> None:
    link = f"https://discord.com/channels/{fake.guild.id}/{fake.channel.id}/1234567890123"
    replied = await fake.send_message(f"{fake.bot_user.mention} {link}")
    assert replied.messages[-1]["content"] == UNKNOWN_MESSAGE


async def test_the_bots_words_quoted_back_are_not_asked_again(fake: FakeDiscord) -> None:
    # Before: "> “We fixed 212 toasters…” said Maria Okafor\nwho is she??" read the quote's
    # words as the question's and answered with another speaker (Jonah Pilsworth).
    mention = fake.bot_user.mention
    await fake.send_message(f"{mention} {TOASTERS}")
    quoted = f"{mention} > “We fixed 212 toasters this year,” said Maria Okafor\nwho is she??"
    text = (await fake.send_message(quoted)).messages[-1]["embeds"][0]["description"]
    assert "Maria Okafor, who runs the café" in text and "Pilsworth" not in text


async def test_a_quote_of_something_else_stays_part_of_the_question(fake: FakeDiscord) -> None:
    # Another member's words quoted are what is asked about: not dropped.
    mention = fake.bot_user.mention
    await fake.send_message(f"{mention} {TOASTERS}")
    quoted = f"{mention} > the coral nursery replanted heat-tolerant fragments\nis that true?"
    card = (await fake.send_message(quoted)).messages[-1]["embeds"][0]
    assert card["title"].startswith("Coral nursery")


async def test_where_the_bot_may_not_embed_the_card_goes_as_text(fake: FakeDiscord) -> None:
    # Discord drops a bot's embeds in a channel where it lacks Embed Links: the reply
    # showed only its buttons.
    deny = {"id": str(fake.guild.bot_role_id), "type": 0, "allow": "0", "deny": str(EMBED_LINKS)}
    bare = fake.add_channel(fake.guild, "bare", overwrites=[deny])
    replied = await fake.send_message(f"{fake.bot_user.mention} {TOASTERS}", channel=bare)
    msg = replied.messages[-1]
    assert not msg["embeds"]
    assert msg["content"].startswith(NO_EMBEDS)
    assert "Repair café fixes a record number of toasters" in msg["content"]
    assert "212" in msg["content"] and len(msg["content"]) <= 2000
    # Where it may embed, the card as ever.
    again = await fake.send_message(f"{fake.bot_user.mention} {TOASTERS}")
    assert again.messages[-1]["embeds"]


async def test_an_empty_library_says_so_rather_than_what_to_search(
    fake_discord: FakeDiscord, settings: Settings
) -> None:
    # A new server's first question was told to "/search … with other words".
    shutil.rmtree(settings.content_dir)
    settings.content_dir.mkdir()
    await fake_discord.start_bot(make_bot(settings))
    replied = await fake_discord.send_message(f"{fake_discord.bot_user.mention} {TOASTERS}")
    assert replied.messages[-1]["embeds"][0]["description"] == EMPTY_LIBRARY


async def test_words_beside_an_unknown_message_link_are_still_asked(fake: FakeDiscord) -> None:
    link = f"https://discord.com/channels/{fake.guild.id}/{fake.channel.id}/1234567890123"
    replied = await fake.send_message(f"{fake.bot_user.mention} {link} {TOASTERS}")
    assert replied.messages[-1]["embeds"][0]["title"].startswith("Repair café fixes")
