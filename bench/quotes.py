"""Quotes and summaries as a reader would judge them.

    python bench/quotes.py              # quote recall/precision/speakers, then the real-export check
    python bench/quotes.py --misses     # also list the errors of the tune half and the fresh set

1. Quotes, against `bench/quote_labels.jsonl` (every direct quotation of 6+ words, with its
   speaker, in the seed and 15 real exports; written before the extractor was tuned). Files
   alternate between a tune and a test half (sorted by path); labels marked `"split":
   "fresh"` (18 more exports, labelled before the second round of tuning) are a third set.
   Recall: labels found; precision: extracted quotes that are labelled; speaker accuracy:
   found labels whose speaker is right (names compared without titles, a leading "the", case
   or punctuation; no speaker must be no speaker).
2. Every real export (`../shared/corpus/real`): how many summaries are a teaser, truncated,
   link markup, a caption (the text of one of the article's own figure captions or other
   furniture) or boilerplate, printed one by one; and the share of extracted quotes with no
   speaker. Both as the user sees them: `summarize()` and the article's quotes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "bench" / "quote_labels.jsonl"

from bot.library.markup import parse_blocks  # noqa: E402
from bot.library.parse import ArticleError, parse_article  # noqa: E402
from bot.search.summary import summarize  # noqa: E402

_TITLES = set(
    [
        "dr",
        "prof",
        "professor",
        "mr",
        "mrs",
        "ms",
        "miss",
        "sir",
        "rabbi",
        "rev",
        "sen",
        "rep",
        "gov",
        "president",
        "secretary",
        "commissioner",
        "attorney",
        "general",
    ]
)


def norm_text(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split()).strip(" .,;:!?…\"'")


def norm_name(name: str | None) -> tuple[str, ...]:
    if not name:
        return ()
    words = re.sub(r"[^\w\s-]", " ", name.casefold()).split()
    if words[:1] == ["the"]:
        words = words[1:]  # "the Pokémon Company" is the Pokémon Company
    return tuple(w for w in words if w not in _TITLES and w not in {"jr", "sr"})


def same_quote(a: str, b: str) -> bool:
    x, y = norm_text(a), norm_text(b)
    short, long_ = sorted((x, y), key=len)
    if short and short in long_ and len(short) >= 0.6 * len(long_):
        return True
    return SequenceMatcher(None, x, y).ratio() >= 0.85


def score(labels: list[dict], misses: bool) -> dict[str, float]:
    found = right = predicted = matched_pred = 0
    for rel in sorted({lab["file"] for lab in labels}):
        mine = [lab for lab in labels if lab["file"] == rel]
        article = parse_article((SHARED / rel).read_bytes(), rel)
        quotes = list(article.quotes)
        predicted += len(quotes)
        used: set[int] = set()
        for lab in mine:
            hit = next(
                (
                    i
                    for i, q in enumerate(quotes)
                    if i not in used and same_quote(q.text, lab["text"])
                ),
                None,
            )
            if hit is None:
                if misses:
                    print(f"  MISSED  {rel.split('/')[-1][:40]}: {lab['text'][:90]}")
                continue
            used.add(hit)
            found += 1
            if norm_name(quotes[hit].speaker) == norm_name(lab["speaker"]):
                right += 1
            elif misses:
                print(
                    f"  SPEAKER {quotes[hit].speaker!r} should be {lab['speaker']!r}: "
                    f"{lab['text'][:70]}"
                )
        matched_pred += len(used)
        if misses:
            for i, q in enumerate(quotes):
                if i not in used:
                    print(f"  EXTRA   {rel.split('/')[-1][:40]}: {q.speaker!r} {q.text[:80]}")
    return {
        "labels": len(labels),
        "recall": found / len(labels),
        "precision": matched_pred / predicted if predicted else 0.0,
        "speaker": right / found if found else 0.0,
    }


_TEASER_WORDS = 12
_TRUNCATED = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
_BOILERPLATE = re.compile(
    r"originally (?:published|appeared)|republished|reprinted|(?:sign up|subscribe) "
    r"(?:for|to)|newsletter|all rights reserved|click here|read more|\[Link:",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://|www\.")


def summary_problem(summary: str, furniture: set[str]) -> str | None:
    if not summary:
        return None
    if "[Link:" in summary:
        return "link markup"
    if _URL.search(summary):
        return "url"
    if norm_text(summary) in furniture or any(
        f and len(f) > 30 and (f in norm_text(summary) or norm_text(summary) in f)
        for f in furniture
    ):
        return "caption/furniture"
    if _TRUNCATED.search(summary):
        return "truncated"
    if _BOILERPLATE.search(summary):
        return "boilerplate"
    if len(summary.split()) < _TEASER_WORDS:
        return "teaser"
    return None


def check_real(verbose: bool) -> None:
    files = sorted((SHARED / "corpus" / "real").rglob("*.md"))
    problems: list[tuple[str, str, str]] = []
    quotes = speakerless = empty = 0
    for path in files:
        rel = path.relative_to(SHARED).as_posix()
        raw = path.read_bytes()
        try:
            article = parse_article(raw, rel)
        except ArticleError:
            continue
        body = raw.decode("utf-8", "replace").split("\n---\n", 1)[-1]
        furniture = {norm_text(b.text) for b in parse_blocks(body) if not b.body}
        summary = summarize(article)
        if not summary:
            empty += 1
        problem = summary_problem(summary, furniture)
        if problem:
            problems.append((problem, rel, summary))
        quotes += len(article.quotes)
        speakerless += sum(1 for q in article.quotes if not q.speaker)
    print(f"\nreal exports: {len(files)} files")
    print(f"  summaries that are teasers/captions/link markup/boilerplate: {len(problems)}")
    for problem, rel, summary in problems:
        print(f"    {problem:<18} {rel.split('/')[-1][:50]}: {summary[:100]}")
    print(f"  articles with no summary (no text and no description): {empty}")
    share = speakerless / quotes if quotes else 0.0
    print(f"  quotes: {quotes}, with no speaker: {speakerless} ({share:.0%})")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--misses", action="store_true", help="list the errors of the tune half and fresh set"
    )
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: the benchmark needs the shared corpus", file=sys.stderr)
        return 2
    labels = [json.loads(line) for line in LABELS.read_text().splitlines() if line.strip()]
    fresh = [lab for lab in labels if lab.get("split") == "fresh"]
    first = [lab for lab in labels if lab.get("split") != "fresh"]
    tune = set(sorted({lab["file"] for lab in first})[0::2])
    halves = {
        "tune": [lab for lab in first if lab["file"] in tune],
        "test": [lab for lab in first if lab["file"] not in tune],
        "fresh": fresh,
    }
    print("quotes (targets: recall >= 0.93, precision >= 0.97, speaker accuracy >= 0.85)")
    for name, half in halves.items():
        r = score(half, args.misses and name != "test")
        print(
            f"  {name}: {r['labels']} labels in {len({x['file'] for x in half})} files  "
            f"recall {r['recall']:.3f}  precision {r['precision']:.3f}  "
            f"speaker accuracy {r['speaker']:.3f}"
        )
    check_real(args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
