"""Words a member clips and the library writes whole, learned from the library's own text.

A member types "dir", "deps", "perf" where the post writes "directory", "dependencies",
"performance" (fresh6's "on which platform was cargos build dir locking broken": the
post says "build directory locking"). No list of clippings is kept: technical writing uses
both forms, often in the same post ("the target dir", "the target directory"), so the
articles writing the short form say which longer word it stands for.

- A question word may be a clipping when it is no English word (english.zipf 0, with and
  without a plural "s": "devs" and "dev") and, a plural "s" aside, 3 to
  Policy.clipped_letters letters long, all letters; and at least Policy.clipped_articles
  articles write it (one article writing "rep" says nothing of what it stands for).
- What it stands for: the FTS5 terms starting with it, Policy.clipped_longer letters
  longer at least (the Policy.clipped_terms most held): the one most of the articles
  writing the short form also write, by at least Policy.clipped_share of them, ahead of
  the next one by Policy.clipped_margin ("dir": "directori" 0.66 of the 44 blog posts
  writing "dir", "direct" 0.50); not a compound of it and another word the library
  writes ("git" and "github": "hub").

- Not where the clipped word is part of a name with the question's word before or after
  it: the library writes the two together, and never with the whole word ("app engine",
  never "application engine"; "build dir" and "build directory" both).

What is found is remembered with the article counts (DocFreqs.clipped) until the index
changes; compounds.forms_of turns it into the other form every stage matches, as it does
an acronym's words.
"""

from __future__ import annotations

from bot.search.english import zipf
from bot.search.index import DocFreqs
from bot.search.parse import Query
from bot.search.policy import Policy
from bot.search.words import fold, fts_quote, fts_word
from bot.store.search import SearchStore


def _clipping(word: str, policy: Policy) -> str | None:
    """The start of a longer word `word` may be ("devs" -> "dev"), or None."""
    if not word.isalpha():
        return None
    base = word[:-1] if word.endswith("s") and len(word) > 3 else word
    if not 3 <= len(base) <= policy.clipped_letters:
        return None
    # An English word is itself, not a clipping ("scams", "hand", "spec" aside).
    if zipf(word) or zipf(base):
        return None
    return base


async def learn(
    q: Query, fts: SearchStore, counts: DocFreqs, policy: Policy
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The question's clipped words as the library writes them whole: (word,) -> (the
    whole word,), for compounds.forms_of; {} when off (Policy.clipped_share 0)."""
    if not policy.clipped_share:
        return {}
    memo = counts.clipped
    content = q.content
    for i, w in enumerate(content):
        if (w,) not in memo:
            memo[(w,)] = ""
            base = _clipping(w, policy)
            if base is not None:
                memo[(w,)] = await _whole(w, base, fts, counts, policy)
        whole = memo[(w,)]
        around = _around(content, i)
        if whole and around not in memo:
            memo[around] = "" if await _in_name(around, whole, fts, counts, policy) else whole
    return known(q, counts, policy)


def known(
    q: Query, counts: DocFreqs, policy: Policy
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """What `learn` found for the question's words, from memory only: the rerank reads the
    question again after the search learned it."""
    if not policy.clipped_share:
        return {}
    memo, content = counts.clipped, q.content
    return {
        (w,): (memo[around],)
        for i, w in enumerate(content)
        if memo.get(around := _around(content, i))
    }


def _around(content: tuple[str, ...] | list[str], i: int) -> tuple[str, str, str]:
    """The question's i-th content word between the ones before and after it ("" at an end)."""
    before = content[i - 1] if i else ""
    after = content[i + 1] if i + 1 < len(content) else ""
    return (before, content[i], after)


async def _in_name(
    around: tuple[str, str, str], whole: str, fts: SearchStore, counts: DocFreqs, policy: Policy
) -> bool:
    """Whether the clipped word is part of a name with the word before or after it: the
    library writes the two together (in clipped_articles articles at least), and never
    with the whole word ("app engine", never "application engine"; but "build dir" and
    "build directory" both)."""
    before, w, after = around
    pairs = [(a, b) for a, b in ((before, w), (w, after)) if a and b]
    if not pairs:
        return False
    short = [fts_quote(f"{a} {b}") for a, b in pairs]
    long = [fts_quote(f"{whole if a == w else a} {whole if b == w else b}") for a, b in pairs]
    dfs = await counts.count(fts, [*short, *long])
    return any(
        s >= policy.clipped_articles and not lng
        for s, lng in zip(dfs[: len(pairs)], dfs[len(pairs) :], strict=True)
    )


async def _whole(
    word: str, base: str, fts: SearchStore, counts: DocFreqs, policy: Policy
) -> str:
    """The word `word` (starting `base`) stands for, as an article writes it; "" for none."""
    expr = fts_word(word)
    if expr is None:
        return ""
    terms = await fts.terms_starting(base, len(base) + policy.clipped_longer, policy.clipped_terms)
    if not terms:
        return ""
    # The short form's count and each term's with it, in one round trip.
    both = [f"{expr} AND {fts_quote(t)}" for t in terms]
    held, *together = await counts.count(fts, [expr, *both])
    if held < policy.clipped_articles:
        return ""
    shares = sorted(((n / held, t) for n, t in zip(together, terms, strict=True)), reverse=True)
    share, term = shares[0]
    second = shares[1][0] if len(shares) > 1 else 0.0
    if share < policy.clipped_share or share - second < policy.clipped_margin:
        return ""
    # The term is FTS5's porter stem ("directori"): the rerank's sentence stems need a word
    # an article writes.
    written = await fts.held_words(fts_quote(term), 1)
    whole = fold(written[0]) if written and written[0].isalpha() else ""
    # A compound of the word and another the library writes is no clipping of it: "git" is
    # a name of its own beside "github" (git + "hub"), "app" beside "appengine".
    rest = whole[len(base) :]
    if len(rest) >= policy.compound_part_letters and (rest_expr := fts_word(rest)):
        (rest_df,) = await counts.count(fts, [rest_expr])
        if rest_df:
            return ""
    return whole
