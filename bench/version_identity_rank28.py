"""rank28's identity check: asks every readable set's question that could reach the
version rule (a superset of present.asks_version: it needs "when", or which/what with
version/release) of both libraries with the rule off and on, and prints the questions
whose reply differs (+ right only on, - right only off, = neither). Run from the root:

    PYTHONPATH=. python bench/version_identity_rank28.py SCRATCH

SCRATCH holds the caches (blogs.db, news.db, built when missing) and the replies."""

import glob
import json
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, "bench")
from answers import LIBRARY_ROOTS, link_tree  # noqa: E402

MAY_ASK = re.compile(r"when|wen|vers|veri|rel|vesion|verison|vrs")


def ask(content: Path, db: str, questions: list[str], policy: str | None) -> list[dict]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if policy:
        env["SEARCH_POLICY"] = policy
    cmd = [sys.executable, "-m", "bot", "--content", str(content), "--db", db]
    p = subprocess.run(
        [*cmd, "ask", "-", "--json"],
        input="\n".join(questions),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    objs = [json.loads(line) for line in p.stdout.splitlines() if line.startswith("{")]
    assert len(objs) == len(questions), (len(objs), p.stderr[-500:])
    return objs


def main() -> None:
    scratch = Path(sys.argv[1])
    off = scratch / "off.json"
    off.write_text('{"version_margin": 0}')
    asked: dict[str, list[tuple]] = {}
    files = sorted(glob.glob("bench/answers_*.jsonl")) + ["bench/probes_rank28.jsonl"]
    for f in files:
        if "fresh20" in f or "fresh21" in f:
            continue
        for line in Path(f).read_text().splitlines():
            r = json.loads(line)
            q = r.get("question", "")
            if MAY_ASK.search(q.lower()):
                where = (Path(f).stem, r.get("set"), r.get("split"), r.get("articles") or [])
                asked.setdefault(q, []).append(where)
    questions = sorted(asked)
    print(len(questions), "questions", file=sys.stderr)
    differ = 0
    for lib in ("blogs", "news"):
        db = str(scratch / f"{lib}.db")
        content = LIBRARY_ROOTS["blogs"]["blogs"] if lib == "blogs" else scratch / "news-content"
        if lib == "news" and not content.exists():
            link_tree(LIBRARY_ROOTS["news"], content)
        if not os.path.exists(db):
            cmd = [sys.executable, "-m", "bot", "--content", str(content), "--db", db]
            subprocess.run([*cmd, "reload", "--json"], check=True, capture_output=True)
        before = ask(content, db, questions, str(off))
        after = ask(content, db, questions, os.environ.get("SEARCH_POLICY"))
        for q, a, b in zip(questions, before, after, strict=True):
            if a == b:
                continue
            differ += 1
            was = (a.get("article") or {}).get("slug", "")
            now = (b.get("article") or {}).get("slug", "")
            for src, kind, split, arts in asked[q]:
                tag = "+" if now in arts and was not in arts else "="
                tag = "-" if was in arts and now not in arts else tag
                print(lib, src, kind, split, tag, q, was[-32:], "->", now[-32:], sep="\t")
    print("differing replies:", differ, "of", 2 * len(questions), file=sys.stderr)


if __name__ == "__main__":
    main()
