"""The fake's REST API: routing, spec validation of bodies, and the handlers."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from aiohttp import web

from . import payloads as p
from .payloads import Channel, Guild, snowflake
from .records import (
    AUTOCOMPLETE_RESULT,
    DEFERRED_MESSAGE,
    DEFERRED_UPDATE,
    MESSAGE,
    MODAL,
    UPDATE_MESSAGE,
    InteractionResponse,
    InteractionResult,
    RecordedRequest,
)
from .rules import component_problems, embed_problems

log = logging.getLogger("fakediscord")

API_PREFIX = "/api/v10"
LOADING = 1 << 7  # message flag of a deferred "is thinking..." response

Handler = Callable[[RecordedRequest, dict[str, str]], Awaitable[tuple[int, Any]]]


class DiscordError(Exception):
    """A JSON error response, as Discord sends them."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class RestMixin:
    """REST half of FakeDiscord; uses its state (guilds, messages, interactions...)."""

    # ------------------------------------------------------------------ REST plumbing
    async def _unknown(self, request: web.Request) -> web.Response:
        self.errors.append(f"{request.method} {request.path}: outside the API base")
        return _error(404, 0, "404: Not Found")

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        rec = RecordedRequest(request.method, path, query=dict(request.query))
        self.requests.append(rec)
        try:
            await self._read_body(request, rec)
        except ValueError as exc:
            rec.errors.append(f"unreadable body: {exc}")
        self._validate(rec)
        if rec.errors and rec.operation is not None:
            self._record_errors(rec)
            rec.status = 400
            return _error(
                400,
                50035,
                "Invalid Form Body",
                {"errors": {"_errors": [{"code": "SPEC", "message": e} for e in rec.errors]}},
            )
        outage = self.outages.get((request.method, path))
        if outage:
            rec.status = outage.pop(0)
            return _error(rec.status, 0, f"{rec.status}: {HTTPStatus(rec.status).phrase}")
        limited = next(
            (
                limit
                for limit in self.rate_limits
                if limit[0] == request.method and limit[1].fullmatch(path)
            ),
            None,
        )
        if limited is not None:
            self.rate_limits.remove(limited)
            rec.status = 429
            return _rate_limited(limited[2], limited[3])
        interaction_route = path.startswith(("/interactions/", "/webhooks/"))
        if not interaction_route and request.headers.get("Authorization") != f"Bot {self.token}":
            rec.status = 401
            return _error(401, 0, "401: Unauthorized")
        found = self._match_route(request.method, path)
        if found is None:
            rec.errors.append("no such route in the fake")
            self._record_errors(rec)
            rec.status = 404
            return _error(404, 0, "404: Not Found")
        if rec.errors:  # served by the fake but absent from the spec
            self._record_errors(rec)
        handler, args = found
        try:
            status, body = await handler(rec, args)
        except DiscordError as exc:
            rec.status = exc.status
            return _error(exc.status, exc.code, exc.message)
        except Exception as exc:
            log.exception("fake Discord handler failed")
            self.errors.append(f"{rec.method} {rec.path}: fake crashed: {exc!r}")
            rec.status = 500
            return _error(500, 0, "500: fake crashed")
        rec.status = status
        if status == 204:
            return web.Response(status=204)
        return _json(body, status)

    def _record_errors(self, rec: RecordedRequest) -> None:
        """Add a request's problems to `errors` and fail the interaction it belongs to, if any."""
        problems = [f"{rec.method} {rec.path}: {e}" for e in rec.errors]
        self.errors += problems
        match = re.match(r"/(?:interactions/\d+|webhooks/\d+)/([^/]+)", rec.path)
        result = self.interactions.get(match.group(1)) if match else None
        if result is not None:
            result.reject(problems)

    async def _read_body(self, request: web.Request, rec: RecordedRequest) -> None:
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                name = getattr(part, "name", None)
                raw = await part.read()  # type: ignore[union-attr]
                if name == "payload_json":
                    rec.json = json.loads(raw)
                else:
                    rec.files.append(
                        {
                            "name": name,
                            "filename": getattr(part, "filename", None),
                            "size": len(raw),
                        }
                    )
            return
        raw = await request.read()
        if raw:
            rec.json = json.loads(raw)

    def _validate(self, rec: RecordedRequest) -> None:
        body = rec.message_body
        if body:
            rec.errors += component_problems(body) + embed_problems(body)
        if self.validator is None:
            return
        operation = self.validator.find(rec.method, rec.path)
        if operation is None:
            rec.errors.append("no operation in the Discord OpenAPI spec for this method and path")
            return
        rec.operation = operation.operation_id
        if rec.json is not None:
            rec.errors += self.validator.validate(operation, rec.json)

    def _match_route(self, method: str, path: str) -> tuple[Handler, dict[str, str]] | None:
        for route_method, regex, handler in self._routes:
            match = regex.fullmatch(path)
            if match and route_method == method:
                return handler, match.groupdict()
        return None

    def _route(self, method: str, template: str, handler: Handler) -> None:
        regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
        self._routes.append((method, re.compile(regex), handler))

    def _add_routes(self) -> None:
        r = self._route
        r("GET", "/users/@me", self._get_me)
        r("GET", "/users/{user_id}", self._get_user)
        r("POST", "/users/@me/channels", self._create_dm)
        r("GET", "/oauth2/applications/@me", self._get_app)
        r("GET", "/applications/@me", self._get_app)
        r("GET", "/gateway", self._get_gateway)
        r("GET", "/gateway/bot", self._get_gateway)
        for prefix in ("/applications/{app_id}", "/applications/{app_id}/guilds/{guild_id}"):
            r("GET", prefix + "/commands", self._get_commands)
            r("PUT", prefix + "/commands", self._put_commands)
            r("POST", prefix + "/commands", self._post_command)
            r("GET", prefix + "/commands/{command_id}", self._get_command)
            r("PATCH", prefix + "/commands/{command_id}", self._patch_command)
            r("DELETE", prefix + "/commands/{command_id}", self._delete_command)
        r("GET", "/channels/{channel_id}", self._get_channel)
        r("POST", "/channels/{channel_id}/typing", self._typing)
        r("POST", "/channels/{channel_id}/messages", self._create_message)
        r("GET", "/channels/{channel_id}/messages/{message_id}", self._get_message)
        r("PATCH", "/channels/{channel_id}/messages/{message_id}", self._edit_message)
        r("DELETE", "/channels/{channel_id}/messages/{message_id}", self._delete_message)
        r("POST", "/channels/{channel_id}/messages/{message_id}/threads", self._create_thread)
        r("POST", "/channels/{channel_id}/threads", self._create_thread)
        reaction = "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me"
        r("PUT", reaction, self._no_content)
        r("DELETE", reaction, self._no_content)
        r("GET", "/guilds/{guild_id}/members/{user_id}", self._get_member)
        r("POST", "/interactions/{interaction_id}/{token}/callback", self._callback)
        r("POST", "/webhooks/{app_id}/{token}", self._followup)
        hook_msg = "/webhooks/{app_id}/{token}/messages/{message_id}"
        r("GET", hook_msg, self._get_hook_message)
        r("PATCH", hook_msg, self._edit_hook_message)
        r("DELETE", hook_msg, self._delete_hook_message)

    # ------------------------------------------------------------------ REST handlers
    async def _no_content(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        return 204, None

    async def _get_me(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        return 200, {**self.bot_user.to_dict(), "verified": True, "mfa_enabled": False}

    async def _get_user(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        user = self.users.get(int(args["user_id"]))
        if user is None:
            raise DiscordError(404, 10013, "Unknown User")
        return 200, user.to_dict()

    async def _create_dm(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        user = self.users.get(int(rec.json["recipient_id"]))
        if user is None:
            raise DiscordError(404, 10013, "Unknown User")
        return 200, self.dm_channel(user).to_dict()

    async def _get_member(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        guild = self._guild(args["guild_id"])
        member = guild.members.get(int(args["user_id"]))
        if member is None:
            raise DiscordError(404, 10007, "Unknown Member")
        return 200, member.to_dict()

    async def _get_app(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        return 200, {
            "id": str(self.application_id),
            "name": self.bot_user.username,
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": self.owner.to_dict(),
            "team": None,
            "verify_key": "0" * 64,
            "flags": self.application_flags,
            "summary": "",
            "bot": self.bot_user.to_dict(),
            "interactions_endpoint_url": None,
            "approximate_guild_count": len(self.guilds),
        }

    async def _get_gateway(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return 200, {"url": self.gateway_url, "shards": 1, "session_start_limit": limit}

    def _check_app(self, args: dict[str, str]) -> None:
        if int(args["app_id"]) != self.application_id:
            raise DiscordError(404, 10002, "Unknown Application")

    def _command_pool(self, args: dict[str, str]) -> list[dict[str, Any]]:
        self._check_app(args)
        if "guild_id" in args and args["guild_id"] is not None:
            gid = self._guild(args["guild_id"]).id
            return self.guild_commands.setdefault(gid, [])
        return self.commands

    def _stored_command(
        self, body: dict[str, Any], args: dict[str, str], existing: list[dict[str, Any]]
    ) -> dict[str, Any]:
        kind = body.get("type") or 1
        same = next((c for c in existing if c["name"] == body["name"] and c["type"] == kind), None)
        cmd = {
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "nsfw": False,
            "contexts": None,
            "integration_types": [0],
            **{k: v for k, v in body.items() if v is not None},
            "id": same["id"] if same else str(snowflake()),
            "application_id": str(self.application_id),
            "type": kind,
            "version": str(snowflake()),
        }
        if args.get("guild_id"):
            cmd["guild_id"] = args["guild_id"]
        if cmd["default_member_permissions"] is not None:
            # Discord echoes permissions as a decimal string.
            cmd["default_member_permissions"] = str(cmd["default_member_permissions"])
        return cmd

    async def _get_commands(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        return 200, self._command_pool(args)

    async def _put_commands(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        pool = self._command_pool(args)
        new = [self._stored_command(body, args, pool) for body in rec.json or []]
        pool[:] = new
        return 200, new

    async def _post_command(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        pool = self._command_pool(args)
        cmd = self._stored_command(rec.json, args, pool)
        pool[:] = [c for c in pool if c["id"] != cmd["id"]] + [cmd]
        return 201, cmd

    def _find_command(self, args: dict[str, str]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        pool = self._command_pool(args)
        cmd = next((c for c in pool if c["id"] == args["command_id"]), None)
        if cmd is None:
            raise DiscordError(404, 10063, "Unknown application command")
        return pool, cmd

    async def _get_command(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        return 200, self._find_command(args)[1]

    async def _patch_command(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        _, cmd = self._find_command(args)
        cmd.update({k: v for k, v in rec.json.items() if v is not None})
        return 200, cmd

    async def _delete_command(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        pool, cmd = self._find_command(args)
        pool.remove(cmd)
        return 204, None

    def _guild(self, guild_id: str) -> Guild:
        guild = self.guilds.get(int(guild_id))
        if guild is None:
            raise DiscordError(404, 10004, "Unknown Guild")
        return guild

    def _channel(self, channel_id: str, need: int = 0) -> tuple[Guild | None, Channel]:
        guild, channel = self.find_channel(int(channel_id))
        if channel is None:
            raise DiscordError(404, 10003, "Unknown Channel")
        if guild is not None and need:
            perms = guild.permissions_in(self.bot_user.id, channel.id)
            if perms & need != need:
                raise DiscordError(403, 50013, "Missing Permissions")
        return guild, channel

    async def _get_channel(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        return 200, self._channel(args["channel_id"], p.VIEW_CHANNEL)[1].to_dict()

    async def _typing(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        self._channel(args["channel_id"], p.VIEW_CHANNEL | p.SEND_MESSAGES)
        return 204, None

    async def _create_message(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        guild, channel = self._channel(args["channel_id"])
        if guild is not None:
            send = p.SEND_MESSAGES_IN_THREADS if channel.type in (10, 11, 12) else p.SEND_MESSAGES
            self._channel(args["channel_id"], p.VIEW_CHANNEL | send)
        body = rec.json or {}
        referenced = None
        ref = body.get("message_reference")
        if ref:
            referenced = self.messages.get(int(ref.get("message_id") or 0))
            if referenced is None and ref.get("fail_if_not_exists", True):
                raise DiscordError(400, 50035, "Invalid Form Body: Unknown message")
        msg = p.message_object(
            body,
            message_id=snowflake(),
            channel_id=channel.id,
            author=self.bot_user,
            guild_id=guild.id if guild else None,
            referenced=referenced,
            attachments=_attachments(rec),
        )
        return 200, self._store_message(msg)

    def _message(self, args: dict[str, str]) -> dict[str, Any]:
        self._channel(args["channel_id"])
        msg = self.messages.get(int(args["message_id"]))
        if msg is None or msg["channel_id"] != args["channel_id"]:
            raise DiscordError(404, 10008, "Unknown Message")
        return msg

    async def _get_message(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        return 200, self._message(args)

    async def _edit_message(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        msg = self._message(args)
        if int(msg["author"]["id"]) != self.bot_user.id:
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
        return 200, p.apply_edit(msg, rec.json or {})

    async def _delete_message(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        msg = self._message(args)
        del self.messages[int(msg["id"])]
        return 204, None

    async def _create_thread(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        guild, parent = self._channel(args["channel_id"], p.VIEW_CHANNEL | p.CREATE_PUBLIC_THREADS)
        if guild is None:
            raise DiscordError(400, 50024, "Cannot execute action on this channel type")
        thread_id = int(args["message_id"]) if args.get("message_id") else snowflake()
        if args.get("message_id"):
            self._message(args)
        body = rec.json or {}
        thread = Channel(
            thread_id,
            body.get("name", "thread"),
            body.get("type") or 11,
            guild_id=guild.id,
            parent_id=parent.id,
            owner_id=self.bot_user.id,
        )
        guild.channels[thread.id] = thread
        return 201, thread.to_dict()

    # --- interactions and their webhooks ---
    def _interaction(self, token: str) -> InteractionResult:
        result = self.interactions.get(token)
        if result is None:
            self.errors.append(f"unknown interaction token {token[:12]}…")
            raise DiscordError(404, 10062, "Unknown interaction")
        return result

    async def _callback(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        result = self._interaction(args["token"])
        if str(result.id) != args["interaction_id"]:
            self.errors.append(f"callback for interaction {args['interaction_id']}: wrong id")
            raise DiscordError(404, 10062, "Unknown interaction")
        if result.callback is not None:
            self.errors.append(f"interaction {result.describe()} acknowledged twice")
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        late = asyncio.get_running_loop().time() - result.created
        if self.interaction_deadline is not None and late > self.interaction_deadline:
            problem = f"interaction {result.describe()} answered after {late:.2f}s (limit {self.interaction_deadline}s)"
            self.errors.append(problem)
            result.reject([problem])
            raise DiscordError(404, 10062, "Unknown interaction")
        body = rec.json or {}
        kind, data = body.get("type"), body.get("data") or {}
        msg = None
        if kind == MESSAGE:
            msg = self._interaction_message(result, data)
            result.original = msg
        elif kind == DEFERRED_MESSAGE:
            msg = self._interaction_message(
                result, {"flags": int(data.get("flags") or 0) | LOADING}
            )
            result.original = msg
        elif kind in (DEFERRED_UPDATE, UPDATE_MESSAGE):
            msg = result.component_message
            if msg is None:
                self.errors.append(f"update callback on {result.describe()}: no component message")
                raise DiscordError(400, 40004, "Interaction has no message to update")
            if kind == UPDATE_MESSAGE:
                p.apply_edit(msg, data)
            result.original = msg
        elif kind not in (AUTOCOMPLETE_RESULT, MODAL):
            raise DiscordError(400, 50035, f"Unsupported callback type {kind}")
        result.add(InteractionResponse("callback", body, type=kind, message=msg))
        if rec.query.get("with_response") not in ("1", "true", "True"):
            return 204, None
        flags = int((msg or {}).get("flags") or 0)
        info: dict[str, Any] = {
            "id": str(result.id),
            "type": result.payload["type"],
            "response_message_loading": kind == DEFERRED_MESSAGE,
            "response_message_ephemeral": bool(flags & 64),
        }
        resource: dict[str, Any] = {"type": kind}
        if msg is not None:
            info["response_message_id"] = msg["id"]
            if kind != DEFERRED_MESSAGE:
                resource["message"] = msg
        return 200, {"interaction": info, "resource": resource}

    def _interaction_message(
        self, result: InteractionResult, body: dict[str, Any]
    ) -> dict[str, Any]:
        payload = result.payload
        user = payload.get("member", {}).get("user") or payload.get("user")
        meta = {
            "id": str(result.id),
            "type": payload["type"],
            "user": user,
            "authorizing_integration_owners": payload.get("authorizing_integration_owners", {}),
        }
        if payload["type"] == 2:
            meta["name"] = (payload.get("data") or {}).get("name")
        msg = p.message_object(
            body,
            message_id=snowflake(),
            channel_id=int(payload.get("channel_id") or 0),
            author=self.bot_user,
            guild_id=int(payload["guild_id"]) if payload.get("guild_id") else None,
            webhook_id=self.application_id,
            interaction=meta,
        )
        self.messages[int(msg["id"])] = msg
        if not int(msg["flags"]) & LOADING:
            self.message_log.append(msg)
        return msg

    def _webhook(self, args: dict[str, str]) -> InteractionResult:
        if int(args["app_id"]) != self.application_id:
            self.errors.append(f"webhook {args['app_id']} is not the application's")
            raise DiscordError(404, 10015, "Unknown Webhook")
        result = self._interaction(args["token"])
        if result.callback is None:
            self.errors.append(f"follow-up on {result.describe()} before any callback")
            raise DiscordError(404, 10015, "Unknown Webhook")
        return result

    async def _followup(self, rec: RecordedRequest, args: dict[str, str]) -> tuple[int, Any]:
        result = self._webhook(args)
        body = dict(rec.json or {})
        original = result.original
        if original is not None and int(original["flags"]) & LOADING:
            # Discord turns the first follow-up after a deferral into the deferred message.
            p.apply_edit(original, body)
            original["flags"] = int(original["flags"]) & ~LOADING
            self.message_log.append(original)
            msg = original
        else:
            msg = self._interaction_message(result, body)
            msg["attachments"] = _attachments(rec)
            result.followups.append(msg)
        result.add(InteractionResponse("followup", body, message=msg))
        if rec.query.get("wait") in ("true", "1", "True"):
            return 200, msg
        return 204, None

    def _hook_message(self, result: InteractionResult, message_id: str) -> dict[str, Any]:
        if message_id == "@original":
            if result.original is None:
                raise DiscordError(404, 10008, "Unknown Message")
            return result.original
        msg = next((m for m in result.followups if m["id"] == message_id), None)
        if msg is None and result.original and result.original["id"] == message_id:
            msg = result.original
        if msg is None:
            raise DiscordError(404, 10008, "Unknown Message")
        return msg

    async def _get_hook_message(
        self, rec: RecordedRequest, args: dict[str, str]
    ) -> tuple[int, Any]:
        return 200, self._hook_message(self._webhook(args), args["message_id"])

    async def _edit_hook_message(
        self, rec: RecordedRequest, args: dict[str, str]
    ) -> tuple[int, Any]:
        result = self._webhook(args)
        msg = self._hook_message(result, args["message_id"])
        was_loading = int(msg["flags"]) & LOADING
        p.apply_edit(msg, rec.json or {})
        msg["flags"] = int(msg["flags"]) & ~LOADING
        if was_loading:
            self.message_log.append(msg)
        kind = "edit_original" if msg is result.original else "edit_followup"
        result.add(InteractionResponse(kind, rec.json, message=msg))
        return 200, msg

    async def _delete_hook_message(
        self, rec: RecordedRequest, args: dict[str, str]
    ) -> tuple[int, Any]:
        result = self._webhook(args)
        msg = self._hook_message(result, args["message_id"])
        self.messages.pop(int(msg["id"]), None)
        if msg is result.original:
            result.original = None
            result.add(InteractionResponse("delete_original", None, message=msg))
        else:
            result.followups.remove(msg)
            result.add(InteractionResponse("delete_followup", None, message=msg))
        return 204, None


def _error(
    status: int, code: int, message: str, extra: dict[str, Any] | None = None
) -> web.Response:
    return _json({"message": message, "code": code, **(extra or {})}, status)


def _rate_limited(retry_after: float, is_global: bool) -> web.Response:
    """Discord's 429: the JSON body and headers discord.py reads (Via marks it Discord's
    own, not Cloudflare's ban) before it waits `retry_after` seconds and tries again."""
    body = {"message": "You are being rate limited.", "retry_after": retry_after}
    body["global"] = is_global
    headers = {
        "Content-Type": "application/json",
        "Via": "1.1 google",
        "Retry-After": str(max(1, round(retry_after))),
        "X-RateLimit-Scope": "global" if is_global else "user",
    }
    if is_global:
        headers["X-RateLimit-Global"] = "true"
    return web.Response(body=json.dumps(body).encode(), status=429, headers=headers)


def _json(body: Any, status: int) -> web.Response:
    # discord.py only decodes JSON when Content-Type is exactly application/json (no charset).
    return web.Response(
        body=json.dumps(body).encode(), status=status, headers={"Content-Type": "application/json"}
    )


def _attachments(rec: RecordedRequest) -> list[dict[str, Any]]:
    return [
        {
            "id": str(snowflake()),
            "filename": f.get("filename") or "file",
            "size": f["size"],
            "url": f"https://cdn.invalid/{f.get('filename')}",
            "proxy_url": f"https://cdn.invalid/{f.get('filename')}",
        }
        for f in rec.files
    ]


def _walk_components(components: list[dict[str, Any]]):
    for c in components:
        yield c
        yield from _walk_components(c.get("components") or [])
        if isinstance(c.get("accessory"), dict):
            yield c["accessory"]


def _find_component(components: list[dict[str, Any]], custom_id: str) -> dict[str, Any] | None:
    return next((c for c in _walk_components(components) if c.get("custom_id") == custom_id), None)


def _custom_ids(components: list[dict[str, Any]]) -> list[str]:
    return [c["custom_id"] for c in _walk_components(components) if c.get("custom_id")]
