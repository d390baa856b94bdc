"""Shared helpers for the benches: find ../shared/corpus and read articles from it quickly."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
BLOGS = CORPUS / "blogs"

try:  # the C loader is ~10x faster on 1k+ files
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

_FRONT = re.compile(rb"\A---\s*\n(.*?)\n---\s*\n", re.S)


@dataclass(slots=True)
class Doc:
    """One corpus article as the benches need it: frontmatter fields plus clean text."""

    path: Path
    rel: str
    slug: str
    title: str
    date: str
    tags: list[str]
    description: str
    link: str
    text: str = ""
    first_sentence: str = ""
    project_slug: str = (
        ""  # the slug the project's parser gives (it may normalise the frontmatter's)
    )
    published: datetime | None = None  # the date the project's parser reads
    meta: dict = field(default_factory=dict)


def corpus_dir(path: str | Path | None = None) -> Path:
    """The blogs corpus folder (or `path`); raises SystemExit with a clear reason if absent."""
    p = Path(path) if path else BLOGS
    if not p.is_dir():
        raise SystemExit(
            f"corpus not found: {p} (expected ../shared/corpus/blogs next to the repo)"
        )
    return p


def iter_files(root: Path) -> Iterator[Path]:
    """All .md files under `root`, in a stable order."""
    yield from sorted(root.rglob("*.md"))


def split_frontmatter(raw: bytes) -> tuple[dict, bytes]:
    """Frontmatter as a dict and the body bytes; ({}, raw) when there is no frontmatter."""
    m = _FRONT.match(raw)
    if not m:
        return {}, raw
    meta = yaml.load(m.group(1), Loader=_Loader) or {}
    return (meta if isinstance(meta, dict) else {}), raw[m.end() :]


def _norm_tags(tags: object) -> list[str]:
    if not isinstance(tags, list):
        return []
    out: list[str] = []
    for t in tags:
        s = str(t).strip().lower()
        if s and s not in out:
            out.append(s)
    return out


def read_meta(root: Path) -> list[Doc]:
    """Frontmatter only (fast): one Doc per file, without text."""
    docs = []
    for p in iter_files(root):
        meta, _ = split_frontmatter(p.read_bytes())
        rel = p.relative_to(root).as_posix()
        docs.append(
            Doc(
                path=p,
                rel=rel,
                slug=str(meta.get("slug") or Path(rel).stem),
                title=str(meta.get("title") or ""),
                date=str(meta.get("date") or ""),
                tags=_norm_tags(meta.get("tags")),
                description=str(meta.get("description") or ""),
                link=str(meta.get("link") or meta.get("isBasedOn") or ""),
                meta=meta,
            )
        )
    return docs


def read_docs(root: Path, skipped: list[str] | None = None) -> tuple[list[Doc], str]:
    """Docs with clean text from the project's parser, and the parser's name for the report.

    `slug` stays the frontmatter's (the labels use it); `project_slug` is the parser's.
    Files the parser rejects are left out, as the bot leaves them out; their paths go to
    `skipped` when it is given.
    """
    from bot.library.parse import ArticleError, parse_article

    docs = []
    for d in read_meta(root):
        try:
            a = parse_article(d.path.read_bytes(), d.rel)
        except ArticleError:
            if skipped is not None:
                skipped.append(d.rel)
            continue
        d.text = a.text
        d.first_sentence = a.sentences[0].text if a.sentences else ""
        d.project_slug = a.slug or d.slug
        d.published = a.date
        docs.append(d)
    return docs, "bot.library.parse"


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def norm_text(text: str) -> str:
    """Text as the benches compare it: case, runs of whitespace and curly quotes aside."""
    return " ".join(text.translate(_QUOTES).casefold().split())


def strip_description(src: Path, dst: Path) -> int:
    """Copy the corpus to `dst` with `description` removed from every frontmatter.

    Returns how many files had a non-empty description. Only ever point `dst` at a temp dir.
    """
    n = 0
    for p in iter_files(src):
        raw = p.read_bytes()
        m = _FRONT.match(raw)
        out = dst / p.relative_to(src)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not m:
            out.write_bytes(raw)
            continue
        meta = yaml.load(m.group(1), Loader=_Loader) or {}
        if meta.get("description"):
            n += 1
        meta.pop("description", None)
        head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).encode()
        out.write_bytes(b"---\n" + head + b"---\n" + raw[m.end() :])
    return n
