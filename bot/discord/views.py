"""Buttons: a pager only its owner can turn, and stateless article buttons.

Article buttons are DynamicItems: the custom_id carries the action and the slug, so they
keep working after a restart and need no view kept in memory.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord

from bot.discord import render
from bot.discord.errors import UserError, report_error
from bot.discord.reply import NO_MENTIONS, edit_original, send
from bot.library.model import Article

if TYPE_CHECKING:
    from bot.service import LibraryService

log = logging.getLogger("articlebot.discord")

PREFIX = "ab"
ACTIONS = ("open", "quote", "summary", "related")
_LONG_SLUGS: OrderedDict[str, str] = OrderedDict()
_MAX_LONG_SLUGS = 10_000


def slug_ref(slug: str) -> str:
    """A custom_id-sized reference to a slug: the slug itself, or a hash for long ones."""
    if len(slug) <= render.CUSTOM_ID - len(f"{PREFIX}:summary:"):
        return slug
    # Long slugs do not fit the 100-character custom_id: remember them by hash (lost on restart).
    ref = "#" + hashlib.blake2b(slug.encode(), digest_size=12).hexdigest()
    _LONG_SLUGS[ref] = slug
    _LONG_SLUGS.move_to_end(ref)
    while len(_LONG_SLUGS) > _MAX_LONG_SLUGS:
        _LONG_SLUGS.popitem(last=False)
    return ref


def resolve_ref(ref: str) -> str | None:
    return _LONG_SLUGS.get(ref) if ref.startswith("#") else ref


class ArticleButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=rf"{PREFIX}:(?P<action>{'|'.join(ACTIONS)}):(?P<ref>.+)",
):
    """A button acting on one article: open its card, or show its quote/summary/related."""

    def __init__(
        self,
        action: str,
        slug: str,
        label: str,
        style: discord.ButtonStyle = discord.ButtonStyle.secondary,
        row: int | None = None,
    ) -> None:
        self.action = action
        self.ref = slug_ref(slug)
        super().__init__(
            discord.ui.Button(
                label=render.button_label(label),
                style=style,
                custom_id=f"{PREFIX}:{action}:{self.ref}",
            ),
            row=row,
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ArticleButton:
        button = cls.__new__(cls)
        button.action, button.ref = match["action"], match["ref"]
        discord.ui.DynamicItem.__init__(button, item)  # type: ignore[arg-type]
        return button

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await article_action(interaction, self.action, self.ref)
        except Exception as exc:  # dynamic item errors would otherwise only be logged
            await report_error(interaction, exc)


async def article_action(interaction: discord.Interaction, action: str, ref: str) -> None:
    """What an article button does; replies ephemerally to whoever clicked."""
    service: LibraryService = interaction.client.service  # type: ignore[attr-defined]
    slug = resolve_ref(ref)
    article = await service.article(slug) if slug else None
    if article is None:
        raise UserError("That article is no longer in the library.")
    if action == "open":
        card = service.card(article)
        embed = render.article_embed(article, card.summary, card.quote)
        await send(interaction, embed=embed, view=card_view(article), ephemeral=True)
    elif action == "quote":
        await send(
            interaction, embed=render.quote_embed(article, service.quote(article)), ephemeral=True
        )
    elif action == "summary":
        embed = render.summary_embed(article, service.summary(article))
        await send(interaction, embed=embed, ephemeral=True)
    else:
        hits = await service.related(article, limit=4)
        title = f"Related to {article.title}"
        embed = render.list_pages(title, hits, empty="No related articles found.")[0]
        view = alternatives_view(hits, None)
        await send(interaction, embed=embed, view=view, ephemeral=True)


def alternatives_view(hits: Sequence[Any], link: str | None) -> discord.ui.View | None:
    """Buttons opening up to 4 other articles, and a "Read" link button for http(s) links."""
    view = discord.ui.View(timeout=None)
    for slug, label in render.hit_refs(hits, 4):
        view.add_item(ArticleButton("open", slug, label, row=0))
    if render.is_http(link) and len(link or "") <= 512:
        view.add_item(discord.ui.Button(label="Read", url=link, row=1))
    return view if view.children else None


def answer_view(answer: Any) -> discord.ui.View | None:
    """The /ask buttons: alternatives and Read."""
    link = answer.article.link if answer.article else None
    return alternatives_view(answer.alternatives, link)


def card_view(article: Article) -> discord.ui.View:
    """The /article card's Quote, Summary and Related buttons, plus Read."""
    view = discord.ui.View(timeout=None)
    view.add_item(ArticleButton("quote", article.slug, "Quote", discord.ButtonStyle.primary))
    view.add_item(ArticleButton("summary", article.slug, "Summary"))
    view.add_item(ArticleButton("related", article.slug, "Related"))
    if render.is_http(article.link) and len(article.link or "") <= 512:
        view.add_item(discord.ui.Button(label="Read", url=article.link))
    return view


class Pager(discord.ui.View):
    """Previous/Next over pages; only the owner may turn them; disabled on timeout."""

    def __init__(
        self, pages: Sequence[discord.Embed], owner: discord.abc.User, timeout: float
    ) -> None:
        super().__init__(timeout=timeout)
        self.pages = pages  # render.Pages builds each page when it is first shown
        self.owner = owner
        self.index = 0
        self.interaction: discord.Interaction | None = None
        self._sync_buttons()

    @classmethod
    async def start(
        cls,
        interaction: discord.Interaction,
        pages: Sequence[discord.Embed],
        *,
        timeout: float,  # noqa: ASYNC109 - the view's lifetime, not a wait
        ephemeral: bool = False,
    ) -> Pager | None:
        """Send the first page; with more than one page, with the buttons."""
        if len(pages) <= 1:
            await send(interaction, embed=pages[0], ephemeral=ephemeral)
            return None
        pager = cls(pages, interaction.user, timeout)
        pager.interaction = interaction
        await send(interaction, embed=pages[0], view=pager, ephemeral=ephemeral)
        return pager

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner.id:
            return True
        name = render.cut(render.clean(self.owner.display_name), 80)
        await interaction.response.send_message(
            f"Only {name} can turn these pages — run the command yourself to get your own.",
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return False

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        self.index = max(0, min(len(self.pages) - 1, self.index + step))
        self._sync_buttons()
        await interaction.response.edit_message(
            embed=self.pages[self.index], view=self, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.primary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, +1)

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.interaction is None:
            return
        try:
            await edit_original(self.interaction, view=self)
        except discord.HTTPException as exc:  # message deleted or token expired: nothing to do
            log.debug("could not disable pager buttons: %s", exc)

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await report_error(interaction, error)
