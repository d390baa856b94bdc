"""Sync slash commands only when the command tree changed since the last sync.

Discord rate-limits command updates, and a restart with the same tree should not touch
them. The hash of the tree's JSON payloads is kept in the state database per
application and target (global, or one development guild).
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Protocol

import discord
from discord import app_commands

log = logging.getLogger("articlebot.discord")


class MetaStore(Protocol):
    async def get_meta(self, key: str) -> str | None: ...
    async def set_meta(self, key: str, value: str) -> None: ...


def tree_payload(tree: app_commands.CommandTree, guild: discord.abc.Snowflake | None) -> list[dict]:
    """The JSON Discord would receive for `guild` (None: the global commands)."""
    return [cmd.to_dict(tree) for cmd in tree._get_all_commands(guild=guild)]


def tree_hash(tree: app_commands.CommandTree, guild: discord.abc.Snowflake | None) -> str:
    payload = json.dumps(tree_payload(tree, guild), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def sync_key(application_id: int | None, guild_id: int | None) -> str:
    target = f"guild:{guild_id}" if guild_id else "global"
    return f"command_sync:{application_id or 0}:{target}"


async def sync_tree(
    tree: app_commands.CommandTree,
    state: MetaStore | None,
    *,
    application_id: int | None,
    guild_id: int | None = None,
    force: bool = False,
) -> bool:
    """Sync global commands (or copy them to one guild and sync that); True when synced."""
    guild = discord.Object(id=guild_id) if guild_id else None
    if guild is not None:
        tree.copy_global_to(guild=guild)
    digest = tree_hash(tree, guild)
    key = sync_key(application_id, guild_id)
    if not force and state is not None and await state.get_meta(key) == digest:
        log.info("slash commands unchanged since the last sync (%s): not syncing", key)
        return False
    commands = await tree.sync(guild=guild)
    if state is not None:
        await state.set_meta(key, digest)
    where = f"guild {guild_id}" if guild_id else "all servers"
    log.info("synced %d slash commands to %s", len(commands), where)
    return True
