"""Point the unmodified discord.py client at other REST and gateway endpoints.

Used for DISCORD_API_BASE / DISCORD_GATEWAY_URL (an HTTP or gateway proxy) and by the
tests' fake Discord. discord.py has no settings for either, so two class-level knobs
are turned, both reversibly:

- REST: every request URL is `Route.BASE + path`, and interaction/webhook calls use the
  same Route class, so setting `discord.http.Route.BASE` moves all of REST.
- Gateway: a plain Client never asks /gateway/bot; it connects to
  `DiscordWebSocket.DEFAULT_GATEWAY`, later to READY's `resume_gateway_url`, and an
  AutoShardedClient to the URL /gateway/bot returns. Behind a proxy all three must be
  the proxy, so `DiscordWebSocket.from_client` (the one place every connection and
  resume goes through) is wrapped to substitute the configured URL.
"""

from __future__ import annotations

from typing import Any

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

_ORIGINAL_BASE: str = Route.BASE
_ORIGINAL_DEFAULT_GATEWAY: yarl.URL = DiscordWebSocket.DEFAULT_GATEWAY
_ORIGINAL_FROM_CLIENT: Any = DiscordWebSocket.__dict__["from_client"]  # the classmethod object

_gateway_override: yarl.URL | None = None


async def _from_client(cls: type[DiscordWebSocket], client: Any, **kwargs: Any) -> Any:
    if _gateway_override is not None:
        kwargs["gateway"] = _gateway_override
    return await _ORIGINAL_FROM_CLIENT.__func__(cls, client, **kwargs)


def use_endpoints(api_base: str | None, gateway_url: str | None) -> None:
    """Send discord.py's REST calls to api_base and gateway connections to gateway_url.

    None means Discord's own endpoint. Idempotent; use_endpoints(None, None) undoes it.
    """
    global _gateway_override
    Route.BASE = api_base.rstrip("/") if api_base else _ORIGINAL_BASE
    if gateway_url:
        _gateway_override = yarl.URL(gateway_url)
        DiscordWebSocket.DEFAULT_GATEWAY = _gateway_override
        DiscordWebSocket.from_client = classmethod(_from_client)  # type: ignore[method-assign,assignment]
    else:
        _gateway_override = None
        DiscordWebSocket.DEFAULT_GATEWAY = _ORIGINAL_DEFAULT_GATEWAY
        DiscordWebSocket.from_client = _ORIGINAL_FROM_CLIENT  # type: ignore[method-assign]


def reset_endpoints() -> None:
    """Restore Discord's own endpoints."""
    use_endpoints(None, None)


def current_endpoints() -> tuple[str, str]:
    """The REST base and gateway URL discord.py currently uses."""
    gateway = _gateway_override or DiscordWebSocket.DEFAULT_GATEWAY
    return Route.BASE, str(gateway)
