"""Asks rank28's probes (bench/probes_rank28.jsonl) of a blogs cache and prints each first
article, right (OK) or not (XX), and the count per kind. Run from the repository root:

    PYTHONPATH=. python -m bot --content ../shared/corpus/blogs --db DB reload
    PYTHONPATH=. python bench/probes_rank28_run.py DB [--policy FILE]
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

BLOGS = "../shared/corpus/blogs"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--policy")
    args = ap.parse_args()
    lines = Path("bench/probes_rank28.jsonl").read_text().splitlines()
    rows = [json.loads(line) for line in lines]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if args.policy:
        env["SEARCH_POLICY"] = args.policy
    out = subprocess.run(
        [sys.executable, "-m", "bot", "--content", BLOGS, "--db", args.db, "ask", "-", "--json"],
        input="\n".join(r["question"] for r in rows),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    objs = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(objs) == len(rows), (len(objs), len(rows))
    right: dict[str, list[bool]] = {}
    for r, o in zip(rows, objs, strict=True):
        first = (o.get("article") or {}).get("slug") or ""
        hit = first in r["articles"]
        right.setdefault(r["kind"], []).append(hit)
        print("OK" if hit else "XX", r["kind"], r["question"], "->", first[-40:])
    for kind, hits in right.items():
        print(kind, sum(hits), "/", len(hits))


if __name__ == "__main__":
    main()
