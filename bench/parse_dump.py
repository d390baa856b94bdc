"""Dump what the parser makes of every file of some folders, as JSON, to diff two versions.

A speed change to the parser must not change what it extracts: dump before, dump after,
and compare (the script prints the paths that differ, and their first differing field).

    python bench/parse_dump.py OUT.json [FOLDER ...] [--every N] [--blocks]
    python bench/parse_dump.py --compare BEFORE.json AFTER.json

Without folders it reads ../shared/corpus/blogs, ../shared/corpus/real and ../shared/seed.
`--every N` keeps every Nth file (sorted by path) of each folder: a sample of a large
generated library. Each file becomes every field of its Article (text, sentences with
their paragraphs, quotes with speakers and kinds, description, dates...) or its error.
`--blocks` adds the body's blocks with their kinds (`markup.parse_blocks`, furniture
included), and `--compare` then prints every block whose kind changed, with its text: the
list to read after a change to the furniture rules.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
DEFAULT_FOLDERS = [SHARED / "corpus" / "blogs", SHARED / "corpus" / "real", SHARED / "seed"]


def dump_file(path: Path, rel: str, blocks: bool = False) -> dict:
    from bot.library.markup import parse_blocks
    from bot.library.parse import (
        _HANDLER,
        ArticleError,
        decode,
        frontmatter,
        parse_article,
        strip_controls,
    )

    raw = path.read_bytes()
    try:
        article = parse_article(raw, rel)
    except ArticleError as exc:
        return {"error": str(exc)}
    out = dataclasses.asdict(article)
    out["date"] = article.date.isoformat() if article.date else None
    if blocks:
        _, body = frontmatter.parse(strip_controls(decode(raw)), handler=_HANDLER)
        out["blocks"] = [[b.kind, b.text] for b in parse_blocks(body)]
    return out


def dump(folders: list[Path], every: int, blocks: bool = False) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for folder in folders:
        files = sorted(folder.rglob("*.md"))[::every]
        for path in files:
            rel = path.relative_to(folder).as_posix()
            out[f"{folder.name}/{rel}"] = dump_file(path, rel, blocks)
    return out


def _kind_changes(path: str, a: list[list[str]], b: list[list[str]]) -> int:
    """Print the blocks whose kind changed (same text, same place); their count."""
    if [t for _, t in a] != [t for _, t in b]:
        print(f"  {path}: the blocks' texts differ ({len(a)} before, {len(b)} after)")
        return 0
    changed = 0
    for (was, text), (now, _) in zip(a, b, strict=True):
        if was != now:
            changed += 1
            print(f"  {path}: {was} -> {now}: {text[:160]}")
    return changed


def compare(before: dict[str, dict], after: dict[str, dict]) -> int:
    """Print every path whose result differs (and its first differing field); the count."""
    differ = kinds = 0
    for path in sorted(before.keys() | after.keys()):
        a, b = before.get(path), after.get(path)
        if a == b:
            continue
        differ += 1
        if a is None or b is None:
            print(f"{path}: only in {'after' if a is None else 'before'}")
            continue
        fields = [k for k in sorted(a.keys() | b.keys()) if a.get(k) != b.get(k)]
        print(f"{path}: {', '.join(fields)} differ{'s' if len(fields) == 1 else ''}")
        if "blocks" in fields and "blocks" in a and "blocks" in b:
            kinds += _kind_changes(path, a["blocks"], b["blocks"])
    print(f"{len(before)} before, {len(after)} after, {differ} differ, {kinds} blocks changed kind")
    return differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--blocks", action="store_true", help="dump the blocks and kinds too")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text()) for p in args.compare)
        return 1 if compare(before, after) else 0
    if args.out is None:
        parser.error("OUT.json is required unless --compare is given")
    folders = args.folders or DEFAULT_FOLDERS
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        print(f"{missing[0]} is absent", file=sys.stderr)
        return 2
    result = dump(folders, args.every, args.blocks)
    args.out.write_text(json.dumps(result, ensure_ascii=False, sort_keys=True, indent=0))
    errors = sum(1 for r in result.values() if "error" in r)
    print(f"{len(result)} files dumped to {args.out} ({errors} rejected)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
