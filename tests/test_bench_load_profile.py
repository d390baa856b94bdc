"""The load test's py-spy recording (bench/load.py --profile): the command it starts."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

# The benches import each other as top-level modules from their own folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import load  # noqa: E402


def _recorded_arguments(tmp_path: Path, gil: bool) -> list[str]:
    """The arguments start_profiler gives py-spy (a stand-in script that writes them down)."""
    seen = tmp_path / "argv.txt"
    spy = tmp_path / "py-spy"
    spy.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {seen}\n')
    spy.chmod(0o755)
    args = argparse.Namespace(profile=tmp_path / "out.txt", py_spy=str(spy), profile_gil=gil)

    async def run() -> None:
        proc = await load.start_profiler(args, 4321)
        assert proc is not None
        await proc.wait()

    asyncio.run(run())
    return seen.read_text().split()


def test_profile_gil_records_only_samples_holding_the_gil(tmp_path: Path) -> None:
    plain = _recorded_arguments(tmp_path, gil=False)
    assert plain[:3] == ["record", "--pid", "4321"]
    assert "--gil" not in plain
    assert "--gil" in _recorded_arguments(tmp_path, gil=True)
