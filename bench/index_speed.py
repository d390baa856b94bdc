"""Start-up, memory and reload figures of the saved search index, beside their baselines.

    .venv/bin/python bench/index_speed.py --library /tmp/gen100k --db /tmp/load100k.db
    .venv/bin/python bench/index_speed.py --library DIR --db FILE --baseline /tmp/main --rounds 5

Every figure is printed beside its baseline from the same run, rounds alternating between
the programs compared (the machine is shared: read the medians). The baselines are the code
in `--baseline` (a checkout of an earlier commit: the index rebuilt at every start), plain
FTS5 (the cache's own full-text table, queried by bm25) and tantivy (an index on disk,
built once from the cache's articles, not timed).

1. **Start → first answer**: a fresh process is started and asked one question; the time
   until its answer is read back. For the project that is `python -m bot ask - --json`
   (the command line's batch mode), with the search index saved by an earlier run.
2. **Memory at rest**: that process's RSS (and of it, the pages mapped from files, which
   the OS may drop) read from /proc once it has answered and waits for the next line.
3. **Index ready after a reload that changed 1k articles**: in one process per program,
   the index is loaded, following reloads; 800 articles are edited (title and body), 100
   removed and 100 added; the time from the reload's return until the new index serves.

Nothing outside a temporary folder is written: the caches are copied (and reloaded once by
their program, so a cache made by other code is not re-parsed in the timed reload), and the
library is a folder of per-file symlinks whose changed files become real files.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "how do I cancel a long running goroutine"
TARGETS = {"start": 0.8, "rss": 150.0, "ready": 0.5}  # issue 19, at 100k articles

FTS5_CHILD = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for line in sys.stdin:
    match = " OR ".join('"' + w + '"' for w in line.split())
    rows = db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
                      " ORDER BY bm25(articles_fts) LIMIT 5", (match,)).fetchall()
    print(rows[0][0] if rows else None, flush=True)
"""
TANTIVY_CHILD = """
import sys, tantivy
index = tantivy.Index.open(sys.argv[1])
searcher = index.searcher()
for line in sys.stdin:
    hits = searcher.search(index.parse_query(line.strip(), ["title", "description", "text"]), 5)
    print(searcher.doc(hits.hits[0][1])["id"][0] if hits.hits else None, flush=True)
"""
RELOAD_CHILD = """
import asyncio, json, sys, time
from pathlib import Path
from bot.library.sync import Library
from bot.search.engine import SearchEngine

async def main(content, db):
    lib = Library(Path(content), Path(db))
    await lib.open()
    engine = SearchEngine(lib)
    engine.follow_reloads()
    await engine.index()
    print("loaded", flush=True)
    sys.stdin.readline()  # the library is changed meanwhile
    started = time.perf_counter()
    report = await lib.reload()
    reloaded = time.perf_counter()
    while not engine.ready:  # swapped in: what queries see from then on
        await asyncio.sleep(0.002)
    ready = time.perf_counter()
    print(json.dumps({"reload": reloaded - started, "ready": ready - reloaded,
                      "changed": [report.added, report.updated, report.removed]}), flush=True)
    await engine.refreshed()
    await lib.close()

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


@dataclass
class Program:
    """One program compared: how to start it, and its figures."""

    name: str
    command: Callable[[], list[str]]
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path = ROOT
    starts: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    file_rss: list[float] = field(default_factory=list)
    ready: list[float] = field(default_factory=list)
    reloads: list[float] = field(default_factory=list)

    def spawn(self, command: list[str], **options: Any) -> subprocess.Popen[str]:
        """`command` started in the program's folder and environment, talked to by lines."""
        proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=self.cwd,
            env={**os.environ, **self.env},
            **options,
        )
        assert proc.stdin is not None and proc.stdout is not None
        return proc


def memory(pid: int) -> tuple[float, float]:
    """(RSS, the part of it mapped from files) of a process, in MB."""
    found: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "RssFile"):
            found[key] = int(value.split()[0]) / 1024
    return found.get("VmRSS", 0.0), found.get("RssFile", 0.0)


def first_answer(program: Program, question: str) -> None:
    """Start the program, ask one line, time the answer; then read its memory at rest."""
    started = time.perf_counter()
    proc = program.spawn(program.command(), stderr=subprocess.DEVNULL)
    proc.stdin.write(question + "\n")
    proc.stdin.flush()
    answer = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    time.sleep(0.3)  # at rest: waiting for the next line
    rss, mapped = memory(proc.pid)
    proc.stdin.close()
    proc.wait(timeout=60)
    if not answer.strip():
        raise SystemExit(f"{program.name} gave no answer")
    program.starts.append(elapsed)
    program.rss.append(rss)
    program.file_rss.append(mapped)


def _bot(content: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "bot", "--content", str(content), "--db", str(db)]


def project(name: str, repo: Path, content: Path, db: Path) -> Program:
    command = _bot(content, db)
    return Program(
        name,
        lambda: [*command, "ask", "-", "--json"],
        env={"PYTHONPATH": str(repo), "LOG_LEVEL": "WARNING"},
        cwd=repo,
    )


def build_tantivy(db: Path, where: Path) -> None:
    """A tantivy index on disk of the cache's articles (title, description, text)."""
    import sqlite3

    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_unsigned_field("id", stored=True)
    for f in ("title", "description", "text"):
        sb.add_text_field(f, tokenizer_name="en_stem")
    where.mkdir(parents=True)
    index = tantivy.Index(sb.build(), path=str(where))
    writer = index.writer()
    source = sqlite3.connect(db)
    for aid, title, description, text in source.execute(
        "SELECT id, title, coalesce(description, ''), text FROM articles"
    ):
        writer.add_document(
            tantivy.Document(id=aid, title=title, description=description, text=text)
        )
    writer.commit()
    writer.wait_merging_threads()
    source.close()


# -- the reload --------------------------------------------------------------------------


def symlink_library(source: Path, farm: Path) -> list[str]:
    """A folder of per-file symlinks mirroring source; returns the article paths."""
    paths: list[str] = []
    for folder, _, files in os.walk(source):
        rel = Path(folder).relative_to(source)
        (farm / rel).mkdir(parents=True, exist_ok=True)
        for f in files:
            if f.endswith(".md"):
                os.symlink(Path(folder) / f, farm / rel / f)
                paths.append(str(rel / f))
    paths.sort()
    return paths


class Changes:
    """800 articles edited (title and body), 100 removed, 100 added; undone afterwards."""

    def __init__(self, source: Path, farm: Path, paths: list[str], seed: int = 19) -> None:
        rng = random.Random(seed)
        picked = rng.sample(paths, 1000)
        self.source, self.farm = source, farm
        self.edited, self.removed, self.copied = picked[:800], picked[800:900], picked[900:]
        self.added: list[Path] = []

    def _changed(self, rel: str, **fields: str) -> str:
        """The article at rel with frontmatter fields changed ("{}" in a value: the old)."""
        _, head, body = (self.source / rel).read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(head)
        for key, value in fields.items():
            meta[key] = value.format(meta.get(key, ""))
        return f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}"

    def apply(self) -> None:
        for rel in self.edited:
            text = self._changed(rel, title="{} revised")
            (self.farm / rel).unlink()
            (self.farm / rel).write_text(text + "<p>A paragraph added later.</p>\n")
        for rel in self.removed:
            (self.farm / rel).unlink()
        for i, rel in enumerate(self.copied):
            path = self.farm / Path(rel).parent / f"added-{i}.md"
            path.write_text(self._changed(rel, slug=f"added-{i}", title=f"Added {{}} {i}"))
            self.added.append(path)

    def undo(self) -> None:
        for rel in self.edited + self.removed:
            (self.farm / rel).unlink(missing_ok=True)
            os.symlink(self.source / rel, self.farm / rel)
        for path in self.added:
            path.unlink()
        self.added = []


def reload_round(program: Program, content: Path, db: Path, changes: Changes) -> None:
    """One reload of the changed library in a fresh process of the program."""
    proc = program.spawn([sys.executable, "-c", RELOAD_CHILD, str(content), str(db)])
    try:
        if proc.stdout.readline().strip() != "loaded":
            raise SystemExit(f"{program.name}: the reload process did not start")
        changes.apply()
        proc.stdin.write("go\n")
        proc.stdin.flush()
        found = json.loads(proc.stdout.readline())
        proc.wait(timeout=120)
    finally:
        changes.undo()
    program.ready.append(found["ready"])
    program.reloads.append(found["reload"])


# -- the run -----------------------------------------------------------------------------


def prepare(args: argparse.Namespace, work: Path) -> tuple[Path, dict[str, Path]]:
    """The copies each program runs on (made once per --work folder): returns the pristine
    cache and the one per project program, its search index saved by a first start."""
    pristine = work / "cache.db"
    if not pristine.exists():
        shutil.copyfile(args.db, pristine)
    dbs = {"this code": work / "this.db"}
    if args.baseline:
        dbs["baseline"] = work / "baseline.db"
    for name, db in dbs.items():
        if not db.exists():
            shutil.copyfile(pristine, db)
            repo = ROOT if name == "this code" else Path(args.baseline)
            # Each program's own reload first: a cache made by other code (another parser
            # version) is re-parsed whole here, not in the timed reload.
            subprocess.run(
                [*_bot(Path(args.library), db), "reload", "--json"],
                cwd=repo,
                env={**os.environ, "PYTHONPATH": str(repo), "LOG_LEVEL": "WARNING"},
                stdout=subprocess.DEVNULL,
                check=True,
            )
            program = project(name, repo, Path(args.library), db)
            first_answer(program, QUESTION)
            print(f"{name}: first start on a copied cache {program.starts[0]:.2f}s")
    return pristine, dbs


def programs(args: argparse.Namespace, work: Path, pristine: Path, dbs: dict) -> list[Program]:
    content = Path(args.library)
    out = [project("this code", ROOT, content, dbs["this code"])]
    if args.baseline:
        out.append(project("baseline", Path(args.baseline), content, dbs["baseline"]))
    out.append(Program("FTS5", lambda: [sys.executable, "-c", FTS5_CHILD, str(pristine)]))
    if not args.skip_tantivy:
        where = work / "tantivy"
        if not where.exists():
            print("building the tantivy index (once per --work folder) …")
            build_tantivy(pristine, where)
        out.append(Program("tantivy", lambda: [sys.executable, "-c", TANTIVY_CHILD, str(where)]))
    return out


def reload_rounds(args: argparse.Namespace, work: Path, dbs: dict, compared: list[Program]):
    farm = work / "library"
    if not farm.exists():
        print("making the library of symlinks (once per --work folder) …")
        symlink_library(Path(args.library), farm)
    paths = sorted(
        str(p.relative_to(farm)) for p in farm.rglob("*.md") if not p.name.startswith("added-")
    )
    changes = Changes(Path(args.library).resolve(), farm, paths)
    for r in range(args.rounds):
        for program in compared if r % 2 == 0 else compared[::-1]:
            db = work / "round.db"
            shutil.copyfile(dbs[program.name], db)
            index = Path(f"{dbs[program.name]}.index")
            if index.exists():
                shutil.copyfile(index, Path(f"{db}.index"))
            reload_round(program, farm, db, changes)
            for leftover in work.glob("round.db*"):
                leftover.unlink()


def _median(values: list[float], unit: str, scale: float = 1.0) -> str:
    if not values:
        return "-"
    spread = f" ({min(values) * scale:.2f}-{max(values) * scale:.2f})" if len(values) > 1 else ""
    return f"{statistics.median(values) * scale:.2f}{unit}{spread}"


def report(compared: list[Program], rounds: int) -> None:
    print(f"\nmedians of {rounds} rounds (range in brackets), programs alternating")
    print(f"{'':24}" + "".join(f"{p.name:>26}" for p in compared))
    rows = [
        (f"start → answer (≤ {TARGETS['start']} s)", lambda p: _median(p.starts, " s")),
        (f"RSS at rest (≤ {TARGETS['rss']:.0f} MB)", lambda p: _median(p.rss, " MB")),
        ("  of it mapped files", lambda p: _median(p.file_rss, " MB")),
        (f"index ready (≤ {TARGETS['ready']} s)", lambda p: _median(p.ready, " s")),
        ("  the reload itself", lambda p: _median(p.reloads, " s")),
    ]
    for label, cell in rows:
        print(f"{label:24}" + "".join(f"{cell(p):>26}" for p in compared))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", required=True, help="the content folder the cache is of")
    ap.add_argument("--db", required=True, help="a cache built from it (read, never written)")
    ap.add_argument("--baseline", help="a checkout of the code to compare with")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", help="keep the copies, symlinks and tantivy index here")
    ap.add_argument("--question", default=QUESTION)
    ap.add_argument("--skip-tantivy", action="store_true")
    ap.add_argument("--skip-reload", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="index-speed-") as tmp:
        work = Path(args.work) if args.work else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        pristine, dbs = prepare(args, work)
        compared = programs(args, work, pristine, dbs)
        for r in range(args.rounds):
            for program in compared if r % 2 == 0 else compared[::-1]:
                first_answer(program, args.question)
        if not args.skip_reload:
            reload_rounds(args, work, dbs, [p for p in compared if p.name in dbs])
        report(compared, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
