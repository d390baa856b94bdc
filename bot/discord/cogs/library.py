"""Browsing the library: /article, /quote, /summary, /tags, /tag, /latest, /random."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from bot.discord.errors import UserError
from bot.discord.guidance import code, next_steps_embed, typed
from bot.discord.pager import Pager
from bot.discord.reply import send
from bot.discord.views import menu, menu_view, next_steps_view, send_reply
from bot.library.model import Article

if TYPE_CHECKING:
    from bot.discord.client import ArticleBot

EVERYWHERE = {"guilds": True, "dms": True, "private_channels": True}
# A /tag list pages through at most this many articles, newest first: every page is built
# up front, and a tag of a large library holds tens of thousands (milliseconds per 1,000).
TAG_LIST_LIMIT = 500
DID_YOU_MEAN = 10  # titles offered when a title names no article confidently
EMPTY = "The library is empty for now."


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

    async def _find(
        self, interaction: discord.Interaction, title: str, kind: str
    ) -> Article | None:
        """The article `title` names; else (None) the member is shown, privately, the
        closest titles in a menu that shows the chosen one as `kind`, or told to search.
        Never a guess: an unrelated card is worse than none."""
        # whole=False: a card, quote or summary reads the stored card, not the sentences.
        lookup = await self.bot.service.lookup(title, limit=DID_YOU_MEAN, whole=False)
        if lookup.article is not None:
            return lookup.article
        if not lookup.suggestions:
            raise UserError(
                f"There is no article like {typed(title)}: try `/search {code(title, 100)}` to look "
                "through the text as well as the titles."
            )
        embed = render.error_embed(
            f"I could not find an article called {typed(title)}. Did you mean one of these?"
        )
        view = menu_view(kind, lookup.suggestions, "Did you mean…")
        await send(interaction, embed=embed, view=view, ephemeral=True)
        return None

    async def _no_such_tag(self, interaction: discord.Interaction, name: str) -> None:
        steps = await self.bot.service.next_steps(name)
        embed = next_steps_embed(
            steps, f"There is no tag like {typed(name)}. /tags lists them all."
        )
        await send(interaction, embed=embed, view=next_steps_view(steps), ephemeral=True)

    # -- commands ------------------------------------------------------------------------

    @app_commands.command(name="article", description="An article's card: summary, quote, tags")
    @app_commands.describe(title="The article's title (suggestions appear as you type)")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def article(
        self, interaction: discord.Interaction, title: app_commands.Range[str, 1, 200]
    ) -> None:
        found = await self._find(interaction, title, "card")
        if found is not None:
            await send_reply(interaction, self.bot.service, found, "card")

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
            found = await self._find(interaction, title, "quote")
            if found is not None and service.quote(found) is None:
                # "No quote" (an article with no text) is for the asker alone.
                await send(interaction, embed=render.quote_embed(found, None), ephemeral=True)
            elif found is not None:
                await send_reply(interaction, service, found, "quote")
            return
        card = await service.random_quote()
        if card is None:
            raise UserError(EMPTY)
        if card.quote is None:
            raise UserError("I could not find a quote this time — try again, or name an article.")
        await send_reply(interaction, service, card.article, "quote")

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
        found = await self._find(interaction, title, "summary")
        if found is not None:
            await send_reply(interaction, self.bot.service, found, "summary")

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
            await self._no_such_tag(interaction, name)
            return
        heading = f"Tag: {resolved} ({render.plural(len(metas), 'article')})"
        shown = metas[:TAG_LIST_LIMIT]
        if len(shown) < len(metas):
            heading += f", newest {len(shown)}"
        size = render.LIST_PAGE_SIZE

        def page_menu(p: int) -> Any:
            return menu("card", shown[p * size : (p + 1) * size], "Open one…", tag=resolved)

        pages = render.list_pages(heading, shown, size, tag=resolved)
        await Pager.start(interaction, pages, timeout=self.bot.view_timeout, items=page_menu)

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
        if not metas:
            raise UserError(EMPTY)
        embed = render.list_pages("Latest articles", metas)[0]
        view = menu_view("card", metas, "Open one…", interaction.user.id)
        await send(interaction, embed=embed, view=view)

    @app_commands.command(name="random", description="A random article, optionally of one tag")
    @app_commands.describe(tag="Only articles with this tag")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def random(
        self, interaction: discord.Interaction, tag: app_commands.Range[str, 1, 100] | None = None
    ) -> None:
        # The article alone: send_reply makes its card (making it here too cost a second
        # summary and quote); without its sentences when its card was stored.
        article = await self.bot.service.random_article(tag, whole=False)
        if article is None:
            if tag:
                await self._no_such_tag(interaction, tag)
                return
            raise UserError(EMPTY)
        await send_reply(interaction, self.bot.service, article, "card")

    @random.autocomplete("tag")
    async def _random_tag(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.tag_choices(interaction, current)


async def setup(bot: ArticleBot) -> None:
    await bot.add_cog(LibraryCog(bot))
