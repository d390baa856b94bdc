"""Parse workers end with the reload's process, even when it is killed (kill -9)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT

PIDS = "ARTICLEBOT_TEST_WORKER_PIDS"


def slow_read_and_parse(root: str, items: list, max_bytes: int) -> list:
    """Stands in for bot.library.workers.read_and_parse in a worker: says where it runs, hangs."""
    Path(os.environ[PIDS], str(os.getpid())).touch()
    time.sleep(600)
    return []


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def test_workers_exit_when_the_reload_is_killed(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for i in range(200):  # enough to parse in worker processes
        (content / f"a{i}.md").write_text(f"---\ntitle: Article {i}\n---\n<p>Text {i}.</p>\n")
    pids = tmp_path / "pids"
    pids.mkdir()
    script = (
        "import asyncio, bot.library.sync as sync, bot.library.workers as w\n"
        "import tests.test_workers as t\n"
        "w.read_and_parse = t.slow_read_and_parse\n"
        f"asyncio.run(sync.Library({str(content)!r}, {str(tmp_path / 'a.db')!r},"
        " workers=2).reload())\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), PIDS: str(pids)},
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = [int(p.name) for p in pids.iterdir()]
            time.sleep(0.1)
        assert len(workers) == 2, "the reload did not start its workers"
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    try:
        deadline = time.monotonic() + 15
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(pid) for pid in workers), "workers outlived the killed reload"
    finally:
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
