"""In-memory title, tag and author indexes, and the scores that combine them with FTS5.

Built once per library generation from the light article columns, so a query never scans
every title: query words are looked up in the title vocabulary (exact, prefix, typo), and
only the articles those words point at are scored.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bot.search.fuzzy import NameTable, Vocabulary, WordMatch
from bot.search.query import STOPWORDS, words
from bot.store.articles import ArticleMeta

# Above this many title postings, a query word only scores candidates other words found.
CANDIDATE_CAP = 2000
# Only this many best title matches go on to be combined with the other evidence.
TITLE_TOP = 300
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|&|\band\b|;)\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Entry:
    """What the index keeps per article."""

    meta: ArticleMeta
    tags: tuple[str, ...]
    title_key: str  # folded words of the title, joined: equal titles share a key
    title_words: tuple[str, ...]  # distinct content words of the title
    content_key: str  # the content words joined, for "the query is the title" checks
    rank: int  # 0 = newest


def split_authors(author: str | None) -> list[str]:
    """Individual names from an author field like "Tyler Bui-Palsulich, Eno Compton"."""
    if not author:
        return []
    return [a.strip() for a in _AUTHOR_SPLIT.split(author) if a.strip()]


def title_key(title: str) -> str:
    return " ".join(words(title))


class LibraryIndex:
    """Title words → articles, tag and author names → articles, and word statistics."""

    def __init__(self, metas: list[ArticleMeta], tag_rows: Iterable[tuple[int, str]]) -> None:
        tags_of: dict[int, list[str]] = defaultdict(list)
        for aid, tag in tag_rows:
            tags_of[aid].append(tag)
        self.entries: dict[int, Entry] = {}
        self.newest: list[int] = []  # ids, newest first
        self.postings: dict[str, set[int]] = defaultdict(set)
        self.by_title: dict[str, list[int]] = defaultdict(list)
        self.by_tag: dict[str, list[int]] = defaultdict(list)
        self.by_author: dict[str, list[int]] = defaultdict(list)
        self.by_slug: dict[str, int] = {}
        text_words: set[str] = set()
        for rank, m in enumerate(metas):
            tw = words(m.title)
            content = tuple(dict.fromkeys(w for w in tw if w not in STOPWORDS)) or tuple(
                dict.fromkeys(tw)
            )
            tags = tuple(tags_of.get(m.id) or m.tags)
            e = Entry(
                m, tags, " ".join(tw), content, " ".join(w for w in tw if w not in STOPWORDS), rank
            )
            self.entries[m.id] = e
            self.newest.append(m.id)
            self.by_slug[m.slug] = m.id
            self.by_title[e.title_key].append(m.id)
            for w in set(tw):
                self.postings[w].add(m.id)
                # "crates.io" is also findable as "crates" and "io".
                if "." in w or "+" in w:
                    for part in re.split(r"[.+#]+", w):
                        if part:
                            self.postings[part].add(m.id)
            for t in tags:
                self.by_tag[t].append(m.id)
                text_words.update(words(t))
            for a in split_authors(m.author):
                self.by_author[a].append(m.id)
            if m.description:
                text_words.update(words(m.description[:400]))
        self.n = len(self.entries)
        self.postings = dict(self.postings)
        self.vocab = Vocabulary(self.postings)
        self.text_vocab = Vocabulary(text_words | set(self.postings))
        self.tag_vocab = Vocabulary({w for t in self.by_tag for w in words(t)})
        self._idf = {w: math.log(1 + self.n / len(p)) for w, p in self.postings.items()}
        self.max_idf = math.log(1 + max(self.n, 1))
        self.repeated_titles = {k for k, v in self.by_title.items() if len(v) > 1}
        self.tag_names = sorted(self.by_tag, key=lambda t: (-len(self.by_tag[t]), t))
        self.tag_table = NameTable(self.by_tag)
        self.author_table = NameTable(self.by_author)
        self._title_mass: dict[int, float] = {}

    def resolve_filter(self, kind: str, ws: list[str]) -> tuple[str | None, int]:
        """The tag or author name that the first words stand for, and how many it used."""
        table = self.tag_table if kind == "tag" else self.author_table
        for k in range(len(ws), 0, -1):
            name = table.exact(" ".join(ws[:k]))
            if name:
                return name, k
        for k in range(len(ws), 0, -1):
            name = table.resolve(" ".join(ws[:k]))
            if name:
                return name, k
        return None, 1

    def idf(self, word: str) -> float:
        """Title-vocabulary idf: rare title words weigh more; unknown words weigh most."""
        return self._idf.get(word, self.max_idf)

    def expand(self, word: str) -> list[WordMatch]:
        """The title words a query word can stand for (exact, prefix, typo, compound parts)."""
        found = self.vocab.match(word)
        if not found and ("." in word or "'" in word):
            found = [m for part in re.split(r"[.']+", word) for m in self.vocab.match(part)]
        return found

    def title_scores(self, qwords: list[str]) -> dict[int, float]:
        """Score 0-1 for articles whose titles hold the query words (recall, then precision)."""
        if not qwords or not self.n:
            return {}
        qwords = list(dict.fromkeys(qwords))
        expansions = [(q, self.expand(q)) for q in qwords]
        # +0.5: a common word still counts a little, so exact beats prefix even on "rust".
        weights = {
            q: 0.5 + (self.idf(q) if q in self.vocab else self._guess_idf(ms))
            for q, ms in expansions
        }
        total = sum(weights.values()) or 1.0
        sizes = {q: sum(len(self.postings[m.word]) for m in ms) for q, ms in expansions}
        # Candidates come from the rarest words' postings, within a budget; commoner words
        # only score those candidates, so a query costs the same at 1k and at 100k.
        candidates: set[int] = set()
        for q, ms in sorted(expansions, key=lambda x: sizes[x[0]]):
            if not ms:
                continue
            if candidates and len(candidates) + sizes[q] > CANDIDATE_CAP:
                break
            for m in sorted(ms, key=lambda m: -m.quality):
                p = self.postings[m.word]
                if len(p) > CANDIDATE_CAP:
                    p = set(sorted(p, key=self._rank)[:CANDIDATE_CAP])
                candidates |= p
                if len(candidates) > CANDIDATE_CAP:
                    break
        if not candidates:
            return {}
        # quality[aid] per query word, and which title words were matched
        recall: Counter[int] = Counter()
        matched_words: dict[int, set[str]] = defaultdict(set)
        for q, ms in expansions:
            best_q: dict[int, float] = {}
            for m in ms:
                p = self.postings[m.word]
                hits = (
                    (a for a in p if a in candidates)
                    if len(p) < len(candidates)
                    else (a for a in candidates if a in p)
                )
                for a in hits:
                    if m.quality > best_q.get(a, 0.0):
                        best_q[a] = m.quality
                    matched_words[a].add(m.word)
            w = weights[q]
            for a, qual in best_q.items():
                recall[a] += w * qual
        out: dict[int, float] = {}
        qkey = " ".join(qwords)
        for a, r in recall.items():
            e = self.entries[a]
            tw = e.title_words
            mw = matched_words[a]
            t_total = self._title_mass.get(a)
            if t_total is None:
                t_total = self._title_mass[a] = sum(self.idf(w) for w in tw) or 1.0
            t_hit = sum(self.idf(w) for w in tw if w in mw)
            precision = min(1.0, t_hit / t_total)
            score = (r / total) * (0.55 + 0.45 * precision)
            if e.content_key == qkey:
                score = 1.0
            elif len(qwords) > 1 and qkey in e.content_key:
                score = min(0.99, score + 0.04)  # the words in the title's own order
            out[a] = score
        if len(out) > TITLE_TOP:
            keep = sorted(out, key=lambda a: (-out[a], self.entries[a].rank))[:TITLE_TOP]
            out = {a: out[a] for a in keep}
        return out

    def _guess_idf(self, matches: list[WordMatch]) -> float:
        # A mistyped word weighs like the word it probably stands for.
        if not matches:
            return self.max_idf
        return max(self.idf(m.word) for m in matches)

    def _rank(self, aid: int) -> int:
        return self.entries[aid].rank

    def exact_title(self, text: str) -> list[int]:
        """Articles whose whole title equals text (folded), newest first."""
        return sorted(self.by_title.get(title_key(text), []), key=self._rank)

    def label(self, aid: int) -> str:
        """The title, with the date when another article has the same title."""
        e = self.entries[aid]
        if e.title_key in self.repeated_titles and e.meta.date:
            return f"{e.meta.title} ({e.meta.date:%Y-%m-%d})"
        return e.meta.title


def combine(title: float, text: float, tag: float, *, question: bool = False) -> float:
    """One 0-1 score from independent evidence; questions lean on the text."""
    if question:
        return 1 - (1 - 0.75 * title) * (1 - text) * (1 - 0.5 * tag)
    return 1 - (1 - title) * (1 - 0.8 * text) * (1 - 0.9 * tag)
