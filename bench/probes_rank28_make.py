"""Writes bench/probes_rank28.jsonl: rank28's probes (questions asking which release
brought a named API or feature, each with the release post introducing it, read from the
posts' headings; and controls), written before the rule. Run from the repository root."""

import glob
import json
import os

B = "../shared/corpus/blogs"


def slug(part):
    names = [os.path.basename(p)[:-3] for p in glob.glob(B + "/*/*/*/*.md")]
    m = [n for n in names if n.endswith(part)]
    assert len(m) == 1, (part, m)
    return m[0]


P = [
    # kind "added": which version added / stabilised a named API or feature -> the release post introducing it
    ("added", "which rust version stabilized OnceLock", "rust-1700"),
    ("added", "when did let-else statements land in stable rust", "rust-1650"),
    ("added", "what rust release added scoped threads", "rust-1630"),
    ("added", "which version of rust made cargo add part of cargo", "rust-1620"),
    ("added", "which rust release stabilised generic associated types", "rust-1650"),
    ("added", "in which rust version were c-string literals added", "rust-1770"),
    ("added", "since which rust version can traits have async fn", "rust-1750"),
    ("added", "which version introduced the IsTerminal trait", "rust-1700"),
    ("added", "what version of rust stabilized let chains", "rust-1880"),
    ("added", "which rust version added trait upcasting", "rust-1860"),
    ("added", "which rust release brought inline assembly to stable", "rust-1590"),
    ("added", "which rust version added the offset_of macro", "rust-1770"),
    ("added", "when was black_box stabilized", "rust-1660"),
    ("added", "which release added the expect lint attribute", "rust-1810"),
    ("added", "which rust version has LazyLock", "rust-1800"),
    ("added", "which go version added generics", "bloggo118"),
    # controls: the same features asked otherwise, and versions asked by number
    ("control", "what is LazyLock for", "rust-1800"),
    ("control", "how does the sparse protocol speed up cargo", "cargo-sparse-protocol"),
    ("control", "what did rust 1.80 stabilize", "rust-1800"),
    ("control", "when was rust 1.70 released", "rust-1700"),
    ("control", "what changed in rust 1.93.1", "rust-1931"),
    ("control", "why was incremental compilation turned off in rust 1.52.1", "rust-1521"),
]
with open("bench/probes_rank28.jsonl", "w") as f:
    for k, q, s in P:
        f.write(json.dumps({"kind": k, "question": q, "articles": [slug(s)]}) + "\n")
