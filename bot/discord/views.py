"""Components on the bot's replies, and the replies they lead to.

Every component that outlives its command is a DynamicItem: its custom_id carries what it
acts on (an article, a kind of card, the member who asked), so it keeps working after a
restart with no view kept in memory. Menus list articles by slug in their option values.
REF (and an option's value) is the slug or, for a slug too long to fit, `#` and its
digest (`slug_digest`), which the library maps back to the slug: no memory of it either.

custom_id formats (each within Discord's 100 characters):
- `ab:pick:KIND`: a select of articles; choosing one shows it (KIND: card, quote,
  summary) to the chooser, with a Share button;
- `ab:share:KIND:REF`: posts that reply publicly;
- `ab:del:USER`: deletes the reply; only USER (who asked) or Manage Messages may;
- `ab:open|quote|summary|related:REF`: an article's card, quote, summary or related
  articles, shown to whoever clicks (the Quote, Summary and Related buttons, and cards
  posted before menus replaced the alternatives buttons).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord

from bot.discord import render
from bot.discord.errors import UserError, report_error
from bot.discord.reply import send
from bot.library.model import Article
from bot.library.source import URL_MAX, context_url
from bot.search.rank import slug_digest
from bot.search.results import Answer

if TYPE_CHECKING:
    from bot.service import LibraryService, NextSteps

log = logging.getLogger("articlebot.discord")

PREFIX = "ab"
KINDS = ("card", "quote", "summary")
ACTIONS = ("open", "quote", "summary", "related")
RELATED = 5  # related articles listed by a card's Related button
EXPIRED = "This menu has expired — run the command again for a fresh one."
_LONGEST_PREFIX = f"{PREFIX}:share:summary:"
DIGEST = "#"  # a reference that starts with it is a slug's digest (slugs never hold "#")


def slug_ref(slug: str) -> str:
    """A custom_id- and option-sized reference to a slug: the slug, or for a long one its
    digest, which the library maps back to the slug (after any restart too)."""
    if len(slug) <= render.CUSTOM_ID - len(_LONGEST_PREFIX):
        return slug
    return DIGEST + slug_digest(slug)


GONE = "That article is no longer in the library."


async def _article(interaction: discord.Interaction, ref: str) -> Article:
    service: LibraryService = interaction.client.service  # type: ignore[attr-defined]
    if ref.startswith(DIGEST):
        article = await service.article_by_digest(ref.removeprefix(DIGEST))
    else:
        article = await service.article(ref)
    if article is None:
        raise UserError(GONE)
    return article


# -- the persistent components ----------------------------------------------------------


class Persistent(discord.ui.DynamicItem[Any], template=r"(?!)"):
    """A component rebuilt from its custom_id after any restart: the template's named
    groups become its attributes (strings), and `act` does its work; what goes wrong is
    reported to the member (errors in dynamic items would otherwise only be logged)."""

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Persistent:
        component = cls.__new__(cls)
        for name, value in match.groupdict().items():
            setattr(component, name, value)
        discord.ui.DynamicItem.__init__(component, item)
        return component

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await self.act(interaction)
        except Exception as exc:
            await report_error(interaction, exc)

    async def act(self, interaction: discord.Interaction) -> None:
        raise NotImplementedError


class ArticleMenu(Persistent, template=rf"{PREFIX}:pick:(?P<kind>{'|'.join(KINDS)})"):
    """A select of articles: the chosen one is shown to the chooser, to share if they like."""

    def __init__(
        self, kind: str, entries: Sequence[tuple[str, str, str | None]], placeholder: str
    ) -> None:
        self.kind = kind
        options = [
            discord.SelectOption(label=label, value=slug_ref(slug), description=about)
            for slug, label, about in entries[: render.SELECT_OPTIONS]
        ]
        super().__init__(
            discord.ui.Select(
                custom_id=f"{PREFIX}:pick:{kind}",
                placeholder=render.cut(placeholder, render.SELECT_PLACEHOLDER),
                options=options,
            )
        )

    async def act(self, interaction: discord.Interaction) -> None:
        values = self.item.values
        if not values:
            await interaction.response.defer()
            return
        article = await _article(interaction, values[0])
        client: Any = interaction.client
        # The article chosen is the one the member now reads: "who wrote it?" asks of it.
        client.conversations.opened(article.slug, (interaction.channel_id, interaction.user.id))
        embed, view = await article_reply(client.service, article, self.kind)
        await send(interaction, embed=embed, view=view, ephemeral=True)


class ArticleButton(Persistent, template=rf"{PREFIX}:(?P<action>{'|'.join(ACTIONS)}):(?P<ref>.+)"):
    """A button showing one article's card, quote, summary or related articles to whoever
    clicks it."""

    def __init__(self, action: str, slug: str, label: str) -> None:
        self.action, self.ref = action, slug_ref(slug)
        super().__init__(
            discord.ui.Button(
                label=render.button_label(label),
                style=discord.ButtonStyle.secondary,
                custom_id=f"{PREFIX}:{action}:{self.ref}",
            )
        )

    async def act(self, interaction: discord.Interaction) -> None:
        service: LibraryService = interaction.client.service  # type: ignore[attr-defined]
        article = await _article(interaction, self.ref)
        if self.action == "related":
            hits = await service.related(article, limit=RELATED)
            title = f"Related to {article.title}"
            embed = render.list_pages(title, hits, empty="No related articles found.")[0]
            view = menu_view("card", hits, "Open a related article…")
        else:
            kind = "card" if self.action == "open" else self.action
            embed, view = await article_reply(service, article, kind)
        await send(interaction, embed=embed, view=view, ephemeral=True)


class ShareButton(Persistent, template=rf"{PREFIX}:share:(?P<kind>{'|'.join(KINDS)}):(?P<ref>.+)"):
    """Posts what the chooser sees privately (a card, quote or summary) in the channel."""

    def __init__(self, kind: str, slug: str) -> None:
        self.kind, self.ref = kind, slug_ref(slug)
        super().__init__(
            discord.ui.Button(
                label="Share",
                emoji="\N{SPEAKING HEAD IN SILHOUETTE}",
                style=discord.ButtonStyle.primary,
                custom_id=f"{PREFIX}:share:{kind}:{self.ref}",
            )
        )

    async def act(self, interaction: discord.Interaction) -> None:
        article = await _article(interaction, self.ref)
        service = interaction.client.service  # type: ignore[attr-defined]
        owner = interaction.user.id
        embed, view = await article_reply(service, article, self.kind, owner=owner)
        await send(interaction, embed=embed, view=view)


class DeleteButton(Persistent, template=rf"{PREFIX}:del:(?P<owner>\d+)"):
    """🗑 on a public reply: deletes it for the member who asked or a moderator."""

    def __init__(self, owner_id: int) -> None:
        self.owner = str(owner_id)
        super().__init__(
            discord.ui.Button(
                emoji="\N{WASTEBASKET}",
                style=discord.ButtonStyle.secondary,
                custom_id=f"{PREFIX}:del:{owner_id}",
            )
        )

    async def act(self, interaction: discord.Interaction) -> None:
        if str(interaction.user.id) != self.owner and not interaction.permissions.manage_messages:
            raise UserError(
                "Only the member who asked, or someone with Manage Messages, can delete this reply."
            )
        # The component's own message is the interaction's original response: this works
        # wherever the bot can reply, without channel permissions.
        await interaction.response.defer()
        await interaction.delete_original_response()


PERSISTENT = (ArticleMenu, ArticleButton, ShareButton, DeleteButton)


# -- views for each reply ---------------------------------------------------------------


def read_button(link: str | None, label: str = "Read") -> discord.ui.Button | None:
    """A link button to the article, for http(s) links that fit one."""
    if not render.is_http(link) or len(link or "") > URL_MAX:
        return None
    return discord.ui.Button(label=label, url=link)


def _view(*rows: Sequence[discord.ui.Item[Any] | None]) -> discord.ui.View | None:
    """A persistent view of these rows (items None are left out; empty rows too)."""
    view = discord.ui.View(timeout=None)
    for row, items in enumerate(r for r in rows if any(i is not None for i in r)):
        for item in items:
            if item is not None:
                item.row = row
                view.add_item(item)
    return view if view.children else None


def menu(
    kind: str, items: Sequence[Any], placeholder: str, tag: str | None = None
) -> ArticleMenu | None:
    """A menu of these articles (hits, metas or title choices), None for none."""
    entries = render.menu_entries(items, tag=tag)
    return ArticleMenu(kind, entries, placeholder) if entries else None


def menu_view(
    kind: str, items: Sequence[Any], placeholder: str, owner: int | None = None
) -> discord.ui.View | None:
    """A reply's menu of articles, with 🗑 for `owner` when it is public."""
    delete = DeleteButton(owner) if owner is not None else None
    return _view([menu(kind, items, placeholder)], [delete])


def answer_view(answer: Answer, owner: int) -> discord.ui.View | None:
    """The /ask reply's components: the other matches, "Read in context" (the link to the
    passage itself) and 🗑."""
    article = answer.article
    assert article is not None
    others = menu("card", answer.alternatives, "Not it? Other matches…")
    # A summary, byline or link is not the page's own words: no passage to scroll to.
    in_context = None if answer.wants else context_url(article.link, answer.passage)
    read = read_button(in_context, "Read in context") if in_context else read_button(article.link)
    return _view([others], [read, DeleteButton(owner)])


async def article_reply(
    service: LibraryService, article: Article, kind: str, *, owner: int | None = None
) -> tuple[discord.Embed, discord.ui.View | None]:
    """An article's card, quote or summary (`kind`), with its components: public for
    `owner` (🗑), else private to the member who chose it (Share).

    Quote and Summary buttons appear only where the reply does not show that already:
    a card shows both, a quote gets Summary, a summary gets Quote when there is one.
    """
    extra: list[discord.ui.Item[Any] | None] = []
    if kind == "card":
        card = service.card(article)
        embed = render.article_embed(article, card.summary, card.quote)
        # The related articles are found when the member asks for them (~0.5 ms a card at
        # 100k, ~5 % of the load test's CPU, for a list few cards are asked for): the
        # button shows them with a menu to open one (bench/README.md, perf29).
        extra.append(ArticleButton("related", article.slug, "Related"))
    elif kind == "quote":
        embed = render.quote_embed(article, service.quote(article))
        extra.append(ArticleButton("summary", article.slug, "Summary"))
    else:
        embed = render.summary_embed(article, service.summary(article))
        if service.quote(article) is not None:
            extra.append(ArticleButton("quote", article.slug, "Quote"))
    tail = ShareButton(kind, article.slug) if owner is None else DeleteButton(owner)
    return embed, _view([*extra, read_button(article.link), tail])


async def send_reply(
    interaction: discord.Interaction,
    service: LibraryService,
    article: Article,
    kind: str,
) -> None:
    """Post an article's card, quote or summary publicly, owned by the member who asked;
    the conversation is now about it ("who wrote it?" after /article)."""
    client: Any = interaction.client
    client.conversations.opened(article.slug, (interaction.channel_id, interaction.user.id))
    embed, view = await article_reply(service, article, kind, owner=interaction.user.id)
    await send(interaction, embed=embed, view=view)


def next_steps_view(steps: NextSteps, owner: int | None = None) -> discord.ui.View | None:
    """The articles a "nothing found" reply offers, in a menu (with 🗑 when public)."""
    placeholder = "Found by a search for the words…" if steps.searched else "The newest articles…"
    return menu_view("card", steps.articles, placeholder, owner)
