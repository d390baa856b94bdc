"""Browsing the library: /article, /quote, /summary, /tags, /tag, /latest, /random."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from bot.discord.errors import UserError
from bot.discord.reply import send
from bot.discord.views import Pager, card_view
from bot.library.model import Article

if TYPE_CHECKING:
    from bot.discord.client import ArticleBot

EVERYWHERE = {"guilds": True, "dms": True, "private_channels": True}
# A /tag list pages through at most this many articles, newest first: every page is built
# up front, and a tag of a large library holds tens of thousands (milliseconds per 1,000).
TAG_LIST_LIMIT = 500


class LibraryCog(commands.Cog, name="Library"):
    """Article cards, quotes, summaries, tags and lists."""

    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot

    # -- autocomplete --------------------------------------------------------------------

    async def title_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        choices = await self.bot.service.autocomplete(current, limit=render.CHOICES)
        return render.title_choices(choices)

    async def tag_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        tags = await self.bot.service.tag_choices(current, limit=render.CHOICES)
        return [app_commands.Choice(name=render.cut(t, 100), value=t[:100]) for t in tags]

    async def _find(self, title: str) -> Article:
        lookup = await self.bot.service.lookup(title, limit=3)
        if lookup.article is not None:
            return lookup.article
        hint = ""
        if lookup.suggestions:
            names = [f"“{render.cut(c.label, 80)}”" for c in lookup.suggestions]
            hint = " Did you mean " + " or ".join(names) + "?"
        raise UserError(
            render.content(
                f"I could not find an article called “{render.cut(title, 200)}”.{hint} "
                "Pick one from the suggestions as you type."
            )
        )

    # -- commands ------------------------------------------------------------------------

    @app_commands.command(name="article", description="An article's card: summary, quote, tags")
    @app_commands.describe(title="The article's title (suggestions appear as you type)")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def article(
        self, interaction: discord.Interaction, title: app_commands.Range[str, 1, 200]
    ) -> None:
        card = self.bot.service.card(await self._find(title))
        embed = render.article_embed(card.article, card.summary, card.quote)
        await send(interaction, embed=embed, view=card_view(card.article))

    @article.autocomplete("title")
    async def _article_title(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.title_choices(interaction, current)

    @app_commands.command(name="quote", description="A quote from an article (or a random one)")
    @app_commands.describe(title="The article's title; leave empty for a random quote")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def quote(
        self, interaction: discord.Interaction, title: app_commands.Range[str, 1, 200] | None = None
    ) -> None:
        service = self.bot.service
        if title:
            found = await self._find(title)
            await send(interaction, embed=render.quote_embed(found, service.quote(found)))
            return
        card = await service.random_quote()
        if card is None:
            raise UserError("The library is empty.")
        if card.quote is None:
            raise UserError("I could not find a quote this time — try again, or name an article.")
        await send(interaction, embed=render.quote_embed(card.article, card.quote))

    @quote.autocomplete("title")
    async def _quote_title(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.title_choices(interaction, current)

    @app_commands.command(name="summary", description="A short summary of an article")
    @app_commands.describe(title="The article's title")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def summary(
        self, interaction: discord.Interaction, title: app_commands.Range[str, 1, 200]
    ) -> None:
        found = await self._find(title)
        await send(interaction, embed=render.summary_embed(found, self.bot.service.summary(found)))

    @summary.autocomplete("title")
    async def _summary_title(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.title_choices(interaction, current)

    @app_commands.command(name="tags", description="Every tag in the library, most used first")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def tags(self, interaction: discord.Interaction) -> None:
        pages = render.tags_pages(await self.bot.service.tags())
        await Pager.start(interaction, pages, timeout=self.bot.view_timeout)

    @app_commands.command(name="tag", description="The articles with one tag, newest first")
    @app_commands.describe(name="The tag (suggestions appear as you type)")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def tag(
        self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100]
    ) -> None:
        found = await self.bot.service.tag(name)
        resolved, metas = found.tag, found.articles
        if resolved is None:
            raise UserError(
                f"There is no tag like “{render.cut(name, 100)}”. /tags lists them all."
            )
        heading = f"Tag: {resolved} ({len(metas)} article{'s' * (len(metas) != 1)})"
        shown = metas[:TAG_LIST_LIMIT]
        if len(shown) < len(metas):
            heading += f", newest {len(shown)}"
        pages = render.list_pages(heading, shown)
        await Pager.start(interaction, pages, timeout=self.bot.view_timeout)

    @tag.autocomplete("name")
    async def _tag_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.tag_choices(interaction, current)

    @app_commands.command(name="latest", description="The newest articles")
    @app_commands.describe(count="How many (1-10, default 5)")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def latest(
        self, interaction: discord.Interaction, count: app_commands.Range[int, 1, 10] = 5
    ) -> None:
        metas = await self.bot.service.latest(count)
        embed = render.list_pages("Latest articles", metas, empty="The library is empty.")[0]
        await send(interaction, embed=embed)

    @app_commands.command(name="random", description="A random article, optionally of one tag")
    @app_commands.describe(tag="Only articles with this tag")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def random(
        self, interaction: discord.Interaction, tag: app_commands.Range[str, 1, 100] | None = None
    ) -> None:
        card = await self.bot.service.random_card(tag)
        if card is None:
            if tag:
                raise UserError(
                    f"There is no tag like “{render.cut(tag, 100)}”. /tags lists them all."
                )
            raise UserError("The library is empty.")
        embed = render.article_embed(card.article, card.summary, card.quote)
        await send(interaction, embed=embed, view=card_view(card.article))

    @random.autocomplete("tag")
    async def _random_tag(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.tag_choices(interaction, current)


async def setup(bot: ArticleBot) -> None:
    await bot.add_cog(LibraryCog(bot))
