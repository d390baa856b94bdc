"""/ask, /search and answering mentions: questions in, answer cards out."""

from __future__ import annotations

import contextlib
import logging
import re
import uuid
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from bot.discord.deadline import in_time
from bot.discord.reply import NO_MENTIONS, send
from bot.discord.views import Pager, answer_view

if TYPE_CHECKING:
    from bot.discord.client import ArticleBot

log = logging.getLogger("articlebot.discord")

HELP_LINE = (
    "Ask me something about the library, e.g. “@{name} how do heat pumps cut bills?” "
    "— or use /ask, /search and /article."
)
EVERYWHERE = {"guilds": True, "dms": True, "private_channels": True}


class AskCog(commands.Cog, name="Ask"):
    """Questions and searches over the article library."""

    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot

    @app_commands.command(name="ask", description="Ask the library a question")
    @app_commands.describe(question="What you want to know")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def ask(
        self, interaction: discord.Interaction, question: app_commands.Range[str, 1, 1000]
    ) -> None:
        # Answers normally take milliseconds; under a burst, acknowledge ("thinking…")
        # before Discord's 3 s run out, then send the answer as a follow-up.
        answer = await in_time(interaction, self.bot.service.ask(question))
        if answer.article is None:
            await send(interaction, embed=render.no_answer_embed(question), ephemeral=True)
            return
        await send(interaction, embed=render.answer_embed(answer), view=answer_view(answer))

    @app_commands.command(name="search", description="Search the library by title, tag or text")
    @app_commands.describe(query='Words, a title, tag:NAME, author:NAME or "an exact phrase"')
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def search(
        self, interaction: discord.Interaction, query: app_commands.Range[str, 1, 1000]
    ) -> None:
        response = await self.bot.service.search(query, limit=25)
        pages = render.search_pages(response)
        await Pager.start(
            interaction, pages, timeout=self.bot.view_timeout, ephemeral=not response.hits
        )

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer "@bot question" in channels (and any message in a DM) like /ask, as a reply."""
        me = self.bot.user
        if me is None or message.author.bot or message.author.id == me.id:
            return
        if message.guild is not None and me not in message.mentions:
            return
        question = re.sub(rf"<@!?{me.id}>", " ", message.content or "").strip()
        try:
            await self._answer_mention(message, question)
        except Exception:
            trace = uuid.uuid4().hex[:8]
            log.exception("unexpected error (trace id %s) answering a mention", trace)
            with contextlib.suppress(discord.HTTPException):
                await message.reply(
                    f"Sorry, something went wrong (id {trace}).",
                    mention_author=False,
                    allowed_mentions=NO_MENTIONS,
                )

    async def _answer_mention(self, message: discord.Message, question: str) -> None:
        me = self.bot.user
        assert me is not None
        if not question:
            name = render.clean(me.display_name)
            await message.reply(
                HELP_LINE.format(name=name), mention_author=False, allowed_mentions=NO_MENTIONS
            )
            return
        if self.bot.cooldown.hit(message.author.id) is not None:
            # A public "slow down" reply would be noise in the channel: react instead.
            with contextlib.suppress(discord.HTTPException):
                await message.add_reaction("\N{HOURGLASS WITH FLOWING SAND}")
            return
        answer = await self.bot.service.ask(question)
        if answer.article is None:
            embed = render.no_answer_embed(question)
            await message.reply(embed=embed, mention_author=False, allowed_mentions=NO_MENTIONS)
            return
        kwargs = {"view": view} if (view := answer_view(answer)) is not None else {}
        await message.reply(
            embed=render.answer_embed(answer),
            mention_author=False,
            allowed_mentions=NO_MENTIONS,
            **kwargs,
        )


async def setup(bot: ArticleBot) -> None:
    await bot.add_cog(AskCog(bot))
