"""Search quality on the labelled query set: the project's engine against three baselines.

Prints, per query class, top-1, MRR@5 and the share of queries with no result (rejection for
"unrelated", false rejection elsewhere) for the project (through its CLI contract) and for
rapidfuzz WRatio over titles, SQLite FTS5 bm25 and tantivy BM25; then `ask` top-1 on the
questions and ROUGE-L of summaries against the stripped human descriptions.
    .venv/bin/python bench/quality.py [--corpus PATH] [--classes a,b] [--skip-summaries]
        [--policy FILE] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

# The checkout's own `bot` first, then bench/: a venv installed from another worktree
# would otherwise give its code to what this script runs in process (--oracle).
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from botcli import CliError, json_lines, project_reload, run_bot  # noqa: E402
from corpus import Doc, corpus_dir, norm_text, read_docs, strip_description  # noqa: E402

QUERIES = Path(__file__).resolve().parent / "queries.jsonl"
K = 5
WRATIO_CUTOFF = 70.0  # rapidfuzz: a best score under this counts as "no result"
CLASSES = [
    "exact_title",
    "typo_title",
    "fragment",
    "fragment_typo",
    "tag",
    "question",
    "unrelated",
]
# (metric, threshold) per class, from issue 3; "reject" is the unrelated rejection rate.
TARGETS: dict[str, tuple[str, float]] = {
    "exact_title": ("top1", 0.99),
    "typo_title": ("top1", 0.99),
    "fragment": ("top1", 0.95),
    "fragment_typo": ("top1", 0.85),
    "question": ("top1", 0.85),
    "unrelated": ("reject", 0.90),
}
PROJECT = "project"
BASELINES = ["rapidfuzz", "fts5", "tantivy"]

# ---------------------------------------------------------------- metrics


@dataclass
class Score:
    """Figures for one engine on one class."""

    n: int = 0
    top1: float = 0.0
    mrr: float = 0.0
    empty: float = 0.0  # share of queries with no result at all
    misses: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "n": self.n,
            "top1": round(self.top1, 4),
            "mrr5": round(self.mrr, 4),
            "empty": round(self.empty, 4),
        }


def score(queries: list[dict], ranked: list[list[str]], rejected: list[bool]) -> Score:
    """Top-1, MRR@5 and empty-result share of `ranked` against each query's relevant slugs."""
    s = Score(n=len(queries))
    if not queries:
        return s
    top1 = mrr = empty = 0.0
    for q, slugs, rej in zip(queries, ranked, rejected, strict=True):
        rel = set(q["relevant"])
        empty += rej
        if not rel:
            if not rej:  # an unrelated query that got an answer
                s.misses.append({"query": q["query"], "got": slugs[:3], "want": []})
            continue
        rank = next((i for i, sl in enumerate(slugs[:K], 1) if sl in rel), 0)
        top1 += rank == 1
        mrr += 1 / rank if rank else 0.0
        if rank != 1:
            s.misses.append({"query": q["query"], "got": slugs[:3], "want": q["relevant"][:3]})
    s.top1, s.mrr, s.empty = top1 / s.n, mrr / s.n, empty / s.n
    return s


# ---------------------------------------------------------------- baselines


def rapidfuzz_engine(docs: list[Doc]) -> Callable[[Sequence[str]], tuple[list, list]]:
    """WRatio over titles; full ranking for top-1/MRR, the cutoff only decides rejection."""
    from rapidfuzz import fuzz, process, utils

    titles = [d.title for d in docs]

    def run(queries: Sequence[str]) -> tuple[list[list[str]], list[bool]]:
        ranked, rejected = [], []
        for q in queries:
            hits = process.extract(
                q, titles, scorer=fuzz.WRatio, processor=utils.default_process, limit=K
            )
            ranked.append([docs[i].slug for _, _, i in hits])
            rejected.append(not hits or hits[0][1] < WRATIO_CUTOFF)
        return ranked, rejected

    return run


_WORDS = re.compile(r"\w+", re.UNICODE)


def fts5_engine(docs: list[Doc]) -> Callable[[Sequence[str]], tuple[list, list]]:
    """An in-memory FTS5 table (title, description, text); words OR-ed, ranked by bm25."""
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute(
        "CREATE VIRTUAL TABLE a USING fts5(slug UNINDEXED, title, description, text,"
        " tokenize='porter unicode61')"
    )
    db.executemany(
        "INSERT INTO a VALUES (?, ?, ?, ?)",
        [(d.slug, d.title, d.description, d.text) for d in docs],
    )

    def run(queries: Sequence[str]) -> tuple[list[list[str]], list[bool]]:
        ranked, rejected = [], []
        for q in queries:
            words = _WORDS.findall(q)
            if not words:
                ranked.append([])
                rejected.append(True)
                continue
            match = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
            rows = db.execute(
                "SELECT slug FROM a WHERE a MATCH ? ORDER BY bm25(a) LIMIT ?", (match, K)
            ).fetchall()
            ranked.append([r[0] for r in rows])
            rejected.append(not rows)
        return ranked, rejected

    return run


def tantivy_engine(docs: list[Doc]) -> Callable[[Sequence[str]], tuple[list, list]]:
    """tantivy BM25 over title, description and text (English stemming), words OR-ed."""
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("slug", stored=True, tokenizer_name="raw")
    for f in ("title", "description", "text"):
        sb.add_text_field(f, tokenizer_name="en_stem")
    schema = sb.build()
    index = tantivy.Index(schema)  # in RAM
    writer = index.writer()
    for d in docs:
        writer.add_document(
            tantivy.Document(slug=d.slug, title=d.title, description=d.description, text=d.text)
        )
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def run(queries: Sequence[str]) -> tuple[list[list[str]], list[bool]]:
        ranked, rejected = [], []
        for q in queries:
            words = [w for w in _WORDS.findall(q.lower()) if w not in ("and", "or", "not")]
            if not words:
                ranked.append([])
                rejected.append(True)
                continue
            query = index.parse_query(" ".join(words), ["title", "description", "text"])
            hits = searcher.search(query, K).hits
            ranked.append([searcher.doc(addr)["slug"][0] for _, addr in hits])
            rejected.append(not hits)
        return ranked, rejected

    return run


# ---------------------------------------------------------------- the project, via its CLI


def use_policy(path: str | None) -> dict:
    """Make the project's CLI run with the search policy in `path` (the built-in one for
    None, whatever a .env says); returns the fields it changes. Stops on a bad file."""
    from bot.search.policy import PolicyError, load_policy

    if path is None:
        os.environ["SEARCH_POLICY"] = ""  # beats a SEARCH_POLICY in .env
        return {}
    try:
        policy = load_policy(path)
    except PolicyError as exc:
        raise SystemExit(f"--policy: {exc}") from None
    os.environ["SEARCH_POLICY"] = str(Path(path).resolve())
    default = type(policy)()
    return {
        name: getattr(policy, name)
        for name in policy.__dataclass_fields__
        if getattr(policy, name) != getattr(default, name)
    }


# The project's parser may normalise a frontmatter slug; results are mapped back to the labels'.
SLUG_OF: dict[str, str] = {}


def _label(slug: str) -> str:
    return SLUG_OF.get(slug, slug)


def project_search(content: Path, db: Path, queries: Sequence[str]) -> tuple[list, list]:
    """All queries through one `search - --json --limit 5` process."""
    out = run_bot(content, db, "search", "-", "--json", "--limit", str(K), stdin="\n".join(queries))
    ranked, rejected = [], []
    for q, obj in zip(queries, json_lines(out, len(queries), "search"), strict=True):
        if "results" not in obj:
            raise CliError(f"`search -` line for {q!r} has no 'results'")
        slugs = [_label(r["slug"]) for r in obj["results"]]
        ranked.append(slugs)
        rejected.append(not slugs)
    return ranked, rejected


def project_ask(content: Path, db: Path, queries: Sequence[str]) -> tuple[list, list, list]:
    """All questions through one `ask - --json` process; ranking is article then alternatives.
    Also each answer's (article slug, passage)."""
    out = run_bot(content, db, "ask", "-", "--json", stdin="\n".join(queries))
    ranked, rejected, answers = [], [], []
    for obj in json_lines(out, len(queries), "ask"):
        art = obj.get("article")
        slugs = [
            _label(a["slug"]) for a in ([art] if art else []) + (obj.get("alternatives") or [])
        ]
        ranked.append(slugs)
        rejected.append(art is None)
        answers.append((art["slug"] if art else None, obj.get("answer")))
    return ranked, rejected, answers


# ---------------------------------------------------------------- answer passages

ANSWER_KEYS = Path(__file__).resolve().parent / "answer_keys.jsonl"


def load_answer_keys(path: Path = ANSWER_KEYS) -> dict[tuple[str, str], str]:
    """(question, article slug) -> the span a passage answering it from that article holds."""
    if not path.is_file():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {(r["question"], r["article"]): r["key"] for r in rows if r["key"]}


@dataclass
class PassageScore:
    keyed: int = 0  # questions answered with an article that has a key for them
    held: int = 0  # ... whose passage holds the key
    misses: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"keyed": self.keyed, "held": self.held}


def score_passages(
    queries: Sequence[str], answers: Sequence[tuple], keys: dict[tuple[str, str], str]
) -> PassageScore:
    """Of the answers whose article has an answer key for the question, how many passages
    hold it (case, spacing and curly quotes aside)."""
    out = PassageScore()
    for query, (slug, passage) in zip(queries, answers, strict=True):
        key = keys.get((query, slug)) if slug else None
        if key is None:
            continue
        out.keyed += 1
        if passage and norm_text(key) in norm_text(passage):
            out.held += 1
        else:
            out.misses.append({"query": query, "key": key, "passage": passage})
    return out


# ---------------------------------------------------------------- summaries


def summaries(corpus: Path, docs: list[Doc]) -> dict:
    """ROUGE-L F1 of the project's summaries (descriptions stripped) and of lead-1."""
    from rouge_score import rouge_scorer

    wanted = [d for d in docs if d.description.strip()]
    rs = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)
    lead = [rs.score(d.description, d.first_sentence)["rougeL"].fmeasure for d in wanted]
    out: dict = {"n": len(wanted), "lead1": sum(lead) / max(len(lead), 1)}
    with tempfile.TemporaryDirectory(prefix="articlebot-sum-") as tmp:
        content, db = Path(tmp) / "content", Path(tmp) / "cache.db"
        strip_description(corpus, content)
        t0 = time.perf_counter()
        try:
            project_reload(content, db)

            def one(d: Doc) -> str:
                obj = json.loads(
                    run_bot(content, db, "show", d.project_slug, "--json", timeout=120)
                )
                return obj.get("summary") or ""

            with ThreadPoolExecutor(2) as pool:
                got = list(pool.map(one, wanted))
        except (CliError, json.JSONDecodeError) as e:
            out["project_error"] = str(e)
            return out
        proj = [
            rs.score(d.description, s)["rougeL"].fmeasure for d, s in zip(wanted, got, strict=True)
        ]
        out["project"] = sum(proj) / max(len(proj), 1)
        out["project_empty"] = sum(1 for s in got if not s.strip())
        out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


# ---------------------------------------------------------------- report


def _beats(cls: str, proj: Score, base: Score) -> bool:
    """Project beats a baseline: strictly better on the class metric, or both at 1.0."""
    if cls == "unrelated":
        a, b = proj.empty, base.empty
    else:
        a, b = proj.top1, base.top1
        if a == b and a < 1.0:
            return proj.mrr > base.mrr
    return a > b or (a == b == 1.0)


def _mark(ok: bool) -> str:
    return "✔" if ok else "✘"


def report(
    by_class: dict[str, list[dict]],
    results: dict[str, dict[str, Score]],
    ask: dict[str, Score] | None,
    project_error: str | None,
) -> None:
    engines = [PROJECT, *BASELINES] if PROJECT in results else BASELINES
    head = f"{'class':<14}{'n':>4}  " + "  ".join(f"{e:^22}" for e in engines)
    sub = f"{'':<14}{'':>4}  " + "  ".join(f"{'top1  mrr5  empty':^22}" for _ in engines)
    print(head)
    print(sub)
    print("-" * len(head))
    for cls in by_class:
        cells = []
        for e in engines:
            s = results[e][cls]
            if cls == "unrelated":
                cells.append(f"{'reject':>10} {s.empty:5.2f}     ")
            else:
                cells.append(f"{s.top1:5.2f} {s.mrr:5.2f} {s.empty:6.2f}   ")
        print(f"{cls:<14}{len(by_class[cls]):>4}  " + "  ".join(f"{c:^22}" for c in cells))
    print(
        f"\nempty = share of queries with no result (false rejection outside 'unrelated');"
        f" rapidfuzz rejects below WRatio {WRATIO_CUTOFF:.0f}, its top-1/MRR use the full ranking."
    )
    if project_error:
        print(f"\nPROJECT NOT MEASURED: {project_error}")
    if ask is not None:
        print("\n`ask` (article = top-1, then alternatives):")
        for cls, s in ask.items():
            if cls == "unrelated":
                print(f"  {cls:<13} n={s.n:<4} no article: {s.empty:.2f}")
            else:
                print(
                    f"  {cls:<13} n={s.n:<4} top1 {s.top1:.2f}  mrr5 {s.mrr:.2f}  none {s.empty:.2f}"
                )
    print(
        "\nTargets (issue 3) and 'beats every baseline' (top-1, MRR on ties; rejection for unrelated):"
    )
    for cls in by_class:
        target = TARGETS.get(cls)
        if PROJECT not in results:
            got = "n/a"
            ok_t = ok_b = None
        else:
            p = results[PROJECT][cls]
            if target:
                metric, thr = target
                val = p.empty if metric == "reject" else p.top1
                got = f"{metric} {val:.2f} (target ≥ {thr:.2f})"
                ok_t = val >= thr
            else:
                got, ok_t = "no target", None
            ok_b = all(_beats(cls, p, results[b][cls]) for b in BASELINES)
        t = "  " if ok_t is None else _mark(ok_t)
        b = "  " if ok_b is None else _mark(ok_b)
        print(f"  {cls:<14} {got:<32} target {t}   beats baselines {b}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=None, help="default ../shared/corpus/blogs")
    ap.add_argument("--queries", default=str(QUERIES))
    ap.add_argument(
        "--classes", default=None, help="comma-separated subset of " + ",".join(CLASSES)
    )
    ap.add_argument("--skip-summaries", action="store_true")
    ap.add_argument("--skip-project", action="store_true", help="baselines only")
    ap.add_argument("--misses", type=int, default=0, help="print up to N misses per class/engine")
    ap.add_argument("--json", dest="json_out", default=None, help="save all figures to this file")
    ap.add_argument(
        "--policy",
        default=None,
        help="a JSON file of search Policy fields to change (bot/search/policy.py), as the "
        "bot's SEARCH_POLICY setting; default: the built-in policy",
    )
    args = ap.parse_args(argv)
    changed = use_policy(args.policy)

    corpus = corpus_dir(args.corpus)
    lines = Path(args.queries).read_text(encoding="utf-8").splitlines()
    queries = [json.loads(ln) for ln in lines if ln.strip()]
    wanted = args.classes.split(",") if args.classes else CLASSES
    unknown = set(wanted) - set(CLASSES)
    if unknown:
        ap.error(f"unknown classes: {', '.join(sorted(unknown))}")
    by_class: dict[str, list[dict]] = defaultdict(list)
    for q in queries:
        if q["class"] in wanted:
            by_class[q["class"]].append(q)
    by_class = {c: by_class[c] for c in CLASSES if by_class.get(c)}

    t0 = time.perf_counter()
    docs, parser = read_docs(corpus)
    SLUG_OF.update({d.project_slug: d.slug for d in docs if d.project_slug != d.slug})
    print(
        f"corpus {corpus}: {len(docs)} articles, text by {parser} ({time.perf_counter() - t0:.1f}s)"
    )
    print(
        f"queries: {sum(map(len, by_class.values()))} ({', '.join(f'{c} {len(v)}' for c, v in by_class.items())})"
    )
    print(f"search policy: {json.dumps(changed) if changed else 'the built-in one'}\n")

    engines: dict[str, Callable] = {
        "rapidfuzz": rapidfuzz_engine(docs),
        "fts5": fts5_engine(docs),
        "tantivy": tantivy_engine(docs),
    }
    results: dict[str, dict[str, Score]] = {}
    for name, run in engines.items():
        results[name] = {}
        for cls, qs in by_class.items():
            ranked, rejected = run([q["query"] for q in qs])
            results[name][cls] = score(qs, ranked, rejected)

    project_error: str | None = "skipped (--skip-project)" if args.skip_project else None
    ask: dict[str, Score] | None = None
    passages: PassageScore | None = None
    reload_info: dict = {}
    if not args.skip_project:
        with tempfile.TemporaryDirectory(prefix="articlebot-q-") as tmp:
            db = Path(tmp) / "cache.db"
            try:
                t = time.perf_counter()
                reload_info = project_reload(corpus, db)
                reload_info["wall_seconds"] = round(time.perf_counter() - t, 2)
                results[PROJECT] = {}
                for cls, qs in by_class.items():
                    ranked, rejected = project_search(corpus, db, [q["query"] for q in qs])
                    results[PROJECT][cls] = score(qs, ranked, rejected)
                ask = {}
                for cls in ("question", "unrelated"):
                    if cls in by_class:
                        qs = by_class[cls]
                        texts = [q["query"] for q in qs]
                        ranked, rejected, answers = project_ask(corpus, db, texts)
                        ask[cls] = score(qs, ranked, rejected)
                        if cls == "question":
                            passages = score_passages(texts, answers, load_answer_keys())
            except CliError as e:
                project_error = (
                    f"{e} (the CLI contract `python -m bot ... search - --json` is not ready?)"
                )
                results.pop(PROJECT, None)
                ask = None
        if reload_info:
            print(
                f"project reload: {reload_info.get('added')} added, "
                f"{len(reload_info.get('failed') or [])} failed, {reload_info.get('wall_seconds')}s\n"
            )

    report(by_class, results, ask, project_error)
    if passages is not None and passages.keyed:
        print(
            f"\n`ask` passages: {passages.held} of {passages.keyed} hold the answer "
            f"({passages.held / passages.keyed:.2f}; questions answered with an article that has "
            f"an answer key in {ANSWER_KEYS.name})"
        )

    if args.misses:
        for e, per in [*results.items(), *([("ask", ask)] if ask else [])]:
            for cls, s in per.items():
                for m in s.misses[: args.misses]:
                    print(
                        f"  miss {e:<9} {cls:<13} {m['query']!r} -> {m['got'][:1]} want {m['want'][:1]}"
                    )
        for m in passages.misses[: args.misses] if passages else []:
            print(f"  miss passage {m['query']!r}: key {m['key']!r} not in {m['passage']!r}")

    summ: dict | None = None
    if not args.skip_summaries:
        print("\nSummaries: ROUGE-L F1 against the human descriptions (stripped before reload)")
        if args.skip_project:
            print("  skipped with --skip-project")
        else:
            summ = summaries(corpus, docs)
            print(f"  articles with a description: {summ['n']}")
            print(f"  lead-1 (first sentence)   : {summ['lead1']:.4f}")
            if "project" in summ:
                ok = summ["project"] >= summ["lead1"]
                print(
                    f"  project summary           : {summ['project']:.4f}  "
                    f"(≥ lead-1 {_mark(ok)}; {summ['project_empty']} empty; {summ['seconds']}s)"
                )
            else:
                print(f"  project summary           : NOT MEASURED: {summ.get('project_error')}")

    if args.json_out:
        data = {
            "parser": parser,
            "wratio_cutoff": WRATIO_CUTOFF,
            "counts": {c: len(v) for c, v in by_class.items()},
            "policy": changed,
            "search": {e: {c: s.as_json() for c, s in per.items()} for e, per in results.items()},
            "ask": {c: s.as_json() for c, s in ask.items()} if ask else None,
            "ask_passages": passages.as_json() if passages else None,
            "project_error": project_error,
            "reload": reload_info,
            "summaries": summ,
        }
        Path(args.json_out).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"\nsaved {args.json_out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
