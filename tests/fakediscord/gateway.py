"""The fake's gateway websocket: HELLO, heartbeats, IDENTIFY/READY/GUILD_CREATE, dispatch."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

log = logging.getLogger("fakediscord")


class _Connection:
    def __init__(self, ws: web.WebSocketResponse) -> None:
        self.ws = ws
        self.seq = 0
        self.session_id: str | None = None
        self.intents = 0
        self.lock = asyncio.Lock()

    async def send(self, payload: dict[str, Any]) -> None:
        async with self.lock:
            if payload.get("op") == 0:
                self.seq += 1
                payload = {**payload, "s": self.seq}
            if not self.ws.closed:
                await self.ws.send_str(json.dumps(payload))


class GatewayMixin:
    """Gateway half of FakeDiscord; uses its state (guilds, bot_user, token...)."""

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a gateway DISPATCH event to every identified connection.

        Events queued by world changes (add_channel, set_role_permissions...) go first.
        """
        await self.flush()
        await self._send_event(event, data)

    async def flush(self) -> None:
        """Wait until the events queued by world changes have been sent to the bot."""
        while self._pending:
            await asyncio.gather(*list(self._pending))

    async def _send_event(self, event: str, data: dict[str, Any]) -> None:
        for conn in list(self._connections):
            if conn.session_id is not None:
                await conn.send({"op": 0, "t": event, "d": data})

    def _dispatch_soon(self, event: str, build: Callable[[], dict[str, Any]]) -> None:
        """Tell a connected bot about a change made while it runs (no-op before start)."""
        if not any(c.session_id for c in self._connections):
            return
        task = asyncio.get_running_loop().create_task(self._send_event(event, build()))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    # ------------------------------------------------------------------ gateway
    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        conn = _Connection(ws)
        self._connections.append(conn)
        try:
            await conn.send({"op": 10, "d": {"heartbeat_interval": 41250}})
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                event = json.loads(msg.data)
                self.gateway_events.append(event)
                await self._on_gateway(conn, event)
        finally:
            self._connections.remove(conn)
        return ws

    async def _on_gateway(self, conn: _Connection, event: dict[str, Any]) -> None:
        op, data = event.get("op"), event.get("d")
        if op == 1:
            await conn.send({"op": 11})
        elif op == 2:
            if data.get("token") != self.token:
                await conn.ws.close(code=4004, message=b"Authentication failed.")
                return
            conn.intents = int(data.get("intents") or 0)
            conn.session_id = secrets.token_hex(16)
            await conn.send({"op": 0, "t": "READY", "d": self._ready_payload(conn)})
            for guild in self.guilds.values():
                await conn.send({"op": 0, "t": "GUILD_CREATE", "d": guild.to_dict()})
            self._identified.set()
        elif op == 6:
            known = any(c.session_id == data.get("session_id") for c in self._connections)
            conn.session_id = data.get("session_id") if known else None
            if known:
                conn.seq = int(data.get("seq") or 0)
                await conn.send({"op": 0, "t": "RESUMED", "d": {}})
            else:
                await conn.send({"op": 9, "d": False})
        elif op == 8:
            guild = self.guilds.get(int(data["guild_id"]))
            members = [m.to_dict() for m in guild.members.values()] if guild else []
            chunk: dict[str, Any] = {
                "guild_id": str(data["guild_id"]),
                "members": members,
                "chunk_index": 0,
                "chunk_count": 1,
                "not_found": [],
            }
            if data.get("nonce"):
                chunk["nonce"] = data["nonce"]
            await conn.send({"op": 0, "t": "GUILD_MEMBERS_CHUNK", "d": chunk})
        # op 3 (presence) and 4 (voice) need no answer.

    def _ready_payload(self, conn: _Connection) -> dict[str, Any]:
        return {
            "v": 10,
            "user": {**self.bot_user.to_dict(), "verified": True, "mfa_enabled": False},
            "guilds": [{"id": str(g), "unavailable": True} for g in self.guilds],
            "session_id": conn.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "shard": [0, 1],
            "application": {"id": str(self.application_id), "flags": self.application_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
        }
