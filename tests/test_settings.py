"""Settings: one typed place, a clear precedence, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError


def test_precedence_flags_then_environment_then_env_file(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# comment\nCONTENT_DIR=from-file\nARTICLES_DB=file.db\nLOG_LEVEL='DEBUG'\n"
        "export COOLDOWN_QUERIES=7\n"
    )
    environ = {"CONTENT_DIR": "from-env", "SHARD_COUNT": "4", "SHARD_IDS": "1, 3"}
    s = Settings.load({"content_dir": "from-flag"}, environ=environ, env_file=env_file)
    assert s.content_dir == Path("from-flag")  # flag beats environment
    assert s.articles_db == Path("file.db")  # .env beats default
    assert s.log_level == "DEBUG" and s.cooldown_queries == 7
    assert s.shard_count == 4 and s.shard_ids == (1, 3)
    s = Settings.load(environ=environ, env_file=env_file)
    assert s.content_dir == Path("from-env")  # environment beats .env
    assert Settings.load(environ={}, env_file=None).content_dir == Path("content")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"PICKS_TIMEZONE": "Mars/Base"}, "unknown timezone 'Mars/Base'"),
        ({"PICKS_TIME": "25:99"}, "PICKS_TIME"),
        ({"WATCH_CONTENT": "maybe"}, "WATCH_CONTENT"),
        ({"SHARD_COUNT": "two"}, "SHARD_COUNT must be a whole number"),
        ({"SHARD_IDS": "0"}, "SHARD_IDS needs SHARD_COUNT"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "2"}, "between 0 and"),
        ({"STATE_DATABASE_URL": "mysql://x"}, "STATE_DATABASE_URL"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"SHARD_COUNT": "0"}, "SHARD_COUNT must be 1 or more"),
        ({"SHARD_COUNT": "-2"}, "SHARD_COUNT must be 1 or more"),
        ({"MAX_REMOVAL_SHARE": "1.5"}, "MAX_REMOVAL_SHARE must be between 0 and 1"),
        ({"MAX_REMOVAL_SHARE": "half"}, "MAX_REMOVAL_SHARE must be a number"),
        ({"HEARTBEAT_SECONDS": "-1"}, "HEARTBEAT_SECONDS must be 0"),
    ],
)
def test_bad_values_give_one_clear_line(environ: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message) as info:
        Settings.load(environ=environ, env_file=None)
    assert "\n" not in str(info.value)


def test_discord_needs_a_token_and_a_content_folder(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="DISCORD_TOKEN is not set"):
        Settings.load(environ={}, env_file=None).require_discord()
    s = Settings.load(
        environ={"DISCORD_TOKEN": "secret-token", "CONTENT_DIR": str(tmp_path / "missing")},
        env_file=None,
    )
    with pytest.raises(SettingsError, match="does not exist"):
        s.require_discord()
    assert "secret-token" not in repr(s)


def test_a_blank_token_is_no_token() -> None:
    for blank in (" ", "\t \n"):
        s = Settings.load(environ={"DISCORD_TOKEN": blank}, env_file=None)
        with pytest.raises(SettingsError, match="DISCORD_TOKEN is not set"):
            s.require_discord()
    # A token pasted with a stray newline or space still works.
    s = Settings.load(environ={"DISCORD_TOKEN": " abc.def \n"}, env_file=None)
    assert s.discord_token == "abc.def"


def test_removal_share_is_a_fraction() -> None:
    assert Settings.load(environ={}, env_file=None).max_removal_share == 0.5
    s = Settings.load(environ={"MAX_REMOVAL_SHARE": "0.2"}, env_file=None)
    assert s.max_removal_share == 0.2


def test_picks_defaults_come_from_settings() -> None:
    s = Settings.load(
        environ={"PICKS_TIME": "7:30", "PICKS_TIMEZONE": "europe/london"}, env_file=None
    )
    defaults = s.picks_defaults()
    assert (defaults.time, defaults.timezone) == ("07:30", "Europe/London")
