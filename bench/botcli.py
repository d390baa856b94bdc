"""The project's command-line contract as the benches drive it: one `python -m bot` process
per command, JSON on stdout, a clear error when the contract is broken."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from corpus import REPO


class CliError(RuntimeError):
    """The project's command line is missing or broke its contract."""


def run_bot(
    content: Path,
    db: Path,
    *args: str,
    stdin: str | None = None,
    timeout: float = 900,
    env: Mapping[str, str] | None = None,
) -> str:
    """stdout of `python -m bot --content CONTENT --db DB ARGS...`; `env` adds settings."""
    cmd = [sys.executable, "-m", "bot", "--content", str(content), "--db", str(db), *args]
    full_env = {
        **os.environ,
        "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        **(env or {}),
    }
    try:
        p = subprocess.run(
            cmd,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=REPO,
            env=full_env,
        )
    except subprocess.TimeoutExpired as e:
        raise CliError(f"`{' '.join(args[:2])}` timed out after {timeout:.0f}s") from e
    if p.returncode != 0:
        err = (p.stderr.strip().splitlines() or ["(no stderr)"])[-1]
        raise CliError(f"`python -m bot {' '.join(args[:2])}` exited {p.returncode}: {err}")
    return p.stdout


def json_lines(out: str, n: int, what: str) -> list[dict]:
    """The `n` JSON objects a `COMMAND -` process wrote, one per input line."""
    lines = [ln for ln in out.splitlines() if ln.strip()]
    if len(lines) != n:
        raise CliError(f"`{what} -` wrote {len(lines)} JSON lines for {n} queries")
    try:
        return [json.loads(ln) for ln in lines]
    except json.JSONDecodeError as e:
        raise CliError(f"`{what} -` wrote a line that is not JSON: {e}") from e


def project_reload(content: Path, db: Path, env: Mapping[str, str] | None = None) -> dict:
    """Cold `reload --json` of `content` into `db`; returns the reload report."""
    out = run_bot(content, db, "reload", "--json", env=env)
    try:
        return json.loads(out.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError) as e:
        raise CliError(f"`reload --json` did not print a JSON object: {out[:200]!r}") from e
