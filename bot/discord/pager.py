"""Previous/Next over pages of a list, turned only by the member who asked.

The pages live in memory for `timeout` seconds after the last turn, then the buttons are
disabled. The buttons are DynamicItems naming their pager by a token: pressed after the
pager is gone (timed out, or the bot restarted), they answer that the menu has expired
instead of failing. A page's own components (its article menu, 🗑) outlive the pager.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import discord

from bot.discord import render
from bot.discord.errors import UserError
from bot.discord.reply import NO_MENTIONS, edit_original, send
from bot.discord.views import EXPIRED, PREFIX, DeleteButton, Persistent

log = logging.getLogger("articlebot.discord")

# The page's own components (an article menu), or None: built for each page shown.
PageItems = Callable[[int], discord.ui.Item[Any] | None]
MAX_LIVE = 2000  # pagers kept at once; the oldest go first (their buttons then expire)


class PageButton(Persistent, template=rf"{PREFIX}:page:(?P<token>[0-9a-f]+):(?P<step>prev|next)"):
    """Previous or Next of one pager."""

    def __init__(self, token: str, step: str, disabled: bool) -> None:
        self.token, self.step = token, step
        label, style = (
            ("Previous", discord.ButtonStyle.secondary)
            if step == "prev"
            else ("Next", discord.ButtonStyle.primary)
        )
        super().__init__(
            discord.ui.Button(
                label=label,
                style=style,
                disabled=disabled,
                custom_id=f"{PREFIX}:page:{token}:{step}",
            )
        )

    async def act(self, interaction: discord.Interaction) -> None:
        pager = live_pagers(interaction).get(self.token)
        if pager is None:
            raise UserError(EXPIRED)
        await pager.turn(interaction, -1 if self.step == "prev" else +1)


class Pagers:
    """The bot's live pagers by token: at most MAX_LIVE, the oldest forgotten first."""

    def __init__(self) -> None:
        self._live: OrderedDict[str, Pager] = OrderedDict()

    def get(self, token: str) -> Pager | None:
        return self._live.get(token)

    def add(self, pager: Pager) -> None:
        self._live[pager.token] = pager
        while len(self._live) > MAX_LIVE:
            self._live.popitem(last=False)[1].stop()

    def discard(self, pager: Pager) -> None:
        self._live.pop(pager.token, None)

    def close(self) -> None:
        """Stop every countdown (the bot is closing)."""
        for pager in list(self._live.values()):
            pager.stop()


def live_pagers(interaction: discord.Interaction) -> Pagers:
    return interaction.client.pagers  # type: ignore[attr-defined]


class Pager:
    """Pages of a list with Previous/Next; only `owner` may turn them."""

    def __init__(
        self,
        pages: Sequence[discord.Embed],
        owner: discord.abc.User,
        timeout: float,
        items: PageItems | None = None,
        public: bool = True,
    ) -> None:
        self.pages = pages  # render.Pages builds each page when it is first shown
        self.owner = owner
        self.timeout = timeout
        self.items = items
        self.public = public  # a public reply carries 🗑 for its owner
        self.index = 0
        self.token = secrets.token_hex(6)
        self.interaction: discord.Interaction | None = None
        self.registry: Pagers | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._expiring: asyncio.Task[None] | None = None

    @classmethod
    async def start(
        cls,
        interaction: discord.Interaction,
        pages: Sequence[discord.Embed],
        *,
        timeout: float,  # noqa: ASYNC109 - the pager's lifetime, not a wait
        ephemeral: bool = False,
        items: PageItems | None = None,
    ) -> Pager | None:
        """Send the first page with its components; with more than one page, with
        Previous/Next too (then the pager is returned)."""
        pager = cls(pages, interaction.user, timeout, items, public=not ephemeral)
        pager.interaction = interaction
        if len(pages) > 1:
            pager.registry = live_pagers(interaction)
            pager.registry.add(pager)
            pager._arm()
        await send(interaction, embed=pages[0], view=pager.view(), ephemeral=ephemeral)
        return pager if len(pages) > 1 else None

    def view(self, turnable: bool = True) -> discord.ui.View | None:
        """The components of the page shown: its menu, then Previous/Next and 🗑."""
        view = discord.ui.View(timeout=None)
        item = self.items(self.index) if self.items else None
        if item is not None:
            item.row = 0
            view.add_item(item)
        row = 1 if item is not None else 0
        if len(self.pages) > 1:
            last = len(self.pages) - 1
            for step, edge in (("prev", self.index == 0), ("next", self.index >= last)):
                button = PageButton(self.token, step, disabled=edge or not turnable)
                button.row = row
                view.add_item(button)
        if self.public:
            delete = DeleteButton(self.owner.id)
            delete.row = row
            view.add_item(delete)
        return view if view.children else None

    async def turn(self, interaction: discord.Interaction, step: int) -> None:
        if interaction.user.id != self.owner.id:
            name = render.cut(render.clean(self.owner.display_name), 80)
            raise UserError(
                f"Only {name} can turn these pages — run the command yourself to get your own."
            )
        self.index = max(0, min(len(self.pages) - 1, self.index + step))
        self._arm()
        await interaction.response.edit_message(
            embed=self.pages[self.index], view=self.view(), allowed_mentions=NO_MENTIONS
        )

    def _arm(self) -> None:
        """(Re)start the countdown to expiry: `timeout` seconds after the last turn."""
        if self._timer is not None:
            self._timer.cancel()
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(self.timeout, self._expire_soon)

    def _expire_soon(self) -> None:
        self._expiring = asyncio.create_task(self.expire(), name=f"pager-expiry-{self.token}")

    def stop(self) -> None:
        """Forget the pager without editing its message (its buttons answer EXPIRED)."""
        if self._timer is not None:
            self._timer.cancel()
        if self.registry is not None:
            self.registry.discard(self)

    async def expire(self) -> None:
        """Disable Previous/Next on the message (its menu and 🗑 keep working)."""
        self.stop()
        if self.interaction is None:
            return
        try:
            await edit_original(self.interaction, view=self.view(turnable=False))
        except discord.HTTPException as exc:  # message deleted or token expired: nothing to do
            log.debug("could not disable pager buttons: %s", exc)
