"""Other versions of the code for a bench to run beside this one: a git ref checked out
in a temporary worktree, and a helper that runs a script with a given tree's code."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


class CheckoutError(Exception):
    """The ref cannot be checked out; str() is git's one-line reason."""


@contextlib.contextmanager
def checkout(ref: str) -> Iterator[Path]:
    """`ref` checked out (detached) in a temporary worktree, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="bench-ref-") as tmp:
        path = Path(tmp) / "tree"
        done = subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "--detach", str(path), ref],
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise CheckoutError(f"cannot check out {ref}: {done.stderr.strip()}")
        try:
            yield path
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(path)],
                capture_output=True,
            )


def run_with(code: Path, script: str, args: Sequence[str]) -> str:
    """Run `script` (Python source) in a fresh interpreter that imports `bot` from the
    tree at `code` (its parse workers too: they start in the same folder); its stdout."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=code,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def load() -> str:
    """The load average, to print beside figures taken on a shared machine."""
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
