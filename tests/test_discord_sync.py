"""Command sync only when the tree changed; `run`/`sync` entry points and graceful shutdown."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands

from bot.discord import app as discord_app
from bot.discord.commandsync import sync_key, sync_tree, tree_hash
from bot.discord.endpoints import reset_endpoints
from bot.settings import Settings
from bot.store.state import open_state
from tests.fakediscord import FakeDiscord

ROOT = Path(__file__).resolve().parents[1]


class CountingTree(app_commands.CommandTree):
    """A tree whose sync only counts (no Discord needed)."""

    def __init__(self) -> None:
        super().__init__(discord.Client(intents=discord.Intents.none()))
        self.syncs: list[int | None] = []

    async def sync(self, *, guild: Any = None) -> list[Any]:
        self.syncs.append(guild.id if guild else None)
        return []


def add_command(tree: app_commands.CommandTree, name: str, description: str) -> None:
    async def callback(interaction: discord.Interaction) -> None: ...

    tree.add_command(app_commands.Command(name=name, description=description, callback=callback))


@pytest.fixture
async def state(tmp_path: Path):
    store = await open_state(f"sqlite:///{tmp_path}/state.db")
    yield store
    await store.close()


async def test_sync_happens_once_per_tree_and_again_after_a_change(state) -> None:
    tree = CountingTree()
    add_command(tree, "ask", "Ask a question")
    assert await sync_tree(tree, state, application_id=1)
    assert not await sync_tree(tree, state, application_id=1)
    assert tree.syncs == [None]

    add_command(tree, "search", "Search")
    assert await sync_tree(tree, state, application_id=1)
    assert not await sync_tree(tree, state, application_id=1)
    assert tree.syncs == [None, None]


async def test_each_target_and_application_has_its_own_hash(state) -> None:
    tree = CountingTree()
    add_command(tree, "ask", "Ask a question")
    assert await sync_tree(tree, state, application_id=1)
    assert await sync_tree(tree, state, application_id=1, guild_id=42)  # dev guild
    assert await sync_tree(tree, state, application_id=2)  # another bot, same database
    assert not await sync_tree(tree, state, application_id=1, guild_id=42)
    assert tree.syncs == [None, 42, None]
    assert await state.get_meta(sync_key(1, 42)) == tree_hash(tree, discord.Object(42))
    assert await sync_tree(tree, state, application_id=1, force=True)


async def test_description_change_changes_the_hash() -> None:
    a, b = CountingTree(), CountingTree()
    add_command(a, "ask", "Ask a question")
    add_command(b, "ask", "Ask the library a question")
    assert tree_hash(a, None) != tree_hash(b, None)


@pytest.fixture
def bot_settings(tmp_path: Path, fake_discord: FakeDiscord) -> Settings:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return Settings(
        content_dir=tmp_path / "content",
        articles_db=tmp_path / "articles.db",
        state_database_url=f"sqlite:///{tmp_path}/state.db",
        discord_token=fake_discord.token,
        discord_api_base=fake_discord.api_base,
        discord_gateway_url=fake_discord.gateway_url,
    )


@pytest.fixture
def quiet_logging(monkeypatch: pytest.MonkeyPatch):
    # run_bot replaces the root log handlers the discord.py way: not inside pytest.
    monkeypatch.setattr(discord_app, "setup_logging", lambda settings: None)
    yield
    reset_endpoints()


async def test_sync_command_forces_a_sync_and_exits(
    fake_discord: FakeDiscord, bot_settings: Settings, quiet_logging: None
) -> None:
    assert await discord_app.sync_commands(bot_settings) == 0
    assert await discord_app.sync_commands(bot_settings) == 0
    puts = [r for r in fake_discord.requests if r.method == "PUT" and r.path.endswith("/commands")]
    assert len(puts) == 2  # `python -m bot sync` always syncs
    assert {"ask", "search", "reload"} <= {c["name"] for c in fake_discord.commands}


async def test_a_wrong_token_is_one_clear_line(
    fake_discord: FakeDiscord,
    bot_settings: Settings,
    quiet_logging: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = bot_settings.with_(discord_token="not-the-token")
    assert await discord_app.sync_commands(bad) == 2
    assert "DISCORD_TOKEN" in capsys.readouterr().err


async def test_sigterm_shuts_the_bot_down_and_closes_the_databases(
    fake_discord: FakeDiscord,
    bot_settings: Settings,
    quiet_logging: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[Any] = []
    original = discord_app.create_bot

    def capture(settings: Settings, **kwargs: Any):
        bot = original(settings, guild_ready_timeout=0.05, **kwargs)
        made.append(bot)
        return bot

    monkeypatch.setattr(discord_app, "create_bot", capture)
    task = asyncio.create_task(discord_app.run_bot(bot_settings))
    await fake_discord.wait_for(lambda: made and made[0].is_ready(), what="the bot to be ready")
    result = await fake_discord.invoke("ask", {"question": "salmon"})
    assert "salmon" in result.embeds[0]["title"].lower()

    os.kill(os.getpid(), signal.SIGTERM)
    assert await asyncio.wait_for(task, 10) == 0
    bot = made[0]
    assert bot.is_closed()
    assert bot.service.library.store is None  # the article cache was closed
    with pytest.raises(Exception):  # noqa: B017 - the state connection is closed
        await bot.service.state.get_meta("x")
