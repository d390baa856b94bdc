"""Title, tag and author indexes, and the title scores the retrieve stage uses.

Made once per library version from the light article columns (build.py) and read in place
from the index file (layout.py), so a query never scans every title: query words are
looked up in the title vocabulary (exact, prefix, typo), and only the articles those words
point at are scored.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import math
import re
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import eq, gt

from bot.search.fuzzy import EXACT, NameTable, Vocabulary, WordMatch
from bot.search.layout import IndexFile, find
from bot.search.policy import DEFAULT, Policy
from bot.search.scoring import idf
from bot.search.spelling import porter
from bot.search.tables import (
    Entries,
    Groups,
    PartsOnly,
    Postings,
    Repeated,
    Slugs,
    TitleGroups,
    untracked,
)
from bot.search.words import STOPWORDS, words

# A query word and the title words it can stand for.
Expansion = tuple[str, list[WordMatch]]


def title_key(title: str) -> str:
    return " ".join(words(title))


def slug_digest(slug: str) -> str:
    """A short stand-in for a slug (24 hex digits) where a long one does not fit, such as
    a component's 100-character id; the index maps it back (`LibraryIndex.slug_digests`)."""
    return hashlib.blake2b(slug.encode(), digest_size=12).hexdigest()


class LibraryIndex:
    """Title words → articles, tag and author names → articles, and word statistics.

    Read in place from an index file's sections (see build.py for what they hold), so
    opening one costs milliseconds whatever the library's size.
    """

    def __init__(
        self, file: IndexFile, policy: Policy = DEFAULT, decoded: dict[str, list[str]] | None = None
    ) -> None:
        """`decoded`: the vocabularies ("words", "text") already decoded, by whoever made
        the file (an update makes them)."""
        self.file = file
        self.policy = policy
        self.entries = Entries(file)
        self.n = len(self.entries)
        self.newest = self.entries.newest  # ids, newest first
        self.ranks = self.entries.rank  # article id -> rank (0 = newest)
        self._dates = file.strings("date")  # article id -> ISO date ("" undated)
        # Per article, its title's idf mass (see build.masses): read from the file, or for
        # an update not saved yet, summed when first needed or ahead of the queries by
        # sum_masses (NaN until then).
        self._twords = file.strings("twords")
        self._summed_to = 0  # sum_masses' cursor over article ids
        self._title_mass: Sequence[float]
        if "mass" in file:
            self._title_mass = file.array("mass")
            self._unsummed = 0
        else:
            self._title_mass = array("d", [math.nan]) * len(self.ranks)
            self._unsummed = self.n
        self._content_keys = file.strings("ckey")
        self._desc, self._desc_count = file.strings("desc"), file.array("desc.count")
        self._desc_counts: dict[str, int] = {}  # of the words asked about
        self._vocabularies(decoded or {})
        self.by_title = TitleGroups(file, self._titles_first_seen)
        self.by_tag = Groups(file, "tags", is_sorted=False)
        self.by_author = Groups(file, "authors", is_sorted=False)
        self.by_slug = Slugs(file)
        self.repeated_titles = Repeated(self.by_title)
        self.tag_names = sorted(self.by_tag, key=lambda t: (-self.by_tag.size(t), t))
        self.tag_counts = [(t, self.by_tag.size(t)) for t in self.tag_names]
        self.tag_table = NameTable(self.by_tag, policy)
        self.author_table = NameTable(self.by_author, policy)
        self._parts_only = PartsOnly(Groups(file, "parts", is_sorted=True))
        vocab = self.postings.words
        first_word, first_at = file.array("firsts.word"), file.array("firsts.at")
        firsts = file.array("firsts")
        self._firsts = {
            vocab[w]: firsts[first_at[k] : first_at[k + 1]] for k, w in enumerate(first_word)
        }
        # Filled lazily per common word / query; the index never changes once built.
        self._newest_cache: dict[str, set[int]] = {}
        self._idf: dict[str, float] = {}
        self._memo: OrderedDict[tuple[str, ...], dict[int, float]] = OrderedDict()
        self._digests: dict[str, str] | None = None  # see slug_digests

    def _vocabularies(self, decoded: dict[str, list[str]]) -> None:
        """The title and full-text vocabularies for typo matching, and the title postings."""
        f, p = self.file, self.policy
        title = decoded.get("words") or f.strings("words").all()
        self.vocab = Vocabulary.stored(title, p)
        self.text_vocab = Vocabulary.stored(decoded.get("text") or f.strings("text").all(), p)
        self.postings = Postings(title, f.array("post.at"), f.array("post"), p.postings_kept)
        # What a word no title holds weighs: as if one title held it.
        self.max_idf = idf(max(self.n, 1), 1, smoothing=0.0)

    def decoded(self) -> dict[str, list[str]]:
        """The sorted tables held decoded (for an update of this index to start from)."""
        return {"words": self.postings.words, "text": self.text_vocab.words.words}

    def _titles_first_seen(self) -> list[str]:
        """The distinct title keys in the order of each one's newest article."""
        key = self.entries.title_key
        return list(dict.fromkeys(key(a) for a in self.newest))

    # -- names and words -----------------------------------------------------------------

    def resolve_filter(self, kind: str, ws: list[str]) -> tuple[str | None, int]:
        """The tag or author name that the first words stand for, and how many it used."""
        table = self.tag_table if kind == "tag" else self.author_table
        # Longest first, and an exact name before a resolved one at any length.
        for look in (table.exact, table.resolve):
            for k in range(len(ws), 0, -1):
                name = look(" ".join(ws[:k]))
                if name:
                    return name, k
        return None, 1

    def holds(self, word: str) -> bool:
        """Whether a title or the full text holds `word` (folded), as typed or as the
        full-text tokenizer stems it: a word of the library's own, never a typo to put right."""
        return word in self.vocab or word in self.text_vocab or porter(word) in self.text_vocab

    def idf(self, word: str) -> float:
        """Title-vocabulary idf: rare title words weigh more; unknown words weigh most."""
        found = self._idf.get(word)
        if found is None:
            df = self.postings.size(word)
            found = self._idf[word] = idf(self.n, df, smoothing=0.0) if df else self.max_idf
        return found

    def description_count(self, word: str) -> int:
        """How many articles' descriptions hold word (0 for none)."""
        found = self._desc_counts.get(word)
        if found is None:
            i = find(self._desc, word)
            found = self._desc_counts[word] = self._desc_count[i] if i >= 0 else 0
        return found

    def published(self, start: str, end: str) -> Sequence[int]:
        """Ids of the articles dated from `start` up to `end` (ISO text, `end` excluded:
        "2021" to "2022" is 2021 as each article's date is written), newest first: a run
        of `newest`, which is in ISO text order (build.newest_first), found by bisection."""
        dates, newest = self._dates, self.newest

        def first_before(bound: str) -> int:  # dated before bound: False, then True
            return bisect.bisect_left(newest, True, key=lambda a: dates[a] < bound)

        return newest[first_before(end) : first_before(start)] if start < end else []

    def date_text(self, aid: int) -> str:
        """An article's date as ISO text ("" when it has none), without decoding it."""
        return self._dates[aid]

    def newest_holding(self, word: str) -> Sequence[int]:
        """Ids of the titles holding word, newest first: the newest candidate_cap of them
        for a word more hold."""
        first = self._firsts.get(word)
        if first is not None:
            return first
        i = self.postings.position(word)
        return sorted(self.postings.ids_at(i), key=self.ranks.__getitem__) if i >= 0 else []

    def common_words(self, count: int) -> list[str]:
        """The `count` words other than stopwords most titles hold, commonest first."""
        postings = self.postings
        vocab = postings.words
        kept = (i for i, w in enumerate(vocab) if w not in STOPWORDS)
        return [vocab[i] for i in heapq.nlargest(count, kept, key=postings.size_at)]

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
        size = self.postings.size
        sizes = {q: sum(size(m.word) for m in ms) for q, ms in expansions}
        candidates = self._full_matches(qwords)
        first = True
        for q, ms in sorted(expansions, key=lambda x: sizes[x[0]]):
            if not ms:
                continue
            if not first and len(candidates) + sizes[q] > cap:
                break
            first = False
            for m in sorted(ms, key=lambda m: -m.quality):
                p = self._newest_postings(m.word) if size(m.word) > cap else self.postings[m.word]
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
        # The candidates holding each matched title word, made once for recall and mass.
        within = self.postings.within
        holding = {m.word: within(m.word, candidates) for _, ms in expansions for m in ms}
        # recall[aid], summed query word by query word: matches go best first, so the
        # first quality an article gets for a word is its best. Each match adds the same
        # w x quality to all its articles: those no earlier word matched get it set in C
        # (0 + x is x), and only the others add it one by one.
        recall: dict[int, float] = {}
        recalled: set[int] = set()  # recall's keys, as a set for the set operations
        for q, ms in expansions:
            w = weights[q]
            got: set[int] = set()  # the articles this word matched already, better
            for m in sorted(ms, key=lambda m: -m.quality):
                ids = holding[m.word] - got
                if not ids:
                    continue
                got |= ids
                v = w * m.quality
                again = ids & recalled
                if again:
                    recall.update({a: recall[a] + v for a in again})
                    ids -= again
                recall.update(dict.fromkeys(ids, v))
                recalled |= ids
        # A candidate's title word was matched iff a query word matched it: every title
        # word's postings hold the article, and only candidates are scored.
        # The per-title work (which title words matched, their idf mass) is done per
        # matched word with set operations: thousands of candidates for common words.
        held = self._matched_mass(holding).get
        masses = self._title_mass
        if self._unsummed and isinstance(masses, array):
            for a in recall:
                if masses[a] != masses[a]:  # NaN: not summed yet
                    masses[a] = self._mass(a)
                    self._unsummed -= 1
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
        check = self._among(out.keys(), qwords[:-1])
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
        count = self.postings.size
        if not all(count(q) for q in qwords):
            return
        keys = self._content_keys
        qkey = " ".join(qwords).encode()
        # Only keys of the query's length can equal it: that test reads two offsets, inline
        # (a call per candidate to Strings.equals was most of this).
        at, size = keys.offsets, len(qkey) + 1
        # The titles holding the query's rarest word (a title of the query's words holds
        # each one): only the scored ones are looked up, no common word's set is made.
        for a in self.postings.members(min(qwords, key=count), out.keys()):
            if at[a + 1] - at[a] == size and keys.equals(a, qkey):
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

    def _among(self, ids: Iterable[int], qwords: list[str]) -> set[int]:
        """Those of ids whose titles hold every one of these words: `ids & _holding(qwords)`
        (in another order), the rarest word first, each word's postings read only against
        the ids left, so a common word's postings are neither made into a set nor copied."""
        postings = self.postings
        first, *rest = sorted(set(qwords), key=postings.size)
        left = postings.members(first, ids)
        for q in rest:
            if not left:
                break
            left = postings.members(q, left)
        return left

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
        # (compress and map pick them in C, in the scores' order)
        above = list(compress(scores, map(gt, scores.values(), repeat(edge))))
        # Often hundreds of titles tie on the cut: only the newest of them are kept.
        ties = list(compress(scores, map(eq, scores.values(), repeat(edge))))
        ties.sort(key=ranks.__getitem__)  # in C: faster than a heap over hundreds of ties
        del ties[top - len(above) :]
        above.sort(key=ranks.__getitem__)
        above.sort(key=scores.__getitem__, reverse=True)  # stable: newer first on ties
        return {a: scores[a] for a in above + ties}

    def _matched_mass(self, holding: dict[str, set[int]]) -> dict[int, float]:
        """Per candidate, the summed idf of its title words that a query word matched
        (`holding`: each matched word's candidates holding it).

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
        for w, found in holding.items():
            if w in STOPWORDS:
                # (most titles holding a stopword do not list it among their words: the
                # substring test passes them over without splitting their words)
                twords = self._twords
                found = {a for a in found if w in (t := twords[a]) and w in t.split()}
            elif (parts := self._parts_only.get(w)) is not None:
                found = found - parts  # a new set: the caller's stay whole
            if not found:
                continue
            seen = found & once
            # A title's first matched word sets its mass (0 + x is x); its second adds to
            # it; from its third on, the sum below replaces it: no per-title loop here.
            second = seen - twice
            more |= seen - second
            twice |= seen
            iw = self.idf(w)
            mass.update(dict.fromkeys(found - once, iw))
            if second:
                mass.update({a: mass[a] + iw for a in second})
            once |= found
        idf = {w: self.idf(w) for w in holding}
        # Each title's words read from the blob here (Strings' item, inline): thousands
        # of titles for a long query.
        twords = self._twords
        blob, at = twords.blob, twords.offsets
        for a in more:
            ws = str(blob[at[a] : at[a + 1] - 1], "utf-8").split()
            mass[a] = sum([idf[w] for w in ws if w in idf])
        return mass

    def _mass(self, aid: int) -> float:
        """The summed idf of an article's title words (1.0 for none), in title order (see
        build.masses)."""
        return sum([self.idf(w) for w in self._twords[aid].split()]) or 1.0

    def sum_masses(self, count: int) -> bool:
        """Sum the title masses of up to `count` more articles ahead of the queries that
        need them; whether some are left."""
        masses, ranks = self._title_mass, self.ranks
        if not isinstance(masses, array):
            return False  # read from the file
        end = min(len(masses), self._summed_to + count)
        for a in range(self._summed_to, end):
            if ranks[a] < 0:
                masses[a] = 0.0  # no such article: as a build writes it
            elif masses[a] != masses[a]:
                masses[a] = self._mass(a)
                self._unsummed -= 1
        self._summed_to = end
        return end < len(masses)

    @property
    def masses(self) -> array | None:
        """Every title mass, once all are summed (to save with the index: IndexKeeper)."""
        m = self._title_mass
        done = not self._unsummed and self._summed_to >= len(m)
        return m if isinstance(m, array) and done else None

    def _newest_postings(self, word: str) -> set[int]:
        """The candidate_cap newest articles with a title word (cached: the index is fixed)."""
        top = self._newest_cache.get(word)
        if top is None:
            top = self._newest_cache[word] = untracked(set(self._firsts[word]))
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
        titles = self.by_title
        keys = titles.listed()
        lo = bisect.bisect_left(keys, key)
        hi = bisect.bisect_left(keys, key + "\U0010ffff", lo)
        if lo == hi:
            return []
        whole = lo if keys[lo] == key else -1  # the sorted keys start with the key itself
        out = titles.ids_at(whole)[:limit] if whole >= 0 else []
        # The other titles' ids, side by side in the file (the keys are sorted).
        rest = titles.ids_between(lo + (whole >= 0), hi)
        if len(rest) <= self.policy.prefix_scan:
            out += heapq.nsmallest(limit - len(out), rest, key=self.ranks.__getitem__)
            return out
        # Thousands of titles share the start ("go", "rust 1."): walking the newest
        # articles finds the first few sooner than sorting them all. The title keys are
        # compared as stored (UTF-8), not decoded.
        tkeys, typed = self.entries.title_keys, key.encode()
        offsets, blob, size = tkeys.offsets, tkeys.blob, len(typed)
        for a in self.newest:
            if len(out) >= limit:
                break
            at = offsets[a]
            # A key is stored with its line end: one of the typed length plus one is the key.
            if blob[at : at + size] == typed and offsets[a + 1] - at != size + 1:
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
        # A label is the title and " (date)": the article's title key is that of the text
        # before its last " (".
        cut = text.rfind(" (")
        if cut < 0 or not text.endswith(")"):
            return None
        for aid in self.by_title.get(title_key(text[:cut]), ()):
            if self.label(aid) == text:
                return aid
        return None

    def label(self, aid: int) -> str:
        """The title, with the date when another article has the same title."""
        e = self.entries[aid]
        if e.title_key in self.repeated_titles and e.meta.date:
            return f"{e.meta.title} ({e.meta.date:%Y-%m-%d})"
        return e.meta.title


def _with_joined(
    word: str, matches: list[WordMatch], joins: list[tuple[str, str, str]]
) -> list[WordMatch]:
    """A query word's matches plus, as exact, the joined words it is part of."""
    whole = sorted({c for a, b, c in joins if word in (a, b)})
    if not whole:
        return matches
    return [m for m in matches if m.word not in whole] + [WordMatch(c, EXACT, 0) for c in whole]
