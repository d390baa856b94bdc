"""Daily picks as core operations shared by every adapter (Discord cog, CLI).

The service decides what to post and records what happened; adapters do the posting:
`now()` or `due()` give PlannedPicks, the adapter posts each, then calls `record_posted()`
or `record_failed()`.
"""

from __future__ import annotations

import dataclasses
import logging
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot.picks.model import PickKind, PickRecord, PicksSettings
from bot.picks.schedule import due_day, local_today, next_run, zone_of
from bot.picks.select import PickCandidate, choose_pick
from bot.picks.settings import (
    PicksError,
    format_time,
    normalize_tags,
    parse_time,
    validate_timezone,
)

if TYPE_CHECKING:
    from bot.store.state import StateStore

log = logging.getLogger(__name__)

CandidateSource = Callable[[list[str] | None], Awaitable[list[PickCandidate]]]
# Old slug -> the slug a reload renamed its article to (ArticleStore.slug_aliases).
RenamedSlugs = Callable[[], Awaitable[dict[str, str]]]
Clock = Callable[[], datetime]

MAX_WINDOW_DAYS = 3650
MAX_PREVIEW_DAYS = 366


@dataclass(frozen=True, slots=True)
class PlannedPick:
    """A pick to post: the article, the guild's local day, and where/how to post it."""

    guild_id: int
    day: date
    kind: PickKind
    candidate: PickCandidate
    channel_id: int
    settings: PicksSettings
    note: str | None = None

    @property
    def slug(self) -> str:
        return self.candidate.slug

    @property
    def title(self) -> str:
        return self.candidate.title


@dataclass(frozen=True, slots=True)
class PicksOverview:
    """What `/picks show` reports."""

    settings: PicksSettings
    next_run: datetime | None  # in the guild's zone; None when off or no channel
    recent: list[PickRecord]  # newest first, at most 10
    problem: str | None
    problem_at: datetime | None


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """One page of a guild's picks history, newest first; `page` counts from 1."""

    items: list[PickRecord]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True, slots=True)
class PreviewPick:
    """One simulated upcoming pick: the local day, when it runs (guild zone) and what."""

    day: date
    run_at: datetime
    candidate: PickCandidate | None  # None when skipped or nothing to pick
    skipped: bool = False


def day_rng(guild_id: int, day: date) -> random.Random:
    """The randomness for a guild's day: fixed, so a preview shows what will be posted."""
    return random.Random(f"{guild_id}:{day.isoformat()}")


class PicksService:
    """Configure, plan and record daily picks over the state store."""

    def __init__(
        self,
        state: StateStore,
        candidates: CandidateSource,
        clock: Clock,
        *,
        defaults: PicksSettings | None = None,
        renamed: RenamedSlugs | None = None,
    ) -> None:
        self.state = state
        self._candidates = candidates
        self._clock = clock
        # What a server that never configured picks starts from (PICKS_TIME, PICKS_TIMEZONE).
        self._defaults = defaults
        self._renamed = renamed

    async def _history(self, guild_id: int) -> dict[str, datetime]:
        """When each article was last picked, by its slug now: an article whose file was
        renamed (its slug following) is the one picked, not a new one never picked."""
        history = dict(await self.state.last_pick_times(guild_id))
        renamed = await self._renamed() if self._renamed is not None and history else {}
        for old in [s for s in history if s in renamed]:
            when = history.pop(old)
            now = renamed[old]
            history[now] = max(when, history[now]) if now in history else when
        return history

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the picks clock must return timezone-aware datetimes")
        return now

    # -- settings -------------------------------------------------------------------------

    async def settings(self, guild_id: int) -> PicksSettings:
        """The guild's settings (defaults when never configured)."""
        return await self.state.get_settings(guild_id, self._defaults)

    async def _update(self, guild_id: int, **changes: object) -> PicksSettings:
        current = await self.state.get_settings(guild_id, self._defaults)
        updated = dataclasses.replace(current, **changes)  # type: ignore[arg-type]
        await self.state.save_settings(updated, at=self._now())
        return updated

    async def set_channel(self, guild_id: int, channel_id: int) -> PicksSettings:
        """Post picks in `channel_id`. A first channel starts the schedule from now."""
        current = await self.state.get_settings(guild_id, self._defaults)
        changes: dict[str, object] = {"channel_id": channel_id}
        if current.channel_id is None:
            changes["active_from"] = self._now()
        return await self._update(guild_id, **changes)

    async def set_time(
        self, guild_id: int, time_text: str, timezone: str | None = None
    ) -> PicksSettings:
        """Pick daily at `time_text` (HH:MM, or "7am") in IANA `timezone`, starting from
        now; without a zone, in the one set before (a moderator moving the time from 9 to
        7 should not have to name the zone again: journey26)."""
        if timezone is None:
            timezone = (await self.settings(guild_id)).timezone
        # Both values are read before either is refused: a moderator who typed a bad time
        # and a bad zone learns of both at once, not of the zone only after fixing the time.
        problems: list[str] = []
        at = zone = ""
        try:
            at = format_time(parse_time(time_text))
        except PicksError as exc:
            problems.append(str(exc))
        try:
            zone = validate_timezone(timezone)
        except PicksError as exc:
            problems.append(str(exc))
        if problems:
            raise PicksError("; ".join(problems))
        # Setting the time after today's new run time must not post at once: start from now.
        return await self._update(guild_id, time=at, timezone=zone, active_from=self._now())

    async def set_tags(self, guild_id: int, tags: Sequence[str] | None) -> PicksSettings:
        """Pick only among articles with any of `tags`; None or empty clears the filter."""
        wanted = normalize_tags(tags)
        if wanted and not await self._candidates(list(wanted)):
            raise PicksError(f"no article has any of the tags {', '.join(wanted)}")
        return await self._update(guild_id, tags=wanted)

    async def unused_tags(self, tags: Sequence[str]) -> list[str]:
        """Of `tags`, those no article has: kept by set_tags when another has articles,
        but worth saying (journey26: "climate,energy" was accepted with no word that no
        article is tagged "climate")."""
        return [t for t in tags if not await self._candidates([t])]

    async def set_manager_role(self, guild_id: int, role_id: int | None) -> PicksSettings:
        """A role allowed to manage picks besides Manage Messages (None clears it)."""
        return await self._update(guild_id, manager_role_id=role_id)

    async def set_ping_role(self, guild_id: int, role_id: int | None) -> PicksSettings:
        """A role mentioned in each pick (None clears it)."""
        return await self._update(guild_id, ping_role_id=role_id)

    async def set_thread(self, guild_id: int, on: bool) -> PicksSettings:
        """Open (or not) a discussion thread under each pick."""
        return await self._update(guild_id, thread=bool(on))

    async def set_enabled(self, guild_id: int, on: bool) -> PicksSettings:
        """Turn automatic picks on or off. Turning on starts the schedule from now."""
        current = await self.state.get_settings(guild_id, self._defaults)
        changes: dict[str, object] = {"enabled": bool(on)}
        if on and not current.enabled:
            changes["active_from"] = self._now()
        return await self._update(guild_id, **changes)

    async def set_window_days(self, guild_id: int, days: int) -> PicksSettings:
        """How many days an article is not picked again (default 60)."""
        if not 0 <= days <= MAX_WINDOW_DAYS:
            raise PicksError(f"the repeat window must be 0-{MAX_WINDOW_DAYS} days (got {days})")
        return await self._update(guild_id, window_days=int(days))

    async def skip(self, guild_id: int) -> PicksSettings:
        """Skip the next automatic pick."""
        return await self._update(guild_id, skip_next=True)

    # -- planning -------------------------------------------------------------------------

    async def _pool(self, settings: PicksSettings) -> list[PickCandidate]:
        return await self._candidates(list(settings.tags) or None)

    async def now(
        self, guild_id: int, slug: str | None = None, note: str | None = None
    ) -> PlannedPick:
        """A manual pick to post right away: article `slug`, else the next automatic choice."""
        settings = await self.state.get_settings(guild_id, self._defaults)
        if settings.channel_id is None:
            raise PicksError("no picks channel is set: choose one with /picks channel first")
        now = self._now()
        day = local_today(settings, now)
        if slug:
            if self._renamed is not None and (renamed := (await self._renamed()).get(slug)):
                slug = renamed
            matches = [c for c in await self._candidates(None) if c.slug == slug]
            if not matches:
                raise PicksError(f"no article with the slug {slug!r}")
            chosen = matches[0]
        else:
            history = await self._history(guild_id)
            picked = choose_pick(
                await self._pool(settings),
                history,
                now=now,
                window_days=settings.window_days,
                tags=settings.tags,
                rng=random.Random(f"{guild_id}:{now.isoformat()}"),
            )
            if picked is None:
                raise PicksError(_nothing_to_pick(settings))
            chosen = picked
        note = note.strip() if note and note.strip() else None
        return PlannedPick(guild_id, day, "manual", chosen, settings.channel_id, settings, note)

    async def due(self, guild_ids: set[int] | None = None) -> list[PlannedPick]:
        """Claim and return the automatic picks due now, for `guild_ids` only (None: all).

        Each guild's day is claimed atomically, so across processes and restarts a day is
        handed out once. A skipped day is claimed as skipped; a guild's error never stops the
        others.
        """
        now = self._now()
        planned: list[PlannedPick] = []
        last_days = await self.state.last_auto_days()
        for settings in await self.state.scheduled_settings():
            if guild_ids is not None and settings.guild_id not in guild_ids:
                continue
            try:
                pick = await self._due_for(settings, now, last_days.get(settings.guild_id))
            except Exception as exc:
                log.exception("daily pick for guild %s failed", settings.guild_id)
                await self.note_problem(settings.guild_id, f"could not plan the pick: {exc}", now)
                continue
            if pick is not None:
                planned.append(pick)
        return planned

    async def _due_for(
        self, settings: PicksSettings, now: datetime, last_day: date | None
    ) -> PlannedPick | None:
        guild_id = settings.guild_id
        day = due_day(settings, now, last_day)
        if day is None:
            return None
        if settings.skip_next:
            if await self.state.claim_day(
                guild_id, day, status="skipped", note="skipped by a moderator", at=now
            ):
                await self.state.clear_skip_next(guild_id)
                log.info("daily pick for guild %s on %s skipped as asked", guild_id, day)
            return None
        chosen = choose_pick(
            await self._pool(settings),
            await self._history(guild_id),
            now=now,
            window_days=settings.window_days,
            tags=settings.tags,
            rng=day_rng(guild_id, day),
        )
        if chosen is None:
            if await self.state.claim_day(
                guild_id, day, status="failed", channel_id=settings.channel_id, at=now
            ):
                await self.state.fail_claim(guild_id, day, _nothing_to_pick(settings))
                await self.note_problem(guild_id, _nothing_to_pick(settings), now)
            return None
        won = await self.state.claim_day(
            guild_id,
            day,
            slug=chosen.slug,
            title=chosen.title,
            channel_id=settings.channel_id,
            at=now,
        )
        if not won:
            return None  # another process or an earlier run has this day
        assert settings.channel_id is not None  # scheduled_settings only lists set channels
        return PlannedPick(guild_id, day, "auto", chosen, settings.channel_id, settings)

    # -- recording ------------------------------------------------------------------------

    async def record_posted(
        self, pick: PlannedPick, *, message_id: int | None, channel_id: int | None = None
    ) -> None:
        """Record that `pick` was posted (as message `message_id`); clears any problem."""
        now = self._now()
        channel = channel_id if channel_id is not None else pick.channel_id
        if pick.kind == "auto":
            await self.state.complete_claim(
                pick.guild_id,
                pick.day,
                channel_id=channel,
                message_id=message_id,
                posted_at=now,
                slug=pick.slug,
                title=pick.title,
            )
        else:
            await self.state.add_pick(
                pick.guild_id,
                pick.day,
                status="posted",
                slug=pick.slug,
                title=pick.title,
                note=pick.note,
                channel_id=channel,
                message_id=message_id,
                at=now,
            )
        await self.state.set_problem(pick.guild_id, None, None)

    async def record_failed(self, pick: PlannedPick, error: str) -> None:
        """Record that posting `pick` failed (channel gone, permission lost …) with why."""
        now = self._now()
        error = " ".join(str(error).split())[:500] or "unknown error"
        if pick.kind == "auto":
            await self.state.fail_claim(pick.guild_id, pick.day, error)
        else:
            await self.state.add_pick(
                pick.guild_id,
                pick.day,
                status="failed",
                slug=pick.slug,
                title=pick.title,
                note=pick.note,
                channel_id=pick.channel_id,
                error=error,
                at=now,
            )
        await self.note_problem(pick.guild_id, error, now)
        log.warning("daily pick for guild %s on %s failed: %s", pick.guild_id, pick.day, error)

    async def note_problem(self, guild_id: int, problem: str, at: datetime | None = None) -> None:
        """Keep `problem` to show in /picks show until the next pick posts (e.g. a thread
        that could not be opened under a posted pick)."""
        await self.state.set_problem(guild_id, problem, at or self._now())

    # -- reports --------------------------------------------------------------------------

    async def show(self, guild_id: int) -> PicksOverview:
        """Settings, the next run in the guild's zone, the last 10 picks and any problem."""
        settings = await self.state.get_settings(guild_id, self._defaults)
        upcoming: datetime | None = None
        if settings.enabled and settings.channel_id is not None:
            last_day = await self.state.last_auto_day(guild_id)
            upcoming = next_run(settings, self._now(), last_day).astimezone(zone_of(settings))
        recent = await self.state.history(guild_id, limit=10)
        return PicksOverview(settings, upcoming, recent, settings.problem, settings.problem_at)

    async def history(self, guild_id: int, page: int = 1, per_page: int = 10) -> HistoryPage:
        """Page `page` (from 1) of the guild's picks, newest first."""
        per_page = max(1, min(int(per_page), 100))
        total = await self.state.count_history(guild_id)
        pages = max(1, -(-total // per_page))
        page = max(1, min(int(page), pages))
        items = await self.state.history(guild_id, limit=per_page, offset=(page - 1) * per_page)
        return HistoryPage(items, page, per_page, total)

    async def preview(self, guild_id: int, days: int = 7) -> list[PreviewPick]:
        """The next `days` automatic picks as they would be chosen now, writing nothing."""
        if not 1 <= days <= MAX_PREVIEW_DAYS:
            raise PicksError(f"days must be 1-{MAX_PREVIEW_DAYS} (got {days})")
        settings = await self.state.get_settings(guild_id, self._defaults)
        if not (settings.enabled and settings.channel_id is not None):
            # Picks would start from the moment they are turned on or given a channel.
            settings = dataclasses.replace(settings, active_from=self._now())
        tz = zone_of(settings)
        pool = await self._pool(settings)
        history = await self._history(guild_id)
        last_day = await self.state.last_auto_day(guild_id)
        cursor = self._now()
        skip = settings.skip_next
        out: list[PreviewPick] = []
        while len(out) < days:
            run = next_run(settings, cursor, last_day)
            day = run.astimezone(tz).date()
            if skip:
                out.append(PreviewPick(day, run.astimezone(tz), None, skipped=True))
                skip = False
            else:
                chosen = choose_pick(
                    pool,
                    history,
                    now=run,
                    window_days=settings.window_days,
                    tags=settings.tags,
                    rng=day_rng(guild_id, day),
                )
                if chosen is not None:
                    history[chosen.slug] = run
                out.append(PreviewPick(day, run.astimezone(tz), chosen))
            last_day, cursor = day, run
        return out


def _nothing_to_pick(settings: PicksSettings) -> str:
    if settings.tags:
        return f"no article to pick with the tags {', '.join(settings.tags)}"
    return "the library has no article to pick"


__all__ = [
    "CandidateSource",
    "Clock",
    "HistoryPage",
    "PicksOverview",
    "PicksService",
    "PlannedPick",
    "PreviewPick",
    "day_rng",
]
