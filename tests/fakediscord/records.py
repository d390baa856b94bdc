"""What the fake saw: REST requests, interaction responses, and the bot's replies."""

# ruff: noqa: ASYNC109 -- explicit timeout arguments are part of this test harness's API

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Interaction callback types (Discord's InteractionResponseType).
PONG, MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE = 1, 4, 5, 6, 7
AUTOCOMPLETE_RESULT, MODAL = 8, 9
EPHEMERAL = 1 << 6

# Routes whose body creates or edits a message the user sees.
_MESSAGE_ROUTES = ("/messages", "/callback", "/webhooks/")


@dataclass
class RecordedRequest:
    """One REST request the bot made."""

    method: str
    path: str  # below the API base, e.g. /channels/1/messages
    json: Any = None  # the JSON body, or the payload_json part of a multipart body
    query: dict[str, str] = field(default_factory=dict)
    files: list[dict[str, Any]] = field(default_factory=list)
    status: int = 0
    operation: str | None = None  # spec operationId, when the route is in the spec
    errors: list[str] = field(default_factory=list)

    @property
    def message_body(self) -> dict[str, Any] | None:
        """The message part of the body: the body itself, or `data` of a message callback."""
        if not isinstance(self.json, dict):
            return None
        if self.path.endswith("/callback"):
            if self.json.get("type") in (MESSAGE, UPDATE_MESSAGE):
                return self.json.get("data") or {}
            return None
        if self.method in ("POST", "PATCH") and any(r in self.path for r in _MESSAGE_ROUTES):
            if "/threads" in self.path or "/commands" in self.path:
                return None
            return self.json
        return None

    @property
    def sends_message(self) -> bool:
        """True when this request posts or edits visible message content."""
        body = self.message_body
        return bool(body) and any(body.get(k) for k in ("content", "embeds", "components", "poll"))

    @property
    def allowed_mentions(self) -> dict[str, Any] | None:
        """The allowed_mentions of a message-sending request (None when absent)."""
        body = self.message_body
        return None if body is None else body.get("allowed_mentions")

    def __repr__(self) -> str:
        return f"<{self.method} {self.path} -> {self.status}{' ERR' if self.errors else ''}>"


@dataclass
class InteractionResponse:
    """One thing the bot did with an interaction's token, in order."""

    kind: str  # callback | followup | edit_original | delete_original | edit_followup | delete_followup
    body: Any
    type: int | None = None  # callback type for kind == "callback"
    message: dict[str, Any] | None = None  # the message created or edited, if any


class InteractionResult:
    """The bot's answer to one interaction. `await result` waits until it is answered.

    Answered means: a message, update, autocomplete result or modal callback; or, after a
    deferral, the first follow-up or edit of the original response (or, after a deferred
    update, its deletion).
    """

    def __init__(self, payload: dict[str, Any], *, timeout: float = 5.0) -> None:
        self.payload = payload
        self.id = int(payload["id"])
        self.token: str = payload["token"]
        self.timeout = timeout
        self.responses: list[InteractionResponse] = []
        self.original: dict[str, Any] | None = None  # the @original message, kept current
        self.followups: list[dict[str, Any]] = []
        self.rejections: list[str] = []  # the bot's requests the fake refused
        self.created = 0.0  # loop time of dispatch, for the 3 s deadline
        self.component_message: dict[str, Any] | None = None  # what a click was on
        self._changed = asyncio.Event()

    # --- recording (called by the server) ---
    def add(self, response: InteractionResponse) -> None:
        self.responses.append(response)
        self._changed.set()

    def reject(self, problems: list[str]) -> None:
        self.rejections += problems
        self._changed.set()

    # --- waiting ---
    def __await__(self):
        return self.wait_answered().__await__()

    async def wait_answered(self, timeout: float | None = None) -> InteractionResult:
        """Wait until the interaction is answered (see class doc); returns self."""
        return await self.wait(lambda r: r.answered, timeout, "an answer")

    async def wait_responses(self, count: int, timeout: float | None = None) -> InteractionResult:
        """Wait until at least `count` responses (callback, follow-ups, edits) arrived."""
        return await self.wait(lambda r: len(r.responses) >= count, timeout, f"{count} responses")

    async def wait(
        self,
        predicate: Callable[[InteractionResult], bool],
        timeout: float | None,
        what: str = "it",
    ) -> InteractionResult:
        """Wait until predicate(self) holds; AssertionError on timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + (self.timeout if timeout is None else timeout)
        while not predicate(self):
            if self.rejections:
                raise AssertionError(
                    f"interaction {self.describe()}: the fake rejected the bot's request:\n  "
                    + "\n  ".join(self.rejections)
                )
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(
                    f"interaction {self.describe()} got no {what}; responses: {self.responses!r}"
                )
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)
        return self

    def describe(self) -> str:
        data = self.payload.get("data") or {}
        return str(data.get("name") or data.get("custom_id") or self.id)

    # --- reading ---
    @property
    def callback(self) -> InteractionResponse | None:
        return next((r for r in self.responses if r.kind == "callback"), None)

    @property
    def deferred(self) -> bool:
        cb = self.callback
        return cb is not None and cb.type in (DEFERRED_MESSAGE, DEFERRED_UPDATE)

    @property
    def answered(self) -> bool:
        cb = self.callback
        if cb is None:
            return False
        if cb.type == DEFERRED_MESSAGE:
            return any(r.kind in ("followup", "edit_original") for r in self.responses)
        if cb.type == DEFERRED_UPDATE:  # the clicked message then changes, or goes
            done = ("followup", "edit_original", "delete_original")
            return any(r.kind in done for r in self.responses)
        return True

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The original response (if any) then the follow-ups, as they are now."""
        return ([self.original] if self.original else []) + self.followups

    @property
    def message(self) -> dict[str, Any] | None:
        """The latest visible message: the last follow-up, else the original response."""
        return self.followups[-1] if self.followups else self.original

    @property
    def content(self) -> str:
        return (self.message or {}).get("content") or ""

    @property
    def text(self) -> str:
        """Everything the latest message says: content, then each embed's title,
        description, fields, author and footer (errors come as embeds)."""
        parts = [self.content]
        for e in self.embeds:
            parts += [e.get("title") or "", e.get("description") or ""]
            parts += [f"{f['name']}\n{f['value']}" for f in e.get("fields") or []]
            parts += [
                (e.get(k) or {}).get(n) or "" for k, n in (("author", "name"), ("footer", "text"))
            ]
        return "\n".join(p for p in parts if p)

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return (self.message or {}).get("embeds") or []

    @property
    def components(self) -> list[dict[str, Any]]:
        return (self.message or {}).get("components") or []

    @property
    def ephemeral(self) -> bool:
        return bool(int((self.message or {}).get("flags") or 0) & EPHEMERAL)

    @property
    def choices(self) -> list[dict[str, Any]]:
        """Autocomplete choices ({name, value}) from an autocomplete result callback."""
        cb = self.callback
        if cb is None or cb.type != AUTOCOMPLETE_RESULT:
            return []
        return (cb.body.get("data") or {}).get("choices") or []

    @property
    def modal(self) -> dict[str, Any] | None:
        cb = self.callback
        return cb.body.get("data") if cb is not None and cb.type == MODAL else None

    def __repr__(self) -> str:
        return f"<InteractionResult {self.describe()} responses={len(self.responses)}>"


class Replies:
    """Messages the bot posts in a channel after a given point. `await` waits for the first."""

    def __init__(self, fake: Any, channel_id: int, start: int, timeout: float = 5.0) -> None:
        self._fake = fake
        self.channel_id = channel_id
        self._start = start
        self.timeout = timeout

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The bot's messages in the channel since the trigger, as they are now."""
        return [
            m
            for m in self._fake.message_log[self._start :]
            if int(m["channel_id"]) == self.channel_id
            and int(m["author"]["id"]) == self._fake.bot_user.id
        ]

    def __await__(self):
        return self.wait(1).__await__()

    async def wait(self, count: int = 1, timeout: float | None = None) -> list[dict[str, Any]]:
        """Wait until at least `count` bot messages arrived; returns them."""
        await self._fake.wait_for(
            lambda: len(self.messages) >= count,
            timeout=self.timeout if timeout is None else timeout,
            what=f"{count} bot message(s) in channel {self.channel_id}",
        )
        return self.messages
