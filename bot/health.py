"""Is the running bot alive? The heartbeat file it writes, and what `bot health` reads in it.

A cache that opens says nothing about the bot: its event loop may be stuck, its gateway
gone or its state database unreachable. So the running bot writes a small JSON file
every HEARTBEAT_SECONDS from its event loop (the write proves the loop turns), saying
how its gateway and state are; `bot health`, another process, reads it. A clean shutdown
removes the file, so a bot that is not running is not a failing one.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

Gateway = Literal["starting", "connected", "disconnected"]
# A heartbeat older than this many beats means the loop that writes it is stuck or dead.
STALE_BEATS = 3


@dataclass(frozen=True, slots=True)
class Beat:
    """One heartbeat: when, by whom, and how the bot's connections were."""

    at: float  # seconds since the epoch
    pid: int
    gateway: Gateway
    state: str | None = None  # why the state database cannot be reached, else None


def write_beat(path: Path, beat: Beat) -> None:
    """Replace the heartbeat file at once (readers never see half a file)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(asdict(beat)), encoding="utf-8")
    os.replace(tmp, path)


def remove_beat(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def beat_problem(path: Path, interval: float, now: float | None = None) -> str | None:
    """Why the bot that writes `path` is not healthy, or None (also when no bot runs)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        beat = Beat(**data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        return f"cannot read the heartbeat {path}: {exc}"
    age = (time.time() if now is None else now) - beat.at
    if age > STALE_BEATS * interval:
        return f"the bot (pid {beat.pid}) has not written its heartbeat for {age:.0f} s: stuck?"
    if beat.gateway == "disconnected":
        return "the bot is not connected to Discord's gateway"
    if beat.state is not None:
        return f"the bot cannot reach its state database: {beat.state}"
    return None
