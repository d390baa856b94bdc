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
from bot.search.query import fold

if TYPE_CHECKING:
    from bot.discord.client import ArticleBot

EVERYWHERE = {"guilds": True, "dms": True, "private_channels": True}
RANDOM_QUOTE_TRIES = 8
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
        choices = await self.bot.engine.autocomplete(current, limit=render.CHOICES)
        return render.title_choices(choices)

    async def tag_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        tags = [t for t, _ in await self.bot.engine.tags()]
        typed = fold(current).strip()
        if typed:
            # Prefix matches first, then tags containing the text; the engine resolves typos.
            starts = [t for t in tags if t.startswith(typed)]
            inside = [t for t in tags if typed in t and t not in starts]
            tags = starts + inside
        return [
            app_commands.Choice(name=render.cut(t, 100), value=t[:100])
            for t in tags[: render.CHOICES]
        ]

    async def _find(self, title: str) -> Article:
        article = await self.bot.engine.find(title)
        if article is None:
            response = await self.bot.engine.search(title, limit=3)
            names = [h.label or h.title for h in response.hits] or response.suggestions
            hint = ""
            if names:
                hint = " Did you mean " + " or ".join(f"“{render.cut(n, 80)}”" for n in names) + "?"
            raise UserError(
                render.content(
                    f"I could not find an article called “{render.cut(title, 200)}”.{hint} "
                    "Pick one from the suggestions as you type."
                )
            )
        return article

    # -- commands ------------------------------------------------------------------------

    @app_commands.command(name="article", description="An article's card: summary, quote, tags")
    @app_commands.describe(title="The article's title (suggestions appear as you type)")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def article(
        self, interaction: discord.Interaction, title: app_commands.Range[str, 1, 200]
    ) -> None:
        found = await self._find(title)
        engine = self.bot.engine
        embed = render.article_embed(found, engine.summary(found), engine.quote(found))
        await send(interaction, embed=embed, view=card_view(found))

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
        engine = self.bot.engine
        if title:
            found = await self._find(title)
            await send(interaction, embed=render.quote_embed(found, engine.quote(found)))
            return
        for _ in range(RANDOM_QUOTE_TRIES):
            found = await engine.random()
            if found is None:
                raise UserError("The library is empty.")
            picked = engine.quote(found)
            if picked is not None:
                await send(interaction, embed=render.quote_embed(found, picked))
                return
        raise UserError("I could not find a quote this time — try again, or name an article.")

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
        await send(interaction, embed=render.summary_embed(found, self.bot.engine.summary(found)))

    @summary.autocomplete("title")
    async def _summary_title(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.title_choices(interaction, current)

    @app_commands.command(name="tags", description="Every tag in the library, most used first")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def tags(self, interaction: discord.Interaction) -> None:
        pages = render.tags_pages(await self.bot.engine.tags())
        await Pager.start(interaction, pages, timeout=self.bot.view_timeout)

    @app_commands.command(name="tag", description="The articles with one tag, newest first")
    @app_commands.describe(name="The tag (suggestions appear as you type)")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def tag(
        self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100]
    ) -> None:
        resolved, metas = await self.bot.engine.tag(name)
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
        metas = await self.bot.engine.latest(count)
        embed = render.list_pages("Latest articles", metas, empty="The library is empty.")[0]
        await send(interaction, embed=embed)

    @app_commands.command(name="random", description="A random article, optionally of one tag")
    @app_commands.describe(tag="Only articles with this tag")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def random(
        self, interaction: discord.Interaction, tag: app_commands.Range[str, 1, 100] | None = None
    ) -> None:
        engine = self.bot.engine
        found = await engine.random(tag)
        if found is None:
            if tag:
                raise UserError(
                    f"There is no tag like “{render.cut(tag, 100)}”. /tags lists them all."
                )
            raise UserError("The library is empty.")
        embed = render.article_embed(found, engine.summary(found), engine.quote(found))
        await send(interaction, embed=embed, view=card_view(found))

    @random.autocomplete("tag")
    async def _random_tag(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.tag_choices(interaction, current)


async def setup(bot: ArticleBot) -> None:
    await bot.add_cog(LibraryCog(bot))
