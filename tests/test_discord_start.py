"""Starting `python -m bot run`: an unreachable Discord is waited out, a bad token or a
corrupt state database is one line, and the logs are plain text where no one reads colour."""

from __future__ import annotations

import io
import logging
import os
import sys
from pathlib import Path

import discord
import pytest

from bot.discord.app import create_bot, setup_logging
from bot.settings import Settings
from tests.botprocess import Bot, fake_on, free_port
from tests.conftest import ROOT


async def test_an_unreachable_discord_is_waited_out(settings: Settings) -> None:
    port = free_port()
    bot = Bot(settings, port)
    await bot.start()
    try:
        await bot.wait_for(lambda ls: sum("cannot reach Discord" in x for x in ls) >= 2, 30)
        async with fake_on(port):
            await bot.wait_for(lambda ls: any("connected as" in x for x in ls), 60)
            assert await bot.stop() == 0
    finally:
        bot.kill()
    text = "".join(bot.lines)
    assert "Traceback" not in text, text
    tries = [x for x in bot.lines if "cannot reach Discord" in x]
    assert "try 1" in tries[0] and "try 2" in tries[1]
    before = text[: text.index("connected as")]
    assert before.count("logging in") == 1, "one line per try, not two"


async def run_until_it_exits(settings: Settings, port: int) -> tuple[int, Bot]:
    """Start the bot against the fake on `port`, wait for it to exit by itself: its code."""
    bot = Bot(settings, port)
    await bot.start()
    try:
        return await bot.finish(), bot
    finally:
        bot.kill()


def assert_rejected_in_one_line(code: int, bot: Bot) -> None:
    assert code == 2, "".join(bot.lines)
    assert bot.lines[-1].startswith("error: Discord rejected DISCORD_TOKEN")
    assert "Traceback" not in "".join(bot.lines)


async def test_a_rejected_token_is_one_line(settings: Settings) -> None:
    port = free_port()
    async with fake_on(port, token="another-token"):
        code, bot = await run_until_it_exits(settings, port)
    assert_rejected_in_one_line(code, bot)


async def test_a_failing_gateway_lookup_after_the_login_is_waited_out(settings: Settings) -> None:
    port = free_port()
    async with fake_on(port) as fake:
        fake.fail_next("GET", "/gateway/bot", 503, 503)  # Discord has an outage
        bot = Bot(settings, port)
        await bot.start()
        try:
            await bot.wait_for(lambda ls: any("connected as" in x for x in ls), 60)
            assert await bot.stop() == 0
        finally:
            bot.kill()
        lookups = [r.status for r in fake.requests if r.path == "/gateway/bot"]
    text = "".join(bot.lines)
    assert "Traceback" not in text, text
    assert lookups == [503, 503, 200]
    tries = [x for x in bot.lines if "cannot reach Discord's gateway" in x]
    assert len(tries) == 2 and "try 1" in tries[0] and "try 2" in tries[1], text


async def test_a_token_rejected_at_the_gateway_lookup_is_one_line(settings: Settings) -> None:
    port = free_port()
    async with fake_on(port) as fake:
        fake.fail_next("GET", "/gateway/bot", 401)  # the token was revoked after the login
        code, bot = await run_until_it_exits(settings, port)
    assert_rejected_in_one_line(code, bot)


async def test_a_corrupt_state_database_fails_fast_in_run(settings: Settings) -> None:
    state = settings.content_dir.parent / "state.db"
    state.write_bytes(os.urandom(20_000))
    port = free_port()
    async with fake_on(port):
        bot = Bot(settings, port, STATE_DATABASE_URL=f"sqlite:///{state}")
        await bot.start()
        try:
            code = await bot.finish(seconds=60)
        finally:
            bot.kill()
    assert code == 2, "".join(bot.lines)
    assert bot.lines[-1].startswith("error: cannot open state database")
    assert "Traceback" not in "".join(bot.lines)


def test_logs_have_no_colour_codes_where_no_terminal_reads_them(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = logging.getLogger()
    saved = list(root.handlers), root.level
    stream = io.StringIO()
    monkeypatch.setattr(discord.utils, "is_docker", lambda: True)  # discord.py colours there
    monkeypatch.setattr(sys, "stderr", stream)
    try:
        setup_logging(settings)
        logging.getLogger("articlebot.test").warning("library at start-up: 14 added")
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in saved[0]:
            root.addHandler(handler)
        root.setLevel(saved[1])
    assert "library at start-up: 14 added" in stream.getvalue()
    assert "\x1b[" not in stream.getvalue()


def test_no_voice_warnings_for_a_bot_without_voice(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = True  # as on a fresh start
    with caplog.at_level(logging.WARNING):
        create_bot(settings)
    assert not [r for r in caplog.records if "voice" in r.getMessage()]


def test_the_test_run_shows_no_audioop_warning(tmp_path: Path) -> None:
    probe = tmp_path / "test_probe.py"
    probe.write_text("import discord\n\n\ndef test_import():\n    assert discord.Client\n")
    out = __import__("subprocess").run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c",
         str(ROOT / "pyproject.toml"), "--rootdir", str(ROOT), str(probe)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout
    assert "audioop" not in out.stdout and "warning" not in out.stdout.lower(), out.stdout
