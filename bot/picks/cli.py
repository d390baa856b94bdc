"""`python -m bot picks preview --guild ID [--days N] [--json]`: the next picks, not posted."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import Any

from bot.picks.service import PicksService, PreviewPick
from bot.picks.settings import PicksError
from bot.picks.source import store_candidates
from bot.store.state import StateError, open_state


def preview_json(guild_id: int, settings: Any, picks: list[PreviewPick]) -> dict[str, Any]:
    """The JSON shape of a preview."""
    return {
        "guild": guild_id,
        "time": settings.time,
        "timezone": settings.timezone,
        "enabled": settings.enabled,
        "channel_id": settings.channel_id,
        "picks": [
            {
                "day": p.day.isoformat(),
                "run_at": p.run_at.isoformat(),
                "slug": p.candidate.slug if p.candidate else None,
                "title": p.candidate.title if p.candidate else None,
                "skipped": p.skipped,
            }
            for p in picks
        ],
    }


def format_preview(guild_id: int, settings: Any, picks: list[PreviewPick]) -> str:
    """A preview for a terminal, one line a day."""
    state = "on" if settings.enabled and settings.channel_id else "off or no channel set"
    lines = [
        f"next {len(picks)} picks for guild {guild_id} "
        f"(daily at {settings.time} {settings.timezone}; picks {state}):"
    ]
    for p in picks:
        when = p.run_at.strftime("%a %Y-%m-%d %H:%M %Z")
        if p.skipped:
            what = "(skipped, as a moderator asked)"
        elif p.candidate is None:
            what = "(nothing to pick)"
        else:
            what = f"{p.candidate.title}  [{p.candidate.slug}]"
        lines.append(f"  {when}  {what}")
    return "\n".join(lines)


async def preview(settings: Any, args: argparse.Namespace) -> int:
    """Print the next `args.days` picks of `args.guild` without posting or writing anything."""
    from bot.cli import UsageError, _open_library

    try:
        state = await open_state(settings.state_database_url)
    except StateError as exc:
        raise UsageError(str(exc)) from exc
    library = await _open_library(settings)
    try:
        service = PicksService(
            state,
            store_candidates(library.store),
            lambda: datetime.now(UTC),
            defaults=settings.picks_defaults(),
        )
        try:
            picks = await service.preview(args.guild, args.days)
        except PicksError as exc:
            raise UsageError(str(exc)) from exc
        guild_settings = await service.settings(args.guild)
    finally:
        await library.close()
        await state.close()
    if getattr(args, "json", False):
        print(json.dumps(preview_json(args.guild, guild_settings, picks), ensure_ascii=False))
    else:
        print(format_preview(args.guild, guild_settings, picks))
    return 0
