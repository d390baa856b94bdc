"""What the search index holds, made from the articles' light columns.

`build` makes every section from all the articles; `update` makes the same sections from a
previous index and what a reload changed (articles removed, articles added), copying what
did not change, so a reload that touched 1k of 100k articles does not redo the other 99k.
Both give byte-identical sections for the same library (tests/test_index_file.py).

The sections (see layout.py), by article id unless said otherwise:
- `rank` (0 = newest, -1 = no such article), `newest` (ids, newest first), `rec` (the
  light columns, see record()), `tkey` (the title's folded words, joined), `twords` (its
  distinct content words, joined), `ckey` (its content words, joined), `date` (the date
  as the cache sorts it), `mass` (the title's idf mass, see masses(); an update leaves it
  to the index, which sums it in the background before the update is saved);
- `words` (the title vocabulary, sorted) with `post` (ids holding each word, ascending),
  `firsts` (the newest candidate_cap ids of each word held by more), `parts` (words and
  the titles where they are only part of a dotted word: "io" of "crates.io");
- `text` (the vocabulary for typo corrections of the full text: title, description and tag
  words), `desc` (description words with how many articles hold each);
- `titles` (distinct title keys, sorted, with their ids newest first), `slugs` (sorted,
  with their ids), `tags` and `authors` (names in the order the newest articles first name
  them, with their ids newest first).
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import accumulate, chain
from typing import NamedTuple

from bot.library.model import ArticleMeta
from bot.search.layout import IndexFile, Section, Strings, find, string_table
from bot.search.policy import DEFAULT, Policy
from bot.search.scoring import idf
from bot.search.words import STOPWORDS, words

# Every section an index has (a file without one of them is rebuilt): the string tables
# (each with its offsets), the ids grouped by name, and the arrays.
_TABLES = (
    "rec",
    "tkey",
    "twords",
    "ckey",
    "date",
    "words",
    "text",
    "desc",
    "titles",
    "slugs",
    "parts",
)
_GROUPED = ("titles", "tags", "authors", "parts")
_ARRAYS = ("rank", "newest", "garbage", "mass", "post.at", "post", "desc.count", "slugs.ids")
SECTIONS = frozenset(
    [*_ARRAYS, "firsts.word", "firsts.at", "firsts", *_TABLES, "tags", "authors"]
    + [f"{t}.off" for t in (*_TABLES, "tags", "authors")]
    + [f"{g}.{part}" for g in _GROUPED for part in ("at", "ids")]
)
_COMPOUND = re.compile(r"[.+#]+")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|&|\band\b|;)\s*", re.IGNORECASE)
# A record's fields are joined by the unit separator; None is NUL. Parsing removes every
# C0 control character from what articles say, so neither can occur in a field; a record
# that holds one anyway (an ArticleMeta made elsewhere) is stored as JSON after STX.
_SEP = "\x1f"
_NONE = "\x00"
_JSON = "\x02"


@dataclass(frozen=True, slots=True)
class Row:
    """An article's light columns as the index reads them (the date as the cache stores
    it: ISO 8601 text, which the cache sorts as text)."""

    id: int
    slug: str
    title: str
    author: str | None
    date: str | None
    link: str | None
    cover_image: str | None
    description: str | None
    tags: tuple[str, ...]


def row_of(meta: ArticleMeta, tags: Sequence[str] | None = None) -> Row:
    """A Row from an ArticleMeta; `tags` from the cache's tag rows when it has some."""
    return Row(
        meta.id,
        meta.slug,
        meta.title,
        meta.author,
        meta.date.isoformat() if meta.date else None,
        meta.link,
        meta.cover_image,
        meta.description,
        tuple(tags or meta.tags),
    )


def newest_first(rows: Iterable[Row]) -> list[Row]:
    """Rows as the cache orders articles: by date, newest first (ISO text order), undated
    last, then by id."""
    out = sorted(rows, key=lambda r: r.id)
    out.sort(key=lambda r: (r.date is not None, r.date or ""), reverse=True)
    return out


def split_authors(author: str | None) -> list[str]:
    """Individual names from an author field like "Tyler Bui-Palsulich, Eno Compton"."""
    if not author:
        return []
    return [a.strip() for a in _AUTHOR_SPLIT.split(author) if a.strip()]


def title_words(key: str) -> tuple[str, ...]:
    """The distinct content words of a title key (all its words if it has only stopwords)."""
    tw = key.split()
    kept = [w for w in tw if w not in STOPWORDS]
    return tuple(dict.fromkeys(kept or tw))


def content_key(key: str) -> str:
    """A title key without its stopwords, for "the query is the title" checks."""
    return " ".join([w for w in key.split() if w not in STOPWORDS])


def title_terms(key: str) -> tuple[set[str], set[str]]:
    """The words a title is found by (its words and the parts of dotted ones: "crates.io"
    is also "crates" and "io"), and those of them that are only such a part."""
    whole = set(key.split())
    terms = set(whole)
    for w in whole:
        if "." in w or "+" in w:
            terms.update(part for part in _COMPOUND.split(w) if part)
    return terms, terms - whole


def has_digit(word: str) -> bool:
    # A letter is never a digit: most words are all letters, and isalpha() runs in C.
    return not word.isalpha() and any(c.isdigit() for c in word)


def record(row: Row) -> str:
    """The light columns of an article as one string (see Record.decode)."""
    fields = [
        row.slug,
        row.title,
        row.author,
        row.date,
        row.link,
        row.cover_image,
        row.description,
        "\n".join(row.tags),
    ]
    text = _SEP.join(_NONE if f is None else f for f in fields)
    if text.count(_SEP) != len(fields) - 1 or text.count(_NONE) != fields.count(None):
        return _JSON + json.dumps(fields)
    return text


def decode_record(aid: int, text: str) -> tuple[ArticleMeta, tuple[str, ...]]:
    """The ArticleMeta and the tags a record holds."""
    if text.startswith(_JSON):
        fields = json.loads(text[1:])
    else:
        fields = [None if f == _NONE else f for f in text.split(_SEP)]
    slug, title, author, date, link, cover, description, tags = fields
    tag_tuple = tuple(tags.split("\n")) if tags else ()
    meta = ArticleMeta(
        id=aid,
        slug=slug,
        title=title,
        author=author,
        date=datetime.fromisoformat(date) if date else None,
        link=link,
        tags=tag_tuple,
        cover_image=cover,
        description=description,
    )
    return meta, tag_tuple


def decode_described(text: str) -> tuple[str | None, tuple[str, ...]]:
    """The description and the tags a record holds, the rest of it left undecoded: all
    the related articles read of a candidate (whole records, an ArticleMeta and a date
    each, were ~0.1 ms of a card's ~0.6 at 100k, for 12 candidates of which 4 are shown)."""
    if text.startswith(_JSON):
        description, tags = json.loads(text[1:])[6:]
    else:
        description, tags = [None if f == _NONE else f for f in text.rsplit(_SEP, 2)[1:]]
    return description, tuple(tags.split("\n")) if tags else ()


def decode_shown(text: str) -> tuple[str, str, datetime | None]:
    """The slug, title and date a record holds, the rest of it left undecoded: all a
    title choice shows (autocomplete decodes ~20 records a keystroke, and whole records
    with their ArticleMeta were a third of its time)."""
    if text.startswith(_JSON):
        slug, title, _, date = json.loads(text[1:])[:4]
    else:
        slug, title, _, date, _ = (None if f == _NONE else f for f in text.split(_SEP, 4))
    return slug, title, datetime.fromisoformat(date) if date else None


# -- sections common to both ways -------------------------------------------------------


def _strings(sections: dict[str, Section], name: str, strings: Sequence[str]) -> None:
    blob, offsets = string_table(strings)
    sections[name] = blob
    sections[f"{name}.off"] = offsets


def _groups(
    sections: dict[str, Section], name: str, keys: Sequence[str], groups: Iterable[Sequence[int]]
) -> None:
    """A string table of keys and, per key, a run of ids (`name.ids`, bounds `name.at`)."""
    _strings(sections, name, keys)
    runs = [g if isinstance(g, array | memoryview) else array("i", g) for g in groups]
    sections[f"{name}.at"] = array("q", chain([0], accumulate(len(g) for g in runs)))
    ids = array("i")
    ids.frombytes(b"".join(runs))
    sections[f"{name}.ids"] = ids


def _vocabularies(
    sections: dict[str, Section],
    postings: dict[str, list[int]],
    desc: Counter[str],
    tag_names: Iterable[str],
) -> list[str]:
    """The title vocabulary (returned, sorted) with its postings, and the text vocabulary."""
    vocab = sorted(postings)
    _strings(sections, "words", vocab)
    sections["post.at"] = array("q", chain([0], accumulate(len(postings[w]) for w in vocab)))
    sections["post"] = array("i", chain.from_iterable(sorted(postings[w]) for w in vocab))
    described = sorted(w for w, c in desc.items() if c > 0)
    _strings(sections, "desc", described)
    sections["desc.count"] = array("i", [desc[w] for w in described])
    text = set(postings)
    text.update(described)
    for t in tag_names:
        text.update(words(t))
    text_sorted = sorted(text)
    _strings(sections, "text", text_sorted)
    return vocab


def _firsts(
    sections: dict[str, Section], vocab: list[str], newest_of: dict[str, list[int]]
) -> None:
    """The newest candidate_cap ids of each word held by more titles than that."""
    big = [i for i, w in enumerate(vocab) if w in newest_of]
    sections["firsts.word"] = array("i", big)
    runs = [newest_of[vocab[i]] for i in big]
    sections["firsts.at"] = array("q", chain([0], accumulate(len(r) for r in runs)))
    sections["firsts"] = array("i", chain.from_iterable(runs))


def masses(
    n: int, vocab: Sequence[str], at: Sequence[int], twords: Sequence[str], rank: Sequence[int]
) -> array:
    """Per article id, the summed title idf of its title words (1.0 for none), in title
    order as the scores sum them: the whole a query's precision is a share of. `twords`:
    each id's title words, joined by spaces."""
    dfs = [at[i + 1] - at[i] for i in range(len(vocab))]
    known = {df: idf(n, df, smoothing=0.0) for df in set(dfs)}
    get = dict(zip(vocab, map(known.__getitem__, dfs), strict=True)).__getitem__
    return array(
        "d",
        [
            (sum([get(w) for w in t.split()]) or 1.0) if r >= 0 else 0.0
            for t, r in zip(twords, rank, strict=False)
        ],
    )


# -- a full build ------------------------------------------------------------------------


def build(rows: Sequence[Row], policy: Policy = DEFAULT) -> dict[str, Section]:
    """Every section, from the articles' rows newest first (see newest_first).

    Longer than most functions here: one pass over the articles fills every table, which
    at 100k articles is what keeps the build to a few seconds.
    """
    size = max((r.id for r in rows), default=-1) + 1
    rank = array("i", [-1]) * size
    recs = [""] * size
    keys = [""] * size
    dates = [""] * size
    postings: dict[str, list[int]] = defaultdict(list)  # newest first while building
    parts: dict[str, list[int]] = defaultdict(list)
    by_title: dict[str, list[int]] = defaultdict(list)
    by_tag: dict[str, list[int]] = defaultdict(list)
    by_author: dict[str, list[int]] = defaultdict(list)
    desc: Counter[str] = Counter()
    # Generated and real libraries repeat authors and descriptions: split and word each
    # distinct one once.
    authors_of: dict[str, list[str]] = {}
    words_of: dict[str, set[str]] = {}
    chars = policy.description_chars
    for r, row in enumerate(rows):
        aid = row.id
        rank[aid] = r
        key = " ".join(words(row.title))
        keys[aid] = key
        recs[aid] = record(row)
        dates[aid] = row.date or ""
        terms, only_parts = title_terms(key)
        for w in terms:
            postings[w].append(aid)
        for w in only_parts:
            parts[w].append(aid)
        by_title[key].append(aid)
        for t in row.tags:
            by_tag[t].append(aid)
        if row.author:
            names = authors_of.get(row.author)
            if names is None:
                names = authors_of[row.author] = split_authors(row.author)
            for a in names:
                by_author[a].append(aid)
        if row.description:
            d = row.description[:chars]
            found = words_of.get(d)
            if found is None:
                found = words_of[d] = set(words(d))
            desc.update(found)
    sections: dict[str, Section] = {"rank": rank, "newest": array("i", (r.id for r in rows))}
    sections["garbage"] = array("i", [0])
    _strings(sections, "rec", recs)
    _strings(sections, "tkey", keys)
    twords = [" ".join(title_words(k)) for k in keys]
    _strings(sections, "twords", twords)
    _strings(sections, "ckey", [content_key(k) for k in keys])
    _strings(sections, "date", dates)
    vocab = _vocabularies(sections, postings, desc, by_tag)
    sections["mass"] = masses(len(rows), vocab, sections["post.at"], twords, rank)
    cap = policy.candidate_cap
    _firsts(sections, vocab, {w: p[:cap] for w, p in postings.items() if len(p) > cap})
    only = sorted(parts)
    _groups(sections, "parts", only, (sorted(parts[w]) for w in only))
    titles = sorted(by_title)
    _groups(sections, "titles", titles, (by_title[k] for k in titles))
    slugs = sorted(range(len(rows)), key=lambda i: rows[i].slug)
    _strings(sections, "slugs", [rows[i].slug for i in slugs])
    sections["slugs.ids"] = array("i", [rows[i].id for i in slugs])
    _groups(sections, "tags", list(by_tag), by_tag.values())
    _groups(sections, "authors", list(by_author), by_author.values())
    return sections


# -- an update ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Change:
    """What one article brings to (or takes from) the tables: its title key, the words its
    title is found by and those only part of a dotted word, its slug, tags, authors and
    description words."""

    id: int
    key: str
    terms: set[str]
    parts: set[str]
    slug: str
    tags: tuple[str, ...]
    authors: list[str]
    described: set[str]


def _change(row: Row, chars: int) -> _Change:
    key = " ".join(words(row.title))
    terms, parts = title_terms(key)
    described = set(words(row.description[:chars])) if row.description else set()
    return _Change(
        row.id, key, terms, parts, row.slug, row.tags, split_authors(row.author), described
    )


class _Old:
    """The previous index, and its sorted tables decoded once (or handed over by the
    index serving, which holds some of them decoded already)."""

    def __init__(self, file: IndexFile, decoded: dict[str, list[str]]) -> None:
        self.file = file
        self._decoded = decoded

    def listed(self, name: str) -> list[str]:
        found = self._decoded.get(name)
        if found is None:
            found = self._decoded[name] = self.file.strings(name).all()
        return found


def update(
    old: IndexFile,
    removed: set[int],
    added: Sequence[Row],
    policy: Policy = DEFAULT,
    decoded: dict[str, list[str]] | None = None,
) -> dict[str, Section]:
    """The sections of `old` without the articles `removed` and with the rows `added`
    (whose ids are above every id old holds): what build() makes of the library they form,
    but for the strings left in the by-id tables (see _by_id), in a fraction of its time
    when few articles changed. `decoded`: sorted tables of old already decoded (by name);
    the new index's are put there."""
    chars = policy.description_chars
    prev = _Old(old, decoded if decoded is not None else {})
    rec = old.strings("rec")
    gone = [_change(row_of(*decode_record(a, rec[a])), chars) for a in sorted(removed)]
    rows = newest_first(added)
    fresh = [_change(r, chars) for r in rows]
    newest = _merged_order(old, removed, rows)
    size = max(newest, default=-1) + 1
    rank = array("i", [-1]) * size
    for r, a in enumerate(newest):
        rank[a] = r
    sections: dict[str, Section] = {"rank": rank, "newest": array("i", newest)}
    _update_by_id(old, sections, removed, rows, fresh, size)
    out: dict[str, list[str]] = {}
    changed = _update_postings(prev, sections, gone, fresh, out)
    _update_firsts(old, sections, changed, out["words"], removed, newest, policy.candidate_cap)
    _update_grouped(
        prev,
        sections,
        "parts",
        None,
        [(w, c.id) for c in gone for w in c.parts],
        [(w, c.id) for c in fresh for w in c.parts],
    )
    _update_grouped(
        prev,
        sections,
        "titles",
        rank,
        [(c.key, c.id) for c in gone],
        [(c.key, c.id) for c in fresh],
    )
    _update_named(old, sections, "tags", rank, gone, fresh, lambda c: c.tags)
    _update_named(old, sections, "authors", rank, gone, fresh, lambda c: c.authors)
    described = _update_desc(prev, sections, gone, fresh)
    _update_text(prev, sections, out, changed, described)
    slugs = {c.slug: [] for c in gone} | {c.slug: [c.id] for c in fresh}
    merged = _merge(old.strings("slugs"), slugs, prev.listed("slugs"), old.array("slugs.ids"))
    sections["slugs"], sections["slugs.off"], _, sections["slugs.ids"], _ = merged
    if decoded is not None:
        decoded.clear()
        decoded.update(out)
    return sections


def _merged_order(old: IndexFile, removed: set[int], rows: list[Row]) -> list[int]:
    """The ids newest first: the old order without the removed ones, and the new rows
    (newest first) put where their dates go, as the cache orders them (see newest_first)."""
    kept = (
        [a for a in old.array("newest") if a not in removed]
        if removed
        else list(old.array("newest"))
    )
    date = old.strings("date")
    at: list[int] = []
    lo = 0
    for row in rows:
        d, aid = row.date or "", row.id
        hi = len(kept)
        while lo < hi:  # the first kept article the row goes before
            mid = (lo + hi) // 2
            k = kept[mid]
            if _goes_before(d, aid, date[k], k):
                hi = mid
            else:
                lo = mid + 1
        at.append(lo)
    out: list[int] = []
    prev = 0
    for p, row in zip(at, rows, strict=True):
        out += kept[prev:p]
        out.append(row.id)
        prev = p
    out += kept[prev:]
    return out


def _goes_before(d: str, aid: int, other_d: str, other: int) -> bool:
    """Whether the article (date d, "" for none) comes before the other, newest first."""
    if d and other_d:
        return d > other_d or (d == other_d and aid < other)
    if d or other_d:
        return bool(d)
    return aid < other


def _update_by_id(
    old: IndexFile,
    sections: dict[str, Section],
    removed: set[int],
    rows: list[Row],
    fresh: list[_Change],
    size: int,
) -> None:
    """The tables by article id. The strings of removed articles stay (nothing reads them:
    their rank is -1), so the tables are copied whole, until they would be a quarter of
    the articles: then they are written without them."""
    garbage = old.array("garbage")[0] + sum(1 for a in removed if a < size)
    compact = garbage > len(sections["newest"]) // 4
    sections["garbage"] = array("i", [0 if compact else garbage])
    rank = sections["rank"]
    emptied = (
        {a for a in range(min(len(old.array("rank")), size)) if rank[a] < 0} if compact else set()
    )
    for name, values in (
        ("rec", {r.id: record(r) for r in rows}),
        ("tkey", {c.id: c.key for c in fresh}),
        ("twords", {c.id: " ".join(title_words(c.key)) for c in fresh}),
        ("ckey", {c.id: content_key(c.key) for c in fresh}),
        ("date", {r.id: r.date or "" for r in rows}),
    ):
        sections[name], sections[f"{name}.off"] = _by_id(old.strings(name), size, emptied, values)


def _table(sections: dict[str, Section], name: str) -> Strings:
    """A string table of sections being made, read as the file will read it."""
    return Strings(memoryview(sections[name]), memoryview(sections[f"{name}.off"]))


def _shifted(run: memoryview, delta: int) -> Section:
    """int64 values plus delta, as bytes: one big-integer addition or subtraction rather
    than one per value (no lane carries into the next: every result stays in 0..2**63)."""
    if delta == 0:
        return run.cast("B")
    order = sys.byteorder
    count = len(run)
    lanes = int.from_bytes(abs(delta).to_bytes(8, order) * count, order)
    total = int.from_bytes(run, order)
    total = total + lanes if delta > 0 else total - lanes
    return total.to_bytes(8 * count, order)


def _copy_run(parts: list[Section], offs: array, strings: Strings, s: int, e: int) -> None:
    """Strings s to e-1 of an old table onto the end of a new one (parts, offsets)."""
    if e <= s:
        return
    o = strings.offsets
    parts.append(strings.blob[o[s] : o[e]])
    offs.frombytes(_shifted(o[s + 1 : e + 1], offs[-1] - o[s]))


def _add_string(parts: list[Section], offs: array, text: str) -> None:
    data = text.encode() + b"\n"
    parts.append(data)
    offs.append(offs[-1] + len(data))


def _by_id(
    old: Strings, size: int, emptied: set[int], fresh: dict[int, str]
) -> tuple[bytes, array]:
    """A table by article id: the old strings ("" for those `emptied`), then the new."""
    parts: list[Section] = []
    offs = array("q", [0])
    kept = min(len(old), size)
    start = 0
    for a in sorted(emptied):
        if a >= kept:
            break
        _copy_run(parts, offs, old, start, a)
        _add_string(parts, offs, "")
        start = a + 1
    _copy_run(parts, offs, old, start, kept)
    for a in range(kept, size):
        _add_string(parts, offs, fresh.get(a, ""))
    return b"".join(parts), offs


class _Merged(NamedTuple):
    blob: bytes
    offsets: array
    at: array | None  # the bounds of each key's values, for tables with runs of them
    values: array | None
    keys: list[str]  # the new table's keys, decoded


def _merge(
    keys: Strings,
    changes: dict[str, Sequence[int]],
    listed: list[str],
    values: memoryview | None = None,
    at: memoryview | None = None,
) -> _Merged:
    """A sorted table of keys (`listed`: the same, decoded) with `changes` made (key -> its
    new values; [] drops it), its values a run per key (bounded by `at`) or one per key
    without it. Unchanged keys are copied in runs, as bytes."""
    kparts: list[Section] = []
    koffs = array("q", [0])
    vparts: list[Section] = []
    vat = array("q", [0]) if at is not None else None
    out: list[str] = []

    def copy(s: int, e: int) -> None:
        _copy_run(kparts, koffs, keys, s, e)
        out.extend(listed[s:e])
        if values is None or e <= s:
            return
        if at is None or vat is None:
            vparts.append(values[s:e])
        else:
            vparts.append(values[at[s] : at[e]])
            vat.frombytes(_shifted(at[s + 1 : e + 1], vat[-1] - at[s]))

    prev = 0
    for key in sorted(changes):
        p = bisect.bisect_left(listed, key, prev)
        copy(prev, p)
        new = changes[key]
        if new:
            _add_string(kparts, koffs, key)
            out.append(key)
            if values is not None:
                vparts.append(new if isinstance(new, array) else array("i", new))
                if vat is not None:
                    vat.append(vat[-1] + len(new))
        prev = p + 1 if p < len(listed) and listed[p] == key else p
    copy(prev, len(listed))
    vals = None
    if values is not None:
        vals = array("i")
        vals.frombytes(b"".join(vparts))
    return _Merged(b"".join(kparts), koffs, vat, vals, out)


def _drop_sorted(
    values: array, drop: Iterable[int], key: Callable[[int], int] | None = None
) -> None:
    """Remove each of `drop` from an array sorted by key (by value without one)."""
    for a in drop:
        i = bisect.bisect_left(values, a if key is None else key(a), key=key)
        while i < len(values) and values[i] != a:  # equal keys: a duplicate name's run
            i += 1
        while i < len(values) and values[i] == a:
            del values[i]


def _update_postings(
    old: _Old,
    sections: dict[str, Section],
    gone: list[_Change],
    fresh: list[_Change],
    out: dict[str, list[str]],
) -> dict[str, tuple[array, list[int]]]:
    """New title vocabulary and postings; returns, per word whose postings changed, its
    new ids (ascending; none: the word is gone) and the added ids among them."""
    at, ids = old.file.array("post.at"), old.file.array("post")
    lost: dict[str, list[int]] = defaultdict(list)
    got: dict[str, list[int]] = defaultdict(list)
    for c in gone:  # in id order
        for w in c.terms:
            lost[w].append(c.id)
    for c in sorted(fresh, key=lambda c: c.id):
        for w in c.terms:
            got[w].append(c.id)
    listed = old.listed("words")
    changed: dict[str, tuple[array, list[int]]] = {}
    for w in lost.keys() | got.keys():
        i = find(listed, w)
        held = array("i", ids[at[i] : at[i + 1]]) if i >= 0 else array("i")
        _drop_sorted(held, lost.get(w, ()))
        new = got.get(w, [])
        held.extend(new)  # added ids are above every old one: still ascending
        changed[w] = (held, new)
    merged = _merge(
        old.file.strings("words"), {w: v[0] for w, v in changed.items()}, listed, ids, at
    )
    sections["words"], sections["words.off"] = merged.blob, merged.offsets
    assert merged.at is not None and merged.values is not None
    sections["post.at"], sections["post"] = merged.at, merged.values
    out["words"] = merged.keys
    return changed


def _update_firsts(
    old: IndexFile,
    sections: dict[str, Section],
    changed: dict[str, tuple[array, list[int]]],
    vocab: list[str],
    removed: set[int],
    newest: list[int],
    cap: int,
) -> None:
    """The newest `cap` ids of each word held by more titles than that: kept for words
    that did not change; for one that did, taken from its old newest and its new ids when
    they are enough, else from all its ids."""
    old_vocab = old.strings("words")
    word_at, at, ids = old.array("firsts.word"), old.array("firsts.at"), old.array("firsts")
    newest_of: dict[str, Sequence[int]] = {}
    before: dict[str, Sequence[int]] = {}
    for k, i in enumerate(word_at):
        w = old_vocab[i]
        (before if w in changed else newest_of)[w] = ids[at[k] : at[k + 1]]
    by_rank = sections["rank"].__getitem__
    for w, (held, new) in changed.items():
        if len(held) > cap:
            newest_of[w] = _newest(held, new, before.get(w, ()), removed, newest, by_rank, cap)
    big = sorted((find(vocab, w), w) for w in newest_of)
    sections["firsts.word"] = array("i", [i for i, _ in big])
    runs = [newest_of[w] for _, w in big]
    sections["firsts.at"] = array("q", chain([0], accumulate(len(r) for r in runs)))
    sections["firsts"] = array("i", chain.from_iterable(runs))


def _newest(
    held: array,
    new: list[int],
    top: Sequence[int],
    removed: set[int],
    newest: list[int],
    by_rank: Callable[[int], int],
    cap: int,
) -> Sequence[int]:
    """The newest `cap` of a word's ids, given its old newest (`top`) and its new ids.

    Every id the old newest left out is older than each of them: so with the old newest
    that stay, the new ids newer than the last of them are known to go first, and when
    they make `cap` nothing else needs looking at (an edit keeps its article's date).
    """
    kept = [a for a in top if a not in removed]
    if kept:
        last = by_rank(kept[-1])
        sure = kept + [a for a in new if by_rank(a) < last]
        if len(sure) >= cap:
            return sorted(sure, key=by_rank)[:cap]
    if len(held) * len(held) > cap * len(newest):
        # Held by many: walking the newest articles meets cap of them soon.
        inside = set(held)
        found: list[int] = []
        for a in newest:
            if a in inside:
                found.append(a)
                if len(found) == cap:
                    break
        return found
    return sorted(held, key=by_rank)[:cap]


def _update_grouped(
    old: _Old,
    sections: dict[str, Section],
    name: str,
    rank: array | None,
    gone: list[tuple[str, int]],
    fresh: list[tuple[str, int]],
) -> None:
    """A sorted table of names with their ids (newest first with `rank`, else ascending):
    the names of removed and added articles get their new ids."""
    lost: dict[str, set[int]] = defaultdict(set)
    got: dict[str, list[int]] = defaultdict(list)
    for key, aid in gone:
        lost[key].add(aid)
    for key, aid in fresh:
        got[key].append(aid)
    table, at, ids = (
        old.file.strings(name),
        old.file.array(f"{name}.at"),
        old.file.array(f"{name}.ids"),
    )
    listed = old.listed(name)
    changes: dict[str, Sequence[int]] = {}
    for key in lost.keys() | got.keys():
        i = find(listed, key)
        out = lost.get(key, set())
        held = [a for a in ids[at[i] : at[i + 1]] if a not in out] if i >= 0 else []
        changes[key] = sorted(held + got.get(key, []), key=rank.__getitem__ if rank else None)
    merged = _merge(table, changes, listed, ids, at)
    assert merged.at is not None and merged.values is not None
    sections[name], sections[f"{name}.off"] = merged.blob, merged.offsets
    sections[f"{name}.at"], sections[f"{name}.ids"] = merged.at, merged.values


def _update_desc(
    old: _Old, sections: dict[str, Section], gone: list[_Change], fresh: list[_Change]
) -> dict[str, int]:
    """New description word counts; returns the changed words' new counts."""
    counts = old.file.array("desc.count")
    listed = old.listed("desc")
    delta: Counter[str] = Counter()
    for c in gone:
        delta.subtract(c.described)
    for c in fresh:
        delta.update(c.described)
    now: dict[str, int] = {}
    for w, d in delta.items():
        if d:
            i = find(listed, w)
            now[w] = (counts[i] if i >= 0 else 0) + d
    changes = {w: [n] if n > 0 else [] for w, n in now.items()}
    merged = _merge(old.file.strings("desc"), changes, listed, counts)
    assert merged.values is not None
    sections["desc"], sections["desc.off"], sections["desc.count"] = (
        merged.blob,
        merged.offsets,
        merged.values,
    )
    return now


def _tag_words(names: Iterable[str]) -> set[str]:
    return {w for t in names for w in words(t)}


def _update_text(
    old: _Old,
    sections: dict[str, Section],
    out: dict[str, list[str]],
    changed: dict[str, tuple[array, list[int]]],
    described: dict[str, int],
) -> None:
    """The text vocabulary: title, description and tag words, where any of them changed."""
    text, desc, vocab = old.listed("text"), old.listed("desc"), out["words"]
    old_tags = _tag_words(old.file.strings("tags"))
    new_tags = _tag_words(_table(sections, "tags"))
    changes: dict[str, list[int]] = {}
    for w in {*changed, *described, *(old_tags ^ new_tags)}:
        counted = described[w] > 0 if w in described else find(desc, w) >= 0
        now = find(vocab, w) >= 0 or counted or w in new_tags
        if now != (find(text, w) >= 0):
            changes[w] = [1] if now else []
    merged = _merge(old.file.strings("text"), changes, text)
    sections["text"], sections["text.off"] = merged.blob, merged.offsets
    out["text"] = merged.keys


def _update_named(
    old: IndexFile,
    sections: dict[str, Section],
    name: str,
    rank: array,
    gone: list[_Change],
    fresh: list[_Change],
    names_of: Callable[[_Change], Sequence[str]],
) -> None:
    """Tags or authors: changed names get their new ids (newest first), and the names are
    put in the order the newest articles first name them."""
    names, at, ids = old.strings(name), old.array(f"{name}.at"), old.array(f"{name}.ids")
    lost: dict[str, set[int]] = defaultdict(set)
    got: dict[str, list[int]] = defaultdict(list)
    for c in gone:
        for t in names_of(c):
            lost[t].add(c.id)
    for c in fresh:
        for t in names_of(c):
            got[t].append(c.id)
    by_rank, by_old_rank = rank.__getitem__, old.array("rank").__getitem__
    groups: dict[str, Sequence[int]] = {}
    for i, t in enumerate(names):
        run: Sequence[int] = ids[at[i] : at[i + 1]]
        if t in lost or t in got:
            # Newest first: the removed found by their old rank, the added put by the new
            # (the articles that stay keep their order).
            run = array("i", run)
            _drop_sorted(run, lost.get(t, ()), by_old_rank)
            for a in got.get(t, ()):
                bisect.insort(run, a, key=by_rank)
        if run:
            groups[t] = run
    for t, new in got.items():
        if t not in groups:
            groups[t] = array("i", sorted(new, key=by_rank))
    order = _first_named(old, groups, rank, {c.id: c for c in fresh}, names_of)
    _groups(sections, name, order, (groups[t] for t in order))


def _first_named(
    old: IndexFile,
    groups: dict[str, Sequence[int]],
    rank: array,
    fresh: dict[int, _Change],
    names_of: Callable[[_Change], Sequence[str]],
) -> list[str]:
    """Names in the order a walk over the articles, newest first, meets them: by their
    newest article, then by their place in its list of names."""
    by_first: dict[int, list[str]] = defaultdict(list)
    for t, run in groups.items():
        by_first[run[0]].append(t)
    rec = old.strings("rec")
    order: list[str] = []
    for aid in sorted(by_first, key=rank.__getitem__):
        named = by_first[aid]
        if len(named) > 1:
            change = fresh.get(aid) or _change(row_of(*decode_record(aid, rec[aid])), 0)
            listed = list(names_of(change))
            named.sort(key=listed.index)
        order += named
    return order
