"""Daily picks core: the settings and history types, settings validation, selection,
schedule and the service adapters call.

No discord import here; the Discord cog and the CLI adapt these calls.
"""

from bot.picks.model import PickKind, PickRecord, PicksSettings, PickStatus
from bot.picks.schedule import due_day, local_today, next_run, run_instant, zone_of
from bot.picks.select import PickCandidate, choose_pick, filter_by_tags
from bot.picks.service import (
    HistoryPage,
    PicksOverview,
    PicksService,
    PlannedPick,
    PreviewPick,
)
from bot.picks.settings import (
    PicksError,
    can_manage,
    format_time,
    normalize_tags,
    parse_time,
    timezone_suggestions,
    validate_timezone,
)

__all__ = [
    "HistoryPage",
    "PickCandidate",
    "PickKind",
    "PickRecord",
    "PickStatus",
    "PicksError",
    "PicksOverview",
    "PicksService",
    "PicksSettings",
    "PlannedPick",
    "PreviewPick",
    "can_manage",
    "choose_pick",
    "due_day",
    "filter_by_tags",
    "format_time",
    "local_today",
    "next_run",
    "normalize_tags",
    "parse_time",
    "run_instant",
    "timezone_suggestions",
    "validate_timezone",
    "zone_of",
]
