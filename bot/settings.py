"""Every setting in one typed place, read once at start.

Precedence, highest first: command-line flags, the process environment, a `.env` file in
the working directory, then the defaults below.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.picks.model import PicksSettings
    from bot.search.policy import Policy


class SettingsError(Exception):
    """A setting has an unusable value; the message names it."""


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a .env file; blank lines and # comments are skipped."""
    values: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return values
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key] = value
    return values


def _bool(name: str, raw: str) -> bool:
    low = raw.strip().lower()
    if low in {"1", "true", "yes", "on"}:
        return True
    if low in {"0", "false", "no", "off", ""}:
        return False
    raise SettingsError(f"{name} must be 1/0, true/false, yes/no or on/off, not {raw!r}")


def _int(name: str, raw: str) -> int:
    try:
        return int(raw.strip())
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None


def _float(name: str, raw: str) -> float:
    try:
        return float(raw.strip())
    except ValueError:
        raise SettingsError(f"{name} must be a number, not {raw!r}") from None


def _int_list(name: str, raw: str) -> tuple[int, ...]:
    return tuple(_int(name, part) for part in raw.replace(" ", ",").split(",") if part)


@dataclass(frozen=True)
class Settings:
    """The bot's configuration. Environment variable names are the field names upper-cased."""

    content_dir: Path = Path("content")
    articles_db: Path = Path("data/articles.db")
    state_database_url: str = "sqlite:///data/state.db"
    max_article_bytes: int = 2_000_000
    # A reload removing more than this share of the articles (or all) waits for a person.
    max_removal_share: float = 0.5
    discord_token: str = field(default="", repr=False)  # never printed or logged
    discord_guild_id: int | None = None
    discord_api_base: str | None = None
    discord_gateway_url: str | None = None
    shard_count: int | None = None
    shard_ids: tuple[int, ...] = ()
    watch_content: bool = False
    picks_time: str = "09:00"  # daily-picks default for servers that have not set their own
    picks_timezone: str = "UTC"
    result_cache_size: int = 512  # recent search/ask results kept per library version; 0 = off
    search_policy: Path | None = None  # JSON file of search Policy fields to change
    cooldown_queries: int = 5
    cooldown_seconds: int = 30
    # How long a member's follow-up ("when did it start?") is read as about the article
    # they were last answered about, in the same channel; 0 = no follow-ups.
    followup_minutes: int = 10
    log_level: str = "INFO"
    heartbeat_seconds: int = 10  # how often the running bot proves it is alive; 0 = off

    @classmethod
    def load(
        cls,
        overrides: dict[str, Any] | None = None,
        *,
        environ: dict[str, str] | None = None,
        env_file: Path | None = Path(".env"),
    ) -> Settings:
        """Settings from flags (overrides) > environment > .env file > defaults."""
        source: dict[str, str] = {}
        if env_file is not None:
            source.update(read_env_file(env_file))
        source.update(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        for f in fields(cls):
            # Stripped: a token pasted with a newline works, and a blank value is no value.
            raw = (source.get(f.name.upper()) or "").strip()
            if not raw:
                continue
            values[f.name] = _convert(f.name.upper(), f.type, raw)
        for key, value in (overrides or {}).items():
            if value is not None:
                values[key] = Path(value) if key in {"content_dir", "articles_db"} else value
        settings = cls(**values)
        settings.validate()
        return settings

    @property
    def heartbeat_file(self) -> Path:
        """Where the running bot writes its heartbeat, next to its cache (one per process)."""
        return self.articles_db.with_name(self.articles_db.name + ".heartbeat")

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def picks_defaults(self) -> PicksSettings:
        """The daily-picks settings a server starts from before it configures its own."""
        from bot.picks.model import PicksSettings
        from bot.picks.settings import format_time, parse_time, validate_timezone

        return PicksSettings(
            guild_id=0,
            time=format_time(parse_time(self.picks_time)),
            timezone=validate_timezone(self.picks_timezone),
        )

    def validate(self) -> None:
        if self.max_article_bytes <= 0:
            raise SettingsError("MAX_ARTICLE_BYTES must be positive")
        if not 0 <= self.max_removal_share <= 1:
            raise SettingsError("MAX_REMOVAL_SHARE must be between 0 and 1 (0.5 is half)")
        if self.heartbeat_seconds < 0:
            raise SettingsError("HEARTBEAT_SECONDS must be 0 (off) or more")
        if self.followup_minutes < 0:
            raise SettingsError("FOLLOWUP_MINUTES must be 0 (off) or more")
        if self.result_cache_size < 0:
            raise SettingsError("RESULT_CACHE_SIZE must be 0 (off) or more")
        self.policy()  # a policy file that cannot be used stops the start, in one line
        if self.cooldown_queries <= 0 or self.cooldown_seconds <= 0:
            raise SettingsError("COOLDOWN_QUERIES and COOLDOWN_SECONDS must be positive")
        if not self.state_database_url.startswith(("sqlite:///", "postgresql://", "postgres://")):
            raise SettingsError(
                "STATE_DATABASE_URL must start with sqlite:/// or postgresql://, "
                f"not {self.state_database_url.split(':', 1)[0]!r}"
            )
        if self.shard_count is not None and self.shard_count < 1:
            raise SettingsError(f"SHARD_COUNT must be 1 or more, not {self.shard_count}")
        if self.shard_ids and self.shard_count is None:
            raise SettingsError("SHARD_IDS needs SHARD_COUNT")
        if self.shard_count is not None and any(
            not 0 <= s < self.shard_count for s in self.shard_ids
        ):
            raise SettingsError(
                f"SHARD_IDS must be between 0 and SHARD_COUNT-1 ({self.shard_count - 1})"
            )
        from bot.picks.settings import PicksError, parse_time, validate_timezone

        try:
            parse_time(self.picks_time)
            validate_timezone(self.picks_timezone)
        except PicksError as exc:
            raise SettingsError(f"PICKS_TIME/PICKS_TIMEZONE: {exc}") from None
        if self.log_level.upper() not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise SettingsError(f"LOG_LEVEL {self.log_level!r} is not a logging level")

    def policy(self) -> Policy:
        """The search policy: the defaults with SEARCH_POLICY's fields changed."""
        from bot.search.policy import PolicyError, load_policy

        try:
            return load_policy(self.search_policy)
        except PolicyError as exc:
            raise SettingsError(f"SEARCH_POLICY: {exc}") from None

    def require_discord(self) -> None:
        """Checks needed only to connect to Discord."""
        if not self.discord_token.strip():
            raise SettingsError("DISCORD_TOKEN is not set: put it in the environment or .env")
        if not self.content_dir.is_dir():
            raise SettingsError(f"content folder {self.content_dir} does not exist")


def _convert(name: str, annotation: Any, raw: str) -> Any:
    kind = str(annotation)
    if "Path" in kind:
        return Path(raw)
    if "bool" in kind:
        return _bool(name, raw)
    if "tuple" in kind:
        return _int_list(name, raw)
    if "float" in kind:
        return _float(name, raw)
    if "int" in kind:
        return _int(name, raw)
    return raw
