"""A fake Discord on loopback: REST API, gateway websocket and drivers for tests.

The real, unmodified discord.py client talks to it over HTTP and a websocket on
127.0.0.1. Every REST body is checked against Discord's OpenAPI spec (see spec.py);
unknown routes and invalid payloads are recorded in `errors`.
"""

# ruff: noqa: ASYNC109 -- explicit timeout arguments are part of this test harness's API

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
from collections.abc import Callable
from typing import Any

from aiohttp import web

from . import payloads as p
from .gateway import GatewayMixin, _Connection
from .payloads import Channel, Guild, Member, Role, User, snowflake
from .records import (
    InteractionResult,
    RecordedRequest,
    Replies,
)
from .rest import API_PREFIX, Handler, RestMixin, _custom_ids, _find_component
from .rules import choice_problems
from .spec import SPEC_PATH, SpecValidator, spec_available

log = logging.getLogger("fakediscord")

_DEFAULT_GUILD = object()


class FakeDiscord(RestMixin, GatewayMixin):
    """A fake Discord server plus the drivers a test uses to play users.

    Typical use: `fake.start()`, `fake.start_bot(bot)`, `fake.invoke("ping")`,
    `fake.close()`; the `fake_discord` fixture does the start/close and error check.
    """

    def __init__(
        self,
        *,
        token: str = "fake-bot-token",
        validate: bool = True,
        strict: bool = True,
        interaction_deadline: float | None = 3.0,
        timeout: float = 5.0,
    ) -> None:
        self.token = token
        self.timeout = timeout
        self.interaction_deadline = interaction_deadline
        self.bot_user = User(snowflake(), "ArticleBot", bot=True)
        self.application_id = self.bot_user.id
        self.application_flags = (1 << 19) | (1 << 23)  # message content + intents limited
        self.users: dict[int, User] = {self.bot_user.id: self.bot_user}
        self.guilds: dict[int, Guild] = {}
        self.dm_channels: dict[int, Channel] = {}  # by user id
        self.commands: list[dict[str, Any]] = []  # global application commands
        self.guild_commands: dict[int, list[dict[str, Any]]] = {}
        self.messages: dict[int, dict[str, Any]] = {}
        self.message_log: list[dict[str, Any]] = []  # every message created, in order
        self.requests: list[RecordedRequest] = []
        self.errors: list[str] = []
        self.interactions: dict[str, InteractionResult] = {}  # by token
        self.gateway_events: list[dict[str, Any]] = []  # what the bot sent on the gateway
        # Error statuses to answer the next requests of a (method, path) with, one each.
        self.outages: dict[tuple[str, str], list[int]] = {}
        # Rate limits to answer the next requests matching (method, path regex) with: each a
        # 429 saying how many seconds to wait, and whether the limit is the bot's global one.
        self.rate_limits: list[tuple[str, re.Pattern[str], float, bool]] = []
        self.validation_skipped: str | None = None
        self.validator: SpecValidator | None = None
        if not validate:
            self.validation_skipped = "validation disabled by the caller"
        elif not spec_available():
            self.validation_skipped = f"Discord OpenAPI spec not found at {SPEC_PATH}"
        else:
            self.validator = SpecValidator(strict=strict)
        if self.validation_skipped:
            log.warning("fake Discord: request bodies NOT validated: %s", self.validation_skipped)

        self._connections: list[_Connection] = []
        self._pending: set[asyncio.Task[None]] = set()
        self._identified = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._bot: Any = None
        self._bot_task: asyncio.Task[None] | None = None
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self._add_routes()
        self.port = 0

        # The default world: one guild with #general, its owner, an admin and a member.
        self.owner = self.add_user("owner")
        self.admin = self.add_user("admin")
        self.member = self.add_user("member")
        self.guild = self.add_guild("Test Guild", owner=self.owner)
        self.channel = self.guild.channels[self.guild.default_channel_id]
        self.admin_role = self.add_role(self.guild, "Admin", p.ADMINISTRATOR)
        self.add_member(self.guild, self.admin, roles=[self.admin_role.id])
        self.add_member(self.guild, self.member)

    # ------------------------------------------------------------------ lifecycle
    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self, port: int = 0) -> None:
        """Serve on 127.0.0.1 on `port` (a free one by default)."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        app.router.add_route("*", "/{tail:.*}", self._unknown)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def close(self) -> None:
        """Stop the bot if one was started here, then the server."""
        await self.flush()
        await self.stop_bot()
        for conn in list(self._connections):
            with contextlib.suppress(Exception):
                await conn.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def start_bot(self, bot: Any, *, wait_ready: bool = True) -> Any:
        """Point discord.py here, start `bot` with the fake token, wait until it is connected.

        With wait_ready, also wait for on_ready (speed it up with Bot(guild_ready_timeout=0.1)).
        """
        from bot.discord.endpoints import use_endpoints

        use_endpoints(self.api_base, self.gateway_url)
        self._identified.clear()
        self._bot = bot
        self._bot_task = asyncio.create_task(bot.start(self.token), name="fake-discord-bot")
        waiter = asyncio.create_task(self._identified.wait())
        done, _ = await asyncio.wait(
            {waiter, self._bot_task}, timeout=self.timeout, return_when=asyncio.FIRST_COMPLETED
        )
        if waiter not in done:
            waiter.cancel()
            if self._bot_task in done:
                self._bot_task.result()  # raises the bot's start-up error
            raise AssertionError(f"bot did not identify within {self.timeout}s")
        if wait_ready:
            await asyncio.wait_for(bot.wait_until_ready(), self.timeout)
        return bot

    async def stop_bot(self) -> None:
        """Close the bot started by start_bot and wait for it to finish."""
        bot, task = self._bot, self._bot_task
        self._bot = self._bot_task = None
        if bot is not None:
            await bot.close()
        if task is not None:
            try:
                await asyncio.wait_for(task, self.timeout)
            except Exception as exc:  # the bot's own failure is reported, not raised twice
                log.warning("bot task ended with %r", exc)
        if bot is not None:
            from bot.discord.endpoints import reset_endpoints

            reset_endpoints()

    def fail_next(self, method: str, path: str, *statuses: int) -> None:
        """Answer the next requests of `method` `path` (under the API base, e.g.
        "/gateway/bot") with these error statuses, one each: an outage, or a token
        revoked after the login."""
        self.outages.setdefault((method, path), []).extend(statuses)

    def rate_limit_next(
        self, method: str, path: str, *retry_after: float, is_global: bool = False
    ) -> None:
        """Answer the next requests of `method` whose path (under the API base) matches the
        regex `path` with Discord's 429, one per `retry_after` (seconds to wait): the body and
        headers Discord sends, so discord.py waits and retries as it would for real."""
        for seconds in retry_after:
            self.rate_limits.append((method, re.compile(path), seconds, is_global))

    # ------------------------------------------------------------------ world building
    def add_user(self, username: str, *, bot: bool = False, member_of: Guild | None = None) -> User:
        """A new user; also a member of `member_of` when given."""
        user = User(snowflake(), username, bot=bot)
        self.users[user.id] = user
        if member_of is not None:
            self.add_member(member_of, user)
        return user

    def add_guild(
        self,
        name: str = "Guild",
        *,
        owner: User | None = None,
        bot_permissions: int = p.DEFAULT_BOT_PERMISSIONS,
        everyone_permissions: int = p.EVERYONE_PERMISSIONS,
    ) -> Guild:
        """A guild with @everyone, a bot role, #general, its owner and the bot as members."""
        owner = owner or self.add_user(f"{name}-owner")
        guild = Guild(snowflake(), name, owner.id)
        guild.roles[guild.id] = Role(guild.id, "@everyone", everyone_permissions)
        bot_role = Role(
            snowflake(),
            self.bot_user.username,
            bot_permissions,
            position=1,
            bot_id=self.bot_user.id,
        )
        guild.roles[bot_role.id] = bot_role
        guild.bot_role_id = bot_role.id
        general = Channel(snowflake(), "general", 0, guild_id=guild.id)
        guild.channels[general.id] = general
        guild.default_channel_id = general.id
        guild.members[owner.id] = Member(owner)
        guild.members[self.bot_user.id] = Member(self.bot_user, roles=[bot_role.id])
        self.guilds[guild.id] = guild
        self._dispatch_soon("GUILD_CREATE", guild.to_dict)
        return guild

    def add_channel(
        self,
        guild: Guild,
        name: str,
        *,
        type: int = 0,
        overwrites: list[dict[str, Any]] | None = None,
        parent_id: int | None = None,
    ) -> Channel:
        """A guild channel; overwrites are Discord's {id, type (0 role, 1 member), allow, deny}."""
        channel = Channel(
            snowflake(),
            name,
            type,
            guild_id=guild.id,
            parent_id=parent_id,
            overwrites=overwrites or [],
        )
        guild.channels[channel.id] = channel
        self._dispatch_soon("CHANNEL_CREATE", channel.to_dict)
        return channel

    def delete_channel(self, channel: Channel) -> None:
        """Remove a channel; the bot gets CHANNEL_DELETE and REST calls to it get 404."""
        guild = self.guilds[channel.guild_id or 0]
        del guild.channels[channel.id]
        self._dispatch_soon("CHANNEL_DELETE", channel.to_dict)

    def add_role(self, guild: Guild, name: str, permissions: int = 0) -> Role:
        """A guild role."""
        role = Role(snowflake(), name, permissions, position=len(guild.roles))
        guild.roles[role.id] = role
        self._dispatch_soon(
            "GUILD_ROLE_CREATE", lambda: {"guild_id": str(guild.id), "role": role.to_dict()}
        )
        return role

    def set_role_permissions(self, guild: Guild, role_id: int, permissions: int) -> None:
        """Change a role's permissions (e.g. the bot's role: "permission lost")."""
        role = guild.roles[role_id]
        role.permissions = permissions
        self._dispatch_soon(
            "GUILD_ROLE_UPDATE", lambda: {"guild_id": str(guild.id), "role": role.to_dict()}
        )

    def set_overwrites(self, channel: Channel, overwrites: list[dict[str, Any]]) -> None:
        """Replace a channel's permission overwrites."""
        channel.overwrites = overwrites
        self._dispatch_soon("CHANNEL_UPDATE", channel.to_dict)

    def add_member(
        self,
        guild: Guild,
        user: User,
        *,
        roles: list[int] | None = None,
        permissions: int | None = None,
        nick: str | None = None,
    ) -> Member:
        """Make `user` a member; `permissions` adds a personal role granting exactly those."""
        role_ids = list(roles or [])
        if permissions is not None:
            role_ids.append(self.add_role(guild, f"{user.username}-perms", permissions).id)
        member = Member(user, roles=role_ids, nick=nick)
        guild.members[user.id] = member
        self._dispatch_soon(
            "GUILD_MEMBER_ADD", lambda: {**member.to_dict(), "guild_id": str(guild.id)}
        )
        return member

    def dm_channel(self, user: User) -> Channel:
        """The DM channel between the bot and `user`."""
        if user.id not in self.dm_channels:
            self.dm_channels[user.id] = Channel(snowflake(), "", 1, recipient=user)
        return self.dm_channels[user.id]

    def find_channel(self, channel_id: int) -> tuple[Guild | None, Channel | None]:
        """A channel by id, with its guild (None for DMs)."""
        for guild in self.guilds.values():
            if channel_id in guild.channels:
                return guild, guild.channels[channel_id]
        for channel in self.dm_channels.values():
            if channel.id == channel_id:
                return None, channel
        return None, None

    def command(self, name: str, guild: Guild | None = None) -> dict[str, Any] | None:
        """A registered command by name: the guild's first, then the global one."""
        pools = ([self.guild_commands.get(guild.id, [])] if guild else []) + [self.commands]
        for pool in pools:
            for cmd in pool:
                if cmd["name"] == name and cmd.get("type", 1) == 1:
                    return cmd
        return None

    # ------------------------------------------------------------------ drivers
    async def invoke(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        subcommand: str | None = None,
        user: User | None = None,
        guild: Guild | None | object = _DEFAULT_GUILD,
        channel: Channel | None = None,
        dm: bool = False,
        permissions: int | None = None,
        app_permissions: int | None = None,
        locale: str = "en-US",
        wait: bool = True,
        _focused: str | None = None,
    ) -> InteractionResult:
        """Run slash command `name` ("picks now" or subcommand="now" for subcommands).

        options maps option names to values (User/Channel/Role objects or ids for those
        types). Returns once answered (wait=False: right after dispatch).
        """
        user = user or self.member
        guild_obj, channel = self._place(guild, channel, dm, user)
        parts = name.split() + (subcommand.split() if subcommand else [])
        cmd = self.command(parts[0], guild_obj)
        if cmd is None:
            known = sorted(
                {c["name"] for c in self.commands} | self._guild_command_names(guild_obj)
            )
            raise LookupError(f"/{parts[0]} is not registered (did the bot sync?); known: {known}")
        leaf_opts = cmd.get("options") or []
        path: list[dict[str, Any]] = []
        for part in parts[1:]:
            sub = next((o for o in leaf_opts if o["name"] == part and o["type"] in (1, 2)), None)
            if sub is None:
                raise LookupError(f"/{' '.join(parts)}: no subcommand {part!r}")
            path.append(sub)
            leaf_opts = sub.get("options") or []
        if any(o["type"] in (1, 2) for o in leaf_opts):
            raise LookupError(f"/{' '.join(parts)} needs a subcommand")
        resolved: dict[str, dict[str, Any]] = {}
        built = self._build_options(leaf_opts, options or {}, resolved, guild_obj, _focused)
        for sub in reversed(path):
            built = [{"name": sub["name"], "type": sub["type"], "options": built}]
        data: dict[str, Any] = {"id": cmd["id"], "name": cmd["name"], "type": 1, "options": built}
        if resolved:
            data["resolved"] = resolved
        if cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        kind = 4 if _focused else 2
        payload = self._interaction_payload(
            kind, data, user, guild_obj, channel, permissions, app_permissions, locale
        )
        return await self._send_interaction(payload, wait)

    async def autocomplete(
        self,
        name: str,
        focused: str,
        value: str,
        options: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> list[dict[str, Any]]:
        """Type `value` into option `focused` of command `name`; returns the offered choices."""
        opts = {**(options or {}), focused: value}
        result = await self.invoke(name, opts, _focused=focused, **kwargs)
        return result.choices

    async def click(
        self,
        message: dict[str, Any] | InteractionResult | int,
        custom_id: str,
        *,
        user: User | None = None,
        values: list[str] | None = None,
        permissions: int | None = None,
        wait: bool = True,
    ) -> InteractionResult:
        """Click button (or pick `values` of select) `custom_id` on a message the bot sent."""
        msg = self._resolve_message(message)
        component = _find_component(msg.get("components") or [], custom_id)
        if component is None:
            ids = _custom_ids(msg.get("components") or [])
            raise LookupError(f"no component {custom_id!r} on message {msg['id']}; have {ids}")
        if component.get("disabled"):
            raise ValueError(f"component {custom_id!r} is disabled")
        user = user or self.member
        guild, channel = self.find_channel(int(msg["channel_id"]))
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component["type"]}
        if component["type"] != 2:
            data["values"] = list(values or [])
            problems = choice_problems(component, data["values"])
            if problems:
                raise ValueError("; ".join(problems))
        payload = self._interaction_payload(
            3, data, user, guild, channel, permissions, None, "en-US", message=dict(msg)
        )
        return await self._send_interaction(payload, wait)

    async def send_message(
        self,
        content: str,
        *,
        author: User | None = None,
        channel: Channel | None = None,
        reply_to: dict[str, Any] | None = None,
        wait: bool = True,
    ) -> Replies:
        """A user posts `content` (mentions like <@id> are parsed); returns the bot's replies.

        With wait, returns once the bot has posted at least one message in that channel.
        """
        author = author or self.member
        channel = channel or self.channel
        guild = self.guilds.get(channel.guild_id or 0)
        msg = p.message_object(
            {"content": content},
            message_id=snowflake(),
            channel_id=channel.id,
            author=author,
            guild_id=guild.id if guild else None,
        )
        mentioned = [int(m) for m in re.findall(r"<@!?(\d+)>", content)]
        msg["mentions"] = [self.users[u].to_dict() for u in mentioned if u in self.users]
        if guild is not None:  # as Discord: the guild's roles the text mentions
            roles = [int(r) for r in re.findall(r"<@&(\d+)>", content)]
            msg["mention_roles"] = [str(r) for r in roles if r in guild.roles]
        if guild is not None:
            if author.id not in guild.members:
                raise LookupError(f"{author.username} is not a member of {guild.name}")
            msg["member"] = guild.members[author.id].to_dict(with_user=False)
        if reply_to is not None:
            msg["type"] = 19
            msg["message_reference"] = {"message_id": reply_to["id"], "channel_id": str(channel.id)}
            msg["referenced_message"] = reply_to
        replies = Replies(self, channel.id, len(self.message_log) + 1, self.timeout)
        self._store_message(msg)
        await self.dispatch("MESSAGE_CREATE", msg)
        if wait:
            await replies.wait(1)
        return replies

    async def wait_for(
        self, predicate: Callable[[], Any], timeout: float = 5.0, what: str = "condition"
    ) -> Any:
        """Poll predicate() until truthy; returns its value, AssertionError on timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if loop.time() > deadline:
                raise AssertionError(f"timed out after {timeout}s waiting for {what}")
            await asyncio.sleep(0.01)

    async def wait_for_request(
        self, predicate: Callable[[RecordedRequest], bool], timeout: float = 5.0
    ) -> RecordedRequest:
        """The first recorded request matching predicate, waiting for it if needed."""
        return await self.wait_for(
            lambda: next((r for r in self.requests if predicate(r)), None), timeout, "a request"
        )

    def message_requests(self) -> list[RecordedRequest]:
        """Every recorded request that posted or edited visible message content."""
        return [r for r in self.requests if r.sends_message]

    def take_errors(self) -> list[str]:
        """Return and clear the recorded errors (for tests that provoke them on purpose)."""
        errors, self.errors = self.errors, []
        return errors

    def assert_clean(self) -> None:
        """AssertionError listing every invalid payload or unknown route seen."""
        if self.errors:
            raise AssertionError("fake Discord recorded errors:\n  " + "\n  ".join(self.errors))

    # ------------------------------------------------------------------ internals: drivers
    def _place(
        self, guild: Any, channel: Channel | None, dm: bool, user: User
    ) -> tuple[Guild | None, Channel]:
        if dm:
            return None, self.dm_channel(user)
        if channel is not None:
            g, _ = self.find_channel(channel.id)
            return g, channel
        g = self.guild if guild is _DEFAULT_GUILD else guild
        if g is None:
            return None, self.dm_channel(user)
        assert isinstance(g, Guild)
        return g, g.channels[g.default_channel_id]

    def _guild_command_names(self, guild: Guild | None) -> set[str]:
        return {c["name"] for c in self.guild_commands.get(guild.id, [])} if guild else set()

    def _build_options(
        self,
        schema: list[dict[str, Any]],
        values: dict[str, Any],
        resolved: dict[str, dict[str, Any]],
        guild: Guild | None,
        focused: str | None,
    ) -> list[dict[str, Any]]:
        by_name = {o["name"]: o for o in schema}
        for name in values:
            if name not in by_name:
                raise LookupError(f"no option {name!r}; options are {sorted(by_name)}")
        if focused is None:
            missing = [o["name"] for o in schema if o.get("required") and o["name"] not in values]
            if missing:
                raise ValueError(f"required options missing: {missing}")
        out = []
        for name, value in values.items():
            opt = by_name[name]
            kind = opt["type"]
            item: dict[str, Any] = {"name": name, "type": kind}
            if name == focused:
                item.update(value=str(value), focused=True)
            elif kind == 3:
                item["value"] = str(value)
            elif kind == 4:
                item["value"] = int(value)
            elif kind == 5:
                item["value"] = bool(value)
            elif kind == 10:
                item["value"] = float(value)
            elif kind in (6, 7, 8, 9):
                item["value"] = str(getattr(value, "id", value))
                self._resolve(kind, int(item["value"]), resolved, guild)
            else:
                raise NotImplementedError(
                    f"option type {kind} ({name}) is not supported by the fake"
                )
            if name != focused and opt.get("choices"):
                allowed = [c["value"] for c in opt["choices"]]
                if item["value"] not in allowed:
                    raise ValueError(
                        f"{name}={item['value']!r} is not one of the choices {allowed}"
                    )
            out.append(item)
        return out

    def _resolve(
        self, kind: int, ident: int, resolved: dict[str, dict[str, Any]], guild: Guild | None
    ) -> None:
        key = str(ident)
        if kind in (6, 9) and ident in self.users:
            resolved.setdefault("users", {})[key] = self.users[ident].to_dict()
            if guild and ident in guild.members:
                member = guild.members[ident].to_dict(with_user=False)
                member["permissions"] = str(guild.permissions_in(ident, None))
                resolved.setdefault("members", {})[key] = member
            return
        if kind in (8, 9) and guild and ident in guild.roles:
            resolved.setdefault("roles", {})[key] = guild.roles[ident].to_dict()
            return
        if kind == 7:
            g, channel = self.find_channel(ident)
            if channel is not None:
                data = channel.to_dict()
                data["permissions"] = str(g.permissions_in(self.bot_user.id, ident) if g else 0)
                resolved.setdefault("channels", {})[key] = data
                return
        raise LookupError(f"cannot resolve id {ident} for option type {kind}")

    def _interaction_payload(
        self,
        kind: int,
        data: dict[str, Any],
        user: User,
        guild: Guild | None,
        channel: Channel | None,
        permissions: int | None,
        app_permissions: int | None,
        locale: str,
        *,
        message: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "id": str(snowflake()),
            "application_id": str(self.application_id),
            "type": kind,
            "data": data,
            "token": "itok-" + secrets.token_urlsafe(24),
            "version": 1,
            "locale": locale,
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if channel is not None:
            payload["channel_id"] = str(channel.id)
            payload["channel"] = channel.to_dict()
        if guild is not None:
            member = guild.members.get(user.id)
            if member is None:
                raise LookupError(f"{user.username} is not a member of {guild.name}")
            chan_id = channel.id if channel else None
            perms = guild.permissions_in(user.id, chan_id) if permissions is None else permissions
            bot_perms = guild.permissions_in(self.bot_user.id, chan_id)
            payload.update(
                guild_id=str(guild.id),
                guild={"id": str(guild.id), "locale": "en-US", "features": []},
                guild_locale="en-US",
                member={**member.to_dict(), "permissions": str(perms)},
                app_permissions=str(bot_perms if app_permissions is None else app_permissions),
                context=0,
                authorizing_integration_owners={"0": str(guild.id)},
            )
        else:
            payload.update(
                user=user.to_dict(),
                app_permissions=str(
                    p.EVERYONE_PERMISSIONS if app_permissions is None else app_permissions
                ),
                context=1,
                authorizing_integration_owners={"0": str(user.id)},
            )
        if message is not None:
            payload["message"] = message
        return payload

    async def _send_interaction(self, payload: dict[str, Any], wait: bool) -> InteractionResult:
        result = InteractionResult(payload, timeout=self.timeout)
        result.created = asyncio.get_running_loop().time()
        if "message" in payload:
            result.component_message = self.messages.get(int(payload["message"]["id"]))
        self.interactions[result.token] = result
        await self.dispatch("INTERACTION_CREATE", payload)
        if wait:
            await result.wait_answered()
        return result

    def _resolve_message(self, message: dict[str, Any] | InteractionResult | int) -> dict[str, Any]:
        if isinstance(message, InteractionResult):
            msg = message.message
            if msg is None:
                raise LookupError(f"{message!r} has no message to click on")
            return msg
        if isinstance(message, int):
            return self.messages[message]
        return self.messages.get(int(message["id"]), message)

    def _store_message(self, msg: dict[str, Any]) -> dict[str, Any]:
        self.messages[int(msg["id"])] = msg
        self.message_log.append(msg)
        return msg
