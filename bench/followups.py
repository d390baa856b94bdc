"""Follow-up questions: the conversations of bench/conversations.jsonl, each a question
then a second turn, asked the way the console asks them (SearchEngine.ask with the
article the conversation is about, kept by bot.conversation.Conversations).

    PYTHONHASHSEED=0 .venv/bin/python bench/followups.py [--alone] [-v]

A second turn is right when:
  followup  it is answered from the first answer's article (the row's `title` names it)
            and, when the row has `has`, the passage or summary shown holds that text,
            and, when the row has `"sure": true`, said surely (not "Closest match");
  more      it shows that article again, with text the first answer did not show;
  new       it is answered from the new topic's article (`title`), not the first one;
  unrelated it gets no confident answer;
  small     it gets a small-talk reply, not an article.
`--alone` asks the second turn with no conversation (the bot before follow-ups).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from corpus import CORPUS, REPO  # noqa: E402

from bot.conversation import Conversations  # noqa: E402
from bot.library.sync import Library  # noqa: E402
from bot.search.engine import SearchEngine  # noqa: E402
from bot.search.results import HIGH, Answer  # noqa: E402

ROOTS = {"content": REPO / "content", "real": CORPUS / "real"}
ROWS = Path(__file__).with_name("conversations.jsonl")
FOLLOWING = ("followup", "more")  # the kinds whose second turn is about the first article


def shown(a: Answer) -> str:
    return " ".join(t for t in (a.passage, a.summary) if t)


def right(row: dict, first: Answer, second: Answer) -> bool:
    """Whether the second turn's reply is what a member expects (see the module doc)."""
    kind, title = row["kind"], row["title"].lower()
    about = second.article.title.lower() if second.article else ""
    if kind == "small":
        return second.reply is not None
    if kind == "unrelated":
        return second.confidence != HIGH
    if kind == "new":
        return title in about
    if title not in about:
        return False
    if kind == "more":
        return bool(shown(second)) and shown(second) != shown(first)
    if row.get("sure") and second.confidence != HIGH:
        return False
    return row.get("has") is None or row["has"].lower() in shown(second).lower()


async def run(library_name: str, rows: list[dict], alone: bool, verbose: bool) -> list[bool]:
    with tempfile.TemporaryDirectory() as tmp:
        library = Library(ROOTS[library_name], Path(tmp) / "bench.db")
        await library.reload()
        engine = SearchEngine(library, cache_size=0)
        oks: list[bool] = []
        try:
            for row in rows:
                talk = Conversations(ttl=600)
                q1, q2 = row["turns"]
                first = await engine.ask(q1)
                talk.answered(first, "c")
                second = await engine.ask(q2, None if alone else talk.about("c"))
                ok = right(row, first, second)
                oks.append(ok)
                if verbose or not ok:
                    got = second.article.title if second.article else second.reply
                    print(
                        f"  {'ok  ' if ok else 'MISS'} [{row['kind']}] {q1!r} -> {q2!r}: "
                        f"{got!r} ({second.confidence}) {(second.passage or '')[:100]!r}"
                    )
        finally:
            await library.close()
    return oks


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--alone", action="store_true", help="ask second turns with no conversation")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every conversation")
    args = ap.parse_args()
    rows = [json.loads(line) for line in ROWS.read_text(encoding="utf-8").splitlines() if line]
    done: list[tuple[dict, bool]] = []
    for name, root in ROOTS.items():
        mine = [r for r in rows if r["library"] == name]
        if not root.is_dir():
            print(f"{name}: skipped, {root} not found")
            continue
        print(f"{name}: {len(mine)} conversations")
        done += zip(mine, asyncio.run(run(name, mine, args.alone, args.verbose)), strict=True)
    for group in dict.fromkeys(_group(r) for r, _ in done):
        _report(group, [(r, ok) for r, ok in done if _group(r) == group])
    return 0


def _group(row: dict) -> str:
    """The rows reported together: the first set (no "set" key), or a later set's half."""
    return f"{row['set']} {row['split']}" if "set" in row else "first set"


def _report(group: str, done: list[tuple[dict, bool]]) -> None:
    by_kind: dict[str, list[bool]] = {}
    for r, ok in done:
        by_kind.setdefault(r["kind"], []).append(ok)
    follow = [ok for r, ok in done if r["kind"] in FOLLOWING]
    other = [ok for r, ok in done if r["kind"] not in FOLLOWING]
    print(
        f"{group}: follow-ups right: {sum(follow)}/{len(follow)}; "
        f"not follow-ups right: {sum(other)}/{len(other)}"
    )
    for k, oks in sorted(by_kind.items()):
        print(f"  {k}: {sum(oks)}/{len(oks)}")


if __name__ == "__main__":
    raise SystemExit(main())
