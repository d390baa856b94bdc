"""The index file's sections as the mappings the index serves: postings, entries, title
groups, tag and author lists, slugs.

Each reads its section in place and makes Python objects only for what a query asks:
a postings set when a word is looked up (the large ones kept, up to a budget), an entry
when an article is shown.
"""

from __future__ import annotations

import bisect
import ctypes
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.library.model import ArticleMeta
from bot.search.build import decode_described, decode_record, decode_shown, has_digit, title_words
from bot.search.layout import IndexFile, Strings, find


def _gc_untrack() -> Callable[[object], None] | None:
    """CPython's PyObject_GC_UnTrack (None elsewhere): called with the GIL held (pythonapi),
    and safe on an object no longer tracked (deallocation calls it again)."""
    api = getattr(ctypes, "pythonapi", None)
    untrack = getattr(api, "PyObject_GC_UnTrack", None)
    if untrack is None:
        return None
    untrack.argtypes, untrack.restype = [ctypes.py_object], None
    return untrack  # type: ignore[no-any-return]


_UNTRACK = _gc_untrack()


def untracked(ids: set[int]) -> set[int]:
    """ids, out of the cyclic collector's sight: the same set, left alone by its passes.

    A set is always tracked, and each collection that reaches it visits every member: the
    postings the index keeps (up to Policy.postings_kept ids) were most of what the bot's
    young collections walked under load (bench/README.md, load test, "Nineteenth pass").
    A set of ints can hold no reference cycle, so the collector has nothing to find in it;
    its memory is still freed when the last reference goes. Only for sets that will only
    ever hold ints.
    """
    if _UNTRACK is not None:
        _UNTRACK(ids)
    return ids


@dataclass(frozen=True, slots=True)
class Entry:
    """What the index knows of an article."""

    meta: ArticleMeta
    tags: tuple[str, ...]
    title_key: str  # folded words of the title, joined: equal titles share a key
    rank: int  # 0 = newest

    @property
    def title_words(self) -> tuple[str, ...]:
        """The distinct content words of the title. Made when asked: most entries are
        decoded to be shown (autocomplete, results, related candidates), never for this."""
        return title_words(self.title_key)


class SortedWords:
    """A sorted word list as a set of words (membership by bisection): a list, or a
    string table read in place."""

    def __init__(self, words: Sequence[str]) -> None:
        self.words = words

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and find(self.words, word) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)


class Buckets:
    """Typo buckets of a sorted word list: the words of one (length, first letter), without
    digits (see Vocabulary), listed for all lengths of a first letter when one is first
    asked for, or by `fill` ahead of the queries. Nothing is stored for them, and nothing
    made before a typo is looked up or `fill` runs."""

    def __init__(self, words: list[str]) -> None:
        self._words = words
        self._made: dict[tuple[int, str], list[str]] = {}
        self._letters: set[str] = set()

    def get(self, key: tuple[int, str]) -> list[str] | None:
        first = key[1]
        if first not in self._letters:
            self._list(first, bisect.bisect_left(self._words, first))
        return self._made.get(key)

    def fill(self) -> Iterator[None]:
        """List every first letter's buckets, one letter per step (a generator: the caller
        serves queries between steps). A first-use cost moved out of the queries: listing
        the title vocabulary's buckets for a letter took up to a few ms of the first typo
        lookup starting with it. The lists are the ones `get` would make."""
        words, lo = self._words, 0
        while lo < len(words):
            if not words[lo]:
                lo += 1
                continue
            first = words[lo][0]
            if first not in self._letters:
                self._list(first, lo)
                yield
            lo = self._end(first, lo)

    def _end(self, first: str, lo: int) -> int:
        """Where the words starting with `first` end (they start at lo or later)."""
        words = self._words
        if first < "\U0010ffff":
            return bisect.bisect_left(words, chr(ord(first) + 1), lo)
        return len(words)

    def _list(self, first: str, lo: int) -> None:
        """The buckets of one first letter (the words from lo on start with it or later)."""
        self._letters.add(first)
        made = self._made
        for w in self._words[lo : self._end(first, lo)]:
            if w[0] == first and not has_digit(w):
                made.setdefault((len(w), first), []).append(w)


class Postings(SortedWords, Mapping[str, set[int]]):
    """Title word → ids of the titles holding it, as a set made on lookup.

    Sets of common words are kept (least recently used first out, up to `budget` ids in
    all): a query on "go" at 100k articles would otherwise make a set of 30k ids each time.
    """

    def __init__(self, words: list[str], at: memoryview, ids: memoryview, budget: int) -> None:
        super().__init__(words)
        self._at = at
        self._ids = ids
        self._budget = budget
        self._kept: OrderedDict[str, set[int]] = OrderedDict()
        self._held = 0
        self._sizes: dict[str, int] = {}  # of the words asked about

    def position(self, word: str) -> int:
        return find(self.words, word)

    def size(self, word: str) -> int:
        """How many titles hold word (0 for none), without making its set."""
        found = self._sizes.get(word)
        if found is None:
            i = find(self.words, word)
            found = self._sizes[word] = self._at[i + 1] - self._at[i] if i >= 0 else 0
        return found

    def size_at(self, i: int) -> int:
        return self._at[i + 1] - self._at[i]

    def ids_at(self, i: int) -> memoryview:
        """The ids of the word at position i, ascending, read in place."""
        return self._ids[self._at[i] : self._at[i + 1]]

    def within(self, word: str, among: set[int]) -> set[int]:
        """`self[word] & among`, the same set made the same way (its members added in the
        order the intersection adds them), without making the word's set when it is not
        kept and holds more titles than `among`: `among` is walked then, in its own order,
        as `&` walks the smaller set."""
        kept = self._kept.get(word)
        if kept is not None:
            self._kept.move_to_end(word)
            return kept & among
        i = find(self.words, word)
        if i < 0:
            raise KeyError(word)
        if self.size_at(i) < len(among):
            return self[word] & among
        held = among.intersection(self.ids_at(i))  # the members, in the order of the ids
        return set(filter(held.__contains__, among))

    def members(self, word: str, among: Iterable[int]) -> set[int]:
        """Those of `among` whose titles hold word (an empty set for a word none holds), in
        no particular order: the word's kept set if there is one, its set made (and kept)
        if it is small beside `among`, else each of `among` looked up in its sorted ids."""
        kept = self._kept.get(word)
        if kept is not None:
            self._kept.move_to_end(word)
            return kept.intersection(among)
        i = find(self.words, word)
        if i < 0:
            return set()
        ids = self.ids_at(i)
        among = among if isinstance(among, (set, frozenset, KeysView)) else set(among)
        if len(ids) <= 8 * len(among):
            return self[word].intersection(among)
        end = len(ids)
        found: set[int] = set()
        for a in among:
            k = bisect.bisect_left(ids, a)
            if k < end and ids[k] == a:
                found.add(a)
        return found

    def __getitem__(self, word: str) -> set[int]:
        kept = self._kept.get(word)
        if kept is not None:
            self._kept.move_to_end(word)
            return kept
        i = find(self.words, word)
        if i < 0:
            raise KeyError(word)
        found = set(self.ids_at(i))
        if len(found) > 64:  # small sets cost less to make than to keep
            self._kept[word] = untracked(found)
            self._held += len(found)
            while self._held > self._budget and len(self._kept) > 1:
                _, dropped = self._kept.popitem(last=False)
                self._held -= len(dropped)
        return found


class Entries(Mapping[int, Entry]):
    """Article id → Entry, decoded from the file when asked for (the last few kept);
    iterated newest first."""

    KEEP = 4096

    def __init__(self, file: IndexFile) -> None:
        self.rank = file.array("rank")
        self.newest = file.array("newest")
        self._rec = file.strings("rec")
        self._tkey = file.strings("tkey")
        self._kept: dict[int, Entry] = {}

    def __contains__(self, aid: object) -> bool:
        return isinstance(aid, int) and 0 <= aid < len(self.rank) and self.rank[aid] >= 0

    def __getitem__(self, aid: int) -> Entry:
        e = self._kept.get(aid)
        if e is not None:
            return e
        if aid not in self:
            raise KeyError(aid)
        meta, tags = decode_record(aid, self._rec[aid])
        key = self._tkey[aid]
        e = Entry(meta, tags, key, self.rank[aid])
        if len(self._kept) >= self.KEEP:
            self._kept.clear()
        self._kept[aid] = e
        return e

    def meta(self, aid: int) -> ArticleMeta:
        """An article's light columns, without keeping its entry (for long lists)."""
        e = self._kept.get(aid)
        return e.meta if e is not None else decode_record(aid, self._rec[aid])[0]

    def described(self, aid: int) -> tuple[str | None, tuple[str, ...]]:
        """An article's description and tags, without decoding the rest (see
        decode_described) nor keeping its entry."""
        e = self._kept.get(aid)
        if e is not None:
            return e.meta.description, e.tags
        return decode_described(self._rec[aid])

    def shown(self, aid: int) -> tuple[str, str, datetime | None]:
        """An article's slug, title and date, without decoding the rest (see decode_shown)."""
        e = self._kept.get(aid)
        if e is not None:
            return e.meta.slug, e.meta.title, e.meta.date
        return decode_shown(self._rec[aid])

    def title_key(self, aid: int) -> str:
        return self._tkey[aid]

    @property
    def title_keys(self) -> Strings:
        """The title keys by article id, undecoded (see Strings.starts)."""
        return self._tkey

    def __iter__(self) -> Iterator[int]:
        return iter(self.newest)

    def __len__(self) -> int:
        return len(self.newest)


class Metas(Sequence[ArticleMeta]):
    """The light columns of a list of articles, decoded as they are read: a tag of 30k
    articles is listed a page at a time."""

    def __init__(self, entries: Entries, ids: Sequence[int]) -> None:
        self._entries = entries
        self._ids = ids

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        if isinstance(i, slice):
            # A slice is read as listed too: /tag keeps its newest 500 and shows 5 a page.
            return Metas(self._entries, self._ids[i])
        return self._entries.meta(self._ids[i])


class Groups(Mapping[str, list[int]]):
    """Names (tags, authors, title keys) → their article ids, newest first.

    A sorted table is searched by bisection; another keeps the file's order (the order
    the newest articles first name them) and is looked up through a dict.
    """

    def __init__(self, file: IndexFile, name: str, *, is_sorted: bool) -> None:
        self.names = file.strings(name)
        self._at = file.array(f"{name}.at")
        self._ids = file.array(f"{name}.ids")
        self._where: dict[str, int] | None = (
            None if is_sorted else {n: i for i, n in enumerate(self.names)}
        )
        self._listed: tuple[str, ...] | None = None

    def listed(self) -> tuple[str, ...]:
        """The names, decoded (once: bisecting a list beats decoding at every step). A
        tuple of strings: the collector stops tracking it at its first pass, where a list
        of 100k title keys was walked by every pass that reached it."""
        if self._listed is None:
            self._listed = tuple(self.names.all())
        return self._listed

    def position(self, name: str) -> int:
        if self._where is not None:
            return self._where.get(name, -1)
        return find(self.listed(), name)

    def ids_at(self, i: int) -> list[int]:
        return self._ids[self._at[i] : self._at[i + 1]].tolist()

    def shared(self) -> list[str]:
        """The names more than one article has (only those decoded), in table order."""
        # Every name has at least one article, so the ids past one a name, at[i] - i, only
        # grow, and grow exactly where a name has more: halving the ranges where they do
        # finds those few names without a look at each of 100k (17 ms at 100k, where no
        # title is repeated: one look).
        at = self._at
        out: list[int] = []
        todo = [(0, len(at) - 1)]
        while todo:
            lo, hi = todo.pop()
            if at[hi] - hi == at[lo] - lo:
                continue
            if hi - lo == 1:
                out.append(lo)
                continue
            mid = (lo + hi) // 2
            todo += [(mid, hi), (lo, mid)]
        return [self.names[i] for i in out]

    def ids_between(self, lo: int, hi: int) -> Sequence[int]:
        """The ids of names lo to hi - 1, read in place (a sorted table's neighbours)."""
        return self._ids[self._at[lo] : self._at[hi]]

    def size_at(self, i: int) -> int:
        return self._at[i + 1] - self._at[i]

    def size(self, name: str) -> int:
        """How many ids a name has (0 for an unknown name), without listing them."""
        i = self.position(name)
        return self.size_at(i) if i >= 0 else 0

    def __getitem__(self, name: str) -> list[int]:
        i = self.position(name)
        if i < 0:
            raise KeyError(name)
        return self.ids_at(i)

    def view(self, name: str) -> Sequence[int]:
        """A name's ids read in place (a list of a tag of 90k articles is ~1 ms to make)."""
        i = self.position(name)
        return self.ids_between(i, i + 1) if i >= 0 else []

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.position(name) >= 0

    def __iter__(self) -> Iterator[str]:
        if self._where is not None:
            return iter(self._where)
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


class TitleGroups(Groups):
    """Title keys → ids, iterated in the order of each key's newest article (the order
    fuzzy title matching lists them in)."""

    def __init__(self, file: IndexFile, first_seen: Callable[[], list[str]]) -> None:
        super().__init__(file, "titles", is_sorted=True)
        self._first_seen = first_seen
        self._order: tuple[str, ...] | None = None  # a tuple: see Groups.listed

    def __iter__(self) -> Iterator[str]:
        if self._order is None:
            self._order = tuple(self._first_seen())
        return iter(self._order)


class PartsOnly:
    """Word → the titles where it is only part of a dotted word ("io" of "crates.io"), as
    a set made when first asked for."""

    def __init__(self, parts: Groups) -> None:
        self._parts = parts
        self._made: dict[str, set[int]] = {}

    def get(self, word: str) -> set[int] | None:
        found = self._made.get(word)
        if found is None:
            i = self._parts.position(word)
            if i < 0:
                return None
            found = self._made[word] = untracked(set(self._parts.ids_at(i)))
        return found


class Repeated:
    """The title keys more than one article has."""

    def __init__(self, titles: Groups) -> None:
        self._titles = titles
        self._keys: frozenset[str] | None = None

    def __contains__(self, key: object) -> bool:
        # Every title choice and result asks (autocomplete lists ~20 a keystroke): a set
        # of the few repeated keys, made once per index (~5 ms at 100k, none decoded but
        # those), answers in a hash where bisecting the 100k keys took ~2 us a look.
        if self._keys is None:
            self._keys = frozenset(self._titles.shared())
        return isinstance(key, str) and key in self._keys


class Slugs(SortedWords, Mapping[str, int]):
    """Slug → article id (membership, iteration and length those of the sorted slugs)."""

    def __init__(self, file: IndexFile) -> None:
        super().__init__(file.strings("slugs"))
        self._ids = file.array("slugs.ids")

    def __getitem__(self, slug: str) -> int:
        i = find(self.words, slug) if isinstance(slug, str) else -1
        if i < 0:
            raise KeyError(slug)
        return self._ids[i]
