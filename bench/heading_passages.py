"""How often the passage shown is a heading or an article's title (issue 15: headings are
labels, not answers), and how often such a passage misses the answer key.

Reads the replies `bench/answers.py --json OUT` saved, or asks member inputs (one per line)
through `ask - --json` over a library; each passage is compared with the headings of the
library's articles as the parser reads them (blocks of kind "heading") and their titles.

    .venv/bin/python bench/heading_passages.py --answers OUT.json [--split tune]
    .venv/bin/python bench/heading_passages.py --inputs bench/qa_inputs_X.txt --library blogs

Prints counts only (no question), so it may be run on the validation set's replies.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from answers import LIBRARY_ROOTS, open_library  # noqa: E402
from botcli import json_lines, run_bot  # noqa: E402
from corpus import CORPUS, iter_files, norm_text, split_frontmatter  # noqa: E402

# The news exports alone: what the QA passes' member inputs over saved news were asked of.
LIBRARY_ROOTS.setdefault("real", {"real": CORPUS / "real"})


@functools.cache
def labels(library: str) -> tuple[set[str], set[str]]:
    """(heading sentences, titles) of a library's articles, as norm_text."""
    from bot.library.markup import parse_blocks
    from bot.library.sentences import split_sentences

    headings: set[str] = set()
    titles: set[str] = set()
    for root in LIBRARY_ROOTS[library].values():
        for path in iter_files(root):
            meta, body = split_frontmatter(path.read_bytes())
            if meta.get("title"):
                titles.add(norm_text(str(meta["title"])))
            text = body.decode("utf-8", "replace")
            for block in parse_blocks(text):
                if block.kind == "heading":
                    headings.update(norm_text(s) for s in split_sentences(block.text))
    return headings, titles


def kind_of(passage: str | None, headings: set[str], titles: set[str]) -> str | None:
    """ "title" or "heading" when the passage is one alone; "opens" when it starts with one
    and goes on; None otherwise."""
    if not passage:
        return None
    p = norm_text(passage)
    if p in titles:
        return "title"
    if p in headings:
        return "heading"
    # (a heading shown with the sentence after it: the label, then the answer)
    at = p.find(" ")
    for _ in range(15):  # a heading of up to 15 words, then more text
        if at < 0:
            break
        if p[:at] in headings or p[:at] in titles:
            return "opens"
        at = p.find(" ", at + 1)
    return None


def count(passages: list[tuple[str | None, bool | None]], library: str) -> Counter:
    headings, titles = labels(library)
    n: Counter = Counter()
    for passage, held in passages:
        n["replies"] += 1
        n["with passage"] += bool(passage)
        kind = kind_of(passage, headings, titles)
        if kind:
            n[kind] += 1
            if held is False:
                n[kind + " missing the key"] += 1
    return n


def from_answers(path: Path, split: str | None) -> dict[str, Counter]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for library, lib in data["libraries"].items():
        rows = [
            (r["passage"], r["held"])
            for r in lib["replies"]
            if (split is None or r["split"] == split) and r["set"] == library
        ]
        out[library] = count(rows, library)
    return out


def from_inputs(path: Path, library: str) -> Counter:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    with tempfile.TemporaryDirectory(prefix="articlebot-heads-") as tmp:
        lib = open_library(library, Path(tmp))
        db = Path(tmp) / "cache.db"
        out = run_bot(lib.content, db, "ask", "-", "--json", stdin="\n".join(lines))
    objs = json_lines(out, len(lines), "ask")
    return count([(o.get("answer"), None) for o in objs], library)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--answers", type=Path, nargs="*", default=[])
    ap.add_argument("--split", choices=["tune", "test"], default=None)
    ap.add_argument("--inputs", type=Path, nargs="*", default=[])
    ap.add_argument("--library", choices=list(LIBRARY_ROOTS), default="blogs")
    args = ap.parse_args()
    for path in args.answers:
        for library, n in from_answers(path, args.split).items():
            print(f"{path.name} {library}: {dict(n)}")
    for path in args.inputs:
        print(f"{path.name} ({args.library}): {dict(from_inputs(path, args.library))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
