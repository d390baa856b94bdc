"""Daily picks → Discord: the pick card, its mentions, and the /picks show and history embeds.

Pure functions: no network, no state. Every embed is fitted to Discord's limits by
render.fit, and article or moderator text is made inert by render.clean. The pick card is
an article card (render.card_embed) headed by the day it is the pick of.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import discord

from bot.discord import render
from bot.discord.views import read_button
from bot.library.model import Article, Quote
from bot.picks.model import PickRecord, PicksSettings
from bot.picks.schedule import next_run
from bot.picks.service import PicksOverview, PlannedPick
from bot.search.shown_quote import beside_summary

# English names whatever the process locale, so the card reads the same everywhere.
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
PICK_COLOUR = discord.Colour(0x10B981)
THREAD_NAME = 100  # Discord's limit for a thread name
NOTE_MAX = 1000  # the /picks now note option's max length
HISTORY_PAGE = 10

_STATUS_ICON = {"posted": "✅", "skipped": "⏭️", "failed": "⚠️", "claimed": "⏳"}


@dataclass(frozen=True, slots=True)
class PickPost:
    """What goes to the channel: the ping (if any), the card, and the only mention allowed."""

    content: str | None
    embed: discord.Embed
    allowed_mentions: discord.AllowedMentions
    view: discord.ui.View | None  # the Read link, as on every article card


def format_day(day: date) -> str:
    """A date as the card shows it: "Tuesday 24 November 2026"."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_when(moment: datetime, zone: str) -> str:
    """An instant in the guild's zone: "Tuesday 24 November 2026 at 09:00 CET"."""
    local = moment.astimezone(ZoneInfo(zone))
    return f"{format_day(local.date())} at {local:%H:%M} {local.tzname() or zone}"


def _skipped(overview: PicksOverview) -> tuple[date, datetime] | None:
    """The day whose automatic pick is skipped and the next run that posts, when a skip
    is set. The run due next is the one skipped: "on (the next pick is skipped)" above
    "Next pick: Sunday at 18:30" read as a contradiction; the next that posts is the run
    after that day's."""
    settings = overview.settings
    if overview.next_run is None or not (settings.enabled and settings.skip_next):
        return None
    skipped = overview.next_run.astimezone(ZoneInfo(settings.timezone)).date()
    return skipped, next_run(settings, overview.next_run, skipped)


def skip_sentence(overview: PicksOverview) -> str:
    """/picks skip's reply: the day skipped and when the next pick comes (journey23: "The
    next automatic pick will be skipped" left the moderator to work out which)."""
    if skipping := _skipped(overview):
        skipped, after = skipping
        when = format_when(after, overview.settings.timezone)
        return f"The pick on {format_day(skipped)} will be skipped; the next comes {when}."
    return "The next automatic pick will be skipped."


def pick_heading(day: date, before: date | None = None) -> str:
    """The card's first line; a repeat names the day the article was picked before, so the
    channel reads it as a reminder, not a mistake."""
    again = f" (again: first picked {format_day(before)})" if before is not None else ""
    return f"Pick of the day — {format_day(day)}{again}"


def ping_mentions(role_id: int | None) -> discord.AllowedMentions:
    """Nothing may ping, except the configured ping role when there is one."""
    if role_id is None:
        return discord.AllowedMentions.none()
    return discord.AllowedMentions(
        everyone=False, users=False, roles=[discord.Object(role_id)], replied_user=False
    )


def pick_embed(
    pick: PlannedPick,
    article: Article | None,
    summary: str | None = None,
    quote: Quote | None = None,
    before: date | None = None,
) -> discord.Embed:
    """The pick card: the article card (title link, source, date, cover, reading time)
    headed by the guild-local day, with the summary, quote, tags and the moderator's note.
    `article` None (gone from the library) gives a bare card."""
    if article is not None:
        embed = render.card_embed(article)
    else:
        title = render.cut(render.clean(pick.title), render.TITLE) or "Untitled"
        embed = discord.Embed(title=title, colour=render.ACCENT)
    parts = [f"\N{PUSHPIN} **{pick_heading(pick.day, before)}**"]
    if summary:
        parts.append(render.cut(render.clean(summary), 2500))
    embed.description = "\n\n".join(parts)
    quote = beside_summary(summary, quote)
    if quote is not None:
        embed.add_field(
            name="Quote",
            value=render.cut(render.format_quote(quote), render.FIELD_VALUE),
            inline=False,
        )
    if article is not None and article.tags:
        embed.add_field(
            name="Tags",
            value=render.cut(render.format_tags(article.tags), render.FIELD_VALUE),
            inline=False,
        )
    if pick.note:
        embed.add_field(
            name="From the moderators",
            value=render.cut(render.clean(pick.note), render.FIELD_VALUE),
            inline=False,
        )
    return render.fit(embed)


def pick_post(
    pick: PlannedPick,
    article: Article | None,
    summary: str | None = None,
    quote: Quote | None = None,
    before: date | None = None,
) -> PickPost:
    """The message for a pick: the ping role's mention as content (the only mention ever
    allowed, and only that role) and the card."""
    role = pick.settings.ping_role_id
    read = read_button(article.link) if article is not None else None
    view = None
    if read is not None:
        view = discord.ui.View(timeout=None)
        view.add_item(read)
    return PickPost(
        content=f"<@&{role}>" if role is not None else None,
        embed=pick_embed(pick, article, summary, quote, before),
        allowed_mentions=ping_mentions(role),
        view=view,
    )


def thread_name(pick: PlannedPick) -> str:
    """The discussion thread's name, within Discord's 100 characters."""
    return render.cut(" ".join(pick.title.split()) or "Pick of the day", THREAD_NAME)


def jump_url(record: PickRecord) -> str | None:
    if record.channel_id is None or record.message_id is None:
        return None
    return f"https://discord.com/channels/{record.guild_id}/{record.channel_id}/{record.message_id}"


def record_line(record: PickRecord) -> str:
    """One history line: date, outcome, title (linked to the post), manual/note, error."""
    icon = _STATUS_ICON.get(record.status, "•")
    title = render.cut(render.link_text(record.title or record.slug or "—"), 120)
    url = jump_url(record) if record.status == "posted" else None
    parts = [f"`{record.day.isoformat()}` {icon} " + (f"[{title}]({url})" if url else title)]
    if record.kind == "manual":
        parts.append("posted by a moderator")
    if record.status == "skipped":
        parts.append("skipped")
    if record.status == "claimed":
        parts.append("not confirmed posted")
    if record.status == "failed" and record.error:
        parts.append(render.cut(render.clean(record.error), 150))
    return " · ".join(parts)


def _settings_lines(settings: PicksSettings) -> list[tuple[str, str]]:
    status = "on" if settings.enabled else "off"
    if settings.enabled and settings.skip_next:
        status += " (the next pick is skipped)"
    tags = render.format_tags(settings.tags) if settings.tags else "any"
    return [
        ("Status", status),
        ("Channel", f"<#{settings.channel_id}>" if settings.channel_id else "not set"),
        ("Time", f"{settings.time} {settings.timezone}"),
        ("Tags", render.cut(tags, render.FIELD_VALUE)),
        (
            "Managers",
            "Manage Messages"
            + (f" or <@&{settings.manager_role_id}>" if settings.manager_role_id else ""),
        ),
        ("Ping", f"<@&{settings.ping_role_id}>" if settings.ping_role_id else "nobody"),
        ("Thread", "on" if settings.thread else "off"),
        ("Repeat window", f"{settings.window_days} days"),
    ]


def overview_embed(overview: PicksOverview) -> discord.Embed:
    """/picks show: the settings, the next run in the guild's zone, the last picks, any problem.

    Role and channel mentions inside an embed never ping anyone.
    """
    settings = overview.settings
    embed = discord.Embed(
        title="Daily picks", colour=render.WARN if overview.problem else PICK_COLOUR
    )
    for name, value in _settings_lines(settings):
        embed.add_field(name=name, value=value)
    if overview.next_run is not None:
        next_text = format_when(overview.next_run, settings.timezone)
        if skipping := _skipped(overview):
            skipped, after = skipping
            next_text = (
                f"{format_when(after, settings.timezone)} "
                f"(the one on {format_day(skipped)} is skipped)"
            )
    elif settings.channel_id is None:
        next_text = "none: set a channel with /picks channel"
    else:
        next_text = "none: picks are off (/picks on)"
    embed.add_field(name="Next pick", value=next_text, inline=False)
    if overview.problem:
        since = (
            f" (since {format_when(overview.problem_at, settings.timezone)})"
            if overview.problem_at
            else ""
        )
        embed.add_field(
            name="⚠️ Problem",
            value=render.cut(render.clean(overview.problem) + since, render.FIELD_VALUE),
            inline=False,
        )
    lines = [record_line(r) for r in overview.recent[:10]]
    embed.description = "**Last picks**\n" + "\n".join(lines) if lines else "No picks yet."
    return render.fit(embed)


def history_pages(
    records: Sequence[PickRecord], total: int, size: int = HISTORY_PAGE
) -> list[discord.Embed]:
    """The picks history, newest first, `size` per page (records are the pages in order)."""
    if not records:
        return [render.fit(discord.Embed(title="Picks history", description="No picks yet."))]
    count = render.page_count(len(records), size)
    pages = []
    for p in range(count):
        chunk = records[p * size : (p + 1) * size]
        embed = discord.Embed(
            title="Picks history",
            description="\n".join(record_line(r) for r in chunk),
            colour=PICK_COLOUR,
        )
        shown = f"{len(records)} of {total}" if total > len(records) else f"{total}"
        noun = "pick" if total == 1 else "picks"
        embed.set_footer(text=f"Page {p + 1}/{count} · {shown} {noun}")
        pages.append(render.fit(embed))
    return pages


__all__ = [
    "NOTE_MAX",
    "PickPost",
    "format_day",
    "format_when",
    "history_pages",
    "overview_embed",
    "pick_embed",
    "pick_heading",
    "pick_post",
    "ping_mentions",
    "record_line",
    "thread_name",
]
