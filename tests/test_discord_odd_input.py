"""Odd things a member types, through the Discord adapter against the fake Discord, every
way a member asks (/ask, a mention, a DM): each gets a reply (never silence, never an
error reply), and no reply could ping — every request says so (allowed_mentions) and the
rendered text holds no live mention either.

The inputs reach the reply paths added lately: follow-ups with and without a conversation,
ordinals past the list, "compare X with Y" with a side missing, counts, "when?", "source?",
pastes, markup, mentions, URLs, impossible dates and full-text syntax."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.settings import Settings
from tests.fakeclock import FakeClock
from tests.fakediscord import FakeDiscord
from tests.test_discord_e2e import assert_mentions_locked, embed_text, make_bot
from tests.test_discord_replies_e2e import WAYS, asker

# Said in this order, so follow-ups meet a conversation (or, first, none).
ODD = [
    "the 9th one",
    "what else did they say",
    "when?",
    "source?",
    "compare with",
    "compare salmon with",
    "compare with <@123>",
    "salmon",
    "the 9th one",
    "the 0th one",
    "compare @everyone with <@123>",
    "compare the salmon with @here",
    "when was that",
    "source?",
    "what else did they say",
    "how many articles about @everyone",
    "list the articles tagged <@&456>",
    "articles from 31/02/2026",
    "anything from last week about <#789>",
    "@everyone",
    "<@123> <@&456> <#789> @here",
    "what did <@!123> say about @everyone",
    "\u200b",
    "\u202e?sdrawkcab\u202c \u200fمرحبا\u200f",
    "```py\nprint('@everyone')\n```",
    "||spoiler|| **bold** > quote",
    'NEAR( " * ^ : AND OR NOT',
    'tag:" author:*',
    'https://www.positive.news/?utm_source=%40everyone&q="NEAR(',
    "12345",
    "31/02/2026",
    "🦀🔥",
    "?!…",
    ("salmon @everyone " * 200)[:1900],
]

# A mention Discord would turn into a ping, were mentions allowed: @everyone, @here, <@id>,
# <@!id>, <@&id>. (A zero-width space after "@" or "<" defuses one.)
LIVE_MENTION = re.compile(r"(?<![\w\u200b])@(?:everyone|here)\b|<@[!&]?\d+>")


def shown_text(message: dict[str, Any]) -> str:
    parts = [message.get("content") or ""]
    parts += [embed_text(e) for e in message.get("embeds") or []]
    return "\n".join(parts)


async def _each_replied_pinging_nobody(fake: FakeDiscord, way: str, questions: list[str]) -> None:
    """Each question asked `way` gets a reply that is not empty, not the error reply, and
    shows no live mention; and every request the bot sent kept mentions locked."""
    ask = asker(fake, way)
    for question in questions:
        reply = await ask(question)
        text = shown_text(reply)
        assert text.strip(), f"{question!r}: an empty reply"
        assert "something went wrong" not in text.lower(), f"{question!r}: {text[:200]}"
        live = LIVE_MENTION.findall(text)
        assert not live, f"{question!r}: the reply shows {live}: {text[:300]}"
    assert_mentions_locked(fake)


@pytest.mark.parametrize("way", WAYS)
async def test_odd_input_gets_a_reply_that_pings_nobody(
    way: str, fake_discord: FakeDiscord, settings: Settings
) -> None:
    fake = fake_discord
    await fake.start_bot(make_bot(settings, clock=FakeClock(datetime(2026, 5, 10, tzinfo=UTC))))
    await _each_replied_pinging_nobody(fake, way, ODD)


# An article whose title, tag, author and text would ping, asked through the reply paths
# that show titles, tags and bylines: compare, counts and lists (with the /tag footer),
# "when?", "source?", a quote, more like this.
PINGING = """---
title: '@everyone party <@&5> with <@123>'
slug: ping-party
author: '@here <@!42>'
link: https://example.org/ping-party
date: '2026-04-20'
tags: ['@everyone', '<@&5>', parties]
---
<p>The quokka juggling contest in Bexley drew a crowd. “@everyone come,” said <@123>.</p>
<p>@here the jugglers kept eleven balls up for a minute, a record for the contest.</p>
"""

THROUGH_TITLES = [
    "quokka juggling contest",
    "when was that?",
    "source?",
    "who wrote it?",
    "give me a quote from it",
    "what else did they say",
    "more like this",
    "compare the quokka juggling contest with the salmon river",
    "the first one",
    "how many articles about parties",
    "list the articles tagged parties",
    "how many articles about @everyone",
    "articles from 2026 about parties",
    "what kind of articles do you have",
    "what's new",
    "the 9th one",
]


@pytest.mark.parametrize("way", WAYS)
async def test_pinging_article_text_shows_through_every_reply_path_pinging_nobody(
    way: str, fake_discord: FakeDiscord, settings: Settings
) -> None:
    (settings.content_dir / "ping.md").write_text(PINGING, encoding="utf-8")
    fake = fake_discord
    await fake.start_bot(make_bot(settings, clock=FakeClock(datetime(2026, 5, 10, tzinfo=UTC))))
    await _each_replied_pinging_nobody(fake, way, THROUGH_TITLES)
