"""Validation of daily-picks settings: times, IANA zones (with suggestions), tags, roles."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import time
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from rapidfuzz import fuzz

from bot.picks.model import PicksSettings

# Shown when the moderator has typed nothing yet: the zones most servers want.
COMMON_TIMEZONES: tuple[str, ...] = (
    "UTC",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Kyiv",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Mexico_City",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Asia/Singapore",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Africa/Johannesburg",
)

_TIME_RE = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")
# A 12-hour time as people type it ("7am", "9 pm", "7:30pm", "12 a.m."): journey26's
# moderator typed "7am" and was told the form.
_CLOCK_RE = re.compile(r"^\s*(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\.?\s*$", re.IGNORECASE)
# Zone names kept only for backwards compatibility; suggest them after the canonical ones.
_LEGACY_PREFIXES = ("Etc/", "US/", "SystemV/", "Canada/", "Brazil/", "Chile/", "Mexico/")


class PicksError(ValueError):
    """A problem the moderator caused (bad time, unknown zone, no channel …); one line."""


def parse_time(text: str) -> time:
    """Parse a 24-hour "HH:MM" (or "H:MM") time, or a 12-hour one ("7am", "7:30 pm");
    PicksError with a clear message otherwise."""
    if clock := _CLOCK_RE.match(text or ""):
        hour, minute = int(clock.group(1)), int(clock.group(2) or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise PicksError(f"{text.strip()!r} is no time of a 12-hour clock, e.g. 7am or 7:30pm")
        return time(hour % 12 + (12 if clock.group(3).lower() == "p" else 0), minute)
    match = _TIME_RE.match(text or "")
    if not match:
        raise PicksError(
            f"time must be HH:MM on a 24-hour clock, e.g. 09:30, or like 7am (got {text!r})"
        )
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23:
        raise PicksError(f"hour must be 00-23 (got {text!r})")
    if minute > 59:
        raise PicksError(f"minutes must be 00-59 (got {text!r})")
    return time(hour, minute)


def format_time(value: time) -> str:
    """A time as the "HH:MM" the settings store."""
    return f"{value.hour:02d}:{value.minute:02d}"


@lru_cache(maxsize=1)
def _zones() -> tuple[frozenset[str], dict[str, str]]:
    names = frozenset(available_timezones())
    return names, {name.lower(): name for name in names}


def validate_timezone(name: str) -> str:
    """The canonical IANA name for `name` (case-insensitive); PicksError if unknown."""
    names, by_lower = _zones()
    cleaned = (name or "").strip().replace(" ", "_")
    canonical = cleaned if cleaned in names else by_lower.get(cleaned.lower())
    if canonical is None:
        raise PicksError(f"unknown timezone {name!r}")
    try:
        ZoneInfo(canonical)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise PicksError(f"unknown timezone {name!r}") from exc
    return canonical


def timezone_suggestions(prefix: str, limit: int = 25) -> list[str]:
    """Zone names matching what was typed so far, best first (for autocomplete)."""
    query = (prefix or "").strip().lower().replace(" ", "_")
    if not query:
        return list(COMMON_TIMEZONES[:limit])
    names, _ = _zones()
    ranked: list[tuple[int, bool, int, str]] = []
    for name in names:
        lower = name.lower()
        parts = lower.split("/")
        if lower == query:
            tier = 0
        elif lower.startswith(query):
            tier = 1
        elif any(part.startswith(query) for part in parts[1:]):
            tier = 2
        elif query in lower:
            tier = 3
        elif len(query) >= 3 and _typo_match(query, parts[-1]):
            tier = 4
        else:
            continue
        legacy = "/" not in name or name.startswith(_LEGACY_PREFIXES)
        ranked.append((tier, legacy, len(name), name))
    ranked.sort()
    return [name for *_, name in ranked[:limit]]


def _typo_match(query: str, city: str) -> bool:
    if fuzz.ratio(query, city) >= 80:
        return True
    # Only a city at least as long as the query can contain it with a typo.
    return len(city) >= len(query) and fuzz.partial_ratio(query, city) >= 85


def normalize_tags(tags: Iterable[str] | None) -> tuple[str, ...]:
    """Tags lower-cased, trimmed and deduplicated (commas or spaces may separate them)."""
    seen: dict[str, None] = {}
    for raw in tags or ():
        for tag in re.split(r"[,\s]+", raw.strip().lower()):
            if tag.startswith("#"):
                tag = tag[1:]
            if tag:
                seen.setdefault(tag, None)
    return tuple(seen)


def can_manage(
    settings: PicksSettings, *, member_role_ids: Iterable[int], has_manage_messages: bool
) -> bool:
    """Whether a member may manage picks: Manage Messages, or the guild's manager role."""
    if has_manage_messages:
        return True
    role = settings.manager_role_id
    return role is not None and role in set(member_role_ids)


__all__ = [
    "COMMON_TIMEZONES",
    "PicksError",
    "can_manage",
    "format_time",
    "normalize_tags",
    "parse_time",
    "timezone_suggestions",
    "validate_timezone",
]
