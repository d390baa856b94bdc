"""In-memory title, tag and author indexes, and the title scores the retrieve stage uses.

Built once per library generation from the light article columns, so a query never scans
every title: query words are looked up in the title vocabulary (exact, prefix, typo), and
only the articles those words point at are scored.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import re
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bot.library.model import ArticleMeta
from bot.search.fuzzy import EXACT, NameTable, Vocabulary, WordMatch
from bot.search.policy import DEFAULT, Policy
from bot.search.scoring import idf
from bot.search.words import STOPWORDS, words

_COMPOUND = re.compile(r"[.+#]+")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|&|\band\b|;)\s*", re.IGNORECASE)

# A query word and the title words it can stand for.
Expansion = tuple[str, list[WordMatch]]


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


def slug_digest(slug: str) -> str:
    """A short stand-in for a slug (24 hex digits) where a long one does not fit, such as
    a component's 100-character id; the index maps it back (`LibraryIndex.slug_digests`)."""
    return hashlib.blake2b(slug.encode(), digest_size=12).hexdigest()


class LibraryIndex:
    """Title words → articles, tag and author names → articles, and word statistics."""

    def __init__(
        self,
        metas: list[ArticleMeta],
        tag_rows: Iterable[tuple[int, str]],
        policy: Policy = DEFAULT,
    ) -> None:
        self.policy = policy
        tags_of: dict[int, list[str]] = defaultdict(list)
        for aid, tag in tag_rows:
            tags_of[aid].append(tag)
        text_words = self._read(metas, tags_of)
        self.n = len(self.entries)
        self._vocabularies(text_words)
        self._lookups()
        self._title_stats()
        self._firsts = self._newest_of_common_words()
        # Filled lazily per common word / query; the index never changes once built.
        self._newest_cache: dict[str, set[int]] = {}
        self._memo: OrderedDict[tuple[str, ...], dict[int, float]] = OrderedDict()
        self._digests: dict[str, str] | None = None  # see slug_digests

    # -- building ------------------------------------------------------------------------

    def _read(self, metas: list[ArticleMeta], tags_of: dict[int, list[str]]) -> set[str]:
        """Entries, title postings and the by-slug/title/tag/author maps, newest first;
        returns the words of descriptions (for typo corrections of the full text)."""
        self.entries: dict[int, Entry] = {}
        self.newest: list[int] = []  # ids, newest first
        postings: dict[str, set[int]] = defaultdict(set)
        self.by_title: dict[str, list[int]] = defaultdict(list)
        self.by_tag: dict[str, list[int]] = defaultdict(list)
        self.by_author: dict[str, list[int]] = defaultdict(list)
        self.by_slug: dict[str, int] = {}
        text_words: set[str] = set()
        # Generated and real libraries repeat authors and descriptions: split and word
        # each distinct one once (the build runs at start-up and after every reload).
        authors_of: dict[str, list[str]] = {}
        seen_descriptions: set[str] = set()
        # Titles where a word is only part of a dotted name: not one of the title's words.
        parts_only: dict[str, set[int]] = defaultdict(set)
        stop = STOPWORDS
        description_chars = self.policy.description_chars
        for rank, m in enumerate(metas):
            aid = m.id
            tw = words(m.title)
            kept = [w for w in tw if w not in stop]
            content = tuple(dict.fromkeys(kept or tw))
            tags = tuple(tags_of.get(aid) or m.tags)
            e = Entry(m, tags, " ".join(tw), content, " ".join(kept), rank)
            self.entries[aid] = e
            self.newest.append(aid)
            self.by_slug[m.slug] = aid
            self.by_title[e.title_key].append(aid)
            _post(postings, parts_only, aid, tw)
            for t in tags:
                self.by_tag[t].append(aid)
            if m.author:
                names = authors_of.get(m.author)
                if names is None:
                    names = authors_of[m.author] = split_authors(m.author)
                for a in names:
                    self.by_author[a].append(aid)
            if m.description:
                d = m.description[:description_chars]
                if d not in seen_descriptions:
                    seen_descriptions.add(d)
                    text_words.update(words(d))
        self.postings: dict[str, set[int]] = dict(postings)
        self._parts_only = dict(parts_only)
        return text_words

    def _vocabularies(self, text_words: set[str]) -> None:
        """Title and full-text vocabularies for typo matching, and title-word idf."""
        for t in self.by_tag:
            text_words.update(words(t))
        p = self.policy
        self.vocab = Vocabulary(self.postings, p)
        self.text_vocab = Vocabulary(text_words | set(self.postings), p)
        self._idf = {w: idf(self.n, len(ps), smoothing=0.0) for w, ps in self.postings.items()}
        # What a word no title holds weighs: as if one title held it.
        self.max_idf = idf(max(self.n, 1), 1, smoothing=0.0)

    def _lookups(self) -> None:
        """Repeated titles and their dated labels, sorted title keys, tag and author tables."""
        self.repeated_titles = {k for k, v in self.by_title.items() if len(v) > 1}
        self._title_keys = sorted(self.by_title)  # for titles starting with typed text
        self.tag_names = sorted(self.by_tag, key=lambda t: (-len(self.by_tag[t]), t))
        self.tag_table = NameTable(self.by_tag, self.policy)
        self.author_table = NameTable(self.by_author, self.policy)
        # Labels that differ from the title, newest first: "which article is this label"
        # must not scan every article on each lookup.
        self._labels: dict[str, int] = {}
        for aid in self.newest:
            e = self.entries[aid]
            if e.title_key in self.repeated_titles and e.meta.date:
                self._labels.setdefault(self.label(aid), aid)

    def _title_stats(self) -> None:
        """Per article, what title_scores reads for thousands of candidates, in flat dicts:
        its rank, content key and title idf mass (summed in title order, as always)."""
        self.ranks: dict[int, int] = {}  # article id -> rank (0 = newest)
        self._title_mass: dict[int, float] = {}
        self._content_keys: dict[int, str] = {}
        word_idf = self._idf.get
        top = self.max_idf
        for aid, e in self.entries.items():
            self.ranks[aid] = e.rank
            self._title_mass[aid] = sum([word_idf(w, top) for w in e.title_words]) or 1.0
            self._content_keys[aid] = e.content_key

    def _newest_of_common_words(self) -> dict[str, list[int]]:
        """The newest candidate_cap articles of each common title word: its candidates,
        without sorting its postings on every query."""
        cap = self.policy.candidate_cap
        firsts: dict[str, list[int]] = {w: [] for w, p in self.postings.items() if len(p) > cap}
        if firsts:
            for aid in self.newest:
                for w in firsts.keys() & self._title_terms(self.entries[aid]):
                    if len(firsts[w]) < cap:
                        firsts[w].append(aid)
        return firsts

    # -- names and words -----------------------------------------------------------------

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

    def common_words(self, count: int) -> list[str]:
        """The `count` words other than stopwords most titles hold, commonest first."""
        postings = self.postings
        kept = (w for w in postings if w not in STOPWORDS)
        return heapq.nlargest(count, kept, key=lambda w: len(postings[w]))

    def expand(self, word: str) -> list[WordMatch]:
        """The title words a query word can stand for (exact, prefix, typo, compound parts)."""
        found = self.vocab.match(word)
        if not found and ("." in word or "'" in word):
            found = [m for part in re.split(r"[.']+", word) for m in self.vocab.match(part)]
        return found

    # -- title scores --------------------------------------------------------------------

    def title_scores(
        self, qwords: Iterable[str], joined: list[tuple[str, str, str]] | None = None
    ) -> dict[int, float]:
        """Score 0-1 for articles whose titles hold the query words (recall, then precision).

        `joined`: (word, next word, the two written as one) for words typed apart that a
        title may hold as one word ("web assembly" → "WebAssembly"): it matches both.
        """
        qwords = list(dict.fromkeys(qwords))
        if not qwords or not self.n:
            return {}
        joins = [j for j in joined or () if j[2] in self.postings]
        key = (*qwords, *(j[2] for j in joins))
        known = self._memo.get(key)
        if known is not None:
            self._memo.move_to_end(key)
            return dict(known)  # a copy: callers adjust their scores
        expansions = [(q, self.expand(q)) for q in qwords]
        if joins:
            expansions = [(q, _with_joined(q, ms, joins)) for q, ms in expansions]
        candidates = self._candidates(qwords, expansions)
        if not candidates:
            return {}
        out = self._recall_and_precision(expansions, candidates)
        if len(qwords) > 1:
            self._in_order(out, qwords)
        self._whole_titles(out, qwords)
        return self._cut(key, out)

    def _candidates(self, qwords: list[str], expansions: list[Expansion]) -> set[int]:
        """The titles worth scoring: those holding every content word, then the postings of
        the rarest words' matches, within candidate_cap; commoner words only score those,
        so a query costs the same at 1k and at 100k."""
        cap = self.policy.candidate_cap
        sizes = {q: sum(len(self.postings[m.word]) for m in ms) for q, ms in expansions}
        candidates = self._full_matches(qwords)
        first = True
        for q, ms in sorted(expansions, key=lambda x: sizes[x[0]]):
            if not ms:
                continue
            if not first and len(candidates) + sizes[q] > cap:
                break
            first = False
            for m in sorted(ms, key=lambda m: -m.quality):
                p = self.postings[m.word]
                if len(p) > cap:
                    p = self._newest_postings(m.word)
                candidates |= p
                if len(candidates) > cap:
                    break
        return candidates

    def _recall_and_precision(
        self, expansions: list[Expansion], candidates: set[int]
    ) -> dict[int, float]:
        """Per candidate: recall (the query words' weighted best match quality in the
        title, 0-1) x (precision_base + precision_share x precision), precision being the
        share of the title's idf mass the query matched, at most 1."""
        p = self.policy
        floor = p.title_word_floor
        weights = {
            q: floor + (self.idf(q) if q in self.vocab else self._guess_idf(ms))
            for q, ms in expansions
        }
        total = sum(weights.values()) or 1.0
        # recall[aid]: matches go best first, so the first quality an article gets for a
        # word is its best; the set operations keep the per-candidate work in C.
        recall: dict[int, float] = {}
        for q, ms in expansions:
            best_q: dict[int, float] = {}
            for m in sorted(ms, key=lambda m: -m.quality):
                hits = self.postings[m.word] & candidates
                hits.difference_update(best_q)
                best_q.update(dict.fromkeys(hits, m.quality))
            w = weights[q]
            if not recall:
                recall = {a: w * qual for a, qual in best_q.items()}
                continue
            get = recall.get
            recall.update({a: get(a, 0) + w * qual for a, qual in best_q.items()})
        # A candidate's title word was matched iff a query word matched it: every title
        # word's postings hold the article, and only candidates are scored.
        matched = {m.word for _, ms in expansions for m in ms}
        # The per-title work (which title words matched, their idf mass) is done per
        # matched word with set operations: thousands of candidates for common words.
        held = self._matched_mass(candidates, matched).get
        masses = self._title_mass
        base, share = p.precision_base, p.precision_share
        return {
            a: (r / total) * (1.0 if (pr := held(a, 0) / masses[a]) >= 1.0 else base + share * pr)
            for a, r in recall.items()
        }

    def _in_order(self, out: dict[int, float], qwords: list[str]) -> None:
        """Titles holding the query's words in its order get order_bonus (up to order_cap)."""
        p = self.policy
        # Only titles holding every query word but the last (which may be half typed) as
        # whole words can hold them in the query's order.
        check = out.keys() & self._holding(qwords[:-1])
        top = p.title_top
        if len(check) > top:
            # The bonus only matters to titles it can lift into the title_top.
            floor = sorted(out.values(), reverse=True)[top - 1] - p.order_bonus - 1e-9
            check = {a for a in check if out[a] >= floor}
        keys = self._content_keys
        phrase = " " + " ".join(qwords)
        bonus, cap = p.order_bonus, p.order_cap
        for a in check:
            if phrase in f" {keys[a]}":
                out[a] = min(cap, out[a] + bonus)

    def _whole_titles(self, out: dict[int, float], qwords: list[str]) -> None:
        """A title whose content words are the query's scores 1.0: it holds each of them."""
        whole = [self.postings.get(q) for q in qwords]
        if not all(whole):
            return
        keys = self._content_keys
        qkey = " ".join(qwords)
        for a in min(whole, key=len) & out.keys():  # type: ignore[arg-type, operator]
            if keys[a] == qkey:
                out[a] = 1.0

    def _cut(self, key: tuple[str, ...], out: dict[int, float]) -> dict[int, float]:
        """The title_top best of out; remembered when it was costly to make."""
        top = self.policy.title_top
        costly = len(out) > 2 * top
        if len(out) > top:
            out = self._best(out)
        if costly:
            # Common words ("go", "release", a short prefix) cost milliseconds each time
            # and come back all day: remember them.
            self._memo[key] = dict(out)
            while len(self._memo) > self.policy.title_memo:
                self._memo.popitem(last=False)
        return out

    def _holding(self, qwords: list[str]) -> set[int]:
        """Articles whose titles hold every one of these words (at least one word)."""
        # Smallest first: the intersection walks the smallest set; it is always a new set.
        first, *rest = sorted((self.postings.get(q, set()) for q in set(qwords)), key=len)
        return first.intersection(*rest)

    def _full_matches(self, qwords: list[str]) -> set[int]:
        """The newest candidate_cap titles holding every content word of the query exactly.

        Intersections run in C and are small; a common word's postings alone are capped to
        its newest, so an old title that is exactly what was typed still gets scored.
        """
        content = [q for q in qwords if q not in STOPWORDS]
        if len(content) < 2:
            return set()
        full = self._holding(content)
        cap = self.policy.candidate_cap
        if len(full) > cap:
            ranks = self.ranks
            full = set(sorted(full, key=ranks.__getitem__)[:cap])
        return full

    def _best(self, scores: dict[int, float]) -> dict[int, float]:
        """The title_top best scores, best first, newer first on ties."""
        top = self.policy.title_top
        ranks = self.ranks
        # Sorting bare floats is cheap: it gives the score the cut falls on.
        edge = sorted(scores.values(), reverse=True)[top - 1]
        above = [a for a, s in scores.items() if s > edge]
        # Often hundreds of titles tie on the cut: only the newest of them are kept.
        ties = [a for a, s in scores.items() if s == edge]
        ties.sort(key=ranks.__getitem__)  # in C: faster than a heap over hundreds of ties
        del ties[top - len(above) :]
        above.sort(key=ranks.__getitem__)
        above.sort(key=scores.__getitem__, reverse=True)  # stable: newer first on ties
        return {a: scores[a] for a in above + ties}

    def _matched_mass(self, candidates: set[int], matched: set[str]) -> dict[int, float]:
        """Per candidate, the summed idf of its title words that a query word matched.

        The same sums the per-title loop makes, computed word by word with set operations
        instead of title by title: a word's postings are the titles holding it, less those
        where it is only part of a dotted name ("io" of "crates.io") or a stopword among
        content words. Two floats add the same in either order; three or more are summed
        again in title order so every score stays the same float.
        """
        mass: dict[int, float] = {}
        once: set[int] = set()
        twice: set[int] = set()
        more: set[int] = set()
        entries = self.entries
        for w in matched:
            found = self.postings[w] & candidates
            if w in STOPWORDS:
                found = {a for a in found if w in entries[a].title_words}
            elif (parts := self._parts_only.get(w)) is not None:
                found -= parts
            if not found:
                continue
            more |= found & twice
            twice |= found & once
            once |= found
            iw = self.idf(w)
            for a in found:
                mass[a] = mass.get(a, 0) + iw
        hit = matched.__contains__
        for a in more:
            mass[a] = sum([self.idf(w) for w in entries[a].title_words if hit(w)])
        return mass

    @staticmethod
    def _title_terms(e: Entry) -> set[str]:
        """The words a title is found by: its words and the parts of dotted ones."""
        whole = e.title_key.split()
        terms = set(whole)
        for w in whole:
            if "." in w or "+" in w:
                terms.update(part for part in _COMPOUND.split(w) if part)
        return terms

    def _newest_postings(self, word: str) -> set[int]:
        """The candidate_cap newest articles with a title word (cached: the index is fixed)."""
        top = self._newest_cache.get(word)
        if top is None:
            top = self._newest_cache[word] = set(self._firsts[word])
        return top

    def _guess_idf(self, matches: list[WordMatch]) -> float:
        # A mistyped word weighs like the word it probably stands for.
        if not matches:
            return self.max_idf
        return max(self.idf(m.word) for m in matches)

    # -- titles as typed -----------------------------------------------------------------

    def titles_starting(self, key: str, limit: int) -> list[int]:
        """Up to limit articles whose title key starts with `key` (typed words, folded and
        joined): the whole title first, then newest first. What someone typing a title
        into a box is after."""
        if len(key) < 2:
            return []
        keys = self._title_keys
        lo = bisect.bisect_left(keys, key)
        hi = bisect.bisect_left(keys, key + "\U0010ffff", lo)
        if lo == hi:
            return []
        out = list(self.by_title.get(key, ()))[:limit]
        if hi - lo <= self.policy.prefix_scan:
            rest = [a for k in keys[lo:hi] if k != key for a in self.by_title[k]]
            out += heapq.nsmallest(limit - len(out), rest, key=self.ranks.__getitem__)
            return out
        # Thousands of titles share the start ("go", "rust 1."): walking the newest
        # articles finds the first few sooner than sorting them all.
        entries = self.entries
        for a in self.newest:
            if len(out) >= limit:
                break
            k = entries[a].title_key
            if k.startswith(key) and k != key:
                out.append(a)
        return out

    def slug_digests(self) -> dict[str, str]:
        """slug_digest → slug for every article: built at the first call (about 0.3 s at
        100k articles), not with the index, because only long slugs are ever referred to
        this way."""
        if self._digests is None:
            self._digests = {slug_digest(slug): slug for slug in self.by_slug}
        return self._digests

    def exact_title(self, key: str) -> list[int]:
        """Articles whose title key (folded words, joined) is `key`, newest first."""
        return sorted(self.by_title.get(key, []), key=self.ranks.__getitem__)

    def find_label(self, text: str) -> int | None:
        """The newest article labelled text among repeated titles ("Title (2024-05-01)")."""
        return self._labels.get(text)

    def label(self, aid: int) -> str:
        """The title, with the date when another article has the same title."""
        e = self.entries[aid]
        if e.title_key in self.repeated_titles and e.meta.date:
            return f"{e.meta.title} ({e.meta.date:%Y-%m-%d})"
        return e.meta.title


def _post(
    postings: dict[str, set[int]], parts_only: dict[str, set[int]], aid: int, title: list[str]
) -> None:
    """Add an article to the postings of its title words; "crates.io" is also findable as
    "crates" and "io" (parts_only: where a part is not a word of the title itself)."""
    whole = set(title)
    for w in whole:
        postings[w].add(aid)
        if "." in w or "+" in w:
            for part in _COMPOUND.split(w):
                if part:
                    postings[part].add(aid)
                    if part not in whole:
                        parts_only[part].add(aid)


def _with_joined(
    word: str, matches: list[WordMatch], joins: list[tuple[str, str, str]]
) -> list[WordMatch]:
    """A query word's matches plus, as exact, the joined words it is part of."""
    whole = sorted({c for a, b, c in joins if word in (a, b)})
    if not whole:
        return matches
    return [m for m in matches if m.word not in whole] + [WordMatch(c, EXACT, 0) for c in whole]
